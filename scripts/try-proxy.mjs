// `node scripts/try-proxy.mjs [--tls] [--keep]`: tries the scale-out setup of docs/deployment.md
// ("Several processes (Redis)") for real on loopback: a redis-server, two game servers started as
// `npm start` starts them (PUBLIC_ADDRESS=127.0.0.1:<proxy port>/a and /b, one shared database) and
// nginx running the configuration block of docs/deployment.md (ports, listen and certificate
// adapted). Then, through the proxy only: the page, /health, /api, sessions on both processes,
// websockets by prefix, transcripts, reconnections. Opt-in (not part of `npm test`): needs nginx and
// redis-server (and openssl for --tls; exits 2 without them). Prints one line per check; exits 1 on
// the first failure.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureClientBuilt, freePort, ROOT } from './lib/gameServer.mjs';

const args = new Set(process.argv.slice(2));
const TLS = args.has('--tls');
const KEEP = args.has('--keep');
const SEATS = { ukraine: 'human', russia: 'bot', us: 'bot', europe: 'bot' };
const PREFIXES = ['a', 'b'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A program from `envName`, else from PATH or the sbin folders (nginx lives in /usr/sbin). */
function findProgram(envName, name) {
  const chosen = process.env[envName]?.trim();
  if (chosen) return existsSync(chosen) ? chosen : null;
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs) if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  return null;
}

const children = [];
let workDir;
let failed = false;

function start(label, command, argv, options = {}) {
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const entry = { label, child, output: '' };
  child.stdout.on('data', (chunk) => {
    entry.output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    entry.output += chunk;
  });
  entry.exited = new Promise((resolve) => child.once('exit', resolve));
  children.push(entry);
  return entry;
}

