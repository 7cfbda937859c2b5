/**
 * "What this scenario assumes": every fact the seeds do not support, as the teacher-facing page of
 * the briefing and the debrief lists it. Built on the server from the whole scenario and sent with
 * the public scenario, so it names public items (an issue, a clause, an event) by their titles and
 * a delegation's private items only by their kind ("Russia: red line"): the page never shows a
 * private text, only the assumption's own reason, which authors write to be public.
 */
import type { DelegationId, Localized, Scenario, Source } from './schema.ts';
import { isAssumption } from './schema.ts';

/** What kind of item an assumption belongs to; the client words it ("clause", "red line", ...). */
export const ASSUMPTION_KINDS = [
  'scenario',
  'issue',
  'option',
  'variable',
  'lever',
  'event',
  'outcome',
  'delegation',
  'publicPosition',
  'publicStance',
  'briefing',
  'redLine',
  'ratification',
  'rationale',
  'personality',
] as const;
export type AssumptionKind = (typeof ASSUMPTION_KINDS)[number];

export interface ScenarioAssumption {
  /** Where it is written (file relative to the scenario folder, dotted path of the `source`), for authors. */
  file: string;
  path: string;
  kind: AssumptionKind;
  /** The delegation whose item it is (delegation files, and levers by their owner). */
  delegation?: DelegationId;
  /** The item's public name; absent for a delegation's private items, which only their kind names. */
  subject?: Localized;
  /** Why the game needs it (the `assumption` text). */
  why: Localized;
}

function joined(a: Localized, b: Localized): Localized {
  return { en: `${a.en}: ${b.en}`, uk: `${a.uk}: ${b.uk}` };
}

/** Every assumption of the scenario, in the order of its files. */
export function scenarioAssumptions(s: Scenario): ScenarioAssumption[] {
  const out: ScenarioAssumption[] = [];
  const add = (source: Source, item: Omit<ScenarioAssumption, 'why'>) => {
    if (isAssumption(source)) out.push({ ...item, why: source.assumption });
  };
  add(s.meta.source, { file: 'scenario.yaml', path: 'source', kind: 'scenario', subject: s.meta.title });
  for (const [i, issue] of s.agenda.issues.entries()) {
    const file = 'agenda.yaml';
    add(issue.source, { file, path: `issues.${i}.source`, kind: 'issue', subject: issue.title });
    for (const [j, option] of issue.options.entries()) {
      const path = `issues.${i}.options.${j}.source`;
      add(option.source, { file, path, kind: 'option', subject: joined(issue.title, option.label) });
    }
  }
  for (const [i, v] of s.world.variables.entries()) {
    add(v.source, { file: 'world.yaml', path: `variables.${i}.source`, kind: 'variable', subject: v.label });
  }
  for (const [i, lever] of s.levers.entries()) {
    // A private lever is known only to its owner: the page names its owner, not the lever.
    const subject = lever.visibility === 'public' ? { subject: lever.title } : {};
    add(lever.source, {
      file: 'levers.yaml',
      path: `levers.${i}.source`,
      kind: 'lever',
      delegation: lever.owner,
      ...subject,
    });
  }
  for (const [i, e] of s.events.entries()) {
    add(e.source, { file: 'events.yaml', path: `events.${i}.source`, kind: 'event', subject: e.title });
  }
  for (const [i, o] of s.outcomes.entries()) {
    add(o.source, { file: 'outcomes.yaml', path: `outcomes.${i}.source`, kind: 'outcome', subject: o.title });
  }
  for (const [id, d] of Object.entries(s.delegations)) {
    const file = `delegations/${id}.yaml`;
    const delegation = d.id;
    add(d.source, { file, path: 'source', kind: 'delegation', delegation });
    add(d.publicPosition.source, { file, path: 'publicPosition.source', kind: 'publicPosition', delegation });
    if (d.publicStance)
      add(d.publicStance.source, { file, path: 'publicStance.source', kind: 'publicStance', delegation });
    for (const [section, items] of Object.entries(d.briefing)) {
      for (const [i, item] of items.entries()) {
        add(item.source, { file, path: `briefing.${section}.${i}.source`, kind: 'briefing', delegation });
      }
    }
    for (const [i, r] of d.redLines.entries())
      add(r.source, { file, path: `redLines.${i}.source`, kind: 'redLine', delegation });
    for (const [i, r] of d.ratification.entries()) {
      add(r.source, { file, path: `ratification.${i}.source`, kind: 'ratification', delegation });
    }
    for (const [i, r] of d.preferences.rationale.entries()) {
      add(r.source, { file, path: `preferences.rationale.${i}.source`, kind: 'rationale', delegation });
    }
    add(d.personality.source, { file, path: 'personality.source', kind: 'personality', delegation });
  }
  return out;
}
