/**
 * docs/protocol.md is generated from the schemas; this fails when someone changes a schema (or
 * the doc) without regenerating it, and when the documented synced state differs from the schema.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_DOC } from '../src/cli/protocol-doc.ts';
import { PARTICIPANT_FIELDS, protocolMarkdown, SEAT_FIELDS, STATE_FIELDS } from '../src/docs/protocolDoc.ts';
import { createSessionState, ParticipantState } from '../src/rooms/sessionState.ts';
import { fixtureScenario } from './support/fixtures.ts';

describe('docs/protocol.md', () => {
  it('matches the schemas (run `npm run docs:protocol` after changing them)', () => {
    expect(readFileSync(PROTOCOL_DOC, 'utf8')).toBe(protocolMarkdown());
  });

  it('documents every field of the synced state, and only those', () => {
    const state = createSessionState('ABCDEF', fixtureScenario);
    state.participants.set('p1', new ParticipantState({ name: 'A', role: 'delegate' }));
    const json = state.toJSON() as unknown as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(json).sort()).toEqual(Object.keys(STATE_FIELDS).sort());
    expect(Object.keys(json.seats?.ukraine ?? {}).sort()).toEqual(Object.keys(SEAT_FIELDS).sort());
    expect(Object.keys(json.participants?.p1 ?? {}).sort()).toEqual(Object.keys(PARTICIPANT_FIELDS).sort());
  });

  it('documents every message', () => {
    const doc = protocolMarkdown();
    for (const name of [
      'seat.ready',
      'proposal.respond',
      'facilitator.inject',
      'view.sync',
      'seat.control',
      'view.patch',
      'bot.reason',
    ]) {
      expect(doc).toContain(`| \`${name}\``);
    }
  });
});
