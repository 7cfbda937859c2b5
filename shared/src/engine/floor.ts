/**
 * The floor: how a round's drafts reach the table and in which order they are answered.
 *
 * - Tabling stays open until every delegation still at the table has tabled a draft or passed
 *   (or the facilitator or the clock closes it). Each delegation tables at most one draft a round.
 * - Drafts tabled during tabling are sealed: only their author (and the facilitator) reads them,
 *   the others see only that a draft was tabled. So nobody, person or computer, can be out-raced:
 *   a draft prepared at once is revealed with everyone else's when tabling closes.
 * - When tabling closes, the drafts are answered one after another, in a known order: the round's
 *   chair first, then the delegations after it in the chair's rotation (CHAIR_ORDER). The chair
 *   rotates through all four delegations, people included.
 * - A counter-proposal is a draft too: its author tables it at the opening of the next round's
 *   tabling (sealed like any draft, and counting as that delegation's draft for the round; it may
 *   withdraw it there and table something else or pass).
 *
 * Pure functions of (rules, context), called by the machine (machine.ts).
 */
import type { ScenarioRules } from '../scenario/compiled.ts';
import { requiredSignatories } from '../scenario/evaluate.ts';
import { DELEGATION_IDS, type DelegationId, type Localized } from '../scenario/schema.ts';
import { packageRefusal } from './packageRefusal.ts';
import { withSeat } from './seats.ts';
import { actorName, append, describeClauses, line, ownAudience } from './transcript.ts';
import type { NegotiationContext, Proposal } from './types.ts';

/** The chair's rotation: the mediators first, then the parties; round r is chaired by the r-th (mod 4). */
export const CHAIR_ORDER: readonly DelegationId[] = ['us', 'europe', 'ukraine', 'russia'];

/** The order the round's drafts are answered in: its chair, then the others in rotation (walked-out ones left out). */
export function answeringOrder(round: number, seats: NegotiationContext['seats']): DelegationId[] {
  const start = (Math.max(1, round) - 1) % CHAIR_ORDER.length;
  const order: DelegationId[] = [];
  for (let i = 0; i < CHAIR_ORDER.length; i += 1) {
    const d = CHAIR_ORDER[(start + i) % CHAIR_ORDER.length] as DelegationId;
    if (!seats[d].walkedOut) order.push(d);
  }
  return order;
}

/** Who chairs the round: whose draft is answered first. */
export function chairOf(round: number, seats: NegotiationContext['seats']): DelegationId | null {
  return answeringOrder(round, seats)[0] ?? null;
}

/** The delegation's sealed draft of this round's tabling, if it has one. */
export function sealedDraftOf(ctx: NegotiationContext, d: DelegationId): Proposal | undefined {
  for (let i = ctx.proposals.length - 1; i >= 0; i -= 1) {
    const p = ctx.proposals[i] as Proposal;
    if (p.round < ctx.round) return undefined;
    if (p.author === d && p.status === 'sealed') return p;
  }
  return undefined;
}

/** A draft put on the floor (sealed until tabling closes); its author counts as having tabled. */
export function sealDraft(
  rules: ScenarioRules,
  ctx: NegotiationContext,
  draft: Pick<Proposal, 'author' | 'package' | 'note' | 'parent' | 'at'> & { counterTo?: string },
  event: Parameters<typeof append>[1]['event'],
): NegotiationContext {
  const s = rules.scenario;
  const author = draft.author;
  const id = `p${ctx.proposals.length + 1}`;
  const proposal: Proposal = {
    id,
    author,
    round: ctx.round,
    parent: draft.parent,
    ...(draft.counterTo ? { counterTo: draft.counterTo } : {}),
    package: Object.assign({}, draft.package),
    note: draft.note,
    status: 'sealed',
    signatories: requiredSignatories(rules.space, draft.package),
    // Tabling a draft is accepting it: the author cannot table what it would refuse.
    responses: { [author]: { response: 'accept', reasons: [], at: draft.at } },
    signatures: [],
    at: draft.at,
  };
  let next: NegotiationContext = {
    ...ctx,
    proposals: [...ctx.proposals, proposal],
    seats: withSeat(ctx.seats, author, { ...ctx.seats[author], ready: true }),
  };
  if (draft.parent && !draft.counterTo) {
    const parent = draft.parent;
    next = {
      ...next,
      proposals: next.proposals.map((p) =>
        p.id === parent && (p.status === 'rejected' || p.status === 'declined') ? { ...p, status: 'superseded' } : p,
      ),
    };
  }
  const who = actorName(s, author);
  const verb: Localized = draft.counterTo
    ? {
        en: `tables its counter-proposal to ${draft.counterTo} as`,
        uk: `вносимо свою зустрічну пропозицію до ${draft.counterTo} як`,
      }
    : draft.parent
      ? { en: `amends ${draft.parent} and tables`, uk: `змінюємо ${draft.parent} і вносимо` }
      : { en: 'tables', uk: 'вносимо' };
  const clauses = describeClauses(rules.space, draft.package);
  // The author reads its own draft in full; everyone learns only that a draft is on the floor.
  next = append(next, {
    actor: author,
    kind: draft.counterTo ? 'proposal.counter' : (event?.type ?? 'proposal.table'),
    event: event ?? null,
    audience: ownAudience(author),
    // The Ukrainian speaks in the delegation's voice after its name ("Сполучені Штати: вносимо
    // проєкт p1"), so the verb agrees whatever the name's number.
    text: line((l) =>
      l === 'en'
        ? `${who.en} ${verb.en} draft ${id}: ${clauses.en}`
        : `${who.uk}: ${verb.uk} проєкт ${id}: ${clauses.uk}`,
    ),
  });
  return append(next, {
    actor: author,
    kind: 'proposal.seal',
    text: line((l) =>
      l === 'en'
        ? `${who.en} has tabled draft ${id}; it stays sealed until tabling closes`
        : `${who.uk}: вносимо проєкт ${id}; він запечатаний до закриття внесення`,
    ),
  });
}

