/**
 * `npm run content:schema` writes JSON Schemas generated from the zod scenario format, so authors
 * get completion and inline errors in their editor; `--check` exits 1 when the committed files are
 * stale (run by `npm test`). Generated from shared/src/scenario/schema.ts, never edited by hand.
 *
 * - content/schema/scenario.schema.json: every file kind under `$defs` (scenario, agenda, world,
 *   levers, events, outcomes, map, delegation), the root accepting any of them; for tools.
 * - content/schema/files/<kind>.schema.json: one self-contained schema per file kind, for editor
 *   mappings (yaml-language-server cannot point at a `$defs` entry of a larger schema).
 *
 * JSON Schema cannot express the cross-file checks (dangling references, missing utilities) or
 * the zod refinements (min below max); `npm run content:check` remains the authority.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as S from '@peace-table/shared/scenario/schema';
import { z } from 'zod';
import { CONTENT_ROOT } from '../content/loadScenario.ts';

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** File kind → its schema and the files it validates (for the docs and the VS Code mapping). */
export const FILE_KINDS = {
  scenario: { schema: S.ScenarioMeta, files: 'scenario.yaml' },
  agenda: { schema: S.Agenda, files: 'agenda.yaml' },
  world: { schema: S.World, files: 'world.yaml' },
  levers: { schema: S.Levers, files: 'levers.yaml' },
  events: { schema: S.Events, files: 'events.yaml' },
  outcomes: { schema: S.Outcomes, files: 'outcomes.yaml' },
  map: { schema: S.MapBinding, files: 'map.yaml' },
  delegation: { schema: S.Delegation, files: 'delegations/<id>.yaml' },
} as const;

/** Building blocks shared by several kinds, emitted once under `$defs` instead of inlined. */
const SHARED = { Localized: S.Localized, Source: S.Source, SourcedText: S.SourcedText, Condition: S.Condition };

/** JSON Schema of `schemas` in one registry, so shared parts become `$defs` entries referenced by name. */
function generate(schemas: Record<string, z.ZodType>): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  // io: 'input' so fields with defaults are optional, as they are for an author.
  const { schemas: out } = z.toJSONSchema(registry, { io: 'input', uri: (id) => `#/$defs/${id}` });
  return Object.fromEntries(
    Object.entries(out).map(([id, s]) => {
      const { $schema: _draft, $id: _id, ...rest } = s as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

function combined(): Record<string, unknown> {
  const kinds = Object.fromEntries(Object.entries(FILE_KINDS).map(([k, v]) => [k, v.schema as z.ZodType]));
  const defs = generate({ ...kinds, ...SHARED });
  return {
    $schema: DRAFT,
    title: 'Peace Table scenario files',
    description: 'Any one file of a scenario folder; $defs holds the schema of each file kind.',
    anyOf: Object.keys(FILE_KINDS).map((k) => ({ $ref: `#/$defs/${k}` })),
    $defs: defs,
  };
}

function single(kind: keyof typeof FILE_KINDS): Record<string, unknown> {
  const defs = generate({ [kind]: FILE_KINDS[kind].schema, ...SHARED });
  const { [kind]: root, ...rest } = defs;
  // Keep only the shared parts this kind actually references.
  const text = JSON.stringify(root);
  const used = Object.fromEntries(Object.entries(rest).filter(([id]) => usesDef(id, text, rest)));
  return {
    $schema: DRAFT,
    title: `Peace Table ${FILE_KINDS[kind].files}`,
    ...root,
    ...(Object.keys(used).length > 0 ? { $defs: used } : {}),
  };
}

/** Whether `id` is referenced from `text` directly or through another referenced shared def. */
function usesDef(id: string, text: string, defs: Record<string, unknown>, seen = new Set<string>()): boolean {
  if (text.includes(`"#/$defs/${id}"`)) return true;
  return Object.entries(defs).some(([other, def]) => {
    if (other === id || seen.has(other) || !text.includes(`"#/$defs/${other}"`)) return false;
    seen.add(other);
    return usesDef(id, JSON.stringify(def), defs, seen);
  });
}

/**
 * JSON laid out the way Biome formats it (objects expanded, arrays of scalars on one line when
 * they fit in 120 columns), so `npm run lint` accepts the generated files as they are.
 */
export function formatJson(value: unknown, indent = '', prefix = 0): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      // `prefix` is the `"key": ` before the array; +1 for a trailing comma.
      if (indent.length + prefix + flat.length + 1 <= 120) return flat;
    }
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const body = entries.map(([k, v]) => {
      const key = `${JSON.stringify(k)}: `;
      return `${inner}${key}${formatJson(v, inner, key.length)}`;
    });
    return `{\n${body.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** Every generated file: path relative to the schema folder → text. */
export function buildSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = { 'scenario.schema.json': `${formatJson(combined())}\n` };
  for (const kind of Object.keys(FILE_KINDS) as (keyof typeof FILE_KINDS)[]) {
    files[`files/${kind}.schema.json`] = `${formatJson(single(kind))}\n`;
  }
  return files;
}

export const SCHEMA_DIR = path.join(CONTENT_ROOT, 'schema');

/** Generated files whose committed copy is missing or different. */
export function staleSchemaFiles(dir = SCHEMA_DIR): string[] {
  return Object.entries(buildSchemaFiles())
    .filter(([rel, text]) => {
      const file = path.join(dir, rel);
      return !existsSync(file) || readFileSync(file, 'utf8') !== text;
    })
    .map(([rel]) => rel);
}

export function writeSchemaFiles(dir = SCHEMA_DIR): string[] {
  const files = buildSchemaFiles();
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return Object.keys(files);
}

function main(): void {
  const shown = (rel: string) => path.relative(process.cwd(), path.join(SCHEMA_DIR, rel));
  if (process.argv.includes('--check')) {
    const stale = staleSchemaFiles();
    if (stale.length === 0) {
      process.stdout.write('content:schema: JSON Schemas are up to date\n');
      return;
    }
    for (const rel of stale) process.stderr.write(`${shown(rel)}: stale; run npm run content:schema\n`);
    process.exitCode = 1;
    return;
  }
  for (const rel of writeSchemaFiles()) process.stdout.write(`wrote ${shown(rel)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
