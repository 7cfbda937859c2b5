/**
 * The scenario format: zod 4 schemas for every file under `content/scenarios/<id>/`.
 *
 * A scenario is split into files by concern (scenario.yaml, agenda.yaml, world.yaml, levers.yaml,
 * events.yaml, outcomes.yaml, map.yaml and one file per delegation under delegations/). Each file
 * is validated by its own schema here so an error can name the file; cross-references between
 * files are checked afterwards in `crossref.ts`.
 *
 * Pure: no I/O. The loader (which reads files) lives beside it and is the only function the
 * server, the simulator and `npm run content:check` use to get a Scenario.
 */
import { z } from 'zod';
import { DELEGATION_IDS, ENDINGS, ISSUE_GROUPS } from './ids.ts';

// The fixed id lists live in ids.ts (no zod), so the browser bundle can import them cheaply.
export { DELEGATION_IDS, ENDINGS, ISSUE_GROUPS };

/** The four delegations at the table. Fixed by the game's design, not by content. */
export const DelegationId = z.enum(DELEGATION_IDS);
export type DelegationId = z.infer<typeof DelegationId>;

/** Lower-case slug used for every id in content (issues, options, levers, events, ...). */
export const Slug = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case slug like "status-crimea" (a-z, 0-9, -)');

/** Every player-facing string exists in English and Ukrainian. */
export const Localized = z.strictObject({
  en: z.string().trim().min(1, 'English text is empty'),
  uk: z.string().trim().min(1, 'Ukrainian text is empty'),
});
export type Localized = z.infer<typeof Localized>;

/** Where a fact comes from: a seed file in ../shared/seeds/ and one of its section headings. */
export const Source = z.strictObject({
  seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, 'must be a seed file name like "000_dc4659ee7f7471a7.txt"'),
  section: z.string().trim().min(1),
});
export type Source = z.infer<typeof Source>;

/** A sourced, localised statement (objectives, priorities, fallbacks, ...). */
export const SourcedText = z.strictObject({ text: Localized, source: Source });
export type SourcedText = z.infer<typeof SourcedText>;

/** A clause reference "issueId.optionId", e.g. "crimea.recognised". */
export const ClauseRef = z
  .string()
  .regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'must be a clause reference "issue.option" like "crimea.recognised"');
export type ClauseRef = z.infer<typeof ClauseRef>;

/** A world variable id, e.g. "pipeline-us" or "momentum.kostiantynivka-pokrovsk". */
export const VariableId = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)?$/, 'must be a variable id');

/** How a game ended; conditions on outcomes may test it. */
export const Ending = z.enum(ENDINGS);
export type Ending = z.infer<typeof Ending>;

/** Numeric comparison on a world variable (all given bounds must hold). */
const Bounds = {
  lt: z.number().optional(),
  lte: z.number().optional(),
  gt: z.number().optional(),
  gte: z.number().optional(),
};

/**
 * The one small condition language used by red lines, ratification rules, event triggers, lever
 * requirements and outcome rules. Evaluated by the engine against {package, world, month, flags, ending}.
 */
export type Condition =
  | { clause: string } // the package contains this clause (explicitly or as the issue's default)
  | { anyClause: string[] }
  | { world: string; lt?: number; lte?: number; gt?: number; gte?: number }
  | { sum: string[]; lt?: number; lte?: number; gt?: number; gte?: number } // sum of several variables
  | { month: { lt?: number; lte?: number; gt?: number; gte?: number } } // months since the start, 0-based
  | { flag: string } // a flag raised by an event or lever
  | { ending: Ending } // only meaningful for outcomes
  | { ratified: boolean } // only meaningful for outcomes: the signed deal survived every ratification rule
  | { agreement: boolean } // only meaningful for outcomes: a package was signed by all its required signatories
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ clause: ClauseRef }),
    z.strictObject({ anyClause: z.array(ClauseRef).min(1) }),
    z.strictObject({ world: VariableId, ...Bounds }),
    z.strictObject({ sum: z.array(VariableId).min(2), ...Bounds }),
    z.strictObject({ month: z.strictObject(Bounds) }),
    z.strictObject({ flag: Slug }),
    z.strictObject({ ending: Ending }),
    z.strictObject({ ratified: z.boolean() }),
    z.strictObject({ agreement: z.boolean() }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);

