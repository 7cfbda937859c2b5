/**
 * The building blocks every scenario file uses: ids, bilingual text, sources, clause references,
 * the condition language and world effects. Re-exported by schema.ts, the scenario format's entry.
 */
import { z } from 'zod';
import { DELEGATION_IDS, ENDINGS } from './ids.ts';

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

/**
 * Where a fact comes from: a seed file in ../shared/seeds/, the heading of the section that
 * supports it and a short verbatim quote from that section (`npm run content:check` finds the
 * quote in that section of the seed text; "…" marks an omission).
 */
export const SeedQuote = z.strictObject({
  seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, 'must be a seed file name like "000_dc4659ee7f7471a7.txt"'),
  section: z.string().trim().min(1),
  quote: z
    .string()
    .trim()
    .min(12, 'quote the words of the seed that support the fact (at least 12 characters)')
    .max(320, 'keep the quote short: at most 320 characters (use "…" for an omission)'),
});
export type SeedQuote = z.infer<typeof SeedQuote>;

/**
 * A fact the seeds do not support: the scenario's own assumption, with one line on why the game
 * needs it. Public: every assumption is listed for teachers on the "What this scenario assumes"
 * page of the briefing and the debrief, so it must not give away a delegation's private content.
 */
export const Assumption = z.strictObject({ assumption: Localized });
export type Assumption = z.infer<typeof Assumption>;

/** Every fact either quotes a seed or says it is the scenario's assumption: the YAML shows which at once. */
export const Source = z.union([SeedQuote, Assumption]);
export type Source = z.infer<typeof Source>;

export function isAssumption(source: Source): source is Assumption {
  return 'assumption' in source;
}

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
  | { clause: string } // the package contains this clause (explicitly or as the default)
  | { anyClause: string[] }
  | { world: string; lt?: number; lte?: number; gt?: number; gte?: number }
  | { sum: string[]; lt?: number; lte?: number; gt?: number; gte?: number } // sum of several variables
  | { month: { lt?: number; lte?: number; gt?: number; gte?: number } } // months since the start, 0-based
  | { flag: string } // a flag raised by an event or lever
  | { ending: Ending } // only meaningful for outcomes
  | { ratified: boolean } // only meaningful for outcomes: the signed deal survived every ratification rule
  | { agreement: boolean } // only meaningful for outcomes: a package was signed by all its required signatories
  | { partial: boolean } // only meaningful for outcomes: a partial agreement (one that left the war going) was signed and ratified
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
    z.strictObject({ partial: z.boolean() }),
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
