/**
 * docs/protocol.md, generated from the zod schemas that validate the wire (shared/src/messages.ts,
 * shared/src/engine/events.ts) and the engine's rules table, so the reference cannot drift from
 * what the server accepts. `npm run docs:protocol` writes it; a test fails when it is stale.
 */
import { EVENT_PAYLOADS, LIMITS } from '@peace-table/shared/engine/events';
import { EVENT_RULES } from '@peace-table/shared/engine/rules';
import type { EngineEventType } from '@peace-table/shared/engine/types';
import {
  CreateClassBody,
  CreateSessionBody,
  JoinOptions,
  ROOM_MESSAGE_PAYLOADS,
  SERVER_MESSAGE_PAYLOADS,
} from '@peace-table/shared/messages';
import {
  CLASS_COMMANDS,
  ERROR_CODES,
  FACILITATOR_KEY_HEADER,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  NEGOTIATION_ROOM,
  PROTOCOL_VERSION,
  ROOM_MESSAGE,
} from '@peace-table/shared/protocol';
import {
  HTTP_REFUSAL_REASONS,
  JOIN_REFUSAL_REASONS,
  REFUSAL_PARAMS,
  REFUSAL_REASONS,
} from '@peace-table/shared/refusals';
import { DEFAULT_FRAME_LIMIT, DEFAULT_RATE_LIMIT } from '../rooms/rateLimit.ts';
import { schemaText } from './jsonSchemaText.ts';

/** The synced schema state, field by field (a test checks these against the schema itself). */
export const STATE_FIELDS: Record<string, [type: string, meaning: string]> = {
  code: ['string', 'the join code (also the room id)'],
  scenarioId: ['string', 'the scenario, e.g. "ukraine-2026"'],
  scenarioTitle: ['string', 'its English title'],
  phase: ['string', 'lobby, briefing, opening, talks, tabling, responses, signing or concluded'],
  round: ['uint8', 'the current round (0 before the first)'],
  rounds: ['uint8', 'rounds until the deadline'],
  paused: ['boolean', 'the facilitator paused the session'],
  deadlineAt: ['float64', "when the phase's timer runs out (ms since epoch); 0 = no timer"],
  phaseSeconds: [
    'map<uint32>',
    'the clock chosen when the session was opened: seconds by timed phase (none listed: no clock)',
  ],
  seats: ['map<SeatState>', 'by delegation id, in the order ukraine, russia, us, europe'],
  participants: ['map<ParticipantState>', 'by participant id (members) or session id (others)'],
};
export const SEAT_FIELDS: Record<string, [string, string]> = {
  label: ['string', "the delegation's name"],
  occupied: ['boolean', 'a connected human or the computer plays it now'],
  name: ['string', 'the names of its humans holding a place, or "<name> (computer)"'],
  control: ['string', '"human" or "bot"'],
  pinned: ['boolean', 'set at creation or by the facilitator: returning humans do not take it back by themselves'],
  members: [
    'uint8',
    'people holding a place in it (connected, or dropped within the reconnection window); at most the team size',
  ],
  connected: ['uint8', 'of whom connected now'],
};
export const PARTICIPANT_FIELDS: Record<string, [string, string]> = {
  name: ['string', 'display name'],
  role: ['string', 'delegate, facilitator or spectator'],
  delegation: ['string', "the delegate's delegation; '' otherwise"],
  connected: ['boolean', 'false while a dropped client may still reconnect, or after it left'],
};