async function stopAll() {
  for (const entry of children.reverse()) {
    const { child } = entry;
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGTERM');
    await Promise.race([entry.exited, sleep(5000)]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await entry.exited;
    }
  }
}
process.once('exit', () => {
  for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function ok(line) {
  process.stdout.write(`ok    ${line}\n`);
}

function check(condition, what) {
  if (!condition) throw new Error(what);
}

async function until(condition, what, ms = 10_000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** The nginx block of docs/deployment.md that defines `upstream peace_table`, adapted to loopback. */
function siteConfig({ proxyPort, portA, portB, cert, key }) {
  const doc = readFileSync(path.join(ROOT, 'docs', 'deployment.md'), 'utf8');
  const site = [...doc.matchAll(/```nginx\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .find((b) => b.includes('upstream peace_table'));
  check(site, 'docs/deployment.md has no ```nginx block with "upstream peace_table"');
  for (const needle of ['127.0.0.1:2567', '127.0.0.1:2568', 'listen 443 ssl;']) {
    check(site.includes(needle), `the nginx block of docs/deployment.md no longer contains "${needle}"`);
  }
  return site
    .replaceAll('127.0.0.1:2567', `127.0.0.1:${portA}`)
    .replaceAll('127.0.0.1:2568', `127.0.0.1:${portB}`)
    .replace('listen 443 ssl;', TLS ? `listen 127.0.0.1:${proxyPort} ssl;` : `listen 127.0.0.1:${proxyPort};`)
    .replace(/^(\s*)ssl_certificate\s[^;]*;/m, TLS ? `$1ssl_certificate ${cert};` : '')
    .replace(/^(\s*)ssl_certificate_key\s[^;]*;/m, TLS ? `$1ssl_certificate_key ${key};` : '');
}

function nginxVersion(nginx) {
  const result = spawnSync(nginx, ['-v'], { encoding: 'utf8' });
  return /nginx\/([\d.]+)/.exec(`${result.stderr}${result.stdout}`)?.[1] ?? 'unknown';
}

async function waitForHealth(url, entry, ms = 30_000) {
  const started = Date.now();
  for (;;) {
    if (entry.child.exitCode !== null) throw new Error(`${entry.label} exited early:\n${entry.output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > ms) throw new Error(`${entry.label} did not answer ${url}/health in ${ms / 1000} s`);
    await sleep(200);
  }
}

async function main() {
  const nginx = findProgram('NGINX', 'nginx');
  const redisServer = findProgram('REDIS_SERVER', 'redis-server');
  const openssl = TLS ? findProgram('OPENSSL', 'openssl') : 'unused';
  const missing = [!nginx && 'nginx', !redisServer && 'redis-server', !openssl && 'openssl'].filter(Boolean);
  if (missing.length > 0) {
    process.stderr.write(`try-proxy needs ${missing.join(' and ')} (Debian: apt-get install ${missing.join(' ')}).\n`);
    process.exit(2);
  }
  // shared/ is TypeScript: tsx compiles it on the fly, as in start.mjs.
  // The SDK narrates its reconnections and refused joins on the console; this script says what counts.
  console.info = () => {};
  console.warn = () => {};
  const { register } = await import('tsx/esm/api');
  register();
  const { Client } = await import('@colyseus/sdk');
  const { FACILITATOR_KEY_HEADER, NEGOTIATION_ROOM, PROTOCOL_VERSION } = await import('@peace-table/shared/protocol');

  ensureClientBuilt();
  workDir = mkdtempSync(path.join(tmpdir(), 'peace-table-proxy-'));
  // nginx's workers run as another user when started by root: they must reach their temp folders.
  chmodSync(workDir, 0o755);
  const ports = new Set();
  while (ports.size < 4) ports.add(await freePort());
  const [redisPort, portA, portB, proxyPort] = ports;
  const scheme = TLS ? 'https' : 'http';
  const base = `${scheme}://127.0.0.1:${proxyPort}`;
  const wsBase = `${TLS ? 'wss' : 'ws'}://127.0.0.1:${proxyPort}`;
  process.stdout.write(
    `nginx ${nginxVersion(nginx)}, ${redisServer}, Node ${process.versions.node}; proxy ${base}, A :${portA}, B :${portB}, files in ${workDir}\n`,
  );

  // redis-server
  const redis = start('redis-server', redisServer, [
    '--port',
    String(redisPort),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  await until(() => redis.output.includes('Ready to accept connections'), 'redis-server', 10_000);

  // the two game servers, as `npm start` runs them
  const servers = {};
  for (const [prefix, port] of [
    ['a', portA],
    ['b', portB],
  ]) {
    servers[prefix] = start(`process ${prefix.toUpperCase()}`, process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        NODE_ID: prefix,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        DATABASE_PATH: path.join(workDir, 'data', 'peace-table.db'),
        PUBLIC_ADDRESS: `127.0.0.1:${proxyPort}/${prefix}`,
        TRUST_PROXY: '1',
        BOT_DELAY_MS: '100',
        LOG_LEVEL: 'info',
      },
    });
    servers[prefix].port = port;
  }
  await Promise.all(PREFIXES.map((p) => waitForHealth(`http://127.0.0.1:${servers[p].port}`, servers[p])));
  ok('redis-server and processes A and B started');

  // nginx with the documented configuration
  let cert;
  let key;
  if (TLS) {
    cert = path.join(workDir, 'cert.pem');
    key = path.join(workDir, 'key.pem');
    const made = spawnSync(
      openssl,
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ]),
      { encoding: 'utf8' },
    );
    check(made.status === 0, `openssl could not make a certificate: ${made.stderr}`);
    chmodSync(key, 0o644);
    // The certificate is self-signed and made a moment ago: trust it for this process's fetch and
    // websockets (and keep Node's warning about that setting, which is meant for real deployments, quiet).
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    const emitWarning = process.emitWarning;
    process.emitWarning = (warning, ...rest) => {
      if (!String(warning).includes('NODE_TLS_REJECT_UNAUTHORIZED')) emitWarning.call(process, warning, ...rest);
    };
  }
  const nginxDir = path.join(workDir, 'nginx');
  mkdirSync(path.join(nginxDir, 'temp'), { recursive: true });
  const site = siteConfig({ proxyPort, portA, portB, cert, key });
  writeFileSync(path.join(nginxDir, 'peace-table.conf'), site);
  writeFileSync(
    path.join(nginxDir, 'nginx.conf'),
    `worker_processes 1;
worker_shutdown_timeout 3s;
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log info;
events { worker_connections 512; }
http {
    log_format upstreams '$request_method $uri $status upstream=$upstream_addr';
    access_log ${nginxDir}/access.log upstreams;
    client_body_temp_path ${nginxDir}/temp/body;
    proxy_temp_path ${nginxDir}/temp/proxy;
    fastcgi_temp_path ${nginxDir}/temp/fastcgi;
    uwsgi_temp_path ${nginxDir}/temp/uwsgi;
    scgi_temp_path ${nginxDir}/temp/scgi;
    include ${nginxDir}/peace-table.conf;
}
`,
  );
  const nginxArgs = ['-p', `${nginxDir}/`, '-c', path.join(nginxDir, 'nginx.conf')];
  // -e (nginx 1.19.5+): no attempt at the system's error log before the configuration is read.
  const [major, minor, patch] = nginxVersion(nginx).split('.').map(Number);
  if (major > 1 || (major === 1 && (minor > 19 || (minor === 19 && patch >= 5)))) {
    nginxArgs.push('-e', path.join(nginxDir, 'error.log'));
  }
  const tested = spawnSync(nginx, [...nginxArgs, '-t'], { encoding: 'utf8' });
  check(tested.status === 0, `nginx -t refused the configuration:\n${tested.stderr}\n${site}`);
  const proxy = start('nginx', nginx, [...nginxArgs, '-g', 'daemon off;']);
  await waitForHealth(base, proxy, 10_000);
  ok(`nginx ${nginxVersion(nginx)} runs the configuration of docs/deployment.md on ${base}`);

  // plain HTTP through the proxy
  const page = await fetch(`${base}/`);
  const html = await page.text();
  check(
    page.status === 200 && /text\/html/.test(page.headers.get('content-type') ?? ''),
    `GET / answered ${page.status}`,
  );
  check(/<!doctype html>/i.test(html), 'GET / is not the client page');
  const asset = /(?:src|href)="(\/assets\/[^"]+)"/.exec(html)?.[1];
  check(asset, 'the client page names no /assets/ file');
  const assetRes = await fetch(`${base}${asset}`);
  check(assetRes.status === 200, `GET ${asset} answered ${assetRes.status}`);
  ok(`GET / serves the client page, and GET ${asset} its script`);
  const health = await (await fetch(`${base}/health`)).json();
  check(health.status === 'ok', `GET /health: ${JSON.stringify(health)}`);
  for (const prefix of PREFIXES) {
    const res = await fetch(`${base}/${prefix}/health`);
    check(res.status === 200, `GET /${prefix}/health answered ${res.status}`);
  }
  ok('GET /health, /a/health and /b/health answer');
  const scenarios = await (await fetch(`${base}/api/scenarios`)).json();
  check(
    scenarios.scenarios?.some((s) => s.id === 'ukraine-2026'),
    `GET /api/scenarios: ${JSON.stringify(scenarios)}`,
  );
  ok('GET /api/scenarios lists ukraine-2026');

  // sessions, until both processes host some
  /** Which process logged "session open" for this code. */
  const hostOf = (code) =>
    PREFIXES.filter((p) =>
      servers[p].output
        .split('\n')
        .some((line) => line.includes(`"session":"${code}"`) && line.includes('session open')),
    );
  const players = [];
  const watch = (room) => {
    const player = { room, messages: [], reconnects: 0, left: undefined };
    room.onMessage('*', (type, payload) => player.messages.push({ type: String(type), payload }));
    room.onReconnect(() => {
      player.reconnects++;
    });
    room.onLeave((code) => {
      player.left = code;
    });
    return player;
  };
  const views = (player) => player.messages.filter((m) => m.type === 'view').length;
  const prefixOf = (room) => {
    const url = room.connection.url ?? '';
    check(url.startsWith(`${wsBase}/`), `the websocket went to ${url}, not through the proxy ${wsBase}`);
    return new URL(url).pathname.split('/')[1];
  };
  /** The player gets its view again on asking: the websocket works both ways. */
  const roundTrip = async (player, what) => {
    const before = views(player);
    player.room.send('view.sync', {});
    await until(() => views(player) > before, `a view after view.sync (${what})`);
  };

  for (let i = 0; i < 10; i++) {
    const hosts = new Set(players.map((p) => p.host));
    if (i >= 4 && hosts.size === 2) break;
    const res = await fetch(`${base}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'ukraine-2026', seats: SEATS }),
    });
    const session = await res.json();
    check(res.status === 201 && session.code, `POST /api/sessions answered ${res.status} ${JSON.stringify(session)}`);
    const room = await new Client(base).join(NEGOTIATION_ROOM, {
      protocol: PROTOCOL_VERSION,
      code: session.code,
      role: 'delegate',
      delegation: 'ukraine',
      name: `Proxy check ${i + 1}`,
    });
    const player = watch(room);
    await until(
      () => player.messages.some((m) => m.type === 'seat.key') && views(player) > 0,
      `the seat key and the first view of ${session.code}`,
    );
    check(room.state.toJSON().code === session.code, `the room state of ${session.code} has another code`);
    await roundTrip(player, session.code);
    const prefix = prefixOf(room);
    const host = hostOf(session.code);
    check(host.length === 1, `session ${session.code} was opened by ${host.length} processes`);
    check(prefix === host[0], `session ${session.code} lives on ${host[0]} but its websocket went to /${prefix}/`);
    Object.assign(player, { session, host: host[0] });
    players.push(player);
    ok(`session ${session.code}: created, joined, state and views received over ${room.connection.url.split('?')[0]}`);
  }
  const hostsUsed = new Set(players.map((p) => p.host));
  check(hostsUsed.size === 2, `all ${players.length} sessions landed on process ${[...hostsUsed]}`);
  ok(`${players.length} sessions on both processes (${players.map((p) => p.host.toUpperCase()).join(' ')})`);

  // A seat reserved on one process and taken up through the other prefix is refused.
  {
    const target = players[0];
    const client = new Client(base);
    const res = await fetch(`${base}/matchmake/join/${NEGOTIATION_ROOM}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        protocol: PROTOCOL_VERSION,
        code: target.session.code,
        role: 'spectator',
        name: 'Wrong door',
      }),
    });
    const reservation = await res.json();
    check(res.status === 200 && reservation.roomId, `POST /matchmake/join answered ${res.status}`);
    check(
      reservation.publicAddress === `127.0.0.1:${proxyPort}/${target.host}`,
      `the seat reservation names ${reservation.publicAddress}`,
    );
    const other = PREFIXES.find((p) => p !== target.host);
    const refused = await Promise.race([
      client.consumeSeatReservation({ ...reservation, publicAddress: `127.0.0.1:${proxyPort}/${other}` }).then(
        (room) => {
          room.leave(true);
          return false;
        },
        () => true,
      ),
      sleep(5000).then(() => 'timeout'),
    ]);
    check(
      refused === true,
      `a websocket to /${other}/ for a room on ${target.host} was ${refused ? 'not answered' : 'accepted'}`,
    );
    ok(
      `a seat reserved on ${target.host.toUpperCase()} is refused through /${other}/ (websockets only work by prefix)`,
    );
  }

  // transcripts through both prefixes and the shared upstream (one database file)
  for (const host of PREFIXES) {
    const player = players.find((p) => p.host === host);
    for (const via of ['/a', '/b', '']) {
      const res = await fetch(`${base}${via}/api/sessions/${player.session.code}/transcript?format=json`, {
        headers: { [FACILITATOR_KEY_HEADER]: player.session.facilitatorKey },
      });
      check(res.status === 200, `GET ${via}/api/sessions/${player.session.code}/transcript answered ${res.status}`);
    }
  }
  ok('transcripts answer through /a/api, /b/api and /api');

  // nginx reload: the old worker closes every websocket after worker_shutdown_timeout; the SDK reconnects.
  for (const p of players) p.room.reconnection.minUptime = 0;
  proxy.child.kill('SIGHUP');
  await until(() => players.every((p) => p.reconnects >= 1), 'every player to reconnect after an nginx reload', 20_000);
  for (const p of players) {
    check(p.left === undefined, `${p.session.code} left with ${p.left}`);
    check(prefixOf(p.room) === p.host, `${p.session.code} reconnected through another prefix`);
    await roundTrip(p, `${p.session.code} after the reload`);
  }
  ok(`nginx reloaded: all ${players.length} players dropped and the SDK reconnected them through their prefix`);

  // From a new client: the reconnection token, then the seat key (what a reloaded page does).
  for (const host of PREFIXES) {
    const player = players.find((p) => p.host === host);
    const token = player.room.reconnectionToken;
    player.room.reconnection.enabled = false;
    player.room.connection.close(4010, 'network lost');
    await until(() => player.left !== undefined, 'the dropped player to be gone');
    const back = watch(await new Client(base).reconnect(token));
    check(prefixOf(back.room) === host, `the reconnection of ${player.session.code} went to another prefix`);
    await roundTrip(back, `${player.session.code} after reconnect()`);
    ok(`${player.session.code}: room.reconnect(token) from a new client, through /${host}/`);

    const seatKey = player.messages.find((m) => m.type === 'seat.key').payload;
    const rejoined = watch(
      await new Client(base).join(NEGOTIATION_ROOM, {
        protocol: PROTOCOL_VERSION,
        code: player.session.code,
        role: 'delegate',
        seatKey: seatKey.key,
      }),
    );
    await until(() => views(rejoined) > 0, `the view after rejoining ${player.session.code} with the seat key`);
    check(prefixOf(rejoined.room) === host, `the seat-key rejoin of ${player.session.code} went to another prefix`);
    await roundTrip(rejoined, `${player.session.code} after the seat-key rejoin`);
    ok(`${player.session.code}: rejoined with the seat key from a new client, through /${host}/`);
    players.push(back, rejoined);
  }

  for (const p of players) if (p.left === undefined) await p.room.leave(true).catch(() => {});
  await sleep(300);

  // nginx's own record: every websocket (101) went to the process of its prefix, none to the upstream.
  const upgrades = readFileSync(path.join(nginxDir, 'access.log'), 'utf8')
    .split('\n')
    .filter((line) => / 101 upstream=/.test(line));
  check(upgrades.length > 0, 'nginx logged no websocket');
  for (const line of upgrades) {
    const [, prefix, port] = /^GET \/([ab])\/\S+ 101 upstream=127\.0\.0\.1:(\d+)$/.exec(line) ?? [];
    check(prefix, `a websocket not under /a/ or /b/: ${line}`);
    check(Number(port) === servers[prefix].port, `a websocket under /${prefix}/ went to port ${port}: ${line}`);
  }
  ok(`nginx's log: all ${upgrades.length} websockets went to the process of their prefix`);

  for (const p of PREFIXES) {
    const errors = servers[p].output.split('\n').filter((line) => /"level":(50|60)/.test(line));
    check(errors.length === 0, `process ${p.toUpperCase()} logged errors:\n${errors.join('\n')}`);
  }
  ok('no errors in the logs of A and B');
}

main()
  .catch((error) => {
    failed = true;
    process.stdout.write(`FAIL  ${error?.message ?? error}\n`);
    for (const { label, output } of children) {
      process.stdout.write(`\n--- last lines of ${label}\n${output.split('\n').slice(-15).join('\n')}\n`);
    }
  })
  .finally(async () => {
    await stopAll();
    if (workDir && !KEEP && !failed) rmSync(workDir, { recursive: true, force: true });
    else if (workDir) process.stdout.write(`kept ${workDir}\n`);
    process.stdout.write(failed ? 'try-proxy: FAILED\n' : 'try-proxy: everything worked through the proxy\n');
    process.exit(failed ? 1 : 0);
  });
