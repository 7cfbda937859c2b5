import { bilateral, type Channel } from '@peace-table/shared/engine/channels';
import type { ChatMessage, FiredEvent } from '@peace-table/shared/engine/types';
import { NOTICE_CODES, type SessionStateSnapshot } from '@peace-table/shared/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  channelKind,
  channelLog,
  channelsFor,
  markRead,
  totalUnread,
  unreadCounts,
  unsentChat,
} from '../src/model/channels.ts';
import { inEveryLanguage, noticesBetween, noticeText } from '../src/model/notices.ts';
import { roster, rowStatusKey } from '../src/model/roster.ts';
import { FRONT_GAUGE, gauges, tableModel } from '../src/model/table.ts';
import { seatDoing, seatPeople, tableSummary } from '../src/model/tableText.ts';
import {
  en,
  FRAGILE_CEASEFIRE,
  play,
  TO_TABLING,
  tabledAlone,
  type Untimed,
  uk,
  view,
  type World,
  world,
} from './fixtures.ts';

let w: World;
beforeAll(async () => {
  w = await world();
});

const FRONT = { en: 'Front momentum', uk: 'Динаміка фронту' };
const TABLED: Untimed[] = [...TO_TABLING, ...tabledAlone('us', FRAGILE_CEASEFIRE)];

const room: SessionStateSnapshot = {
  code: 'K7QX2M',
  scenarioId: 'ukraine-2026',
  scenarioTitle: 'x',
  phase: 'tabling',
  round: 1,
  rounds: 10,
  paused: false,
  deadlineAt: 0,
  phaseSeconds: {},
  seats: {
    ukraine: {
      label: 'Ukraine',
      occupied: true,
      name: 'Olena, Taras',
      control: 'human',
      pinned: false,
      members: 2,
      connected: 1,
    },
    russia: {
      label: 'Russia',
      occupied: true,
      name: 'Computer',
      control: 'bot',
      pinned: true,
      members: 0,
      connected: 0,
    },
    us: { label: 'US', occupied: false, name: '', control: 'human', pinned: false, members: 1, connected: 0 },
    europe: { label: 'Europe', occupied: false, name: '', control: 'human', pinned: false, members: 0, connected: 0 },
  },
  participants: {
    a: { name: 'Olena', role: 'delegate', delegation: 'ukraine', connected: true },
    b: { name: '<b>Taras</b>', role: 'delegate', delegation: 'ukraine', connected: false },
    c: { name: 'Jo', role: 'delegate', delegation: 'us', connected: false },
    f: { name: 'Ms K', role: 'facilitator', delegation: '', connected: true },
    s: { name: '', role: 'spectator', delegation: '', connected: true },
  },
};

