/**
 * delegations/<id>.yaml: a delegation's public face and its private content (briefing, red lines,
 * ratification rules, preferences, AI personality). Re-exported by schema.ts.
 */
import { z } from 'zod';
import {
  ClauseRef,
  Condition,
  DelegationId,
  Localized,
  Slug,
  Source,
  SourcedText,
  VariableId,
} from './schemaBasics.ts';

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