/** A change to the world: add `delta` to a variable (clamped to its range) or `set` it; or raise a flag. */
export const Effect = z.union([
  z.strictObject({ variable: VariableId, delta: z.number() }),
  z.strictObject({ variable: VariableId, set: z.number() }),
  z.strictObject({ flag: Slug }),
]);
export type Effect = z.infer<typeof Effect>;

// ---------------------------------------------------------------------------------------------
// scenario.yaml
// ---------------------------------------------------------------------------------------------
export const ScenarioMeta = z.strictObject({
  id: Slug,
  title: Localized,
  summary: Localized,
  /** ISO date of the situation the scenario starts from, e.g. "2026-02-15". */
  startDate: z.iso.date(),
  /** Number of monthly rounds before the talks' deadline (e.g. 10 for March–December 2026). */
  rounds: z.int().min(1).max(36),
  /** First month of play, "YYYY-MM". Round r is this month plus r. */
  firstMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be "YYYY-MM"'),
  /** Seed files this scenario cites; every `source.seed` must be one of these. */
  seeds: z
    .array(
      z.strictObject({
        file: z.string(),
        title: z.string(),
        /** The seed's section headings, exactly as written: every `source.section` must be one of them. */
        sections: z.array(z.string().trim().min(1)).min(1),
      }),
    )
    .min(1),
  source: Source,
});
export type ScenarioMeta = z.infer<typeof ScenarioMeta>;

// ---------------------------------------------------------------------------------------------
// agenda.yaml — the issues on the table and their options
// ---------------------------------------------------------------------------------------------
export const AgendaOption = z.strictObject({
  id: Slug,
  label: Localized,
  /** One sentence a student reads on the clause card. */
  summary: Localized,
  /** Delegations that must sign a package containing this clause for it to bind. */
  signatories: z.array(DelegationId).min(1),
  /** Clauses of other issues that cannot stand in the same package (e.g. a European force with a ban on foreign troops). */
  incompatibleWith: z.array(ClauseRef).default([]),
  source: Source,
});
export type AgendaOption = z.infer<typeof AgendaOption>;

export const AgendaIssue = z.strictObject({
  id: Slug,
  group: z.enum(ISSUE_GROUPS),
  title: Localized,
  description: Localized,
  options: z.array(AgendaOption).min(2),
  /** The option that holds when a package is silent on this issue (the status quo). */
  default: Slug,
  /** For legal-status issues: the map region (map.yaml) this issue decides. */
  region: Slug.optional(),
  /**
   * Signing a package that settles this issue to anything but its default ends the talks (a
   * ceasefire does); packages that leave it at the default are partial deals and talks go on.
   */
  concludes: z.boolean().default(false),
  source: Source,
});
export type AgendaIssue = z.infer<typeof AgendaIssue>;

export const Agenda = z.strictObject({ issues: z.array(AgendaIssue).min(1) });
export type Agenda = z.infer<typeof Agenda>;

// ---------------------------------------------------------------------------------------------
// world.yaml — the state the talks happen in
// ---------------------------------------------------------------------------------------------
export const WorldVariable = z
  .strictObject({
    id: VariableId,
    label: Localized,
    description: Localized,
    min: z.number(),
    max: z.number(),
    initial: z.number(),
    /** For battlefield momentum: the front sector (map.yaml) this variable belongs to. */
    sector: Slug.optional(),
    /** Drift applied at every resolution step before levers and events (e.g. US patience falls). */
    drift: z.number().default(0),
    /**
     * Couplings applied at every resolution step: delta += coefficient * (value of `variable` - pivot).
     * E.g. a front's momentum grows when Ukraine's pipeline is below its pivot.
     */
    drivers: z
      .array(z.strictObject({ variable: VariableId, coefficient: z.number(), pivot: z.number().default(0) }))
      .default([]),
    source: Source,
  })
  .refine((v) => v.min < v.max, { message: 'min must be below max', path: ['max'] })
  .refine((v) => v.initial >= v.min && v.initial <= v.max, {
    message: 'initial must lie between min and max',
    path: ['initial'],
  });
export type WorldVariable = z.infer<typeof WorldVariable>;

export const World = z.strictObject({ variables: z.array(WorldVariable).min(1) });
export type World = z.infer<typeof World>;

// ---------------------------------------------------------------------------------------------
// delegations/<id>.yaml
// ---------------------------------------------------------------------------------------------
export const RedLine = z.strictObject({
  id: Slug,
  title: Localized,
  /** Why the line exists, shown when a package breaks it. */
  explanation: Localized,
  /** The package breaks this red line when this condition holds for it. */
  breaksWhen: Condition,
  source: Source,
});
export type RedLine = z.infer<typeof RedLine>;

