/**
 * One broken copy of the mini fixture per kind of content error, each asserting the exact
 * `file: path: message` line an author sees (the same lines `npm run content:check` prints).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { errorLines, FIXTURE_ROOT, MINI_ID, removeTemps } from './fixtureHelpers.ts';

afterEach(removeTemps);

describe('broken scenarios: one readable line per problem', () => {
  it('malformed YAML names the file, line and column', async () => {
    const lines = await errorLines([
      { file: 'agenda.yaml', find: '    default: deferred\n', replace: '    default: [deferred\n' },
    ]);
    expect(lines).toEqual([
      'agenda.yaml: (line 51, col 5): Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('an alias used before its anchor is reported, not thrown', async () => {
    const lines = await errorLines([
      { file: 'agenda.yaml', find: '    default: deferred\n', replace: '    default: *status\n' },
    ]);
    expect(lines).toEqual([
      'agenda.yaml: cannot read the YAML: Unresolved alias (the anchor must be set before the alias): status',
    ]);
  });

  it('an empty file says so', async () => {
    expect(await errorLines([{ file: 'outcomes.yaml', content: '# todo\n' }])).toEqual([
      'outcomes.yaml: the file is empty',
    ]);
  });

  it('a $sector effect must use delta', async () => {
    const lines = await errorLines([
      {
        file: 'levers.yaml',
        find: '{ variable: momentum.$sector, delta: 0.3 }',
        replace: '{ variable: momentum.$sector, set: 0.3 }',
      },
    ]);
    expect(lines).toEqual([
      'levers.yaml: levers.1.effects.0.variable: "$sector" is only allowed in a lever effect with delta, got "momentum.$sector" (line 23)',
    ]);
  });

  it('an effect without delta or set names both alternatives', async () => {
    const lines = await errorLines([
      { file: 'levers.yaml', find: '{ variable: pipeline-us, delta: 0.2 }', replace: '{ variable: pipeline-us }' },
    ]);
    expect(lines).toEqual(['levers.yaml: levers.0.effects.0: needs one of the fields "delta", "set" (line 8)']);
  });

  it('a missing file is named', async () => {
    expect(await errorLines([{ file: 'world.yaml', delete: true }])).toEqual(['world.yaml: required file is missing']);
  });

  it('a missing delegation file is named', async () => {
    expect(await errorLines([{ file: 'delegations/us.yaml', delete: true }])).toEqual([
      'delegations/us.yaml: required file is missing',
    ]);
  });

  it('a missing field names its path', async () => {
    const lines = await errorLines([{ file: 'events.yaml', find: '    probability: 0.3\n' }]);
    expect(lines).toEqual([
      'events.yaml: events.0.probability: required field is missing (expected a number) (line 2)',
    ]);
  });

  it('a wrong type names what was expected and what was found', async () => {
    const lines = await errorLines([{ file: 'events.yaml', find: 'probability: 0.3', replace: 'probability: often' }]);
    expect(lines).toEqual(['events.yaml: events.0.probability: expected a number, got a string ("often") (line 7)']);
  });

  it('an out-of-range probability is rejected', async () => {
    const lines = await errorLines([{ file: 'events.yaml', find: 'probability: 0.3', replace: 'probability: 1.5' }]);
    expect(lines).toEqual(['events.yaml: events.0.probability: must be at most 1, got 1.5 (line 7)']);
  });

  it('a misspelt field is reported, not ignored', async () => {
    const lines = await errorLines([{ file: 'events.yaml', find: '    once: true\n', replace: '    onse: true\n' }]);
    expect(lines).toEqual(['events.yaml: events.1.onse: unknown field (check the spelling) (line 27)']);
  });

  it('an unquoted text with a comma inside { } gets a hint', async () => {
    const lines = await errorLines([
      { file: 'events.yaml', find: '{ en: Breakthrough at Pokrovsk,', replace: '{ en: Breakthrough, at Pokrovsk,' },
    ]);
    expect(lines).toEqual([
      'events.yaml: events.1.title.at Pokrovsk: unknown field: quote texts that contain a comma inside { }, e.g. { en: "a, b", uk: "…" } (line 18)',
    ]);
  });

  it('a condition in no known form lists the forms', async () => {
    const lines = await errorLines([
      { file: 'events.yaml', find: '{ world: pipeline-us, lt: 0.3 }', replace: '{ wrld: pipeline-us, lt: 0.3 }' },
    ]);
    expect(lines).toEqual([
      'events.yaml: events.1.trigger.all.0: must take exactly one of the forms clause | anyClause | world | sum | month | flag | ending | ratified | agreement | partial | all | any | not (found "wrld", "lt") (line 24)',
    ]);
  });

  it('a dangling clause reference names the issue and its options', async () => {
    const lines = await errorLines([
      { file: 'outcomes.yaml', find: 'anyClause: [ceasefire.line,', replace: 'anyClause: [ceasefire.lines,' },
    ]);
    expect(lines).toEqual([
      'outcomes.yaml: outcomes.1.when.all.1.anyClause.0: clause "ceasefire.lines": issue "ceasefire" has no option "lines" (none, line, dmz) (line 19)',
    ]);
  });

  it('a clause naming an unknown issue is reported', async () => {
    const lines = await errorLines([
      { file: 'delegations/russia.yaml', find: '{ clause: guarantees.nato }', replace: '{ clause: nato.member }' },
    ]);
    expect(lines).toEqual([
      'delegations/russia.yaml: redLines.0.breaksWhen.clause: clause "nato.member" names unknown issue "nato" (see agenda.yaml) (line 63)',
    ]);
  });

  it('a dangling variable reference is reported', async () => {
    const lines = await errorLines([
      { file: 'levers.yaml', find: 'variable: pipeline-us,', replace: 'variable: pipeline-eu,' },
    ]);
    expect(lines).toEqual([
      'levers.yaml: levers.0.effects.0.variable: unknown world variable "pipeline-eu" (see world.yaml) (line 8)',
    ]);
  });

  it('a measure for the simulator must name known world variables', async () => {
    const outcomes = readFileSync(path.join(FIXTURE_ROOT, 'scenarios', MINI_ID, 'outcomes.yaml'), 'utf8');
    const measure = [
      'measures:',
      '  - id: short',
      '    title: { en: Short, uk: Мало }',
      '    when: { sum: [pipeline-us, pipeline-eu], lte: 80 }',
      '    source: { assumption: { en: a test, uk: тест } }',
    ];
    const lines = await errorLines([{ file: 'outcomes.yaml', content: `${outcomes}${measure.join('\n')}\n` }]);
    const line = outcomes.split('\n').length + 3;
    expect(lines).toEqual([
      `outcomes.yaml: measures.0.when.sum.1: unknown world variable "pipeline-eu" (see world.yaml) (line ${line})`,
    ]);
  });

  it('a $sector effect must exist for every sector in map.yaml', async () => {
    const lines = await errorLines([{ file: 'levers.yaml', find: 'momentum.$sector', replace: 'pressure.$sector' }]);
    expect(lines).toEqual([
      'levers.yaml: levers.1.effects.0.variable: "pressure.$sector" names no world variable for sector "kostiantynivka-pokrovsk" ("pressure.kostiantynivka-pokrovsk") (line 23)',
      'levers.yaml: levers.1.effects.0.variable: "pressure.$sector" names no world variable for sector "kharkiv-border" ("pressure.kharkiv-border") (line 23)',
    ]);
  });

  it('a missing utility for an option is reported', async () => {
    const lines = await errorLines([
      {
        file: 'delegations/russia.yaml',
        find: 'crimea: { recognised: 1, deferred: 0.5, restored: 0 }',
        replace: 'crimea: { recognised: 1, deferred: 0.5 }',
      },
    ]);
    expect(lines).toEqual([
      'delegations/russia.yaml: preferences.utilities.crimea.restored: missing utility for option "restored" of issue "crimea" (line 76)',
    ]);
  });

  it('a missing weight and a weight for an unknown issue are reported', async () => {
    const lines = await errorLines([
      { file: 'delegations/us.yaml', find: 'weights: { ceasefire: 5,', replace: 'weights: { ceasfire: 5,' },
    ]);
    expect(lines).toEqual([
      'delegations/us.yaml: preferences.weights.ceasefire: missing weight for issue "ceasefire" (line 71)',
      'delegations/us.yaml: preferences.weights.ceasfire: unknown issue "ceasfire" (see agenda.yaml) (line 71)',
    ]);
  });

  it('an unknown oblast id is checked against the map file', async () => {
    const lines = await errorLines([
      { file: 'map.yaml', find: '[crimea, sevastopol]', replace: '[crimea, sevastopil]' },
    ]);
    expect(lines).toEqual([
      'map.yaml: regions.0.oblasts.1: "sevastopil" is not an oblast id in map/oblasts.geojson (line 11)',
    ]);
  });

  it('an unknown sector id is checked against the map file', async () => {
    const lines = await errorLines([{ file: 'map/sectors.geojson', find: '"kharkiv-border"', replace: '"kharkiv"' }]);
    expect(lines).toEqual([
      'map.yaml: sectors.1.id: "kharkiv-border" is not a sector id in map/sectors.geojson (line 15)',
    ]);
  });

  it('a missing map file is named with the map.yaml field that points to it', async () => {
    const lines = await errorLines([{ file: 'map/oblasts.geojson', delete: true }]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^map\.yaml: files\.oblasts: "map\/oblasts\.geojson" \(under .+\): file not found$/);
  });

  it('a duplicate id is reported where it repeats', async () => {
    const lines = await errorLines([{ file: 'outcomes.yaml', find: 'id: stalemate', replace: 'id: breakthrough' }]);
    expect(lines).toEqual([
      'outcomes.yaml: outcomes.3.id: duplicate outcome id "breakthrough" (already used at outcomes.2) (line 37)',
    ]);
  });

  it('a source seed must be one scenario.yaml lists', async () => {
    const lines = await errorLines([
      { file: 'world.yaml', find: 'seed: 001_cc098fb4c6d81da6.txt', replace: 'seed: 002_cc098fb4c6d81da6.txt' },
    ]);
    expect(lines).toEqual([
      'world.yaml: variables.4.source.seed: seed "002_cc098fb4c6d81da6.txt" is not listed in scenario.yaml seeds (000_dc4659ee7f7471a7.txt, 001_cc098fb4c6d81da6.txt) (line 64)',
    ]);
  });

  it('an issue default must be one of its options', async () => {
    const lines = await errorLines([
      { file: 'agenda.yaml', find: '    default: deferred\n', replace: '    default: frozen\n' },
    ]);
    expect(lines).toEqual([
      'agenda.yaml: issues.1.default: "frozen" is not an option of this issue (recognised, deferred, restored) (line 50)',
    ]);
  });

  it('a delegation file must hold that delegation', async () => {
    const lines = await errorLines([{ file: 'delegations/us.yaml', find: 'id: us\n', replace: 'id: europe\n' }]);
    expect(lines).toEqual(['delegations/us.yaml: id: must be "us" to match the file name, got "europe" (line 1)']);
  });

  it('a flag tested but never raised is reported', async () => {
    const lines = await errorLines([
      {
        file: 'levers.yaml',
        find: 'requires: { world: western-unity, gte: 0.4 }',
        replace: 'requires: { flag: grid-hits }',
      },
    ]);
    expect(lines).toEqual([
      'levers.yaml: levers.2.requires.flag: flag "grid-hits" is never raised by any lever or event effect (line 37)',
    ]);
  });

  it('end-of-game conditions are refused outside outcomes.yaml', async () => {
    const lines = await errorLines([
      { file: 'delegations/russia.yaml', find: '{ clause: guarantees.nato }', replace: '{ ending: signed }' },
    ]);
    expect(lines).toEqual([
      'delegations/russia.yaml: redLines.0.breaksWhen.ending: "ending" is only meaningful in outcomes.yaml (a game has not ended here) (line 63)',
    ]);
  });

  it('errors in several files are all reported in one run', async () => {
    const lines = await errorLines([
      { file: 'events.yaml', find: 'probability: 0.3', replace: 'probability: 1.5' },
      { file: 'levers.yaml', find: 'owner: us', replace: 'owner: china' },
      { file: 'notes.yaml', content: 'todo: translate\n' },
    ]);
    expect(lines).toEqual([
      'notes.yaml: unknown file: a scenario folder holds only scenario.yaml, agenda.yaml, world.yaml, levers.yaml, events.yaml, outcomes.yaml, map.yaml, delegations/ukraine.yaml, delegations/russia.yaml, delegations/us.yaml, delegations/europe.yaml',
      'levers.yaml: levers.0.owner: must be one of "ukraine", "russia", "us", "europe", got "china" (line 3)',
      'events.yaml: events.0.probability: must be at most 1, got 1.5 (line 7)',
    ]);
  });
});