function table(rows: string[][], head: string[]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const code = (text: string) => `\`${text}\``;

function fields(f: Record<string, [string, string]>): string {
  return table(
    Object.entries(f).map(([k, [t, m]]) => [code(k), t, m]),
    ['field', 'type', 'meaning'],
  );
}

function who(type: EngineEventType): string {
  return EVENT_RULES[type].who.map((w) => (w === 'delegation' ? 'delegate' : w)).join(', ');
}

/** "`leverCooldown` (lever, round)", one per reason, wrapped like the rest of the doc. */
function reasonList(): string {
  return wrap(
    REFUSAL_REASONS.map((r) => {
      const params = REFUSAL_PARAMS[r] as readonly string[];
      return params.length > 0 ? `${code(r)} (${params.join(', ')})` : code(r);
    }),
  );
}

/** Items as one comma-separated sentence in lines of at most ~100 characters. */
function wrap(items: readonly string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line}, ${item}` : item;
    if (next.length > 98 && line) {
      lines.push(`${line},`);
      line = item;
    } else line = next;
  }
  lines.push(`${line}.`);
  return lines.join('\n');
}

export function protocolMarkdown(): string {
  const events = (Object.keys(EVENT_PAYLOADS) as EngineEventType[]).map((name) => [
    code(name),
    who(name),
    EVENT_RULES[name].phases.join(', '),
    code(schemaText(EVENT_PAYLOADS[name])),
  ]);
  const rooms = Object.entries(ROOM_MESSAGE_PAYLOADS).map(([name, schema]) => [
    code(name),
    name === ROOM_MESSAGE.viewSync ? 'anyone' : 'facilitator',
    code(schemaText(schema)),
  ]);
  const server = Object.entries(SERVER_MESSAGE_PAYLOADS).map(([name, schema]) => [
    code(name),
    code(schemaText(schema)),
  ]);
  return `# Peace Table wire protocol (version ${PROTOCOL_VERSION})

<!-- Generated from the zod schemas in shared/src/messages.ts and shared/src/engine/events.ts by \`npm run docs:protocol\`. Do not edit by hand: a test compares this file with the schemas. -->

How a client (the browser game, a bot host, a script) talks to the Peace Table server. Names and
TypeScript types are in \`shared/src/protocol.ts\`, validators in \`shared/src/messages.ts\`; the
game's rules (who may send what, when) are in [rules.md](rules.md).

## 1. Create a session (HTTP)

\`POST /api/sessions\` with a JSON body:

${code(schemaText(CreateSessionBody))}

answers \`201 { code, facilitatorKey, roomId }\`. \`code\` is ${JOIN_CODE_LENGTH} characters from
\`${JOIN_CODE_ALPHABET}\` (no 0/O, 1/I/L); people may type it in lower case, with spaces or a dash.
\`facilitatorKey\` is shown once: only its hash is stored.

Invalid bodies get \`400 { error, reason, params }\`: \`error\` in English, naming the field
(\`"seats.russia: ..."\`), and \`reason\` and \`params\` as in a refusal (section 4), for the client to
word in the player's language. Too many sessions from one network get \`429\` with \`Retry-After\` and
\`tooManySessions\` (\`params.seconds\`); a body that is not JSON (\`Content-Type: application/json\`)
gets \`415\`. Reasons (the last two come with a 500):

${wrap(HTTP_REFUSAL_REASONS.map(code))}

Other endpoints: \`GET /api/scenarios\` (\`{ scenarios: [{ id, ok, title, summary, rounds }] }\`),
\`GET /api/scenarios/:id\` (the scenario's public part: agenda, world, map, public positions; never
briefings), \`GET /content/map/<file>\` (map layers), \`GET /health\`, and
\`GET /api/sessions/:code/transcript?format=json|csv\` with the facilitator key in the
\`${FACILITATOR_KEY_HEADER}\` header (or \`Authorization: Bearer <key>\`): 401 without a key, 403
for a wrong key or unknown code. Transcripts stay available after the session ends.
\`GET /api/room-address\` (\`{ publicUrl, addresses: [{ url, name }] }\`) says where students reach the
server: its \`PUBLIC_URL\` when set, else every non-loopback IPv4 address of the machine with the port.

### A class of tables

\`POST /api/classes\` opens several tables (sessions) of one scenario at once, each with its own
code, with one facilitator key for all of them (and for each table's own console):

${code(schemaText(CreateClassBody))}

answers \`201 { code, facilitatorKey, tables }\`: the class code (same alphabet as a session's,
never the same as one) and the tables' codes, table 1 first. A \`seed\` gives table n the seed
\`seed + n − 1\`. Then:

- \`GET /api/classes/:code\`, for students: \`{ code, scenarioId, studentsChoose, noPress, anonymous,
  tables: [{ number, code, open, people }] }\` (no tables listed when the facilitator assigns them);
- \`GET /api/classes/:code/overview\`, with the facilitator key: every table's phase, round, clock,
  seats and alerts (\`ClassOverview\` in shared/src/protocol.ts);
- \`POST /api/classes/:code/command\` \`{ command }\` with the facilitator key, one of
  ${CLASS_COMMANDS.map((c) => `\`${c}\``).join(', ')}: sent to every table as its facilitator
  would, answered per table \`{ tables: [{ code, ok, message?, reason?, params? }] }\`;
- \`GET /api/classes/:code/results?format=json|csv\`, with the facilitator key: the class results
  sheet, one row per table (\`TableResult\` in shared/src/class/results.ts).

The class lives in the same database as its tables and survives a restart with them.

## 2. Join (websocket)

\`\`\`ts
const room = await client.join('${NEGOTIATION_ROOM}', options);
\`\`\`

with \`options\`:

${code(schemaText(JoinOptions))}

- **delegate**: a new seat needs \`delegation\` and \`name\`; up to the session's team size share one
  delegation. The server answers with a \`seat.key\` message: keep the key (e.g. in localStorage).
  Joining later with \`{ role: 'delegate', seatKey }\` (from another tab, device, or after a server
  restart) takes the same seat back; an older connection with that key is closed (\`notice
  seat.replaced\`).
- **facilitator**: needs the \`facilitatorKey\`; sees everything and may use the facilitator events
  and room messages.
- **spectator**: the projector view: public information only; cannot act.

A refused join rejects \`client.join\` with an error whose \`message\` is an English sentence (wrong
code, full team, wrong key, a seat the computer plays, a stale page: "Reload the page") followed by
the refusal's \`{"reason":...,"params":...}\` as JSON, for a client to word it in the player's
language (\`parseJoinRefusal\` in \`shared/src/refusals.ts\` splits the two). Join reasons (their
params are in the list of section 4):

${wrap(JOIN_REFUSAL_REASONS.map(code))}

On joining, a client receives the synced state (section 5), one \`view\` message and, for a
delegate, \`seat.key\`.

## 3. Act: client → server messages

A message's name is the engine event's name and its payload is validated by the schema below
before anything reaches the game. The acting seat comes from the connection, never from the
payload. Every refusal answers the sender alone with \`error { code, message, ref, reason, params }\`;
nothing changes. Texts are trimmed; chat ≤ ${LIMITS.chat}, statements ≤ ${LIMITS.statement}, notes ≤
${LIMITS.note}, reasons ≤ ${LIMITS.reason} characters; no control characters except newlines and tabs.

${table(events, ['message', 'who', 'phases', 'payload'])}

\`clock.deadline\` is the server's own timer (actor \`system\`); a client sending it gets \`wrong_actor\`.

Room messages (not game events):

${table(rooms, ['message', 'who', 'payload'])}

## 4. Server → client messages

${table(server, ['message', 'payload'])}

- \`view\` is \`viewFor(scenario, context, seat)\` from \`shared/src/engine/view.ts\`, the one place that
  decides what a seat may see (a delegation: its own briefing, channels and sealed answer; a
  spectator: public information; the facilitator: everything). It comes on joining, on
  reconnecting, after \`seat.moved\`, and on \`view.sync\`.
- \`view.patch\` follows every change: apply \`ops\` (see \`applyViewPatch\` in
  \`shared/src/viewPatch.ts\`) to the view whose version is \`from\`; the result has version \`to\`.
  \`set\` replaces a top-level key, \`splice\` keeps the first \`from\` items of an array and
  appends \`items\`, \`delete\` removes a key. If \`from\` is not your version, send \`view.sync\`.
- \`bot.reason\` goes only to the delegation's own people and the facilitator: it may draw on the
  delegation's private briefing.
- \`chat.typing\` goes to those who can read the channel: a computer delegation is writing there
  (an answer to a message addressed to it, or a bilateral talk it opens); its \`chat.post\` follows
  after about \`ms\`, a human-like pause. Show "… is typing" until a line of that delegation arrives
  in the channel, or a while after \`ms\`.
- \`notice\` codes: \`seat.bot\` (the computer now plays your delegation), \`seat.human\` (back to
  humans), \`seat.moved\` (a new \`seat.key\` and \`view\` follow), each with \`params.delegation\`
  (the delegation's name as \`{ en, uk }\`); \`seat.replaced\` and \`kicked\` (this connection closes
  with code 4101 / 4102). \`message\` says the same in English; the browser client has a sentence
  per code in each language (\`notice.server.*\`).

Error codes (${ERROR_CODES.length}): the engine's \`wrong_phase\`, \`wrong_actor\`, \`paused\`, \`invalid\`, \`red_line\`,
\`not_allowed\` (see rules.md), and \`invalid_message\` (payload fails its schema), \`unknown_message\`,
\`rate_limited\`, \`not_seated\` (spectators cannot act), \`bot_controlled\` (the facilitator handed
your delegation to the computer), \`forbidden\` (facilitator-only), \`not_found\`, \`server_error\`
(the action could not be recorded; nothing changed).

An error's \`message\` is English, for logs and tools. To show a refusal in the player's language, a
client uses \`reason\`, the rule that said no, and \`params\`, what its sentence needs: numbers,
ids (a \`phase\` param is a phase id), and names from the scenario as \`{ en, uk }\` pairs. The
browser client has a sentence per reason and per code in each language
(\`client/src/locales\`: \`refusal.reason.*\`, \`refusal.code.*\`) and falls back to the code's sentence
for a reason it does not know. Reasons, with their params (\`shared/src/refusals.ts\`):

${reasonList()}

## 5. Synced state (Colyseus schema)

Public facts, identical for every client; \`room.state.toJSON()\` has this shape
(\`SessionStateSnapshot\` in protocol.ts). Seat-specific data never goes here.

${fields(STATE_FIELDS)}

\`SeatState\`:

${fields(SEAT_FIELDS)}

\`ParticipantState\`:

${fields(PARTICIPANT_FIELDS)}

## 6. Connections, reconnection and limits

- A dropped connection keeps its seat for the reconnection window (server default 60 s,
  \`RECONNECT_SECONDS\`, or the session's \`reconnectSeconds\`); the SDK reconnects by itself and the
  client then receives a fresh \`view\`. Past the window, the computer takes an unpinned seat whose
  people are all gone; the first of them to come back (with a seat key, or a new teammate) takes it
  back. A delegate who leaves on purpose (\`room.leave()\`) is gone at once: their place in the
  delegation is free and their seat key stops working. A delegation holds \`teamSize\` people
  present (connected, or dropped within the window); someone back with a key after the window gets
  the place only if there is room (\`teamFull\` otherwise).
- After a server restart, sessions are restored from the database with their deadlines; the SDK's
  reconnection token no longer works, so clients join again with their seat key (or facilitator
  key). People who do not return within the window are replaced by the computer.
- Rate limit, on real elapsed time: bursts of ${DEFAULT_RATE_LIMIT.burst} messages, then ${DEFAULT_RATE_LIMIT.perSecond} per
  second; excess messages are dropped with one \`rate_limited\` error per second. A client sending
  more than ${DEFAULT_FRAME_LIMIT.perSecond} frames a second (on average; bursts of up to ${DEFAULT_FRAME_LIMIT.burst}) is disconnected
  (close code 4002); one pacing at ${DEFAULT_FRAME_LIMIT.perSecond} a second never is. A frame the server cannot read (not
  msgpack) is answered with \`invalid_message\` and dropped. Websocket frames over 16 KB close the
  connection (close code 1009).
- Joins: too many from one network, or too many wrong codes or keys, are refused with
  \`tooManyAttempts\` and \`params.seconds\`, the wait before the next try (docs/deployment.md, Limits).
`;
}
