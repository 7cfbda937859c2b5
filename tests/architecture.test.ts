/**
 * Guards the layering and the memory rules described in docs/architecture.md by reading the
 * sources: the client never reaches into content/ or the server, shared/ stays free of frameworks,
 * servers and clients so bots, the simulator and tests can run its rules anywhere, no file of
 * shared/src or of the server's rooms imports itself back through others, and shared/src keeps no
 * memory at module level (what a game remembers belongs to an object the host creates and drops).
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

/** What a specifier names, as a path from the repository root, or the package name it leaves as is. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return path
    .relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier))
    .split(path.sep)
    .join('/');
}

function offenders(dir: string, forbidden: (target: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(readFileSync(path.join(ROOT, file), 'utf8'))
      .filter((specifier) => forbidden(target(file, specifier)))
      .map((specifier) => `${file} imports ${specifier}`),
  );
}

/** The import cycles of an import graph: each as its files, sorted (strongly connected components). */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const to of graph.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file) as number, low.get(to) as number));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file) as number, index.get(to) as number));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) cycles.push(component.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return cycles;
}

/** Each file of `dir` and the files of `dir` it imports (type-only imports too: they tie files as well). */
function importGraph(dir: string): Map<string, string[]> {
  const files = sourceFiles(dir).map((f) => f.split(path.sep).join('/'));
  const inside = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      importsOf(readFileSync(path.join(ROOT, file), 'utf8'))
        .map((specifier) => target(file, specifier))
        .filter((to) => inside.has(to)),
    ]),
  );
}

/**
 * Module-level state: a top-level `let` or `var`, or a top-level `new Map`/`WeakMap`/`Set`/`WeakSet`
 * or typed array (a cache or a scratch buffer kept between calls). A Map or Set declared
 * `ReadonlyMap`/`ReadonlySet` is a constant table built once, and allowed. Top-level declarations
 * start at the first column (Biome formats them so).
 */
function moduleState(source: string): string[] {
  return source
    .split('\n')
    .filter(
      (line) =>
        /^(export\s+)?(let|var)\s/.test(line) ||
        (/^(export\s+)?const\s[^=]*=\s*new\s+(Map|WeakMap|Set|WeakSet|\w+Array)\b/.test(line) &&
          !/^(export\s+)?const\s+\w+\s*:\s*Readonly(Map|Set)</.test(line)),
    )
    .map((line) => line.trim());
}

describe('layering', () => {
  it('finds imports in every syntax it claims to', () => {
    const code = `import a from 'a';\nimport type { B } from "b";\nexport * from './c.ts';\nimport 'd';\nconst e = await import('e');`;
    expect(importsOf(code)).toEqual(['a', 'b', './c.ts', 'd', 'e']);
  });

  it('client/ imports nothing from content/ or the server (the server sends what the client needs)', () => {
    const outside = /^(content|server)(\/|$)|(^|\/)content(\/|$)|^@peace-table\/server(\/|$)/;
    expect(offenders('client/src', (to) => outside.test(to))).toEqual([]);
  });

  it('shared/ imports no Colyseus, Phaser, HTTP server or logger', () => {
    const framework = /^(@colyseus\/|phaser$|express$|pino$|ws$|node:(http|https|net)$)/;
    expect(offenders('shared/src', (to) => framework.test(to))).toEqual([]);
  });

  it('shared/ imports nothing of the server or the client', () => {
    const outside = /^(server|client)(\/|$)|^@peace-table\/(server|client)(\/|$)/;
    expect(offenders('shared/src', (to) => outside.test(to))).toEqual([]);
  });
});

describe('import cycles', () => {
  it('finds a cycle through several files, a file importing itself, and none in a tree', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(cyclesOf(graph)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('no file of shared/src imports itself back through others', () => {
    expect(cyclesOf(importGraph('shared/src'))).toEqual([]);
  });

  it('the room’s collaborators never import the room, nor each other in a circle', () => {
    expect(cyclesOf(importGraph('server/src'))).toEqual([]);
  });
});

describe('memory belongs to a game', () => {
  it('finds module-level state in every form it claims to, and lets constants be', () => {
    const code = [
      'let count = 0;',
      'export let last;',
      'const CACHE = new WeakMap<object, number>();',
      'export const SEEN = new Set<string>();',
      'const SCRATCH = new Int32Array(32);',
      "const NAMES: ReadonlySet<string> = new Set(['a']);",
      'const LIMIT = 3;',
      '  let inside = new Map();',
    ].join('\n');
    expect(moduleState(code)).toEqual([
      'let count = 0;',
      'export let last;',
      'const CACHE = new WeakMap<object, number>();',
      'export const SEEN = new Set<string>();',
      'const SCRATCH = new Int32Array(32);',
    ]);
  });

  it('shared/src keeps no mutable state at module level', () => {
    const found = sourceFiles('shared/src')
      .map((file) => file.split(path.sep).join('/'))
      .flatMap((file) => moduleState(readFileSync(path.join(ROOT, file), 'utf8')).map((line) => `${file}: ${line}`));
    expect(found).toEqual([]);
  });
});
