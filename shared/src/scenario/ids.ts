/**
 * The game's fixed id lists as plain constants, free of zod. The browser client needs these
 * (to lay out the four seats, to name endings) but not the scenario format's validators, and
 * importing them from schema.ts would put zod and every schema into the page's first download.
 * schema.ts builds its enums from these lists and re-exports them, so either import works.
 */

/** The four delegations at the table. Fixed by the game's design, not by content. */
export const DELEGATION_IDS = ['ukraine', 'russia', 'us', 'europe'] as const;
export type DelegationId = (typeof DELEGATION_IDS)[number];

/** How the talks can end. */
export const ENDINGS = ['signed', 'deadline', 'walkout', 'breakthrough'] as const;
export type Ending = (typeof ENDINGS)[number];

/** The groups agenda issues are sorted into. */
export const ISSUE_GROUPS = ['ceasefire', 'territory', 'security', 'economic', 'justice', 'humanitarian'] as const;
export type IssueGroup = (typeof ISSUE_GROUPS)[number];
