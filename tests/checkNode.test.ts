import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../scripts/check-node.mjs', import.meta.url));

/** Runs check-node.mjs as if Node `version` were running it (process.versions.node is patched first). */
function runAs(version: string) {
  const patch = `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} });`;
  return spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(patch)}`, SCRIPT], {
    encoding: 'utf8',
  });
}

describe('scripts/check-node.mjs', () => {
  it.each(['20.20.2', '22.11.0', '18.0.0', '12.22.12'])(
    'stops Node %s with one sentence and exit code 1',
    (version) => {
      const result = runAs(version);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `Peace Table needs Node.js 22.12 or newer (24 LTS recommended); this is Node ${version}. ` +
          'Install it with "npm install -g node@24" or from nodejs.org, then run the command again.\n',
      );
    },
  );

  it.each(['22.12.0', '23.0.0', '24.21.0', '30.1.2'])('lets Node %s through silently', (version) => {
    const result = runAs(version);
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });
});
