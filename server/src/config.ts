/** Settings read once at start-up: the port and the facts /health reports. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_PORT = 2567;

/** Repository root, found from this file so it works whatever directory the server starts in. */
export const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const CLIENT_DIST_DIR = fileURLToPath(new URL('../../client/dist/', import.meta.url));

export interface PackageInfo {
  name: string;
  version: string;
}

export function readPackageInfo(): PackageInfo {
  const raw = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Partial<PackageInfo>;
  return { name: String(raw.name), version: String(raw.version) };
}

/** PORT from the environment, or the default. Throws a one-line message for nonsense values. */
export function readPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PORT?.trim();
  if (!raw) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number from 1 to 65535, not "${raw}". Example: PORT=3000 npm start`);
  }
  return port;
}
