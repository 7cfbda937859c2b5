/**
 * What the benchmark's students do: a mix of the actions a real table sends, chosen from each
 * delegate's own view of the game so that most of them are accepted and the game moves on. In the
 * talks they chat, pull levers and say they are ready; in tabling the round's proposer tables a
 * draft; in responses the signatories accept what their red lines allow and reject the rest; in
 * signing they sign. Drafts leave out the issues that end the talks (the ceasefire), so deals are
 * partial and the game goes on for the whole run.
 */
import type { Channel, Package } from '@peace-table/shared/engine/types';
import type { SeatView } from '@peace-table/shared/engine/view';
import { compileRules } from '@peace-table/shared/scenario/compiled';
import { checkPackage } from '@peace-table/shared/scenario/evaluate';
import { DELEGATION_IDS, type DelegationId, type Scenario } from '@peace-table/shared/scenario/schema';

/** The drafts and levers the delegates use, worked out once from the scenario by the benchmark. */
export interface MixPlan {
  /** Drafts, each with the delegations whose red lines it keeps (who may table or accept it). */
  drafts: { package: Package; keeps: DelegationId[] }[];
  levers: Record<DelegationId, { lever: string; sector?: string }[]>;
}

export type MixAction = { type: string; payload: Record<string, unknown> };

/** A small seeded generator (the benchmark's plan is the same on every run). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function mixPlan(scenario: Scenario, count = 40): MixPlan {
  const random = seeded(2026);
  const issues = scenario.agenda.issues.filter((issue) => !issue.concludes);
  const rules = compileRules(scenario);
  const drafts: MixPlan['drafts'] = [];
  for (let tries = 0; drafts.length < count && tries < count * 50; tries += 1) {
    const pkg: Package = {};
    const size = 2 + Math.floor(random() * 3);
    for (let i = 0; i < size; i += 1) {
      const issue = issues[Math.floor(random() * issues.length)];
      const option = issue?.options[Math.floor(random() * issue.options.length)];
      if (issue && option) pkg[issue.id] = option.id;
    }
    const keeps = DELEGATION_IDS.filter((d) => checkPackage(rules, d, pkg).length === 0);
    if (keeps.length > 0) drafts.push({ package: pkg, keeps });
  }
  const sector = scenario.map.sectors[0]?.id;
  const levers = Object.fromEntries(
    DELEGATION_IDS.map((d) => [
      d,
      scenario.levers
        .filter((l) => l.owner === d)
        .map((l) => (l.targetsSector && sector ? { lever: l.id, sector } : { lever: l.id })),
    ]),
  ) as MixPlan['levers'];
  return { drafts, levers };
}

const WORDS =
  'ceasefire guarantees sanctions line of contact prisoners exchange monitoring reconstruction security'.split(' ');

export function sentence(seed: number): string {
  const n = 12 + (seed % 20);
  return Array.from({ length: n }, (_, i) => WORDS[(seed + i * 7) % WORDS.length]).join(' ');
}

function chat(d: DelegationId, nonce: number, random: () => number): MixAction {
  const peer = DELEGATION_IDS.filter((x) => x !== d)[nonce % 3] as DelegationId;
  const [a, b] = DELEGATION_IDS.indexOf(d) < DELEGATION_IDS.indexOf(peer) ? [d, peer] : [peer, d];
  const roll = random();
  const channel: Channel = roll < 0.6 ? 'plenary' : roll < 0.85 ? `delegation:${d}` : `bilateral:${a}+${b}`;
  return { type: 'chat.post', payload: { channel, text: `${nonce} ${sentence(nonce)}` } };
}

/** A lever of the delegate's own that is not cooling down, if it has not pulled one this round. */
function lever(view: SeatView, d: DelegationId, plan: MixPlan, random: () => number): MixAction | null {
  if (view.queuedLevers.some((q) => q.owner === d && q.round === view.round)) return null;
  const ready = plan.levers[d].filter((l) => (view.cooldowns[l.lever] ?? 0) <= view.round);
  const pick = ready[Math.floor(random() * ready.length)];
  return pick ? { type: 'lever.use', payload: { ...pick } } : null;
}

/** The delegate's next action, from its own view. */
export function nextAction(
  view: SeatView,
  d: DelegationId,
  plan: MixPlan,
  nonce: number,
  random: () => number = Math.random,
): MixAction {
  const roll = random();
  const talk = () => chat(d, nonce, random);
  // The draft under discussion: on the table and still open to answers or signatures.
  const draft = view.proposals.find((p) => p.id === view.onTable && (p.status === 'tabled' || p.status === 'accepted'));
  switch (view.phase) {
    case 'talks':
      if (roll < 0.4 && !view.seats[d].ready) return { type: 'seat.ready', payload: {} };
      if (roll < 0.6) return lever(view, d, plan, random) ?? talk();
      return talk();
    case 'tabling': {
      // The round's proposer tables a draft its red lines allow; the others pass (tabling stays
      // open until everyone has tabled or passed).
      if (view.seats[d].ready) return talk();
      const proposer = DELEGATION_IDS[(view.round - 1 + DELEGATION_IDS.length) % DELEGATION_IDS.length];
      if (d === proposer && roll < 0.7) {
        const own = plan.drafts.filter((x) => x.keeps.includes(d));
        const pick = own[nonce % Math.max(1, own.length)];
        if (pick) return { type: 'proposal.table', payload: { package: pick.package, note: sentence(nonce) } };
        return { type: 'seat.ready', payload: {} };
      }
      if (d !== proposer && roll < 0.5) return { type: 'seat.ready', payload: {} };
      return talk();
    }
    case 'responses':
      if (draft && draft.author !== d && draft.signatories.includes(d) && !draft.responded.includes(d) && roll < 0.8) {
        const fine = plan.drafts.find((x) => JSON.stringify(x.package) === JSON.stringify(draft.package));
        const response = fine?.keeps.includes(d) ? 'accept' : 'reject';
        const reasons = response === 'reject' ? [{ text: sentence(nonce).slice(0, 200) }] : [];
        return { type: 'proposal.respond', payload: { proposalId: draft.id, response, reasons } };
      }
      return talk();
    case 'signing':
      if (draft?.signatories.includes(d) && !draft.signatures.includes(d) && roll < 0.8) {
        return { type: 'agreement.sign', payload: { proposalId: draft.id } };
      }
      return talk();
    default:
      return talk();
  }
}