export const RatificationRule = z.strictObject({
  id: Slug,
  title: Localized,
  explanation: Localized,
  /** A signed package survives at home only if this holds (evaluated on the package and the world). */
  requires: Condition,
  source: Source,
});
export type RatificationRule = z.infer<typeof RatificationRule>;

/** No-deal value: base + sum(coefficient * world[variable]) + perMonth * month, clamped to [0, 1]. */
export const NoDealValue = z.strictObject({
  base: z.number(),
  terms: z.array(z.strictObject({ variable: VariableId, coefficient: z.number() })).default([]),
  perMonth: z.number().default(0),
});
export type NoDealValue = z.infer<typeof NoDealValue>;

export const Preferences = z.strictObject({
  /** Issue weights (non-negative; the engine normalises them to sum to 1). Every issue must have one. */
  weights: z.record(Slug, z.number().min(0)),
  /** utilities[issue][option] in [0, 1]. Every option of every issue must have one. */
  utilities: z.record(Slug, z.record(Slug, z.number().min(0).max(1))),
  /** A deal's utility is multiplied by (1 - discountPerMonth)^month: impatience. */
  discountPerMonth: z.number().min(0).max(0.5).default(0),
  noDeal: NoDealValue,
  /** Why the numbers are what they are, with sources (shown on the utility sheet). */
  rationale: z.array(SourcedText).min(1),
});
export type Preferences = z.infer<typeof Preferences>;

export const Personality = z.strictObject({
  /** Concession exponent e of the time-dependent curve: e < 1 Boulware (patient), e > 1 Conceder. */
  concession: z.number().positive().max(10),
  /** 0..1: how high its first demands sit above its no-deal value. */
  toughness: z.number().min(0).max(1),
  /** 0..1: how strongly changes in the world (its no-deal value) move its demands. */
  pressureSensitivity: z.number().min(0).max(1),
  /** 0..1: how readily it pulls its levers. */
  leverUse: z.number().min(0).max(1),
  /** How a facilitator should describe the AI delegation to students. */
  description: Localized,
  source: Source,
});
export type Personality = z.infer<typeof Personality>;

export const Briefing = z.strictObject({
  objectives: z.array(SourcedText).min(1),
  priorities: z.array(SourcedText).min(1),
  fallbacks: z.array(SourcedText).min(1),
  mayReveal: z.array(SourcedText).min(1),
  domesticPressure: z.array(SourcedText).min(1),
});
export type Briefing = z.infer<typeof Briefing>;

export const Delegation = z.strictObject({
  id: DelegationId,
  name: Localized,
  /** The delegation's colour on the table and map (hex), chosen from a colour-blind-safe palette. */
  colour: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a hex colour like "#0072b2"'),
  /** Public: what everyone at the table knows this delegation stands for. */
  publicPosition: SourcedText,
  /**
   * Public: the clauses this delegation is publicly known to demand and to refuse (its stated
   * position in clause form). Everyone may know them; AI delegations start their opponent models here.
   */
  publicStance: z
    .strictObject({
      demands: z.array(ClauseRef).default([]),
      refuses: z.array(ClauseRef).default([]),
      source: Source,
    })
    .optional(),
  /** PRIVATE from here on: only this delegation (and the facilitator) may see it. */
  briefing: Briefing,
  redLines: z.array(RedLine).default([]),
  ratification: z.array(RatificationRule).default([]),
  preferences: Preferences,
  personality: Personality,
  /** Phrases the AI delegation uses to explain itself, keyed by situation (accept, reject, ...). */
  phrases: z.record(Slug, Localized).default({}),
  source: Source,
});
export type Delegation = z.infer<typeof Delegation>;

