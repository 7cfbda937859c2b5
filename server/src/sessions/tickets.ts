/**
 * Room creation tickets. A negotiation room is only ever created by this server: the HTTP API
 * (new session) or the boot-time restore leaves a one-use ticket in the presence store (memory,
 * or Redis when scaled out, so any process may end up creating the room) and the room's onCreate
 * takes it. A client calling Colyseus' create/joinOrCreate directly finds no ticket and is refused,
 * so nobody can start a session with options of their own or a second room for a running session.
 *
 * The presence store also lists the codes of running sessions, so a join with a wrong code gets a
 * sentence a student understands instead of Colyseus' "no rooms found", and remembers for a while
 * the codes of sessions that ended, so a late join hears that the session is over rather than that
 * its code is wrong.
 */
import type { Presence } from '@colyseus/core';
import type { SessionConfig } from './types.ts';

export type Ticket = { kind: 'new'; config: SessionConfig } | { kind: 'restore' };

const TICKET_SECONDS = 60;
const RUNNING = 'peace-table:running';
/** How long an ended session's code is remembered: long enough for a class's late joiners and reloads. */
export const ENDED_SECONDS = 7 * 24 * 3600;

function endedKey(code: string): string {
  return `peace-table:ended:${code}`;
}

function ticketKey(code: string): string {
  return `peace-table:ticket:${code}`;
}

export async function issueTicket(presence: Presence, code: string, ticket: Ticket): Promise<void> {
  await presence.setex(ticketKey(code), JSON.stringify(ticket), TICKET_SECONDS);
}

/** Takes (reads and deletes) the ticket; undefined when there is none. */
export async function takeTicket(presence: Presence, code: string): Promise<Ticket | undefined> {
  const raw = (await presence.get(ticketKey(code))) as string | null | undefined;
  if (!raw) return undefined;
  await presence.del(ticketKey(code));
  return JSON.parse(raw) as Ticket;
}

export async function markRunning(presence: Presence, code: string): Promise<void> {
  await presence.hset(RUNNING, code, String(Date.now()));
}

export async function markStopped(presence: Presence, code: string): Promise<void> {
  await presence.hdel(RUNNING, code);
}

export async function isRunning(presence: Presence, code: string): Promise<boolean> {
  return (await presence.hget(RUNNING, code)) !== null;
}

/** The session is over (concluded, or closed after being idle): it will not run again. */
export async function markEnded(presence: Presence, code: string, seconds = ENDED_SECONDS): Promise<void> {
  await presence.setex(endedKey(code), String(Date.now()), seconds);
}

export async function hasEnded(presence: Presence, code: string): Promise<boolean> {
  const value = (await presence.get(endedKey(code))) as string | null | undefined;
  return value !== null && value !== undefined;
}
