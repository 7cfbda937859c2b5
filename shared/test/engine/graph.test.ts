/**
 * Model-based tests with @xstate/graph: shortest paths from the start to every resting state of
 * the machine and to every way the talks can end, each checked for what must hold at its end.
 * The context is abstracted (phase, round, draft status, agreements, ending, who has acted) so the
 * traversal is finite.
 */
import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { createNegotiationMachine } from '../../src/engine/machine.ts';
import type { EngineEvent, NegotiationContext } from '../../src/engine/types.ts';
import { compileRules } from '../../src/scenario/compiled.ts';
import { checkPackage, ratificationFailures } from '../../src/scenario/evaluate.ts';
import { DELEGATION_IDS } from '../../src/scenario/schema.ts';
import { fixtureScenario } from './fixture.ts';

const rules = compileRules(fixtureScenario);
const machine = createNegotiationMachine(rules);
const DEALS: Record<string, string>[] = [
  { ceasefire: 'line', nato: 'renounced', force: 'european-force' }, // ratifies
  { ceasefire: 'line', nato: 'renounced' }, // rejected at home
  { prisoners: 'all-for-all' }, // partial deal
];

function events(ctx: NegotiationContext): EngineEvent[] {
  const at = 0;
  const onTable = ctx.onTable ?? 'p0';
  const out: EngineEvent[] = [];
  // Only the first delegation (in seat order) that still has to act: the order in which seats act
  // does not change where the machine goes, and this keeps the graph small.
  const next = (pending: (d: (typeof DELEGATION_IDS)[number]) => boolean) => DELEGATION_IDS.find(pending);
  const p = ctx.proposals.find((x) => x.id === ctx.onTable);
  const ready = next((d) => !ctx.seats[d].ready && !ctx.seats[d].walkedOut);
  const speaker = next((d) => ctx.seats[d].statement === null);
  const responder = next((d) => !!p && !p.responses[d] && p.signatories.includes(d));
  const signer = next((d) => !!p && !p.signatures.includes(d) && p.signatories.includes(d));
  if (ready) out.push({ type: 'seat.ready', actor: ready, at });
  if (speaker) out.push({ type: 'statement.make', actor: speaker, at, text: 'Statement' });
  if (responder) out.push({ type: 'proposal.respond', actor: responder, at, proposalId: onTable, response: 'accept' });
  if (signer) out.push({ type: 'agreement.sign', actor: signer, at, proposalId: onTable });
  for (const deal of DEALS) out.push({ type: 'proposal.table', actor: 'us', at, package: deal });
  out.push({ type: 'proposal.respond', actor: 'russia', at, proposalId: onTable, response: 'reject' });
  out.push({ type: 'delegation.walkout', actor: 'russia', at });
  out.push({ type: 'facilitator.inject', actor: 'facilitator', at, event: 'breakthrough' });
  out.push({ type: 'facilitator.advance', actor: 'facilitator', at });
  return out;
}

function abstract(ctx: NegotiationContext): string {
  // The draft on the table, or the one sealed during tabling (see floor.ts).
  const p = ctx.proposals.find((x) => x.id === ctx.onTable) ?? ctx.proposals.find((x) => x.status === 'sealed');
  const bits = (f: (d: (typeof DELEGATION_IDS)[number]) => boolean) =>
    DELEGATION_IDS.map((d) => (f(d) ? 1 : 0)).join('');
  return [
    ctx.phase,
    ctx.round,
    p
      ? `${p.status}:${JSON.stringify(p.package)}:${bits((d) => !!p.responses[d])}:${bits((d) => p.signatures.includes(d))}`
      : '-',
    ctx.agreements.map((a) => `${a.proposalId}${a.ratified ? '+' : '-'}`).join(','),
    ctx.ending ?? '',
    bits((d) => ctx.seats[d].ready),
    bits((d) => ctx.seats[d].statement !== null),
    bits((d) => ctx.seats[d].walkedOut),
  ].join('|');
}

const paths = getShortestPaths(machine, {
  input: { seed: 1, now: 0, options: {} },
  events: (snapshot) => events(snapshot.context),
  serializeState: (snapshot) => abstract(snapshot.context),
  // Two rounds are enough to reach every phase and ending; later rounds repeat the same shapes.
  stopWhen: (snapshot) => snapshot.context.round > 2,
});

function pathsWhere(pred: (ctx: NegotiationContext) => boolean) {
  return paths.filter((p) => pred(p.state.context));
}

describe('@xstate/graph: every resting state and every ending is reachable', () => {
  it('reaches every resting state node of the machine', () => {
    const values = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    for (const v of ['lobby', 'briefing', 'opening', 'talks', 'tabling', 'responses', 'signing', 'concluded'])
      expect(values).toContain(JSON.stringify(v));
  });

  it('every path to signing ends with a draft all its signatories accepted and none of them breaks a red line', () => {
    const signing = pathsWhere((c) => c.phase === 'signing');
    expect(signing.length).toBeGreaterThan(0);
    for (const path of signing) {
      const ctx = path.state.context;
      const p = ctx.proposals.find((x) => x.id === ctx.onTable);
      expect(p?.status).toBe('accepted');
      for (const d of p?.signatories ?? []) {
        expect(p?.responses[d]?.response).toBe('accept');
        expect(checkPackage(rules, d, p?.package ?? {})).toEqual([]);
      }
    }
  });

  it('reaches every ending, each with an outcome that matches it', () => {
    const concluded = pathsWhere((c) => c.phase === 'concluded');
    const endings = new Set(concluded.map((p) => p.state.context.result?.ending));
    // The deadline needs every round played; E20 covers it without the graph's round cut-off.
    expect(endings).toEqual(new Set(['signed', 'walkout', 'breakthrough']));
    for (const path of concluded) {
      const result = path.state.context.result;
      expect(result).not.toBeNull();
      if (result?.ending === 'breakthrough') expect(result.outcomeId).toBe('breakthrough');
      if (result?.ending === 'signed') {
        const agreement = path.state.context.agreements.at(-1);
        const failed = (agreement?.signatories ?? []).flatMap((d) =>
          ratificationFailures(rules, d, agreement?.package ?? {}, path.state.context.world),
        );
        expect(result.outcomeId).toBe(failed.length > 0 ? 'rejected-at-home' : 'ceasefire');
      }
    }
    expect(new Set(concluded.map((p) => p.state.context.result?.outcomeId))).toEqual(
      new Set(['ceasefire', 'rejected-at-home', 'breakthrough', 'stalemate']),
    );
  });

  it('a partial deal is recorded and the talks go on to the next round', () => {
    const partial = pathsWhere((c) => c.agreements.some((a) => !a.concluding) && c.phase === 'talks');
    expect(partial.length).toBeGreaterThan(0);
    for (const path of partial) expect(path.state.context.round).toBeGreaterThan(1);
  });
});
