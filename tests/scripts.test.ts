import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initialChunks, sizeReport, withProductionEnv } from '../scripts/build-client.mjs';
import { clientIsStale, newestMtime } from '../scripts/start.mjs';

const temps: string[] = [];
function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'peace-table-scripts-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const chunk = (fileName: string, isEntry: boolean, imports: string[] = []) => ({
  type: 'chunk',
  fileName,
  isEntry,
  imports,
});

describe('build-client initialChunks', () => {
  it('counts entry chunks and what they import statically, not lazy chunks or assets', () => {
    const output = [
      chunk('assets/index.js', true, ['assets/vendor.js']),
      chunk('assets/vendor.js', false, ['assets/shared.js']),
      chunk('assets/shared.js', false),
      chunk('assets/lazy-scene.js', false, ['assets/shared.js']),
      { type: 'asset', fileName: 'assets/index.css' },
    ];
    expect(initialChunks(output).sort()).toEqual(['assets/index.js', 'assets/shared.js', 'assets/vendor.js']);
  });

  it('reports raw and gzipped sizes in KB', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.js'), 'x'.repeat(2048));
    expect(sizeReport(['a.js'], dir)).toMatch(
      /^client bundle: 2\.0 KB raw, 0\.\d KB gzipped \(initial JS: the first screen\)$/,
    );
  });
});

describe('build-client withProductionEnv', () => {
  it('builds with NODE_ENV=production whatever the shell says, and puts the old value back', async () => {
    const saved = process.env.NODE_ENV;
    try {
      for (const outer of ['development', 'test', undefined]) {
        if (outer === undefined) delete process.env.NODE_ENV;
        else process.env.NODE_ENV = outer;
        expect(await withProductionEnv(async () => process.env.NODE_ENV)).toBe('production');
        expect(process.env.NODE_ENV).toBe(outer);
      }
      process.env.NODE_ENV = 'development';
      await expect(
        withProductionEnv(async () => {
          throw new Error('build failed');
        }),
      ).rejects.toThrow('build failed');
      expect(process.env.NODE_ENV).toBe('development');
    } finally {
      if (saved === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = saved;
    }
  });
});

describe('start clientIsStale', () => {
  function setup() {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'src', 'deep'), { recursive: true });
    const source = path.join(dir, 'src', 'deep', 'main.ts');
    const index = path.join(dir, 'index.html');
    writeFileSync(source, '');
    writeFileSync(index, '');
    const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);
    return { dir, source, index, at };
  }

  it('is stale when nothing was built', () => {
    const { dir, source } = setup();
    expect(clientIsStale(path.join(dir, 'missing.html'), [source])).toBe(true);
  });

  it('is stale when any source below a folder is newer than the build, fresh otherwise', () => {
    const { dir, source, index, at } = setup();
    at(index, 2_000);
    at(source, 1_000);
    expect(clientIsStale(index, [path.join(dir, 'src')])).toBe(false);
    at(source, 3_000);
    expect(newestMtime(path.join(dir, 'src'))).toBe(3_000_000);
    expect(clientIsStale(index, [path.join(dir, 'src'), path.join(dir, 'no-such-file')])).toBe(true);
  });
});
