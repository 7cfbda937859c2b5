/**
 * The loader's contract: a valid folder gives a whole Scenario, a broken one gives no scenario at
 * all (an exception listing every error line), and listScenarios shows both kinds.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { formatContentError, parseScenario } from '@peace-table/shared/scenario/parse';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ContentLoadError,
  listScenarios,
  loadScenario,
  loadScenarioById,
  readScenarioFiles,
} from '../../server/src/content/loadScenario.ts';
import { brokenCopy, FIXTURE_ROOT, MINI_ID, removeTemps } from './fixtureHelpers.ts';

afterEach(removeTemps);

const MINI_DIR = path.join(FIXTURE_ROOT, 'scenarios', MINI_ID);

describe('loadScenario', () => {
  it('merges every file of a valid folder into one Scenario, with defaults applied', async () => {
    const scenario = await loadScenario(MINI_DIR);
    expect(scenario.meta.id).toBe(MINI_ID);
    expect(scenario.agenda.issues.map((i) => i.id)).toEqual(['ceasefire', 'crimea', 'guarantees']);
    expect(Object.keys(scenario.delegations)).toEqual(['ukraine', 'russia', 'us', 'europe']);
    expect(scenario.levers.map((l) => l.id)).toEqual(['us-supply-up', 'russian-offensive', 'paris-pledge']);
    // Defaults from the schema: cooldown 1, public levers, no drift unless given.
    expect(scenario.levers[0]).toMatchObject({ cooldown: 1, visibility: 'public', targetsSector: false });
    expect(scenario.world.variables.find((v) => v.id === 'pipeline-us')?.drift).toBe(0);
    expect(scenario.map.files.oblasts).toBe('map/oblasts.geojson');
  });

  it('loads by id from a content root', async () => {
    expect((await loadScenarioById(MINI_ID, FIXTURE_ROOT)).meta.title.en).toBe('Mini talks');
    await expect(loadScenarioById('../etc', FIXTURE_ROOT)).rejects.toThrow('"../etc" is not a scenario id');
  });

  it('throws ContentLoadError with every error line and returns no scenario', async () => {
    const { dir } = brokenCopy([
      { file: 'events.yaml', find: 'probability: 0.3', replace: 'probability: 1.5' },
      { file: 'world.yaml', delete: true },
    ]);
    const error = await loadScenario(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContentLoadError);
    const lines = (error as ContentLoadError).errors.map(formatContentError);
    expect(lines).toEqual([
      'world.yaml: required file is missing',
      'events.yaml: events.0.probability: must be at most 1, got 1.5 (line 7)',
    ]);
    expect((error as Error).message).toBe(`Scenario ${dir} has 2 error(s):\n${lines.join('\n')}`);
  });

  it('requires scenario.yaml id to match the folder name', async () => {
    const { root } = brokenCopy([]);
    const renamed = path.join(root, 'scenarios', 'other-name');
    cpSync(MINI_DIR, renamed, { recursive: true });
    await expect(loadScenario(renamed)).rejects.toThrow(
      'scenario.yaml: id: must be "other-name" to match the folder name, got "mini-talks" (line 2)',
    );
  });
});

describe('parseScenario', () => {
  it('never returns a half scenario: one bad file means ok:false and no scenario field', async () => {
    const files = await readScenarioFiles(MINI_DIR);
    const good = parseScenario(files);
    expect(good.ok).toBe(true);
    const bad = parseScenario({
      ...files,
      'levers.yaml': files['levers.yaml']?.replace('owner: us', 'owner: usa') ?? '',
    });
    expect(bad.ok).toBe(false);
    expect('scenario' in bad).toBe(false);
  });

  it('checks oblast ids only when map data is given (it is pure and reads no files)', async () => {
    const files = await readScenarioFiles(MINI_DIR);
    expect(parseScenario(files).ok).toBe(true);
    const result = parseScenario(files, {
      mapData: { oblastIds: ['crimea'], sectorIds: ['kostiantynivka-pokrovsk', 'kharkiv-border'] },
    });
    expect(result.ok ? [] : result.errors.map(formatContentError)).toEqual([
      'map.yaml: regions.0.oblasts.1: "sevastopol" is not an oblast id in map/oblasts.geojson (line 11)',
    ]);
  });

  it('formats an error without a path as file: message', () => {
    expect(formatContentError({ file: 'world.yaml', path: '', message: 'required file is missing' })).toBe(
      'world.yaml: required file is missing',
    );
    expect(formatContentError({ file: 'agenda.yaml', path: 'issues.2.default', message: 'bad', line: 7 })).toBe(
      'agenda.yaml: issues.2.default: bad (line 7)',
    );
  });
});

describe('listScenarios', () => {
  it('lists valid scenarios with their summary and broken ones with their errors', async () => {
    const { root } = brokenCopy([{ file: 'outcomes.yaml', find: 'id: stalemate', replace: 'id: breakthrough' }]);
    expect(await listScenarios(root)).toEqual([
      {
        id: MINI_ID,
        ok: false,
        errors: [
          'outcomes.yaml: outcomes.3.id: duplicate outcome id "breakthrough" (already used at outcomes.2) (line 37)',
        ],
      },
    ]);
    const [listing] = await listScenarios(FIXTURE_ROOT);
    expect(listing).toEqual({
      id: MINI_ID,
      ok: true,
      title: { en: 'Mini talks', uk: 'Міні-перемовини' },
      summary: {
        en: 'Three issues, four delegations, three months to agree a ceasefire.',
        uk: 'Три питання, чотири делегації, три місяці, щоб домовитися про припинення вогню.',
      },
      rounds: 3,
    });
  });

  it('returns [] for a root without scenarios/', async () => {
    expect(await listScenarios(path.join(FIXTURE_ROOT, 'map'))).toEqual([]);
  });
});
