/**
 * `npm run simulate` as a facilitator runs it: the figures do not depend on how many worker
 * threads share the games, and bad options get a clear message and exit code 2.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function simulate(...args: string[]) {
  return run(process.execPath, ['scripts/run-ts.mjs', 'server/src/cli/simulate.ts', ...args], { cwd: ROOT });
}

describe('npm run simulate', () => {
  it('prints the same figures on one worker thread or several', async () => {
    const summaries = await Promise.all(
      ['1', '2', '3'].map(async (workers) => {
        const { stdout } = await simulate('--games', '24', '--seed', '11', '--json', '--workers', workers);
        const { gamesPerSecond, workers: used, ...figures } = JSON.parse(stdout) as Record<string, unknown>;
        expect(gamesPerSecond).toBeGreaterThan(0);
        expect(used).toBe(Number(workers));
        return figures;
      }),
    );
    expect(summaries[0]).toMatchObject({ games: 24, seed: 11, redLinesCrossed: 0, refused: 0 });
    expect(summaries[1]).toEqual(summaries[0]);
    expect(summaries[2]).toEqual(summaries[0]);
  }, 120_000);

  it('refuses a bad option with a message and exit code 2', async () => {
    const failed = await simulate('--games', '5', '--workers', '0').catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('--workers must be a positive integer, got "0"');
  }, 60_000);
});
