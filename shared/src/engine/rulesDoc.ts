/**
 * Generates docs/rules.md from the machine itself (its states and eventless transitions) and from
 * the EVENT_RULES table the machine's handlers are built from, so the document cannot drift: a
 * test regenerates it and compares with the committed file (`npm run docs:rules` rewrites it).
 */
import { compileRules } from '../scenario/compiled.ts';
import type { Scenario } from '../scenario/schema.ts';
import { EVENT_RULES } from './eventRules.ts';
import { createNegotiationMachine } from './machine.ts';
import type { EngineEventType } from './types.ts';

/** What each guard of an eventless transition means, in words. */
const GUARD_TEXT: Record<string, string> = {
  allReady: 'every delegation still at the table is ready (or the phase is forced)',
  allStatements: 'every delegation still at the table has made its statement (or the phase is forced)',
  draftTabled: 'a draft is on the table',
  responsesComplete: 'every required signatory has answered or left (or the phase is forced)',
  closesAccepted: 'responses close (as below) with every required signatory accepting',
  allSigned: 'every required signatory has signed',
  signingFailed: 'a signatory refused or left, or the phase is forced',
  ended: 'something ended the talks (a concluding signature, a walkout, a breakthrough, the deadline)',
};

const STATE_TEXT: Record<string, string> = {
  lobby: 'Delegations take their seats and say they are ready.',
  briefing: 'Each delegation reads its private briefing.',
  opening: 'Each delegation makes one public opening statement. Round 1 (the first month) begins after.',
  talks:
    'A round (one month of the calendar, until the deadline) begins: plenary and private channels are open; levers may be pulled.',
  tabling:
    'Every delegation may table one draft (new, amending an earlier one, or its counter-proposal from the last round, which is tabled for it as this phase opens) or pass ("ready"). Drafts are sealed: only their author reads them until tabling closes, so a draft prepared at once never out-races anyone. Tabling stays open until every delegation still at the table has tabled or passed, or the facilitator or the clock closes it.',
  floor:
    "Instantaneous: the round's drafts are answered one after another, in a known order: the round's chair first (the chair rotates us, europe, ukraine, russia, one round each, people included), then the delegations after it in that rotation. The next draft goes on the table; when none is left the round resolves.",
  responses:
    "Each delegation accepts, rejects (with reasons) or counter-proposes the draft on the table. Answers are sealed until all required ones are in. A counter-proposal is a draft too: it is tabled as its author's draft when the next round's tabling opens.",
  signing: 'The required signatories sign or refuse.',
  ratification:
    "Instantaneous: each signatory's domestic rules decide whether the agreement holds. A concluding agreement (one that settles a concluding issue such as the ceasefire) ends the talks; a partial one binds and the talks go on.",
  resolution:
    "Instantaneous: queued levers take effect, the world's own dynamics (drift and drivers) apply, scenario events are drawn with the seeded random generator, and the calendar advances one month. After the last round, the deadline ends the talks.",
  concluded:
    "The outcome is classified by the scenario's rules and every delegation is scored. Only the debrief chat stays open.",
};

interface NodeLike {
  key: string;
  id: string;
  states: Record<string, NodeLike>;
  always?: { guard?: { type?: string } | string; target?: { id: string }[] }[];
}

function guardName(guard: unknown): string | null {
  if (!guard) return null;
  if (typeof guard === 'string') return guard;
  return (guard as { type?: string }).type ?? null;
}

function describeNode(node: NodeLike, depth: number, lines: string[]) {
  const indent = '  '.repeat(depth);
  lines.push(`${indent}- **${node.key}** — ${STATE_TEXT[node.key] ?? ''}`);
  const events = (Object.keys(EVENT_RULES) as EngineEventType[]).filter((e) =>
    (EVENT_RULES[e].phases as readonly string[]).includes(node.key),
  );
  if (events.length > 0) lines.push(`${indent}  - accepts: ${events.map((e) => `\`${e}\``).join(', ')}`);
  for (const t of node.always ?? []) {
    const guard = guardName(t.guard);
    const target = t.target?.map((x) => x.id.replace(/^negotiation\./, '')).join(', ') ?? '(stays)';
    lines.push(`${indent}  - → ${target} ${guard ? `when ${GUARD_TEXT[guard] ?? guard}` : 'otherwise'}`);
  }
  for (const child of Object.values(node.states)) describeNode(child, depth + 1, lines);
}

function whoText(who: readonly string[]): string {
  return who
    .map((w) => (w === 'delegation' ? 'a delegation' : w === 'system' ? "the host's clock" : 'the facilitator'))
    .join(', ');
}

export function rulesMarkdown(scenario: Scenario): string {
  const machine = createNegotiationMachine(compileRules(scenario));
  const lines: string[] = [
    '# Rules of the talks',
    '',
    '<!-- Generated from shared/src/engine (machine.ts, eventRules.ts, rules.ts) by `npm run docs:rules`. Do not edit by hand: a test compares this file with the machine. -->',
    '',
    'Peace Table runs the negotiation as one xstate statechart in `shared/src/engine`. The server, the AI',
    'delegations, the simulator and the tests run the same machine. Every event names its actor; the server',
    'takes the actor from the connection, never from the message.',
    '',
    '## Phases',
    '',
  ];
  for (const child of Object.values((machine.root as unknown as NodeLike).states)) describeNode(child, 0, lines);
  lines.push('', '## Events', '', '| event | who | phases | what it does |', '|---|---|---|---|');
  for (const [type, rule] of Object.entries(EVENT_RULES)) {
    lines.push(`| \`${type}\` | ${whoText(rule.who)} | ${rule.phases.join(', ')} | ${rule.summary} |`);
  }
  lines.push(
    '',
    '## Refusals',
    '',
    'An event that is not allowed changes nothing. The engine returns a code and a sentence the server sends',
    'back to the sender only:',
    '',
    '| code | when |',
    '|---|---|',
    '| `wrong_actor` | the event belongs to another kind of actor (a delegation, the facilitator, the clock) |',
    '| `wrong_phase` | the event is not allowed in the current phase, or the talks have concluded |',
    '| `paused` | the facilitator has paused the session (the facilitator keeps every power) |',
    "| `red_line` | the package breaks one of the acting delegation's red lines; the sentence names the clause and the red line |",
    '| `invalid` | the payload names something that does not exist (an issue, option, lever, sector, event) |',
    '| `not_allowed` | the rules forbid it now (already responded, not a signatory, lever on cooldown, ...) |',
    '',
    '## Secrecy',
    '',
    "`viewFor(scenario, context, seat)` is the only place that decides what a seat may see: a delegation sees public state, its own briefing, preferences and red lines, its own channels and private levers, its own draft while tabling is open (others' drafts are sealed until tabling closes; they see only that a draft was tabled), and its own answer to the draft until responses close (a withdrawn draft's answers stay sealed). A spectator sees public information only. The facilitator sees everything. When the talks conclude, the debrief opens every briefing and every sealed answer; other delegations' private and bilateral chat stays private.",
    '',
  );
  return lines.join('\n');
}