/**
 * Entering tabling: each delegation's latest counter-proposal of the last round is tabled as its
 * draft (unless it was answered by an agreement, its author has left, or it now breaks the
 * author's red lines).
 */
export function tableCounters(rules: ScenarioRules, ctx: NegotiationContext): NegotiationContext {
  const latest = new Map<DelegationId, { to: Proposal; counter: NonNullable<Proposal['responses'][DelegationId]> }>();
  for (const p of ctx.proposals) {
    if (p.round !== ctx.round - 1 || p.status === 'signed' || p.status === 'accepted') continue;
    for (const d of DELEGATION_IDS) {
      const r = p.responses[d];
      if (r?.response !== 'counter' || !r.counter || ctx.seats[d].walkedOut) continue;
      const seen = latest.get(d);
      if (!seen || r.at >= seen.counter.at) latest.set(d, { to: p, counter: r });
    }
  }
  let next = ctx;
  for (const d of DELEGATION_IDS) {
    const found = latest.get(d);
    if (!found?.counter.counter) continue;
    const pkg = found.counter.counter;
    if (packageRefusal(rules, next, d, pkg) !== null) {
      const who = actorName(rules.scenario, d);
      next = append(next, {
        actor: 'system',
        kind: 'proposal.counter.lapse',
        audience: ownAudience(d),
        text: line((l) =>
          l === 'en'
            ? `${who.en}'s counter-proposal to ${found.to.id} can no longer be tabled: it breaks your red lines now`
            : `Зустрічну пропозицію ${who.uk} до ${found.to.id} більше не можна внести: тепер вона порушує ваші червоні лінії`,
        ),
      });
      continue;
    }
    next = sealDraft(
      rules,
      next,
      { author: d, package: pkg, note: '', parent: found.to.id, counterTo: found.to.id, at: next.now },
      null,
    );
  }
  return next;
}

/** Tabling closes: every sealed draft is revealed, and the floor lists them in answering order. */
export function closeTabling(rules: ScenarioRules, ctx: NegotiationContext): NegotiationContext {
  const s = rules.scenario;
  const order = answeringOrder(ctx.round, ctx.seats);
  const drafts = ctx.proposals
    .filter((p) => p.status === 'sealed')
    .sort((a, b) => order.indexOf(a.author) - order.indexOf(b.author));
  const chair = chairOf(ctx.round, ctx.seats);
  const next: NegotiationContext = {
    ...ctx,
    proposals: drafts.length
      ? ctx.proposals.map((p) => (p.status === 'sealed' ? { ...p, status: 'tabled' as const } : p))
      : ctx.proposals,
    onTable: null,
    floor: drafts.map((p) => p.id),
  };
  const chairName = chair ? actorName(s, chair) : null;
  const text =
    drafts.length === 0
      ? line((l) => (l === 'en' ? 'Tabling closes with no draft' : 'Внесення закрито без жодного проєкту'))
      : line((l) => {
          const list = drafts
            .map((p) => {
              const label = p.counterTo
                ? l === 'en'
                  ? `, counter-proposal to ${p.counterTo}`
                  : `, зустрічна пропозиція до ${p.counterTo}`
                : '';
              return `${p.id} (${actorName(s, p.author)[l]}${label}): ${describeClauses(rules.space, p.package)[l]}`;
            })
            .join('; ');
          const chaired = chairName ? (l === 'en' ? ` (${chairName.en} chairs)` : ` (головує ${chairName.uk})`) : '';
          return l === 'en'
            ? `Tabling closes. On the table, in the order they are answered${chaired}: ${list}`
            : `Внесення закрито. На столі, у порядку відповідей${chaired}: ${list}`;
        });
  return append(next, { actor: 'system', kind: 'tabling.close', text });
}

/** The next draft on the floor goes on the table (or none: the round moves to resolution). */
export function nextDraft(ctx: NegotiationContext): NegotiationContext {
  const [first, ...rest] = ctx.floor;
  if (first === undefined) return ctx.onTable === null ? ctx : { ...ctx, onTable: null };
  return { ...ctx, onTable: first, floor: rest };
}
