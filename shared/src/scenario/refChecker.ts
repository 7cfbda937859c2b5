/**
 * The reference checks shared by every file of a scenario: clause references, world variables,
 * conditions, effects and sources. `crossref.ts` walks the files and calls these with the path of
 * each field, so every problem is reported as `file: path: message`. Pure.
 */
import type { ContentError } from './contentError.ts';
import { type Condition, type Effect, isAssumption, type Scenario, type Source } from './schema.ts';

export type CrossRefError = Omit<ContentError, 'line'>;
export type LeverEffect = Effect | { variable: string; delta: number };

/** Condition forms that only make sense once a game has ended. */
const OUTCOME_ONLY = ['ending', 'ratified', 'agreement', 'partial'] as const;

export function list(values: readonly string[]): string {
  return values.join(', ');
}

export class RefChecker {
  readonly errors: CrossRefError[] = [];
  private readonly options = new Map<string, string[]>();
  private readonly variables: Map<string, { min: number; max: number }>;
  /** Flags some lever or event can raise: the only ones a `flag` condition can ever see. */
  private readonly flags = new Set<string>();
  private readonly seeds: string[];
  private readonly sections: Map<string, string[]>;

  constructor(scenario: Scenario) {
    for (const issue of scenario.agenda.issues) {
      if (!this.options.has(issue.id))
        this.options.set(
          issue.id,
          issue.options.map((o) => o.id),
        );
    }
    this.variables = new Map(scenario.world.variables.map((v) => [v.id, { min: v.min, max: v.max }]));
    const effects: LeverEffect[] = [
      ...scenario.levers.flatMap((l) => l.effects),
      ...scenario.events.flatMap((e) => e.effects),
      ...scenario.agenda.issues.flatMap((i) => i.options.flatMap((o) => o.effects)),
    ];
    for (const effect of effects) if ('flag' in effect) this.flags.add(effect.flag);
    this.seeds = scenario.meta.seeds.map((s) => s.file);
    this.sections = new Map(scenario.meta.seeds.map((s) => [s.file, s.sections.map((h) => h.en)]));
  }

  report(file: string, path: string, message: string): void {
    this.errors.push({ file, path, message });
  }

  /** Reports the second and later uses of each id in `ids` (the items of the list at `base`). */
  unique(file: string, base: string, ids: readonly string[], what: string): void {
    const first = new Map<string, number>();
    for (const [i, id] of ids.entries()) {
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, i);
      else this.report(file, `${base}.${i}.id`, `duplicate ${what} id "${id}" (already used at ${base}.${earlier})`);
    }
  }

  clause(file: string, path: string, ref: string): void {
    const [issueId = '', optionId = ''] = ref.split('.');
    const options = this.options.get(issueId);
    if (!options) this.report(file, path, `clause "${ref}" names unknown issue "${issueId}" (see agenda.yaml)`);
    else if (!options.includes(optionId)) {
      this.report(file, path, `clause "${ref}": issue "${issueId}" has no option "${optionId}" (${list(options)})`);
    }
  }

  variable(file: string, path: string, id: string): void {
    if (!this.variables.has(id)) this.report(file, path, `unknown world variable "${id}" (see world.yaml)`);
  }

  condition(file: string, path: string, cond: Condition, inOutcome = false): void {
    const at = (key: string) => `${path}.${key}`;
    if ('clause' in cond) this.clause(file, at('clause'), cond.clause);
    else if ('anyClause' in cond) {
      for (const [i, ref] of cond.anyClause.entries()) this.clause(file, at(`anyClause.${i}`), ref);
    } else if ('world' in cond) {
      this.variable(file, at('world'), cond.world);
      this.bounds(file, path, cond);
    } else if ('sum' in cond) {
      for (const [i, id] of cond.sum.entries()) this.variable(file, at(`sum.${i}`), id);
      this.bounds(file, path, cond);
    } else if ('month' in cond) this.bounds(file, at('month'), cond.month);
    else if ('flag' in cond) {
      if (!this.flags.has(cond.flag)) {
        this.report(file, at('flag'), `flag "${cond.flag}" is never raised by any lever or event effect`);
      }
    } else if ('all' in cond) {
      for (const [i, c] of cond.all.entries()) this.condition(file, at(`all.${i}`), c, inOutcome);
    } else if ('any' in cond) {
      for (const [i, c] of cond.any.entries()) this.condition(file, at(`any.${i}`), c, inOutcome);
    } else if ('not' in cond) this.condition(file, at('not'), cond.not, inOutcome);
    else if (!inOutcome) {
      // ending / ratified / agreement / partial read the end of the game: elsewhere they are constant.
      const key = OUTCOME_ONLY.find((k) => k in cond) ?? 'ending';
      this.report(file, at(key), `"${key}" is only meaningful in outcomes.yaml (a game has not ended here)`);
    }
  }

  /** A comparison without any bound is always true, which is never what an author meant. */
  private bounds(file: string, path: string, b: { lt?: number; lte?: number; gt?: number; gte?: number }): void {
    if (b.lt === undefined && b.lte === undefined && b.gt === undefined && b.gte === undefined) {
      this.report(file, path, 'comparison needs at least one bound (lt, lte, gt or gte)');
    }
  }

  /** `sectors` is given for levers aimed at a sector: a "$sector" variable must exist for each. */
  effect(file: string, path: string, effect: LeverEffect, sectors?: readonly string[]): void {
    if ('flag' in effect) return;
    const at = `${path}.variable`;
    if (effect.variable.includes('$sector')) {
      if (!sectors) {
        this.report(file, at, '"$sector" is only allowed in levers with targetsSector: true');
        return;
      }
      for (const sector of sectors) {
        const id = effect.variable.replace('$sector', sector);
        if (!this.variables.has(id)) {
          this.report(file, at, `"${effect.variable}" names no world variable for sector "${sector}" ("${id}")`);
        }
      }
      return;
    }
    this.variable(file, at, effect.variable);
    const range = this.variables.get(effect.variable);
    // applyEffects would clamp silently; a `set` outside the range is a typo, not an intention.
    if (range && 'set' in effect && (effect.set < range.min || effect.set > range.max)) {
      const where = `[${range.min}, ${range.max}]`;
      this.report(file, `${path}.set`, `${effect.set} lies outside the range ${where} of "${effect.variable}"`);
    }
  }

  /** A quoted source must cite a seed scenario.yaml lists, and one of the headings listed for that seed. */
  source(file: string, path: string, source: Source): void {
    if (isAssumption(source)) return;
    if (!this.seeds.includes(source.seed)) {
      const listed = list(this.seeds);
      this.report(file, `${path}.seed`, `seed "${source.seed}" is not listed in scenario.yaml seeds (${listed})`);
      return;
    }
    const sections = this.sections.get(source.seed) ?? [];
    if (!sections.includes(source.section)) {
      this.report(
        file,
        `${path}.section`,
        `"${source.section}" is not a section heading of ${source.seed} listed in scenario.yaml`,
      );
    }
  }
}