describe('the table model', () => {
  it('seats the people of each delegation and says who acts now', () => {
    const model = tableModel(w.pub, view(w, play(w, TO_TABLING), 'ukraine'), room, FRONT);
    const ukraine = model.seats.find((s) => s.id === 'ukraine');
    expect(ukraine).toMatchObject({
      people: ['Olena', '<b>Taras</b>'],
      connected: true,
      activity: 'drafting',
      control: 'human',
    });
    expect(model.seats.find((s) => s.id === 'russia')).toMatchObject({ control: 'bot', connected: true });
    expect(model.seats.find((s) => s.id === 'us')).toMatchObject({ connected: false });
    expect(model.draft).toBeNull();
  });

  it('shows the draft as clause cards whose answers stay sealed until responses close', () => {
    const snapshot = play(w, [
      ...TABLED,
      {
        type: 'proposal.respond',
        actor: 'russia',
        proposalId: 'p1',
        response: 'reject',
        reasons: [{ clause: 'nato.deferred', text: 'We need a ban' }],
      },
    ]);
    const forUkraine = tableModel(w.pub, view(w, snapshot, 'ukraine'), null, FRONT);
    expect(forUkraine.cards).toHaveLength(Object.keys(FRAGILE_CEASEFIRE).length);
    const nato = forUkraine.cards.find((c) => c.ref === 'nato.deferred');
    expect(nato?.answers).toEqual({
      ukraine: { state: 'pending' },
      russia: { state: 'sealed' },
      europe: { state: 'pending' },
    });
    expect(forUkraine.seats.find((s) => s.id === 'russia')?.activity).toBe('ready');
    expect(forUkraine.seats.find((s) => s.id === 'ukraine')?.activity).toBe('responding');
    const forRussia = tableModel(w.pub, view(w, snapshot, 'russia'), null, FRONT);
    expect(forRussia.cards.find((c) => c.ref === 'nato.deferred')?.answers.russia).toEqual({
      state: 'answered',
      response: 'reject',
      // A person's reason is in the language they wrote it in, shown as such in either language.
      reason: { en: 'We need a ban', uk: 'We need a ban' },
    });
    expect(forRussia.cards.find((c) => c.ref === 'prisoners.all-for-all')?.answers.russia).toEqual({
      state: 'answered',
      response: 'reject',
      reason: null,
    });
  });

  it('combines the sector momenta into one front gauge next to the other world variables', () => {
    const v = view(w, play(w, []), 'spectator');
    const list = gauges(w.pub, v, FRONT);
    const sectors = w.scenario.world.variables.filter((x) => x.sector);
    const mean = sectors.reduce((s, x) => s + x.initial, 0) / sectors.length;
    expect(list[0]).toMatchObject({ id: FRONT_GAUGE, value: mean, min: -10, max: 10 });
    expect(list.map((g) => g.id)).toEqual([
      FRONT_GAUGE,
      ...w.scenario.world.variables.filter((x) => !x.sector).map((x) => x.id),
    ]);
  });

  it('reads the table out as sentences in either language', () => {
    const snapshot = play(w, TABLED);
    const v = view(w, snapshot, 'europe');
    const lines = tableSummary(tableModel(w.pub, v, room, FRONT), w.pub, v, en, 0);
    expect(lines[1]).toBe('Responses. Round 1 of 10, March 2026.');
    expect(lines).toContain('Ukraine (Olena and <b>Taras</b>): responding.');
    expect(lines).toContain('Russia (the computer): responding.');
    expect(lines).toContain(
      `Draft p1 by United States, ${Object.keys(FRAGILE_CEASEFIRE).length} clauses, on the table:`,
    );
    const ukLines = tableSummary(tableModel(w.pub, v, room, FRONT), w.pub, v, uk, 0);
    expect(ukLines[1]).toMatch(/^Відповіді\. Раунд 1 з 10, березень 2026/);
  });

  it('keeps a ratified partial deal on the table once it is signed (and says so to a screen reader)', () => {
    const v = view(w, play(w, TO_TABLING), 'europe');
    const agreement = (proposalId: string, ratified: boolean) => ({
      proposalId,
      package: { prisoners: 'all-for-all' },
      signatories: ['ukraine', 'russia'] as const,
      round: 1,
      month: 1,
      failures: ratified ? [] : ['russia'],
      ratified,
      concluding: false,
    });
    const signed = { ...v, agreements: [agreement('p1', false), agreement('p2', true)] };
    const model = tableModel(w.pub, signed, room, FRONT);
    const issue = w.pub.agenda.issues.find((i) => i.id === 'prisoners');
    // Only what was ratified at home binds.
    expect(model.inForce.map((a) => a.proposalId)).toEqual(['p2']);
    expect(model.inForce[0]?.clauses).toEqual([
      { issueTitle: issue?.title, optionLabel: issue?.options.find((o) => o.id === 'all-for-all')?.label },
    ]);
    const lines = tableSummary(model, w.pub, signed, en, 0);
    expect(lines).toContain('Agreed and in force:');
    expect(lines.at(lines.indexOf('Agreed and in force:') + 1)).toMatch(/^Prisoners.*\(April 2026\)$/);
    expect(tableModel(w.pub, v, room, FRONT).inForce).toEqual([]);
  });
});

describe('an empty seat', () => {
  const emptied: SessionStateSnapshot = {
    ...room,
    // Jo was moved from the United States to Europe: nobody is left at the US seat.
    participants: { ...room.participants, c: { name: 'Jo', role: 'delegate', delegation: 'europe', connected: true } },
  };

  it('reads "nobody yet" and nothing else: no activity, no "(offline)"', () => {
    const v = view(w, play(w, TO_TABLING), 'ukraine');
    const model = tableModel(w.pub, v, emptied, FRONT);
    const us = model.seats.find((s) => s.id === 'us');
    expect(us).toMatchObject({ empty: true, people: [], control: 'human' });
    if (!us) return;
    expect(seatPeople(us, en.t, (names) => names.join(', '))).toBe('nobody yet');
    expect(seatDoing(us, en.t)).toBe('');
    const lines = tableSummary(model, w.pub, v, en, 0);
    expect(lines).toContain('United States: nobody yet.');
    expect(tableSummary(model, w.pub, v, uk, 0)).toContain('Сполучені Штати: поки нікого.');
    // Europe now has someone: its seat reads as before.
    const europe = model.seats.find((s) => s.id === 'europe');
    expect(europe).toMatchObject({ empty: false, people: ['Jo'] });
    if (europe) expect(seatDoing(europe, en.t)).toBe('drafting');
  });

  it('keeps "(offline)" for people who dropped out, and the computer for a bot seat', () => {
    const v = view(w, play(w, TO_TABLING), 'ukraine');
    const model = tableModel(w.pub, v, room, FRONT);
    const us = model.seats.find((s) => s.id === 'us');
    const russia = model.seats.find((s) => s.id === 'russia');
    if (!us || !russia) throw new Error('seats missing');
    expect(seatPeople(us, en.t, (names) => names.join(', '))).toBe('Jo');
    expect(seatDoing(us, en.t)).toBe('drafting · (offline)');
    expect(seatPeople(russia, uk.t, (names) => names.join(', '))).toBe('комп’ютер');
    expect(russia.empty).toBe(false);
  });
});

