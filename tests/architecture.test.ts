/**
 * Guards the layering described in docs/architecture.md by reading import statements:
 * the client never reaches into content/, and shared/ stays free of frameworks and servers
 * so bots, the simulator and tests can run its rules anywhere.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  return readdirSync(full).flatMap((entry) => {
    const child = path.join(dir, entry);
    if (statSync(path.join(ROOT, child)).isDirectory()) return sourceFiles(child);
    return /\.(ts|mts|js|mjs)$/.test(entry) ? [child] : [];
  });
}

/** Every module specifier in `import ... from 'x'`, `import 'x'`, `export ... from 'x'` and `import('x')`. */
function importsOf(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? '');
}

function offenders(dir: string, forbidden: (specifier: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(readFileSync(path.join(ROOT, file), 'utf8'))
      .filter(forbidden)
      .map((specifier) => `${file} imports ${specifier}`),
  );
}

describe('layering', () => {
  it('finds imports in every syntax it claims to', () => {
    const code = `import a from 'a';\nimport type { B } from "b";\nexport * from './c.ts';\nimport 'd';\nconst e = await import('e');`;
    expect(importsOf(code)).toEqual(['a', 'b', './c.ts', 'd', 'e']);
  });

  it('client/ imports nothing from content/ (the server sends what the client needs)', () => {
    expect(offenders('client/src', (s) => /(^|\/)content(\/|$)/.test(s))).toEqual([]);
  });

  it('shared/ imports no Colyseus, Phaser, HTTP server or logger', () => {
    const framework = /^(@colyseus\/|phaser$|express$|pino$|ws$|node:(http|https|net)$)/;
    expect(offenders('shared/src', (s) => framework.test(s))).toEqual([]);
  });
});
