/**
 * Cross-reference checks over a scenario whose files are each valid on their own: every id a rule
 * names exists, ids are unique, every delegation prices every option, and the map binding points
 * at real map features. Each problem names the file and the field, like the schema errors do.
 *
 * Pure: the map ids come in as data (`MapData`), read by the loader from the files map.yaml names.
 */
import { type CrossRefError, list, RefChecker } from './refChecker.ts';
import type { Delegation, Scenario } from './schema.ts';
import { sourceSites } from './sources.ts';

/** Feature ids found in the map files map.yaml points to. */
export interface MapData {
  oblastIds: string[];
  sectorIds: string[];
}

/** All cross-reference problems of a scenario (empty when it is consistent), file by file. */
export function checkCrossReferences(scenario: Scenario, mapData?: MapData): CrossRefError[] {
  const c = new RefChecker(scenario);
  checkMap(c, scenario, mapData);
  checkAgenda(c, scenario);
  checkWorld(c, scenario);
  for (const [id, delegation] of Object.entries(scenario.delegations)) checkDelegation(c, scenario, id, delegation);
  checkRules(c, scenario);
  // Sources last, with paths as they appear in each file.
  for (const site of sourceSites(scenario)) c.source(site.file, site.path, site.source);
  return c.errors;
}

function checkMap(c: RefChecker, { map }: Scenario, mapData?: MapData): void {
  c.unique(
    'map.yaml',
    'regions',
    map.regions.map((r) => r.id),
    'region',
  );
  c.unique(
    'map.yaml',
    'sectors',
    map.sectors.map((s) => s.id),
    'sector',
  );
  if (!mapData) return;
  for (const [i, region] of map.regions.entries()) {
    for (const [j, oblast] of region.oblasts.entries()) {
      if (!mapData.oblastIds.includes(oblast)) {
        c.report('map.yaml', `regions.${i}.oblasts.${j}`, `"${oblast}" is not an oblast id in ${map.files.oblasts}`);
      }
    }
  }
  for (const [i, { id }] of map.sectors.entries()) {
    if (!mapData.sectorIds.includes(id)) {
      c.report('map.yaml', `sectors.${i}.id`, `"${id}" is not a sector id in ${map.files.sectors}`);
    }
  }
}

function checkAgenda(c: RefChecker, { agenda, map }: Scenario): void {
  const file = 'agenda.yaml';
  const regionIds = map.regions.map((r) => r.id);
  c.unique(
    file,
    'issues',
    agenda.issues.map((i) => i.id),
    'issue',
  );
  for (const [i, issue] of agenda.issues.entries()) {
    const base = `issues.${i}`;
    const optionIds = issue.options.map((o) => o.id);
    c.unique(file, `${base}.options`, optionIds, 'option');
    if (!optionIds.includes(issue.default)) {
      c.report(file, `${base}.default`, `"${issue.default}" is not an option of this issue (${list(optionIds)})`);
    }
    if (issue.region !== undefined && !regionIds.includes(issue.region)) {
      c.report(file, `${base}.region`, `"${issue.region}" is not a region in map.yaml (${list(regionIds)})`);
    }
    for (const [j, option] of issue.options.entries()) {
      for (const [k, e] of option.effects.entries()) c.effect(file, `${base}.options.${j}.effects.${k}`, e);
      for (const [k, ref] of option.incompatibleWith.entries()) {
        const path = `${base}.options.${j}.incompatibleWith.${k}`;
        // A package holds one option per issue, so a clash within the issue can never happen.
        if (ref.startsWith(`${issue.id}.`)) c.report(file, path, `"${ref}" is an option of the same issue`);
        else c.clause(file, path, ref);
      }
    }
  }
}

function checkWorld(c: RefChecker, { world, map }: Scenario): void {
  const sectorIds = map.sectors.map((s) => s.id);
  c.unique(
    'world.yaml',
    'variables',
    world.variables.map((v) => v.id),
    'variable',
  );
  for (const [i, v] of world.variables.entries()) {
    if (v.sector !== undefined && !sectorIds.includes(v.sector)) {
      c.report('world.yaml', `variables.${i}.sector`, `"${v.sector}" is not a sector in map.yaml (${list(sectorIds)})`);
    }
    for (const [j, d] of v.drivers.entries()) {
      c.variable('world.yaml', `variables.${i}.drivers.${j}.variable`, d.variable);
    }
  }
}

