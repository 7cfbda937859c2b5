/**
 * Size limits: nothing a client sends may be large enough to stall the room or flood a screen.
 * Kept free of zod so the browser client can size its text boxes without loading the schemas;
 * engine/events.ts enforces them and re-exports them.
 */
export const LIMITS = {
  chat: 1000,
  statement: 2000,
  note: 500,
  reason: 300,
  reasons: 12,
  packageIssues: 40,
} as const;
