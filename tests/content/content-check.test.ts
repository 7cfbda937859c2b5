/**
 * `npm test` runs the content check: the real scenarios must load with the same function the
 * server and `npm run content:check` use, the CLI must fail with exit code 1 and readable lines on
 * broken content, and the committed JSON Schemas must match the zod format they are generated from.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { checkContent } from '../../server/src/cli/content-check.ts';
import { FILE_KINDS, formatJson, SCHEMA_DIR, staleSchemaFiles } from '../../server/src/cli/content-schema.ts';
import { seedFolderFor } from '../../server/src/content/seeds.ts';
import { brokenCopy, FIXTURE_ROOT, MINI_ID, ROOT, removeTemps } from './fixtureHelpers.ts';

afterEach(removeTemps);

/** The fixture carries its own seeds/ (abridged excerpts), so its quotes are always checked. */
const MINI_OK =
  'ok  mini-talks (3 issues, 4 delegations, 3 levers, 2 events, 4 outcomes; 67 quotes found in their seeds, 3 assumptions)';

describe('content:check on the real content folder', () => {
  it('every scenario under content/scenarios loads without errors, quotes checked when the seeds are there', async () => {
    const report = await checkContent([], ROOT);
    expect(report.failed).toEqual([]);
    expect(report.ok).toBe(true);
    const { found, folder } = seedFolderFor(path.join(ROOT, 'content'));
    const quotes = found ? 'found in their seeds' : 'not checked';
    expect(report.passed).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^ok {2}ukraine-2026 \\(\\d+ issues, 4 delegations, \\d+ levers, \\d+ events, \\d+ outcomes; \\d+ quotes ${quotes}, \\d+ assumptions\\)$`,
        ),
      ),
    );
    expect(report.skipped).toEqual(
      found
        ? []
        : [
            `skipped  quote check of ukraine-2026: no seed folder at ${path.relative(ROOT, folder)} (give one with --seeds <folder> or PEACE_TABLE_SEEDS)`,
          ],
    );
  });
});

describe('content:check on fixtures', () => {
  it('prints one ok line with the counts for a valid scenario', async () => {
    const report = await checkContent([FIXTURE_ROOT], ROOT);
    expect(report).toEqual({
      ok: true,
      passed: [MINI_OK],
      failed: [],
      skipped: [],
    });
  });

  it('refuses a folder that is no scenario and no content root', async () => {
    const report = await checkContent([path.join(FIXTURE_ROOT, 'map')], ROOT);
    expect(report.ok).toBe(false);
    expect(report.failed).toEqual([
      'tests/content/fixtures/mini/map: holds neither scenario.yaml nor a scenarios/ folder',
    ]);
  });

  it('the CLI exits 1 and prints file: path: message lines relative to the working directory', () => {
    const { root } = brokenCopy([
      { file: 'events.yaml', find: 'probability: 0.3', replace: 'probability: 1.5' },
      { file: 'levers.yaml', find: 'owner: us', replace: 'owner: china' },
    ]);
    const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const cli = path.join(ROOT, 'server', 'src', 'cli', 'content-check.ts');
    const run = spawnSync(process.execPath, [tsx, cli, '.'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([
      `scenarios/${MINI_ID}/levers.yaml: levers.0.owner: must be one of "ukraine", "russia", "us", "europe", got "china" (line 3)`,
      `scenarios/${MINI_ID}/events.yaml: events.0.probability: must be at most 1, got 1.5 (line 7)`,
      'content:check failed with 2 error(s)',
      '',
    ]);
  });

  it('the CLI exits 0 on a valid scenario folder', () => {
    const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const cli = path.join(ROOT, 'server', 'src', 'cli', 'content-check.ts');
    const dir = path.join(FIXTURE_ROOT, 'scenarios', MINI_ID);
    const run = spawnSync(process.execPath, [tsx, cli, dir], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${MINI_OK}\n`);
  });
});

describe('JSON Schema (content/schema)', () => {
  it('the committed files are what npm run content:schema generates', () => {
    expect(staleSchemaFiles()).toEqual([]);
  });

  it('each per-file schema accepts the valid fixture and the real scenario', () => {
    const scenarios = [
      path.join(FIXTURE_ROOT, 'scenarios', MINI_ID),
      path.join(ROOT, 'content', 'scenarios', 'ukraine-2026'),
    ];
    for (const [kind, { files }] of Object.entries(FILE_KINDS)) {
      const schema = z.fromJSONSchema(
        JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'files', `${kind}.schema.json`), 'utf8')),
      );
      for (const dir of scenarios) {
        const file = files.replace('<id>', 'ukraine');
        const result = schema.safeParse(parse(readFileSync(path.join(dir, file), 'utf8')));
        expect(result.error?.issues ?? [], `${dir}/${file}`).toEqual([]);
      }
    }
  });

  it('rejects what the loader rejects on a single file (range, unknown field, condition form)', () => {
    const events = z.fromJSONSchema(
      JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'files', 'events.schema.json'), 'utf8')),
    );
    const event = {
      id: 'e',
      title: { en: 'E', uk: 'Е' },
      announcement: { en: 'E', uk: 'Е' },
      probability: 0.5,
      source: {
        seed: '000_dc4659ee7f7471a7.txt',
        section: 'Scenarios and Timelines',
        quote: 'Western supply continues at reduced but sufficient levels',
      },
    };
    expect(events.safeParse({ events: [event] }).success).toBe(true);
    expect(events.safeParse({ events: [{ ...event, probability: 1.5 }] }).success).toBe(false);
    expect(events.safeParse({ events: [{ ...event, onse: true }] }).success).toBe(false);
    expect(events.safeParse({ events: [{ ...event, trigger: { wrld: 'x', lt: 1 } }] }).success).toBe(false);
    // A source quotes its seed or is an assumption, never both and never neither.
    const assumption = { assumption: { en: 'Why the game needs it.', uk: 'Навіщо це грі.' } };
    expect(events.safeParse({ events: [{ ...event, source: assumption }] }).success).toBe(true);
    expect(events.safeParse({ events: [{ ...event, source: { ...event.source, ...assumption } }] }).success).toBe(
      false,
    );
    const { quote: _quote, ...unquoted } = event.source;
    expect(events.safeParse({ events: [{ ...event, source: unquoted }] }).success).toBe(false);
  });

  it('formats JSON the way Biome does: objects expanded, short scalar arrays on one line', () => {
    expect(formatJson({ a: ['en', 'uk'], b: { c: 1 }, d: [] })).toBe(
      '{\n  "a": ["en", "uk"],\n  "b": {\n    "c": 1\n  },\n  "d": []\n}',
    );
    // Too long for one line: one item per line, between the `{`, `"long": [`, `]` and `}` lines.
    const long = Array.from({ length: 30 }, (_, i) => `item-${i}`);
    expect(formatJson({ long }).split('\n')).toHaveLength(34);
  });
});