function checkDelegation(c: RefChecker, scenario: Scenario, id: string, delegation: Delegation): void {
  const file = `delegations/${id}.yaml`;
  c.unique(
    file,
    'redLines',
    delegation.redLines.map((r) => r.id),
    'red line',
  );
  c.unique(
    file,
    'ratification',
    delegation.ratification.map((r) => r.id),
    'ratification rule',
  );
  for (const key of ['demands', 'refuses'] as const) {
    for (const [i, ref] of (delegation.publicStance?.[key] ?? []).entries())
      c.clause(file, `publicStance.${key}.${i}`, ref);
  }
  for (const [i, r] of delegation.redLines.entries()) c.condition(file, `redLines.${i}.breaksWhen`, r.breaksWhen);
  for (const [i, r] of delegation.ratification.entries()) c.condition(file, `ratification.${i}.requires`, r.requires);

  // The utility model needs a weight for every issue and a utility for every option.
  const { weights, utilities, noDeal } = delegation.preferences;
  const issues = scenario.agenda.issues;
  for (const issue of issues) {
    if (weights[issue.id] === undefined) {
      c.report(file, `preferences.weights.${issue.id}`, `missing weight for issue "${issue.id}"`);
    }
    const table = utilities[issue.id];
    if (!table) {
      c.report(file, `preferences.utilities.${issue.id}`, `missing utilities for issue "${issue.id}"`);
      continue;
    }
    for (const option of issue.options) {
      if (table[option.id] === undefined) {
        const message = `missing utility for option "${option.id}" of issue "${issue.id}"`;
        c.report(file, `preferences.utilities.${issue.id}.${option.id}`, message);
      }
    }
    for (const optionId of Object.keys(table)) {
      if (!issue.options.some((o) => o.id === optionId)) {
        c.report(
          file,
          `preferences.utilities.${issue.id}.${optionId}`,
          `issue "${issue.id}" has no option "${optionId}"`,
        );
      }
    }
  }
  const known = new Set(issues.map((i) => i.id));
  for (const [key, table] of [
    ['weights', weights],
    ['utilities', utilities],
  ] as const) {
    for (const issueId of Object.keys(table)) {
      if (!known.has(issueId)) {
        c.report(file, `preferences.${key}.${issueId}`, `unknown issue "${issueId}" (see agenda.yaml)`);
      }
    }
  }
  if (Object.values(weights).every((w) => w === 0)) {
    c.report(file, 'preferences.weights', 'all weights are zero: at least one issue must matter');
  }
  for (const [i, t] of noDeal.terms.entries()) c.variable(file, `preferences.noDeal.terms.${i}.variable`, t.variable);
}

function checkRules(c: RefChecker, scenario: Scenario): void {
  const sectorIds = scenario.map.sectors.map((s) => s.id);
  c.unique(
    'levers.yaml',
    'levers',
    scenario.levers.map((l) => l.id),
    'lever',
  );
  for (const [i, lever] of scenario.levers.entries()) {
    const base = `levers.${i}`;
    if (lever.requires) c.condition('levers.yaml', `${base}.requires`, lever.requires);
    const sectors = lever.targetsSector ? sectorIds : undefined;
    for (const [j, e] of lever.effects.entries()) c.effect('levers.yaml', `${base}.effects.${j}`, e, sectors);
    if (lever.targetsSector && !lever.effects.some((e) => 'variable' in e && e.variable.includes('$sector'))) {
      c.report(
        'levers.yaml',
        `${base}.targetsSector`,
        'a lever aimed at a sector needs an effect on a "$sector" variable',
      );
    }
  }
  c.unique(
    'events.yaml',
    'events',
    scenario.events.map((e) => e.id),
    'event',
  );
  for (const [i, event] of scenario.events.entries()) {
    if (event.trigger) c.condition('events.yaml', `events.${i}.trigger`, event.trigger);
    for (const [j, e] of event.effects.entries()) c.effect('events.yaml', `events.${i}.effects.${j}`, e);
  }
  c.unique(
    'outcomes.yaml',
    'outcomes',
    scenario.outcomes.map((o) => o.id),
    'outcome',
  );
  for (const [i, o] of scenario.outcomes.entries()) c.condition('outcomes.yaml', `outcomes.${i}.when`, o.when, true);
  c.unique(
    'outcomes.yaml',
    'revelations',
    scenario.revelations.map((r) => r.id),
    'revelation',
  );
  for (const [i, r] of scenario.revelations.entries())
    c.condition('outcomes.yaml', `revelations.${i}.when`, r.when, true);
  c.unique(
    'outcomes.yaml',
    'measures',
    scenario.measures.map((m) => m.id),
    'measure',
  );
  for (const [i, m] of scenario.measures.entries()) c.condition('outcomes.yaml', `measures.${i}.when`, m.when);
}
