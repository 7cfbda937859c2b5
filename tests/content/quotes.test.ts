/**
 * `npm run content:check` finds every quote in the section of the seed it cites. The fixture
 * carries abridged excerpts of the seeds (tests/content/fixtures/mini/seeds/), so these tests run
 * everywhere; the real scenario's quotes are checked against ../shared/seeds when it is there.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, parseArgs } from '../../server/src/cli/content-check.ts';
import { CONTENT_ROOT } from '../../server/src/content/loadScenario.ts';
import { DEFAULT_SEEDS_FOLDER, seedFolderFor } from '../../server/src/content/seeds.ts';
import { brokenCopy, type Edit, FIXTURE_ROOT, MINI_ID, ROOT, removeTemps } from './fixtureHelpers.ts';

afterEach(removeTemps);

const S000 = '000_dc4659ee7f7471a7.txt';
const S001 = '001_cc098fb4c6d81da6.txt';

/** The check's report on a broken copy of the fixture, paths relative to its content root. */
async function check(edits: readonly Edit[], seeds?: string) {
  const { root } = brokenCopy(edits);
  return checkContent(['.'], root, seeds === undefined ? {} : { seeds });
}

describe('quotes in the fixture', () => {
  it('a quote that is not in its section fails the check, naming the file and the key', async () => {
    const report = await check([{ file: 'scenario.yaml', find: 'of four factors', replace: 'of five factors' }]);
    expect(report.ok).toBe(false);
    expect(report.passed).toEqual([]);
    expect(report.failed).toEqual([
      `scenarios/${MINI_ID}/scenario.yaml: source.quote: not found in section "Diplomatic Landscape 2026" of ${S000} (line 39)`,
    ]);
  });

  it('the CLI exits 1 on a corrupted quote', () => {
    const { root } = brokenCopy([{ file: 'scenario.yaml', find: 'of four factors', replace: 'of five factors' }]);
    const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const cli = path.join(ROOT, 'server', 'src', 'cli', 'content-check.ts');
    const run = spawnSync(process.execPath, [tsx, cli, '.'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`scenarios/${MINI_ID}/scenario.yaml: source.quote: not found in section`);
  });

  it('points at the section that does hold the words', async () => {
    const report = await check([
      {
        file: 'events.yaml',
        find: 'section: "How Missile and Drone Strikes Are Reshaping Diplomacy"',
        replace: 'section: "The Evolving Role of the United States in Ceasefire Talks"',
      },
    ]);
    expect(report.failed).toEqual([
      `scenarios/${MINI_ID}/events.yaml: events.0.source.quote: not found in section "The Evolving Role of the United States in Ceasefire Talks" of ${S001}; it is in section "How Missile and Drone Strikes Are Reshaping Diplomacy" (line 15)`,
    ]);
  });

  it('compares with white space and typographic quotes normalised, and "…" marks an omission', async () => {
    // The seed writes “interim” and Russia’s; these quotes write them straight, over a line break,
    // with extra spaces or with omissions.
    const quote = 'quote: "The US must balance its support for Kyiv with the risk of escalation",';
    const edit = (replace: string): Edit => ({ file: 'delegations/us.yaml', find: quote, replace: `${replace},` });
    for (const replace of [
      'quote: "The US must balance its\\n  support for Kyiv … \\"interim\\" security arrangements … Russia\'s primary red lines"',
      "quote: 'The US must balance   its support for Kyiv'",
    ]) {
      expect((await check([edit(replace)])).failed).toEqual([]);
    }
    // Fragments out of order are not the seed's words.
    const reordered = await check([
      edit('quote: "Russia\'s primary red lines … The US must balance its support for Kyiv"'),
    ]);
    expect(reordered.failed).toEqual([
      expect.stringContaining(
        `delegations/us.yaml: briefing.domesticPressure.0.source.quote: not found in section "The Evolving Role of the United States in Ceasefire Talks" of ${S001} (line 57)`,
      ),
    ]);
  });

  it('a listed seed missing from the seed folder, or a heading that is not a line of it, is an error', async () => {
    const missing = await check([{ file: `seeds/${S001}`, delete: true }]);
    expect(missing.failed).toEqual([
      expect.stringMatching(
        new RegExp(
          `^scenarios/${MINI_ID}/scenario.yaml: seeds.1.file: "${S001}" is not in the seed folder .*seeds \\(line 26\\)$`,
        ),
      ),
    ]);
    const heading = await check([
      { file: `seeds/${S000}`, find: '\nScenarios and Timelines\n', replace: '\nScenarios & Timelines\n' },
    ]);
    expect(heading.failed).toEqual([
      `scenarios/${MINI_ID}/scenario.yaml: seeds.0.sections.6.en: "Scenarios and Timelines" is not a heading line of ${S000} (line 24)`,
    ]);
  });

  it('a source needs a quote or an assumption, and not both', async () => {
    const unquoted = await check([
      {
        file: 'scenario.yaml',
        find: '\n    quote: "The diplomatic landscape of 2026 is shaped by the convergence of four factors",',
        replace: '',
      },
    ]);
    expect(unquoted.failed).toEqual([
      `scenarios/${MINI_ID}/scenario.yaml: source.quote: required field is missing (expected a string) (line 36)`,
    ]);
    const both = await check([
      {
        file: 'scenario.yaml',
        find: '\n    quote: "The diplomatic landscape of 2026 is shaped by the convergence of four factors",',
        replace: '\n    quote: "The diplomatic landscape of 2026",\n    assumption: { en: "Why.", uk: "Чому." },',
      },
    ]);
    expect(both.failed).toEqual([
      `scenarios/${MINI_ID}/scenario.yaml: source: must take exactly one of the forms seed | assumption (found "seed", "section", "quote", "assumption") (line 36)`,
    ]);
  });
});

describe('without the seeds', () => {
  it('checks everything else, says which check it skipped, and passes', async () => {
    const report = await check([{ file: 'seeds', delete: true }], path.join(tmpdir(), 'no-such-seed-folder'));
    expect(report.ok).toBe(true);
    expect(report.passed).toEqual([
      'ok  mini-talks (3 issues, 4 delegations, 3 levers, 2 events, 4 outcomes; 67 quotes not checked, 3 assumptions)',
    ]);
    expect(report.skipped).toEqual([
      expect.stringMatching(
        /^skipped {2}quote check of mini-talks: no seed folder at .*no-such-seed-folder \(give one with --seeds <folder> or PEACE_TABLE_SEEDS\)$/,
      ),
    ]);
  });

  it('finds the seeds: --seeds, then the content root’s seeds/, then PEACE_TABLE_SEEDS, then ../shared/seeds', () => {
    expect(seedFolderFor(FIXTURE_ROOT, '/somewhere/else')).toEqual({ folder: '/somewhere/else', found: false });
    expect(seedFolderFor(FIXTURE_ROOT)).toEqual({ folder: path.join(FIXTURE_ROOT, 'seeds'), found: true });
    const fromEnv = process.env.PEACE_TABLE_SEEDS;
    expect(seedFolderFor(CONTENT_ROOT).folder).toBe(fromEnv ? path.resolve(fromEnv) : DEFAULT_SEEDS_FOLDER);
    expect(DEFAULT_SEEDS_FOLDER).toBe(path.resolve(ROOT, '..', 'shared', 'seeds'));
    expect(parseArgs(['--seeds', 'x', 'content'])).toEqual({ targets: ['content'], options: { seeds: 'x' } });
    expect(parseArgs(['--seeds=x'])).toEqual({ targets: [], options: { seeds: 'x' } });
    expect(parseArgs(['--seeds'])).toBe('--seeds needs a folder');
    expect(parseArgs(['--sedes', 'x'])).toMatch(/^unknown option --sedes/);
  });
});

describe('quotes in the real scenario', () => {
  const seeds = seedFolderFor(CONTENT_ROOT);
  const title = 'a corrupted quote fails naming its file and key';
  it.skipIf(!seeds.found)(seeds.found ? title : `${title} (skipped: no seeds at ${seeds.folder})`, async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'peace-table-real-'));
    try {
      cpSync(CONTENT_ROOT, root, { recursive: true });
      const file = path.join(root, 'scenarios', 'ukraine-2026', 'outcomes.yaml');
      const text = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        text.replace('Russia agrees because it gains de facto frozen conflict', 'Russia agrees because it wins'),
      );
      const report = await checkContent(['.'], root, { seeds: seeds.folder });
      expect(report.failed).toEqual([
        expect.stringMatching(
          /^scenarios\/ukraine-2026\/outcomes.yaml: outcomes\.3\.source\.quote: not found in section "Scenarios and Timelines" of 000_dc4659ee7f7471a7\.txt \(line \d+\)$/,
        ),
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