// ---------------------------------------------------------------------------------------------
// levers.yaml — what each delegation can do outside the deal
// ---------------------------------------------------------------------------------------------
export const Lever = z.strictObject({
  id: Slug,
  owner: DelegationId,
  title: Localized,
  description: Localized,
  /** What it costs the owner, in words (the numbers are in `effects`). */
  cost: Localized,
  /** Applied at the next resolution step. A variable id may contain "$sector" when `targetsSector`. */
  effects: z
    .array(z.union([Effect, z.strictObject({ variable: z.string().includes('$sector'), delta: z.number() })]))
    .min(1),
  /** The lever is aimed at one front sector chosen when it is used. */
  targetsSector: z.boolean().default(false),
  /** The lever can be used only when this holds. */
  requires: Condition.optional(),
  /** Rounds to wait before the same delegation may use it again (0 = every round). */
  cooldown: z.int().min(0).default(1),
  /**
   * Whom the lever is meant to put pressure on (public knowledge, e.g. cutting supply presses
   * Ukraine): AI delegations pull it when those delegations block the talks.
   */
  pressures: z.array(DelegationId).default([]),
  /** Public levers are announced to all; others only to the owner until their effects show. */
  visibility: z.enum(['public', 'private']).default('public'),
  source: Source,
});
export type Lever = z.infer<typeof Lever>;

export const Levers = z.strictObject({ levers: z.array(Lever).min(1) });

// ---------------------------------------------------------------------------------------------
// events.yaml — injects, drawn with a seeded RNG at each resolution step
// ---------------------------------------------------------------------------------------------
export const ScenarioEvent = z.strictObject({
  id: Slug,
  title: Localized,
  /** The announcement everyone sees when it fires. */
  announcement: Localized,
  /** The event can fire only when this holds. Omit for "always eligible". */
  trigger: Condition.optional(),
  /** Chance per resolution step that an eligible event fires. */
  probability: z.number().min(0).max(1),
  effects: z.array(Effect).default([]),
  /** Fires at most once per game. */
  once: z.boolean().default(false),
  /** Firing it ends the talks with this ending (e.g. a breakthrough that forces terms). */
  ends: Ending.optional(),
  source: Source,
});
export type ScenarioEvent = z.infer<typeof ScenarioEvent>;

export const Events = z.strictObject({ events: z.array(ScenarioEvent).min(1) });

// ---------------------------------------------------------------------------------------------
// outcomes.yaml — how a finished game is classified (first matching rule wins)
// ---------------------------------------------------------------------------------------------
export const Outcome = z.strictObject({
  id: Slug,
  title: Localized,
  /** Short debrief text for students. */
  debrief: Localized,
  /** Number of the seed's scenario (1-4) this outcome corresponds to, if any. */
  seedScenario: z.int().min(1).max(4).optional(),
  when: Condition,
  source: Source,
});
export type Outcome = z.infer<typeof Outcome>;

export const Outcomes = z.strictObject({ outcomes: z.array(Outcome).min(2) });

// ---------------------------------------------------------------------------------------------
// map.yaml — binding to the map data copied into content/map/
// ---------------------------------------------------------------------------------------------
export const MapBinding = z.strictObject({
  /** Paths relative to the content/ folder, e.g. "map/ukraine-oblasts.geojson". */
  files: z.strictObject({
    oblasts: z.string(),
    lineOfContact: z.string(),
    occupied: z.string(),
    sectors: z.string(),
    neighbours: z.string(),
    cities: z.string(),
  }),
  /** Regions whose legal status the agenda decides, bound to oblast ids of the oblasts file. */
  regions: z.array(z.strictObject({ id: Slug, name: Localized, oblasts: z.array(z.string()).min(1) })).min(1),
  /** Front sectors, bound to sector ids of the sectors file. */
  sectors: z.array(z.strictObject({ id: Slug, name: Localized })).min(1),
  /** Credit lines to display wherever the map is shown. */
  attribution: z.array(Localized).min(1),
});
export type MapBinding = z.infer<typeof MapBinding>;

/** The whole scenario after loading: every file merged, validated and cross-checked. */
export interface Scenario {
  meta: ScenarioMeta;
  agenda: Agenda;
  world: World;
  delegations: Record<DelegationId, Delegation>;
  levers: Lever[];
  events: ScenarioEvent[];
  outcomes: Outcome[];
  map: MapBinding;
}

/** File name (relative to the scenario folder) → the schema that validates it. */
export const SCENARIO_FILES = {
  'scenario.yaml': ScenarioMeta,
  'agenda.yaml': Agenda,
  'world.yaml': World,
  'levers.yaml': Levers,
  'events.yaml': Events,
  'outcomes.yaml': Outcomes,
  'map.yaml': MapBinding,
} as const;

/** A package: one chosen option per issue it addresses (issues it omits keep their default). */
export const Package = z.record(Slug, Slug);
export type Package = z.infer<typeof Package>;
