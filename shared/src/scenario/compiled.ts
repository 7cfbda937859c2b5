/**
 * A scenario's rules compiled once: the agenda numbered (space.ts) and every condition of the
 * content (red lines, ratification rules, lever requirements, event triggers, outcome rules)
 * compiled against it (condition.ts). Scenarios are immutable content, so the compiled form is one
 * frozen object, made by whoever hosts a game and passed to what needs it: the engine makes one in
 * `createEngine`, a bot makes its own from the public scenario and its own private content, the
 * debrief's frontier search from the full scenario. It holds the scenario it was made from, and
 * the rules read the content through it, so a compiled form can never be paired with another scenario.
 */
import { type CompiledCondition, compileCondition, decideWorld, type Facts, issuesRead } from './condition.ts';
import { DELEGATION_IDS, type DelegationId } from './ids.ts';
import type { Lever, Localized, RatificationRule, RedLine, Scenario, ScenarioEvent } from './schema.ts';
import { type ClauseSpace, compileAgenda } from './space.ts';
import { weightsOf } from './utility.ts';

export interface CompiledRedLine {
  readonly line: RedLine;
  /** The package breaks the red line when this holds. */
  readonly breaks: CompiledCondition;
  /** The agenda issues it reads (as indexes): only changing one of these can mend it. */
  readonly issues: readonly number[];
}

export interface CompiledRatificationRule {
  readonly rule: RatificationRule;
  /** A signed package survives at home only if this holds. */
  readonly requires: CompiledCondition;
  readonly issues: readonly number[];
}

/** What one delegation must not sign and what its home must ratify, compiled against the agenda. */
export interface DelegationRules {
  readonly id: DelegationId;
  readonly name: Localized;
  readonly space: ClauseSpace;
  readonly redLines: readonly CompiledRedLine[];
  readonly ratification: readonly CompiledRatificationRule[];
}

export interface CompiledLever {
  readonly lever: Lever;
  /** The lever can be used only when this holds (absent: always). */
  readonly requires: CompiledCondition | null;
}

export interface CompiledEvent {
  readonly event: ScenarioEvent;
  /** The event is eligible to fire only when this holds (absent: always). */
  readonly trigger: CompiledCondition | null;
}

export interface ScenarioRules {
  readonly scenario: Scenario;
  readonly space: ClauseSpace;
  readonly delegations: Readonly<Record<DelegationId, DelegationRules>>;
  /** Each delegation's normalised issue weights (utility.ts), for scoring many packages. */
  readonly weights: Readonly<Record<DelegationId, Readonly<Record<string, number>>>>;
  /** In content order. */
  readonly levers: readonly CompiledLever[];
  readonly events: readonly CompiledEvent[];
  readonly outcomes: readonly CompiledCondition[];
  /** scenario.revelations' conditions, in content order. */
  readonly revelations: readonly CompiledCondition[];
  /** scenario.measures' conditions, in content order. */
  readonly measures: readonly CompiledCondition[];
}

/** A delegation's red lines and ratification rules, compiled against the agenda. */
export function compileDelegationRules(
  space: ClauseSpace,
  id: DelegationId,
  name: Localized,
  content: { redLines: readonly RedLine[]; ratification: readonly RatificationRule[] },
): DelegationRules {
  return Object.freeze({
    id,
    name,
    space,
    redLines: Object.freeze(
      content.redLines.map((line) => {
        const breaks = compileCondition(space, line.breaksWhen);
        return Object.freeze({ line, breaks, issues: issuesRead(breaks) });
      }),
    ),
    ratification: Object.freeze(
      content.ratification.map((rule) => {
        const requires = compileCondition(space, rule.requires);
        return Object.freeze({ rule, requires, issues: issuesRead(requires) });
      }),
    ),
  });
}

export function compileLever(space: ClauseSpace, lever: Lever): CompiledLever {
  return Object.freeze({ lever, requires: lever.requires ? compileCondition(space, lever.requires) : null });
}

export function compileRules(scenario: Scenario): ScenarioRules {
  const space = compileAgenda(scenario.agenda);
  const delegations = {} as Record<DelegationId, DelegationRules>;
  const weights = {} as Record<DelegationId, Readonly<Record<string, number>>>;
  for (const d of DELEGATION_IDS) {
    const delegation = scenario.delegations[d];
    delegations[d] = compileDelegationRules(space, d, delegation.name, delegation);
    weights[d] = Object.freeze(weightsOf(delegation.preferences));
  }
  return Object.freeze({
    scenario,
    space,
    delegations: Object.freeze(delegations),
    weights: Object.freeze(weights),
    levers: Object.freeze(scenario.levers.map((lever) => compileLever(space, lever))),
    events: Object.freeze(
      scenario.events.map((event) =>
        Object.freeze({ event, trigger: event.trigger ? compileCondition(space, event.trigger) : null }),
      ),
    ),
    outcomes: Object.freeze(scenario.outcomes.map((o) => compileCondition(space, o.when))),
    revelations: Object.freeze(scenario.revelations.map((r) => compileCondition(space, r.when))),
    measures: Object.freeze(scenario.measures.map((m) => compileCondition(space, m.when))),
  });
}

/**
 * The same rules with every world leaf decided for one world (condition.ts decideWorld): for a
 * search that checks thousands of packages at one world, a red line whose world side does not hold
 * then costs nothing per package.
 */
export function rulesAtWorld(rules: DelegationRules, facts: Facts): DelegationRules {
  return {
    ...rules,
    redLines: rules.redLines.map((l) => ({ ...l, breaks: decideWorld(l.breaks, facts) })),
    ratification: rules.ratification.map((r) => ({ ...r, requires: decideWorld(r.requires, facts) })),
  };
}
