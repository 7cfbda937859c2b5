/**
 * The session options a facilitator picks when opening a session: no press (the plenary only) and
 * anonymous delegates (a person's name reaches their own delegation and the facilitator only),
 * checked seat by seat, the view cache held equal to viewFor.
 */
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bots/decide.ts';
import { compilePublicRules } from '../../src/bots/publicRules.ts';
import { type ViewerSeat, viewFor } from '../../src/engine/view.ts';
import { createViewCache } from '../../src/engine/viewCache.ts';
import { publicScenario } from '../../src/scenario/public.ts';
import { DELEGATION_IDS } from '../../src/scenario/schema.ts';
import { newGame } from './driver.ts';
import { expectNoLeaks } from './leaks.ts';

const VIEWERS: ViewerSeat[] = [...DELEGATION_IDS, 'spectator', 'facilitator'];
const NAME = 'Olena Kovalenko';

/** The lines posted in the talks (the opening statements, also in Plenary, come first). */
function posted<M extends { statement?: true }>(chat: readonly M[]): M[] {
  return chat.filter((m) => !m.statement);
}

describe('no press', () => {
  it('refuses a delegation or bilateral post with its own reason, and keeps the plenary open', () => {
    const g = newGame({ options: { noPress: true } });
    g.toTalks();
    for (const channel of ['delegation:ukraine', 'bilateral:ukraine+russia'] as const) {
      const refused = g.send('ukraine', 'chat.post', { channel, text: 'psst' });
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.rejection.reason).toBe('noPress');
        expect(refused.rejection.message).toMatch(/no-press session: talk in the plenary only/);
      }
    }
    g.ok('ukraine', 'chat.post', { channel: 'plenary', text: 'openly' });
    g.ok('facilitator', 'chat.post', { channel: 'delegation:russia', text: 'a word from the facilitator' });
    expect(posted(g.ctx.chat).map((m) => m.channel)).toEqual(['plenary', 'delegation:russia']);
  });

  it('refuses a structured move in a bilateral channel too', () => {
    const g = newGame({ options: { noPress: true } });
    g.toTalks();
    const move = { kind: 'ask' as const, issue: 'status-crimea' };
    const refused = g.send('ukraine', 'chat.move', { channel: 'bilateral:ukraine+russia', move });
    expect(refused.ok ? null : refused.rejection.reason).toBe('noPress');
    g.ok('ukraine', 'chat.move', { channel: 'plenary', move });
  });

  it('the computer opens no private talk: Europe, which coordinates with Ukraine in the first talks, stays silent', () => {
    const opening = (noPress: boolean) => {
      const g = newGame({ options: { noPress } });
      g.toTalks();
      const rules = compilePublicRules(publicScenario(g.engine.scenario));
      const bot = createBot(rules, { delegation: 'europe', level: 'standard', seed: 5 });
      const action = bot.talk(viewFor(g.engine.scenario, g.ctx, 'europe'))?.action;
      return action && 'channel' in action ? action.channel : null;
    };
    expect(opening(false)).toBe('bilateral:ukraine+europe');
    expect(opening(true)).toBeNull();
  });

  it('is off unless chosen: the same posts pass', () => {
    const g = newGame();
    g.toTalks();
    g.ok('ukraine', 'chat.post', { channel: 'bilateral:ukraine+russia', text: 'psst' });
  });
});

function namedChat(anonymous: boolean) {
  const g = newGame({ options: { anonymous } });
  g.toTalks();
  g.ok('ukraine', 'chat.post', { channel: 'plenary', text: 'in the open', by: NAME });
  g.ok('ukraine', 'chat.post', { channel: 'delegation:ukraine', text: 'among us', by: NAME });
  g.ok('ukraine', 'chat.post', { channel: 'bilateral:ukraine+us', text: 'to the US', by: NAME });
  return g;
}

/** Who can read the author's name anywhere in their view. */
function seeingName(g: ReturnType<typeof namedChat>): ViewerSeat[] {
  const cache = createViewCache(g.engine.scenario);
  return VIEWERS.filter((v) => {
    const view = viewFor(g.engine.scenario, g.ctx, v);
    expect(cache.view(g.ctx, v)).toEqual(view);
    return JSON.stringify(view).includes(NAME);
  });
}

describe('authors of chat lines', () => {
  it('shows the author to everyone who reads the line in an ordinary session', () => {
    const g = namedChat(false);
    // Everyone reads the plenary line, and with it its author.
    expect(seeingName(g)).toEqual(VIEWERS);
    const plenary = posted(viewFor(g.engine.scenario, g.ctx, 'russia').chat)[0];
    expect(plenary?.author).toBe(NAME);
  });

  it('anonymous delegates: the name reaches its own delegation and the facilitator only, per seat', () => {
    const g = namedChat(true);
    expect(seeingName(g)).toEqual(['ukraine', 'facilitator']);
    for (const v of VIEWERS) if (v !== 'facilitator') expectNoLeaks(g.engine.scenario, g.ctx, v);
    const us = viewFor(g.engine.scenario, g.ctx, 'us');
    expect(posted(us.chat).map((m) => [m.from, m.author ?? null])).toEqual([
      ['ukraine', null],
      ['ukraine', null],
    ]);
    const own = viewFor(g.engine.scenario, g.ctx, 'ukraine');
    expect(posted(own.chat).every((m) => m.author === NAME)).toBe(true);
  });

  it('anonymous delegates stay anonymous in the debrief', () => {
    const g = namedChat(true);
    g.ok('facilitator', 'facilitator.inject', { event: 'breakthrough' });
    expect(g.phase).toBe('concluded');
    expect(seeingName(g)).toEqual(['ukraine', 'facilitator']);
  });

  it('the facilitator and the computer write without a name', () => {
    const g = newGame();
    g.toTalks();
    g.ok('facilitator', 'chat.post', { channel: 'plenary', text: 'hello', by: 'Teacher' });
    g.ok('russia', 'chat.post', { channel: 'plenary', text: 'hello' });
    expect(posted(g.ctx.chat).map((m) => m.author)).toEqual([undefined, undefined]);
  });
});
