/**
 * Who may send which event in which phase: the single table the machine's `on` handlers are built
 * from, that `checkEvent` (rules.ts) applies first, and that docs/rules.md is generated from.
 */
import type { EngineEventType, Phase } from './types.ts';

export type Who = 'delegation' | 'facilitator' | 'system';

export interface EventRule {
  who: Who[];
  phases: readonly Phase[];
  summary: string;
}

const ROUND: Phase[] = ['talks', 'tabling', 'responses', 'signing'];
const BEFORE_END: Phase[] = ['lobby', 'briefing', 'opening', ...ROUND];

export const EVENT_RULES: Record<EngineEventType, EventRule> = {
  'seat.ready': {
    who: ['delegation'],
    phases: ['lobby', 'briefing', 'talks', 'tabling'],
    summary:
      'Mark your delegation ready (or not, with ready: false). The lobby, the briefing and the talks end when every present delegation is ready; in tabling, ready means "pass" (tabling a draft counts as passing too, and a delegation with a draft on the floor cannot take it back): tabling closes when every present delegation has tabled or passed.',
  },
  'statement.make': {
    who: ['delegation'],
    phases: ['opening'],
    summary: 'Make your opening statement, once. Talks begin when every present delegation has spoken.',
  },
  'chat.post': {
    who: ['delegation', 'facilitator'],
    phases: [...BEFORE_END, 'concluded'],
    summary:
      'Post to the plenary, your delegation\'s own channel, a bilateral channel you belong to ("bilateral:a+b" in the order ukraine, russia, us, europe), or (facilitator only) announcements.',
  },
  'chat.move': {
    who: ['delegation', 'facilitator'],
    phases: [...BEFORE_END, 'concluded'],
    summary:
      'A structured move in the plenary or a bilateral channel you belong to: ask what the others need on an issue, float a package ("would you accept this?") or offer a trade ("if you give these clauses, we give those"). Its issues and options must be on the agenda. Computer delegations answer it from their own preferences.',
  },
  'proposal.table': {
    who: ['delegation'],
    phases: ['tabling'],
    summary:
      'Table a draft package, one a round. It must be well formed and break none of your own red lines. It stays sealed (only you read it) until tabling closes, then it is answered in its turn.',
  },
  'proposal.amend': {
    who: ['delegation'],
    phases: ['tabling'],
    summary:
      'Table an amended version of an earlier draft (it records the draft it amends) as your draft of the round. Same checks as tabling.',
  },
  'proposal.respond': {
    who: ['delegation'],
    phases: ['responses'],
    summary:
      "Accept, reject (with reasons, optionally per clause) or counter-propose the draft on the table, once. You cannot accept a package that breaks your red lines. When every required signatory has answered, all acceptances open signing; anything else closes the draft and the next draft on the floor is answered (the round resolves when none is left). A counter-proposal is tabled as your draft when the next round's tabling opens.",
  },
  'proposal.withdraw': {
    who: ['delegation'],
    phases: ['tabling', 'responses'],
    summary:
      'Withdraw a draft you tabled: while it is sealed (you may then table another or pass), while it waits its turn, or while it is answered (the next draft on the floor is answered).',
  },
  'lever.use': {
    who: ['delegation'],
    phases: ['talks', 'tabling', 'responses'],
    summary:
      'Pull one of your own levers (once per round, subject to its cooldown and requirements; some take a front sector). Its effects apply at resolution.',
  },
  'agreement.sign': {
    who: ['delegation'],
    phases: ['signing'],
    summary:
      "Sign the accepted draft, if your signature is required. When all required signatures are in, each signatory's domestic ratification rules decide whether it holds.",
  },
  'agreement.decline': {
    who: ['delegation'],
    phases: ['signing'],
    summary: 'Refuse to sign the accepted draft; the round goes to resolution.',
  },
  'delegation.walkout': {
    who: ['delegation'],
    phases: ['opening', ...ROUND],
    summary:
      'Walk out of the talks. A party whose signature every ceasefire needs ends the talks by walking out; others leave the table and can no longer act.',
  },
  'facilitator.pause': {
    who: ['facilitator'],
    phases: BEFORE_END,
    summary: 'Pause the session: only the facilitator can act until it resumes; the phase timer stops.',
  },
  'facilitator.resume': {
    who: ['facilitator'],
    phases: BEFORE_END,
    summary: 'Resume a paused session; the phase timer continues with the time that was left.',
  },
  'facilitator.advance': {
    who: ['facilitator'],
    phases: BEFORE_END,
    summary:
      'End the current phase now, as if everyone were ready: missing responses count as rejections and missing signatures as refusals.',
  },
  'facilitator.inject': {
    who: ['facilitator'],
    phases: ['opening', ...ROUND],
    summary:
      'Fire a scenario event now (a one-off event only once); its effects apply at once and it may end the talks.',
  },
  'facilitator.extend': {
    who: ['facilitator'],
    phases: BEFORE_END,
    summary: "Add rounds to the talks' deadline, or time to the current phase's timer.",
  },
  'clock.deadline': {
    who: ['system'],
    phases: BEFORE_END,
    summary: "The host's timer: when the phase's time has run out, the phase ends as with facilitator.advance.",
  },
};
