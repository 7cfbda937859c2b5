/**
 * The secrecy check used per seat by the property tests and the real-scenario tests: nothing in a
 * seat's view may reveal another delegation's private content, channels, sealed answers or levers.
 */
import { expect } from 'vitest';
import { canRead } from '../../src/engine/channels.ts';
import type { NegotiationContext } from '../../src/engine/types.ts';
import { canSee, type ViewerSeat, viewFor } from '../../src/engine/view.ts';
import { DELEGATION_IDS, type DelegationId, type Scenario } from '../../src/scenario/schema.ts';

/**
 * Every text in a value, except its sources: a quote is the seed's own public words (one
 * delegation's quote may be part of another's) and an assumption is listed for everyone.
 */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'source') strings(v, out);
  }
  return out;
}

const cache = new WeakMap<Scenario, Map<DelegationId, string[]>>();

/** Text that only appears in a delegation's private content (not also somewhere public). */
export function privateStrings(s: Scenario, d: DelegationId): string[] {
  let perScenario = cache.get(s);
  if (!perScenario) {
    perScenario = new Map();
    cache.set(s, perScenario);
  }
  const hit = perScenario.get(d);
  if (hit) return hit;
  const computed = computePrivateStrings(s, d);
  perScenario.set(d, computed);
  return computed;
}

function computePrivateStrings(s: Scenario, d: DelegationId): string[] {
  const { briefing, redLines, ratification, preferences, personality, phrases } = s.delegations[d];
  const publicText = new Set(
    strings({
      ...s,
      delegations: DELEGATION_IDS.map((x) => ({
        name: s.delegations[x].name,
        publicPosition: s.delegations[x].publicPosition,
      })),
    }),
  );
  const secret = strings([briefing, redLines, ratification, preferences.rationale, personality.description, phrases]);
  return [...new Set(secret)].filter((t) => t.length >= 12 && !publicText.has(t));
}

/** Before the debrief: nothing private of another delegation. After it: still no one else's channels. */
export function expectNoLeaks(s: Scenario, ctx: NegotiationContext, seat: ViewerSeat) {
  const view = viewFor(s, ctx, seat);
  for (const m of view.chat) expect(canRead(seat, m.channel)).toBe(true);
  for (const t of view.transcript) if (t.kind === 'chat.post') expect(canSee(seat, t.audience)).toBe(true);
  if (ctx.phase === 'concluded') return;
  const json = JSON.stringify(view);
  // Text the viewer legitimately has in its own briefing is not a leak even if another shares it.
  const own = new Set(seat === 'facilitator' || seat === 'spectator' ? [] : privateStrings(s, seat));
  for (const d of DELEGATION_IDS) {
    if (d === seat) continue;
    expect(view.private[d]).toBeUndefined();
    for (const text of privateStrings(s, d)) {
      if (own.has(text)) continue;
      if (json.includes(text)) throw new Error(`${seat} can read ${d}'s private text: ${text}`);
    }
  }
  for (const t of view.transcript) {
    expect(canSee(seat, t.audience)).toBe(true);
    expect(t.event).toBeNull();
  }
  // Answers stay sealed while a draft is on the table, and (until the debrief) if it is withdrawn.
  for (const p of view.proposals) {
    if (p.status !== 'tabled' && p.status !== 'withdrawn') continue;
    for (const d of Object.keys(p.responses)) expect([seat, p.author]).toContain(d);
  }
  const ownLevers = new Set(s.levers.filter((l) => l.owner === seat).map((l) => l.id));
  for (const q of view.queuedLevers) {
    const lever = s.levers.find((l) => l.id === q.lever);
    expect(lever?.visibility === 'public' || ownLevers.has(q.lever)).toBe(true);
  }
  for (const id of Object.keys(view.cooldowns)) expect(ownLevers.has(id)).toBe(true);
}