describe('channels', () => {
  it('gives a delegation the plenary, its own room, a bilateral with each other one and announcements', () => {
    expect(channelsFor('us')).toEqual([
      'plenary',
      'delegation:us',
      'bilateral:ukraine+us',
      'bilateral:russia+us',
      'bilateral:us+europe',
      'announcements',
    ]);
    expect(channelsFor('facilitator')).toHaveLength(2 + 4 + 6);
    expect(channelsFor('spectator')).toEqual(['plenary', 'announcements']);
    expect(bilateral('europe', 'russia')).toBe('bilateral:russia+europe');
    expect(channelKind('bilateral:russia+europe', 'europe')).toEqual({ kind: 'bilateral', with: ['russia'] });
    expect(channelKind('bilateral:russia+europe', 'facilitator')).toEqual({
      kind: 'bilateral',
      with: ['russia', 'europe'],
    });
  });

  it('counts unread messages from others per channel until read', () => {
    const snapshot = play(w, [
      { type: 'chat.post', actor: 'russia', channel: 'plenary', text: 'one' },
      { type: 'chat.post', actor: 'ukraine', channel: 'plenary', text: 'mine' },
      { type: 'chat.post', actor: 'us', channel: 'bilateral:ukraine+us', text: 'psst' },
      { type: 'chat.post', actor: 'russia', channel: 'plenary', text: 'two' },
    ]);
    const v = view(w, snapshot, 'ukraine');
    expect(unreadCounts(v, {})).toEqual({ plenary: 2, 'bilateral:ukraine+us': 1 });
    const marks = markRead({}, v.chat, 'plenary');
    expect(unreadCounts(v, marks)).toEqual({ 'bilateral:ukraine+us': 1 });
    expect(totalUnread(unreadCounts(v, marks))).toBe(1);
    expect(markRead(marks, v.chat, 'plenary')).toBe(marks);
  });

  it('Announcements carry the scenario events too, each after the messages of the month it fired in', () => {
    const message = (seq: number, round: number, channel: Channel = 'announcements') =>
      ({ seq, round, channel, from: 'facilitator', text: `m${seq}`, at: seq }) as ChatMessage;
    const chat = [message(1, 1), message(2, 1, 'plenary'), message(3, 2), message(4, 3)];
    const fired: FiredEvent[] = [
      { id: 'strikes', round: 1, month: 0, by: 'draw' },
      { id: 'scandal', round: 2, month: 1, by: 'facilitator' },
    ];
    // Without the transcript's entries (here none), each event follows the messages of its month.
    const lines = channelLog({ chat, fired, transcript: [] }, 'announcements').map((item) =>
      item.kind === 'message' ? item.message.text : item.event.id,
    );
    expect(lines).toEqual(['m1', 'strikes', 'm3', 'scandal', 'm4']);
    // Events are the world's news: not in Plenary or any other channel.
    expect(channelLog({ chat, fired, transcript: [] }, 'plenary').map((item) => item.kind)).toEqual(['message']);
    expect(channelLog({ chat: [], fired, transcript: [] }, 'announcements')).toHaveLength(2);
  });

  it('Announcements keep the order things happened in: an event injected before an announcement comes first', () => {
    const [first, second] = w.pub.events.filter((e) => !e.ends);
    if (!first || !second) throw new Error('the fixture needs two events that do not end the talks');
    const snapshot = play(w, [
      ...TO_TABLING.slice(0, -4),
      { type: 'facilitator.inject', actor: 'facilitator', event: first.id },
      { type: 'chat.post', actor: 'facilitator', channel: 'announcements', text: 'Ten minutes left.' },
      { type: 'facilitator.inject', actor: 'facilitator', event: second.id },
    ]);
    const lines = channelLog(view(w, snapshot, 'ukraine'), 'announcements').map((item) =>
      item.kind === 'message' ? item.message.text : item.event.id,
    );
    expect(lines).toEqual([first.id, 'Ten minutes left.', second.id]);
    // Its notice carries the announcement itself, not "1 new message".
    const before = view(w, play(w, TO_TABLING.slice(0, -4)), 'ukraine');
    const after = view(
      w,
      play(w, [
        ...TO_TABLING.slice(0, -4),
        { type: 'chat.post', actor: 'facilitator', channel: 'announcements', text: 'Ten minutes left.' },
      ]),
      'ukraine',
    );
    expect(noticesBetween(w.pub, before, after, en).map((n) => n.text)).toContain('Facilitator: Ten minutes left.');
  });
});

