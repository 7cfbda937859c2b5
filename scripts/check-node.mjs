// Stops `npm start`, `npm test`, `npm run dev` and `npm run build` early, with one sentence, on a
// Node.js too old for the project (Vite 8, Vitest 5 and Colyseus 0.18 need 22.12+). Written in
// old, plain JavaScript on purpose: it must parse and run on whatever Node is installed, even 12.
var MINIMUM = [22, 12];
var current = String(process.versions.node);
var parts = current.split('.').map(Number);
var major = parts[0] || 0;
var minor = parts[1] || 0;

if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
  process.stderr.write(
    'Peace Table needs Node.js ' +
      MINIMUM.join('.') +
      ' or newer (24 LTS recommended); this is Node ' +
      current +
      '. Install it with "npm install -g node@24" or from nodejs.org, then run the command again.\n',
  );
  process.exit(1);
}
