/**
 * What the facilitator's events and the host's clock do to the context (the rest is apply.ts).
 * Pure functions, called only after checkEvent allowed the event.
 */
import { fireEvent, PHASE_NAMES } from './round.ts';
import { append, line } from './transcript.ts';
import type { Apply } from './types.ts';

type FacilitatorEvent =
  | 'facilitator.pause'
  | 'facilitator.resume'
  | 'facilitator.advance'
  | 'facilitator.inject'
  | 'facilitator.extend'
  | 'clock.deadline';

export const APPLY_FACILITATOR: { [T in FacilitatorEvent]: Apply<T> } = {
  'facilitator.pause': (_s, ctx, e) =>
    append(
      {
        ...ctx,
        paused: true,
        remainingMs: ctx.deadlineAt === null ? null : Math.max(0, ctx.deadlineAt - e.at),
        deadlineAt: null,
      },
      {
        actor: 'facilitator',
        kind: e.type,
        event: e,
        text: { en: 'The facilitator pauses the session', uk: 'Ведучий призупиняє сесію' },
      },
    ),

  'facilitator.resume': (_s, ctx, e) =>
    append(
      {
        ...ctx,
        paused: false,
        deadlineAt: ctx.remainingMs === null ? null : e.at + ctx.remainingMs,
        remainingMs: null,
      },
      {
        actor: 'facilitator',
        kind: e.type,
        event: e,
        text: { en: 'The facilitator resumes the session', uk: 'Ведучий відновлює сесію' },
      },
    ),

  'facilitator.advance': (_s, ctx, e) =>
    append(
      { ...ctx, advance: true },
      {
        actor: 'facilitator',
        kind: e.type,
        event: e,
        text: {
          en: `The facilitator closes the ${PHASE_NAMES[ctx.phase].en} phase`,
          uk: `Ведучий завершує фазу «${PHASE_NAMES[ctx.phase].uk}»`,
        },
      },
    ),

  'facilitator.inject': (rules, ctx, e) => {
    const s = rules.scenario;
    const logged = append(ctx, {
      actor: 'facilitator',
      kind: e.type,
      event: e,
      text: line((l) => {
        const title = s.events.find((ev) => ev.id === e.event)?.title[l] ?? e.event;
        return l === 'en' ? `The facilitator fires an event: ${title}` : `Ведучий запускає подію: ${title}`;
      }),
    });
    return fireEvent(rules, logged, e.event, 'facilitator');
  },

  'facilitator.extend': (_s, ctx, e) => {
    const ms = e.ms ?? 0;
    const next = {
      ...ctx,
      rounds: ctx.rounds + (e.rounds ?? 0),
      deadlineAt: ctx.deadlineAt === null ? null : ctx.deadlineAt + ms,
      remainingMs: ctx.remainingMs === null ? null : ctx.remainingMs + ms,
    };
    const what = e.rounds
      ? { en: `${e.rounds} more round(s)`, uk: `ще ${e.rounds} раунд(и)` }
      : { en: `${Math.round(ms / 1000)} more seconds`, uk: `ще ${Math.round(ms / 1000)} с` };
    return append(next, {
      actor: 'facilitator',
      kind: e.type,
      event: e,
      text: { en: `The facilitator extends the talks: ${what.en}`, uk: `Ведучий подовжує переговори: ${what.uk}` },
    });
  },

  'clock.deadline': (_s, ctx, e) =>
    append(
      { ...ctx, advance: true },
      {
        actor: 'system',
        kind: e.type,
        event: e,
        text: {
          en: `Time is up for the ${PHASE_NAMES[ctx.phase].en} phase`,
          uk: `Час фази «${PHASE_NAMES[ctx.phase].uk}» сплив`,
        },
      },
    ),
};