describe('notices', () => {
  it('announces a new phase, a tabled draft and messages, but nothing on the first view', () => {
    const before = view(w, play(w, TO_TABLING), 'ukraine');
    const after = view(
      w,
      play(w, [...TABLED, { type: 'chat.post', actor: 'us', channel: 'plenary', text: 'see the draft' }]),
      'ukraine',
    );
    expect(noticesBetween(w.pub, null, after, en)).toEqual([]);
    const texts = noticesBetween(w.pub, before, after, en).map((n) => n.text);
    expect(texts).toEqual([
      'New phase: Responses.',
      'United States tabled a draft.',
      '1 new message from United States.',
    ]);
    expect(noticesBetween(w.pub, before, after, uk).map((n) => n.text)[2]).toBe(
      '1 нове повідомлення від: Сполучені Штати.',
    );
  });

  it('carry every wording, so a toast on screen follows a language switch', () => {
    const before = view(w, play(w, TO_TABLING), 'ukraine');
    const after = view(w, play(w, TABLED), 'ukraine');
    const notices = inEveryLanguage({ en, uk }, (tr) => noticesBetween(w.pub, before, after, tr));
    expect(notices.map((n) => n.id)).toEqual(noticesBetween(w.pub, before, after, en).map((n) => n.id));
    expect(notices.map((n) => n.text.en)).toEqual(['New phase: Responses.', 'United States tabled a draft.']);
    expect(notices.map((n) => n.text.uk)).toEqual(noticesBetween(w.pub, before, after, uk).map((n) => n.text));
    expect(notices[0]?.text.uk).not.toBe(notices[0]?.text.en);
  });
});

describe('server notices', () => {
  it.each([en, uk])('have a sentence for every kind in $locale, with the delegation’s name', (tr) => {
    for (const code of NOTICE_CODES) {
      const text = noticeText(
        { code, message: 'English', params: { delegation: { en: 'Ukraine', uk: 'Україна' } } },
        tr,
      );
      expect(text, code).not.toMatch(/^notice\.|\{|English/);
    }
    expect(
      noticeText({ code: 'seat.human', message: '', params: { delegation: { en: 'Ukraine', uk: 'Україна' } } }, tr),
    ).toBe(tr.locale === 'en' ? 'Ukraine is back in human hands.' : 'Делегація «Україна» знову в руках людей.');
  });

  it('fall back to the English message for a kind this client does not know', () => {
    expect(noticeText({ code: 'seat.new' as never, message: 'Something new.' }, uk)).toBe('Something new.');
  });
});

describe('unsent chat', () => {
  it('picks the chat lines out of the messages waiting for the connection', () => {
    const waiting = [
      { type: 'seat.ready', payload: {} },
      { type: 'chat.post', payload: { channel: 'plenary', text: 'Hello' } },
      { type: 'chat.post', payload: { channel: 'delegation:ukraine', text: 'Psst' } },
    ];
    expect(unsentChat(waiting)).toEqual([
      { channel: 'plenary', text: 'Hello' },
      { channel: 'delegation:ukraine', text: 'Psst' },
    ]);
  });
});

describe('roster', () => {
  it('groups participants by delegation and words each seat’s state', () => {
    const r = roster(room, view(w, play(w, []), 'facilitator'));
    expect(r.rows.find((x) => x.delegation === 'ukraine')?.members.map((m) => m.name)).toEqual([
      'Olena',
      '<b>Taras</b>',
    ]);
    expect(r.facilitators.map((f) => f.name)).toEqual(['Ms K']);
    expect(r.spectators).toBe(1);
    expect(r.rows.map(rowStatusKey)).toEqual(['roster.notReady', 'roster.bot', 'roster.disconnected', 'roster.empty']);
  });
});
