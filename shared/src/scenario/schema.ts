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

export * from './schemaBasics.ts';
export * from './schemaDelegation.ts';
// The fixed id lists live in ids.ts (no zod), so the browser bundle can import them cheaply.
export { DELEGATION_IDS, ENDINGS, ISSUE_GROUPS };

import {
  ClauseRef,
  Condition,
  DelegationId,
  Effect,
  Ending,
  Localized,
  Slug,
  Source,
  VariableId,
} from './schemaBasics.ts';
import type { Delegation } from './schemaDelegation.ts';

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
        /** The document's title, as the player reads it in a citation. */
        title: Localized,
        /**
         * The seed's section headings: `en` exactly as the heading line is written in the seed
         * (every `source.section` must be one of them), `uk` its translation for citations.
         */
        sections: z.array(Localized).min(1),
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
  /**
   * What this clause does to the world once an agreement holding it is ratified (a prisoner
   * exchange steadies Ukrainian resolve, a grain corridor eases Washington's urgency), so that
   * later talks happen in a changed world. Applied once per clause and game.
   */
  effects: z.array(Effect).default([]),
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

/**
 * Something only the debrief reveals, decided when the talks end: if `when` holds, `text` is
 * revealed with probability `chance` (drawn with the game's seeded generator), `otherwise` if
 * given. Nothing during play depends on it, so drawing it at the end is the same as drawing it
 * when it happened, and no seat can have learnt it (e.g. whether a back-channel signal was genuine).
 */
export const Revelation = z.strictObject({
  id: Slug,
  when: Condition,
  chance: z.number().min(0).max(1).default(1),
  text: Localized,
  otherwise: Localized.optional(),
  source: Source,
});
export type Revelation = z.infer<typeof Revelation>;

/**
 * A condition `npm run simulate` counts besides the outcomes: the share of games in which it held
 * after some step, and how often it held in the games of each outcome (e.g. that a breakthrough
 * comes only where Ukraine's weapons pipeline ran short, and how often the pipeline did).
 */
export const Measure = z.strictObject({
  id: Slug,
  title: Localized,
  when: Condition,
  source: Source,
});
export type Measure = z.infer<typeof Measure>;

export const Outcomes = z.strictObject({
  outcomes: z.array(Outcome).min(2),
  /** Default []: what the debrief reveals (see Revelation). */
  revelations: z.array(Revelation).default([]),
  /** Default []: what the simulator counts besides the outcomes (see Measure). */
  measures: z.array(Measure).default([]),
});

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
  revelations: Revelation[];
  measures: Measure[];
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
