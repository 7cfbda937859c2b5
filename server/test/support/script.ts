/**
 * A complete four-delegation game on the fixture scenario, played through real clients: private
 * and bilateral chat with unique markers, a private lever, a draft rejected with reasons, then the
 * ceasefire deal accepted, signed and ratified. Used by the game, privacy and fault tests.
 */
import type { Channel } from '@peace-table/shared/engine/types';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/schema';
import { DEAL } from './fixtures.ts';
import { type JoinAs, joinAs, type Player } from './players.ts';

export type Table = Record<DelegationId, Player>;

export async function seatFour(wsUrl: string, code: string, names?: Partial<Record<DelegationId, string>>) {
  const table = {} as Table;
  for (const d of DELEGATION_IDS) {
    const options: JoinAs = { code, role: 'delegate', delegation: d, name: names?.[d] ?? `Player ${d}` };
    table[d] = await joinAs(wsUrl, options, d);
  }
  return table;
}

/** A text that appears nowhere else, so a test can look for it in what other seats received. */
export function marker(channel: Channel, from: DelegationId): string {
  return `MARK[${channel}|${from}]`;
}

export function bilateralsOf(d: DelegationId): Channel[] {
  return DELEGATION_IDS.filter((o) => o !== d).map((o) => {
    const [a, b] = DELEGATION_IDS.indexOf(d) < DELEGATION_IDS.indexOf(o) ? [d, o] : [o, d];
    return `bilateral:${a}+${b}` as Channel;
  });
}

export interface PlayOptions {
  /** Everyone else who should keep up (spectators, facilitators): the script waits for them too. */
  observers?: Player[];
  /** Stop once round 2's talks have begun (for tests that interrupt the game there). */
  stopAtRoundTwo?: boolean;
}

export async function waitAll(players: Player[], done: (p: Player) => boolean, what: string) {
  await Promise.all(players.map((p) => p.until(done, what)));
}

export async function everyoneReady(table: Table) {
  for (const d of DELEGATION_IDS) table[d].send('seat.ready');
}

/** Lobby → briefing → opening → round 1 talks with private chat → a rejected draft → round 2 talks. */
export async function playToRoundTwo(table: Table, observers: Player[] = []) {
  const all = [...DELEGATION_IDS.map((d) => table[d]), ...observers];
  const phase = (name: string, round?: number) =>
    waitAll(all, (p) => p.view?.phase === name && (round === undefined || p.view.round === round), name);
  await everyoneReady(table);
  await phase('briefing');
  await everyoneReady(table);
  await phase('opening');
  for (const d of DELEGATION_IDS) table[d].send('statement.make', { text: `${d} opens the talks` });
  await phase('talks', 1);
  for (const d of DELEGATION_IDS) {
    const p = table[d];
    for (const channel of ['plenary', `delegation:${d}`, ...bilateralsOf(d)] as Channel[]) {
      p.send('chat.post', { channel, text: marker(channel, d) });
    }
  }
  table.us.send('lever.use', { lever: 'us-press' });
  await everyoneReady(table);
  await phase('tabling', 1);
  table.russia.send('proposal.table', {
    package: { ceasefire: 'line', nato: 'renounced', 'status-crimea': 'deferred' },
    note: 'A ceasefire now, Crimea later',
  });
  // Drafts are sealed until everyone has tabled or passed (shared/src/engine/floor.ts).
  for (const d of ['ukraine', 'us', 'europe'] as const) table[d].send('seat.ready');
  await phase('responses', 1);
  table.ukraine.send('proposal.respond', {
    proposalId: 'p1',
    response: 'reject',
    reasons: [{ clause: 'status-crimea.deferred', text: 'Crimea cannot wait' }],
  });
  await phase('talks', 2);
}

/** From round 2 talks to the signed, ratified ceasefire. */
export async function finishWithDeal(table: Table, observers: Player[] = []) {
  const all = [...DELEGATION_IDS.map((d) => table[d]), ...observers];
  const phase = (name: string) => waitAll(all, (p) => p.view?.phase === name, name);
  await everyoneReady(table);
  await phase('tabling');
  table.ukraine.send('proposal.table', { package: DEAL, note: 'Guarantees make a ceasefire hold' });
  for (const d of ['russia', 'us', 'europe'] as const) table[d].send('seat.ready');
  await phase('responses');
  const draft = table.ukraine.view?.onTable as string;
  table.russia.send('proposal.respond', { proposalId: draft, response: 'accept' });
  table.europe.send('proposal.respond', { proposalId: draft, response: 'accept' });
  await phase('signing');
  for (const d of ['ukraine', 'russia', 'europe'] as const) table[d].send('agreement.sign', { proposalId: draft });
  await phase('concluded');
}

export async function playGame(table: Table, options: PlayOptions = {}) {
  await playToRoundTwo(table, options.observers);
  if (options.stopAtRoundTwo) return;
  await finishWithDeal(table, options.observers);
}
