/**
 * Lookups derived from scenario content once and reused by the evaluators in evaluate.ts: split
 * clause references, the agenda by issue and option, signer bits, world variables by id.
 */
import { memo } from '../memo.ts';
import { type AgendaOption, type ClauseRef, DELEGATION_IDS, type Scenario } from './schema.ts';

/** "issue.option" references split once: the content has few of them, and they are tested very often. */
const SPLIT_REFS = new Map<string, readonly [string, string]>();
export function splitRef(ref: string): readonly [string, string] {
  let split = SPLIT_REFS.get(ref);
  if (!split) {
    const dot = ref.indexOf('.');
    split = [ref.slice(0, dot), ref.slice(dot + 1)];
    SPLIT_REFS.set(ref, split);
  }
  return split;
}

/** An agenda option with the clauses it cannot stand with, split into issue and option once. */
export interface IndexedOption {
  option: AgendaOption;
  clashes: readonly (readonly [issue: string, option: string, ref: ClauseRef])[];
}

/** issue id → option id → option, built once per agenda (bots and scoring call packageProblems a lot). */
const INDEXES = new WeakMap<object, Map<string, Map<string, IndexedOption>>>();
export function agendaIndex(scenario: Pick<Scenario, 'agenda'>): Map<string, Map<string, IndexedOption>> {
  return memo(
    INDEXES,
    scenario.agenda,
    () =>
      new Map(
        scenario.agenda.issues.map((i) => [
          i.id,
          new Map(
            i.options.map((o) => [
              o.id,
              { option: o, clashes: o.incompatibleWith.map((ref) => [...splitRef(ref), ref] as const) },
            ]),
          ),
        ]),
      ),
  );
}

/**
 * Per issue (agenda order), option id → its signatories as bits by DELEGATION_IDS index; the
 * first option of an id wins, as a search through the options would find it.
 */
const SIGNER_MASKS = new WeakMap<object, Map<string, number>[]>();
export function signerMasks(scenario: Pick<Scenario, 'agenda'>): Map<string, number>[] {
  return memo(SIGNER_MASKS, scenario.agenda, () =>
    scenario.agenda.issues.map((issue) => {
      const byOption = new Map<string, number>();
      for (const o of issue.options) {
        if (byOption.has(o.id)) continue;
        byOption.set(
          o.id,
          o.signatories.reduce((bits, d) => bits | (1 << DELEGATION_IDS.indexOf(d)), 0),
        );
      }
      return byOption;
    }),
  );
}

/** The world's variables by id (the first of an id, as a search would find it), once per world. */
const VARIABLES = new WeakMap<object, Map<string, Scenario['world']['variables'][number]>>();
export function variablesById(world: Scenario['world']): Map<string, Scenario['world']['variables'][number]> {
  return memo(VARIABLES, world, () => {
    const byId = new Map<string, Scenario['world']['variables'][number]>();
    for (const v of world.variables) if (!byId.has(v.id)) byId.set(v.id, v);
    return byId;
  });
}
