/**
 * Numbered rule cases for the engine, one per rule (in the manner of the DATC cases of the
 * Diplomacy adjudicator). Each drives the machine through the public `step` API and checks both
 * the effect and, for refusals, the sentence a player would read.
 */
import { describe, expect, it } from 'vitest';
import { viewFor } from '../../src/engine/view.ts';
import { newGame } from './driver.ts';

const CEASEFIRE_DEAL = { ceasefire: 'line', nato: 'renounced', force: 'european-force' };

function rejection(result: ReturnType<ReturnType<typeof newGame>['send']>) {
  if (result.ok) throw new Error('expected a refusal');
  return result.rejection;
}

describe('E01 lobby and briefing end when every delegation is ready', () => {
  it('stays in the lobby until the fourth delegation is ready, then briefs, then opens', () => {
    const g = newGame();
    g.ok('ukraine', 'seat.ready');
    g.ok('russia', 'seat.ready');
    g.ok('us', 'seat.ready');
    expect(g.phase).toBe('lobby');
    g.ok('europe', 'seat.ready');
    expect(g.phase).toBe('briefing');
    g.allReady();
    expect(g.phase).toBe('opening');
  });
  it('a delegation can take its readiness back', () => {
    const g = newGame();
    g.ok('ukraine', 'seat.ready');
    g.ok('ukraine', 'seat.ready', { ready: false });
    g.ok('russia', 'seat.ready');
    g.ok('us', 'seat.ready');
    g.ok('europe', 'seat.ready');
    expect(g.phase).toBe('lobby');
  });
});

describe('E02 events belong to their kind of actor', () => {
  it('the facilitator cannot act as a delegation and a delegation cannot act as the facilitator', () => {
    const g = newGame();
    expect(rejection(g.send('facilitator', 'seat.ready'))).toEqual({
      code: 'wrong_actor',
      message: 'only a delegation may send seat.ready',
      reason: 'onlyDelegation',
      params: { type: 'seat.ready' },
    });
    expect(rejection(g.send('ukraine', 'facilitator.advance'))).toMatchObject({
      code: 'wrong_actor',
      reason: 'onlyFacilitator',
    });
    expect(rejection(g.send('russia', 'clock.deadline'))).toMatchObject({ code: 'wrong_actor', reason: 'onlySystem' });
  });
});

describe('E03 an event outside its phase changes nothing and says why', () => {
  it('tabling in the lobby is refused', () => {
    const g = newGame();
    const before = g.snapshot;
    const r = rejection(g.send('ukraine', 'proposal.table', { package: { prisoners: 'all-for-all' } }));
    expect(r).toEqual({
      code: 'wrong_phase',
      message: 'proposal.table is not allowed during lobby',
      reason: 'wrongPhase',
      params: { type: 'proposal.table', phase: 'lobby' },
    });
    expect(g.snapshot).toBe(before);
  });
});

describe('E04 opening statements: one each, then round 1 begins', () => {
  it('refuses a second statement and starts the talks after the fourth', () => {
    const g = newGame();
    g.allReady();
    g.allReady();
    g.ok('ukraine', 'statement.make', { text: 'We seek a just peace.' });
    expect(rejection(g.send('ukraine', 'statement.make', { text: 'Again' })).message).toBe(
      'you have already made your opening statement',
    );
    for (const d of ['russia', 'us', 'europe'] as const) g.ok(d, 'statement.make', { text: 'Hello' });
    expect(g.phase).toBe('talks');
    expect(g.ctx.round).toBe(1);
    expect(g.ctx.world.month).toBe(0);
  });
});

describe('E05 talks end when all are ready, or when the facilitator advances', () => {
  it('facilitator.advance closes the talks at once', () => {
    const g = newGame();
    g.toTalks();
    g.ok('facilitator', 'facilitator.advance');
    expect(g.phase).toBe('tabling');
  });
});

describe('E06 a tabled draft is answered once tabling closes; a malformed package is refused', () => {
  it('opens responses with the signatories fixed', () => {
    const g = newGame();
    g.toTabling();
    g.tableAlone('us', 'proposal.table', { package: CEASEFIRE_DEAL });
    expect(g.phase).toBe('responses');
    expect(g.ctx.proposals[0]).toMatchObject({ id: 'p1', author: 'us', signatories: ['ukraine', 'russia', 'europe'] });
  });
  it('names the unknown issue or option', () => {
    const g = newGame();
    g.toTabling();
    expect(rejection(g.send('us', 'proposal.table', { package: { ceasefire: 'forever' } }))).toEqual({
      code: 'invalid',
      message: 'The package is not valid: issue "ceasefire" has no option "forever"',
      // The rule for the client to word in the player's language, with the issue's name in both.
      reason: 'unknownOption',
      params: { issue: { en: 'Ceasefire', uk: 'Ceasefire (uk)' }, option: 'forever' },
    });
  });
});

describe('E07 a delegation cannot table a package that breaks its own red line', () => {
  it('Ukraine cannot table recognition of Crimea', () => {
    const g = newGame();
    g.toTabling();
    const r = rejection(g.send('ukraine', 'proposal.table', { package: { 'status-crimea': 'recognised' } }));
    expect(r.code).toBe('red_line');
    expect(r.message).toBe('UKRAINE cannot sign: clause status-crimea.recognised breaks red line "No recognition"');
    expect(r).toMatchObject({
      reason: 'redLineClauses',
      params: {
        delegation: { en: 'UKRAINE' },
        redLine: { en: 'No recognition' },
        clauses: { en: expect.stringContaining(': ') },
      },
    });
  });
});

describe('E08 a delegation cannot accept a package that breaks its red line, but may reject it', () => {
  it('Ukraine rejects Russian sovereignty over Crimea', () => {
    const g = newGame();
    g.toTabling();
    g.tableAlone('russia', 'proposal.table', { package: { 'status-crimea': 'recognised', prisoners: 'all-for-all' } });
    expect(rejection(g.send('ukraine', 'proposal.respond', { proposalId: 'p1', response: 'accept' })).code).toBe(
      'red_line',
    );
    g.ok('ukraine', 'proposal.respond', {
      proposalId: 'p1',
      response: 'reject',
      reasons: [{ clause: 'status-crimea.recognised', text: 'The constitution forbids it' }],
    });
    expect(g.ctx.proposals[0]?.status).toBe('rejected');
  });
});

describe('E09 only required signatories decide; all acceptances open signing', () => {
  it('goes to signing when Ukraine, Russia and Europe accept the US draft', () => {
    const g = newGame();
    g.toTabling();
    g.tableAlone('us', 'proposal.table', { package: CEASEFIRE_DEAL });
    g.ok('ukraine', 'proposal.respond', { proposalId: 'p1', response: 'accept' });
    g.ok('russia', 'proposal.respond', { proposalId: 'p1', response: 'accept' });
    expect(g.phase).toBe('responses');
    g.ok('europe', 'proposal.respond', { proposalId: 'p1', response: 'accept' });
    expect(g.phase).toBe('signing');
    expect(g.ctx.proposals[0]?.status).toBe('accepted');
  });
});

describe('E10 a rejection closes the draft; with no other draft on the floor, resolution moves the calendar', () => {
  it('round 2, month 1, after Russia rejects', () => {
    const g = newGame();
    g.toTabling();
    g.tableAlone('ukraine', 'proposal.table', { package: { prisoners: 'all-for-all', sanctions: 'maintained' } });
    g.ok('russia', 'proposal.respond', { proposalId: 'p1', response: 'reject', reasons: [{ text: 'Not now' }] });
    g.ok('us', 'proposal.respond', { proposalId: 'p1', response: 'accept' });
    g.ok('europe', 'proposal.respond', { proposalId: 'p1', response: 'accept' });
    expect(g.phase).toBe('talks');
    expect(g.ctx.round).toBe(2);
    expect(g.ctx.world.month).toBe(1);
    expect(g.ctx.world.values.unity).toBe(55); // drift -5 per month
  });
});

describe('E11 one response per delegation; the author does not respond', () => {
  it('refuses both', () => {
    const g = newGame();
    g.toTabling();
    g.tableAlone('us', 'proposal.table', { package: CEASEFIRE_DEAL });
    expect(rejection(g.send('us', 'proposal.respond', { proposalId: 'p1', response: 'accept' })).message).toBe(
      'you tabled this draft; your acceptance is already recorded',
    );
    g.ok('ukraine', 'proposal.respond', { proposalId: 'p1', response: 'accept' });
    expect(rejection(g.send('ukraine', 'proposal.respond', { proposalId: 'p1', response: 'reject' })).message).toBe(
      'you have already responded to this draft',
    );
  });
});

function toSigning(pkg: Record<string, string>) {
  const g = newGame();
  g.toTabling();
  g.tableAlone('us', 'proposal.table', { package: pkg });
  const p = g.ctx.proposals[0];
  for (const d of p?.signatories ?? []) {
    if (d !== 'us') g.ok(d, 'proposal.respond', { proposalId: 'p1', response: 'accept' });
  }
  return g;
}

describe('E12 only the required signatories sign', () => {
  it('the US may not sign a deal that does not need it', () => {
    const g = toSigning(CEASEFIRE_DEAL);
    expect(rejection(g.send('us', 'agreement.sign', { proposalId: 'p1' })).message).toBe(
      "US's signature is not required",
    );
  });
});

describe('E13 a signed, ratified ceasefire concludes the talks', () => {
  it('ends with the ceasefire outcome and scores', () => {
    const g = toSigning(CEASEFIRE_DEAL);
    for (const d of ['ukraine', 'russia', 'europe'] as const) g.ok(d, 'agreement.sign', { proposalId: 'p1' });
    expect(g.phase).toBe('concluded');
    expect(g.ctx.result).toMatchObject({ ending: 'signed', outcomeId: 'ceasefire', ratified: true });
    expect(g.ctx.result?.scores.ukraine.utility).toBeGreaterThan(0);
  });
});

describe('E14 a signed deal that fails domestic ratification is rejected at home', () => {
  it('a ceasefire without a deployed force fails Ukraine ratification', () => {
    const g = toSigning({ ceasefire: 'line', nato: 'renounced' });
    g.ok('ukraine', 'agreement.sign', { proposalId: 'p1' });
    g.ok('russia', 'agreement.sign', { proposalId: 'p1' });
    expect(g.phase).toBe('concluded');
    expect(g.ctx.agreements[0]?.failures).toEqual(['ukraine:guarantees']);
    expect(g.ctx.result).toMatchObject({ outcomeId: 'rejected-at-home', ratified: false });
  });
});

describe('E15 a partial agreement binds its signatories and the talks go on', () => {
  it('a prisoner exchange between Ukraine and Russia', () => {
    const g = toSigning({ prisoners: 'all-for-all' });
    g.ok('ukraine', 'agreement.sign', { proposalId: 'p1' });
    g.ok('russia', 'agreement.sign', { proposalId: 'p1' });
    expect(g.phase).toBe('talks');
    expect(g.ctx.round).toBe(2);
    expect(g.ctx.agreements).toMatchObject([
      { package: { prisoners: 'all-for-all' }, ratified: true, concluding: false },
    ]);
  });
});

describe('E16 red lines that combine clauses, and defaults that count', () => {
  it('Russia cannot accept a ceasefire that leaves the NATO aspiration in place by silence', () => {
    const g = newGame();
    g.toTabling();
    g.tableAlone('us', 'proposal.table', { package: { ceasefire: 'line', force: 'european-force' } });
    const r = rejection(g.send('russia', 'proposal.respond', { proposalId: 'p1', response: 'accept' }));
    expect(r.message).toContain('ceasefire.line, nato.aspiration-kept');
  });
});

describe('E17 incompatible clauses cannot stand together', () => {
  it('a European force with a ban on foreign troops', () => {
    const g = newGame();
    g.toTabling();
    expect(
      rejection(g.send('europe', 'proposal.table', { package: { force: 'european-force', troops: 'prohibited' } }))
        .message,
    ).toContain('clause force.european-force cannot stand with clause troops.prohibited');
  });
});

describe('E18 levers: owner, once a round, cooldown, requirements, sector; effects at resolution', () => {
  it('enforces every condition and applies the effect at the end of the round', () => {
    const g = newGame();
    g.toTalks();
    expect(rejection(g.send('ukraine', 'lever.use', { lever: 'ru-offensive', sector: 'front' })).message).toBe(
      'Offensive belongs to RUSSIA',
    );
    expect(rejection(g.send('russia', 'lever.use', { lever: 'ru-offensive' })).message).toBe(
      'Offensive needs a front sector',
    );
    expect(rejection(g.send('russia', 'lever.use', { lever: 'ru-offensive', sector: 'north' })).message).toBe(
      'there is no sector "north"',
    );
    g.ok('russia', 'lever.use', { lever: 'ru-offensive', sector: 'front' });
    expect(rejection(g.send('russia', 'lever.use', { lever: 'ru-offensive', sector: 'front' })).message).toBe(
      'Offensive is already in use this round',
    );
    expect(g.ctx.world.values['momentum.front']).toBe(2);
    g.allReady();
    g.allReady(); // everyone passes in tabling: resolution
    expect(g.ctx.world.values['momentum.front']).toBe(5);
    expect(rejection(g.send('russia', 'lever.use', { lever: 'ru-offensive', sector: 'front' })).message).toBe(
      'Offensive can be used again in round 3',
    );
  });
  it('a lever that requires a condition is refused when it does not hold', () => {
    const g = newGame();
    g.toTalks();
    g.allReady();
    g.allReady();
    g.allReady();
    g.allReady(); // two rounds: unity 60 → 50
    g.allReady();
    g.allReady(); // unity 45
    expect(rejection(g.send('europe', 'lever.use', { lever: 'eu-troops' })).message).toBe(
      'Troop pledge cannot be used in the current situation',
    );
  });
});

describe('E19 a private lever is seen only by its owner', () => {
  it('hides the queued lever and its transcript line from the others', () => {
    const g = newGame();
    g.toTalks();
    g.ok('us', 'lever.use', { lever: 'us-press' });
    expect(viewFor(g.engine.scenario, g.ctx, 'us').queuedLevers).toHaveLength(1);
    expect(viewFor(g.engine.scenario, g.ctx, 'ukraine').queuedLevers).toHaveLength(0);
    expect(viewFor(g.engine.scenario, g.ctx, 'facilitator').queuedLevers).toHaveLength(1);
    const seenByUkraine = viewFor(g.engine.scenario, g.ctx, 'ukraine').transcript.map((t) => t.kind);
    expect(seenByUkraine).not.toContain('lever.use');
  });
});

function passRound(g: ReturnType<typeof newGame>) {
  g.allReady();
  g.allReady();
}

describe('E20 the deadline: no agreement after the last round ends the talks', () => {
  it('concludes as a stalemate after four rounds', () => {
    const g = newGame();
    g.toTalks();
    for (let r = 0; r < 4; r += 1) passRound(g);
    expect(g.phase).toBe('concluded');
    expect(g.ctx.result).toMatchObject({ ending: 'deadline', outcomeId: 'stalemate', agreement: null });
  });
});

describe('E21 the facilitator extends the deadline, within limits', () => {
  it('two more rounds, but never past the maximum', () => {
    const g = newGame({ options: { maxRounds: 6 } });
    g.toTalks();
    g.ok('facilitator', 'facilitator.extend', { rounds: 2 });
    expect(rejection(g.send('facilitator', 'facilitator.extend', { rounds: 1 })).message).toBe(
      'the talks cannot run past 6 rounds',
    );
    for (let r = 0; r < 5; r += 1) passRound(g);
    expect(g.phase).toBe('talks');
    passRound(g);
    expect(g.phase).toBe('concluded');
  });
});

describe('E22 walkouts', () => {
  it('a party every ceasefire needs ends the talks by walking out', () => {
    const g = newGame();
    g.toTalks();
    g.ok('russia', 'delegation.walkout', { reason: 'No progress on NATO' });
    expect(g.phase).toBe('concluded');
    expect(g.ctx.result?.ending).toBe('walkout');
  });
  it('a mediator that walks out leaves the table and can no longer act', () => {
    const g = newGame();
    g.toTalks();
    g.ok('us', 'delegation.walkout');
    expect(g.phase).toBe('talks');
    expect(rejection(g.send('us', 'chat.post', { channel: 'plenary', text: 'hi' })).message).toBe(
      'US has walked out of the talks',
    );
    g.allReady(); // only the three present delegations are needed
    expect(g.phase).toBe('tabling');
  });
});

describe('E23 pause freezes the delegations and the phase timer', () => {
  it('refuses delegates while paused and restores the time left on resume', () => {
    const g = newGame({ options: { phaseMs: { talks: 60_000 } } });
    g.toTalks();
    const started = g.ctx.deadlineAt ?? 0;
    g.ok('facilitator', 'facilitator.pause', undefined, started - 50_000);
    expect(g.ctx.remainingMs).toBe(50_000);
    expect(rejection(g.send('ukraine', 'seat.ready')).message).toBe('the session is paused');
    g.ok('facilitator', 'facilitator.resume', undefined, started + 100_000);
    expect(g.ctx.deadlineAt).toBe(started + 150_000);
  });
});

describe('E24 the phase timer: clock.deadline only when time is up', () => {
  it('refuses an early tick, closes the phase after it', () => {
    const g = newGame({ options: { phaseMs: { talks: 60_000 } } });
    g.toTalks();
    const due = g.ctx.deadlineAt ?? 0;
    expect(rejection(g.send('system', 'clock.deadline', undefined, due - 1)).message).toBe(
      'the phase timer has not run out',
    );
    g.ok('system', 'clock.deadline', undefined, due);
    expect(g.phase).toBe('tabling');
    expect(rejection(g.send('system', 'clock.deadline')).message).toBe('the phase timer has not run out');
  });
});

describe('E25 the facilitator injects scenario events', () => {
  it('applies effects at once; a one-off event fires once; a breakthrough ends the talks', () => {
    const g = newGame();
    g.toTalks();
    g.ok('facilitator', 'facilitator.inject', { event: 'rally' });
    expect(g.ctx.world.values.unity).toBe(65);
    g.ok('facilitator', 'facilitator.inject', { event: 'breakthrough' });
    expect(g.phase).toBe('concluded');
    expect(g.ctx.result).toMatchObject({ ending: 'breakthrough', outcomeId: 'breakthrough' });
    expect(rejection(g.send('facilitator', 'facilitator.inject', { event: 'breakthrough' })).message).toBe(
      'the talks have concluded',
    );
  });
  it('refuses an unknown event', () => {
    const g = newGame();
    g.toTalks();
    expect(rejection(g.send('facilitator', 'facilitator.inject', { event: 'alien-invasion' })).message).toBe(
      'there is no scenario event "alien-invasion"',
    );
  });
});

describe('E26 events are drawn at resolution when their trigger holds', () => {
  it('offensives push the front until the breakthrough fires and forces the end', () => {
    const g = newGame({ options: { maxRounds: 8 } });
    g.toTalks();
    for (let r = 0; r < 3 && !g.isOver(); r += 1) {
      g.ok('russia', 'lever.use', { lever: 'ru-offensive', sector: 'front' });
      g.ok('us', 'lever.use', { lever: 'us-press' });
      passRound(g);
      if (!g.isOver()) passRound(g); // the offensive has a one-round cooldown
    }
    expect(g.ctx.fired.map((f) => f.id)).toContain('breakthrough');
    expect(g.ctx.result?.ending).toBe('breakthrough');
  });
});

describe('E27 facilitator.advance during responses: missing answers count as no', () => {
  it('closes the draft as rejected', () => {
    const g = newGame();
    g.toTabling();
    g.tableAlone('us', 'proposal.table', { package: CEASEFIRE_DEAL });
    g.ok('ukraine', 'proposal.respond', { proposalId: 'p1', response: 'accept' });
    g.ok('facilitator', 'facilitator.advance');
    expect(g.ctx.proposals[0]?.status).toBe('rejected');
    expect(g.phase).toBe('talks');
  });
});

describe('E28 refusing to sign closes the draft (the round resolves when the floor is empty); the draft can be amended later', () => {
  it('declined, then superseded by an amendment', () => {
    const g = toSigning(CEASEFIRE_DEAL);
    g.ok('ukraine', 'agreement.sign', { proposalId: 'p1' });
    g.ok('russia', 'agreement.decline', { proposalId: 'p1', reason: 'The force is unacceptable' });
    expect(g.ctx.proposals[0]?.status).toBe('declined');
    expect(g.phase).toBe('talks');
    g.allReady();
    g.tableAlone('russia', 'proposal.amend', { proposalId: 'p1', package: { ceasefire: 'line', nato: 'renounced' } });
    expect(g.ctx.proposals.map((p) => [p.id, p.status, p.parent])).toEqual([
      ['p1', 'superseded', null],
      ['p2', 'tabled', 'p1'],
    ]);
  });
});

describe('E29 only the author withdraws a draft', () => {
  it('refuses another delegation, accepts the author', () => {
    const g = newGame();
    g.toTabling();
    g.tableAlone('us', 'proposal.table', { package: CEASEFIRE_DEAL });
    expect(rejection(g.send('europe', 'proposal.withdraw', { proposalId: 'p1' })).message).toBe(
      'only the delegation that tabled a draft can withdraw it',
    );
    g.ok('us', 'proposal.withdraw', { proposalId: 'p1' });
    expect(g.phase).toBe('talks');
    expect(g.ctx.round).toBe(2);
  });
});

describe('E30 channels: who may write where', () => {
  it('enforces delegation, bilateral and announcement channels', () => {
    const g = newGame();
    expect(rejection(g.send('ukraine', 'chat.post', { channel: 'delegation:russia', text: 'x' })).message).toBe(
      "you cannot write in another delegation's channel",
    );
    expect(rejection(g.send('ukraine', 'chat.post', { channel: 'bilateral:russia+us', text: 'x' })).message).toBe(
      'you are not part of that bilateral channel',
    );
    expect(rejection(g.send('us', 'chat.post', { channel: 'bilateral:us+ukraine' as never, text: 'x' })).code).toBe(
      'invalid',
    );
    expect(rejection(g.send('us', 'chat.post', { channel: 'announcements', text: 'x' })).message).toBe(
      'only the facilitator posts announcements',
    );
    g.ok('ukraine', 'chat.post', { channel: 'bilateral:ukraine+us', text: 'A word?' });
    g.ok('facilitator', 'chat.post', { channel: 'announcements', text: 'Ten minutes left' });
    expect(viewFor(g.engine.scenario, g.ctx, 'russia').chat.map((m) => m.text)).toEqual(['Ten minutes left']);
  });
});

describe('E31 after the talks conclude only the debrief channel stays open', () => {
  it('refuses tabling but accepts chat', () => {
    const g = newGame();
    g.toTalks();
    g.ok('ukraine', 'delegation.walkout');
    expect(rejection(g.send('us', 'seat.ready')).message).toBe('the talks have concluded');
    g.ok('us', 'chat.post', { channel: 'plenary', text: 'Thank you all' });
  });
});

describe('E32 sealed responses: others see who answered, not what, until responses close', () => {
  it('hides Ukraine’s answer from Russia while responses are open', () => {
    const g = newGame();
    g.toTabling();
    g.tableAlone('us', 'proposal.table', { package: CEASEFIRE_DEAL });
    g.ok('ukraine', 'proposal.respond', { proposalId: 'p1', response: 'reject', reasons: [{ text: 'Too little' }] });
    const russia = viewFor(g.engine.scenario, g.ctx, 'russia').proposals[0];
    expect(russia?.responded).toContain('ukraine');
    expect(russia?.responses.ukraine).toBeUndefined();
    g.ok('facilitator', 'facilitator.advance');
    expect(viewFor(g.engine.scenario, g.ctx, 'russia').proposals[0]?.responses.ukraine?.response).toBe('reject');
  });
});

describe('E33 the debrief opens every briefing but not other delegations’ channels', () => {
  it('after the talks conclude, Ukraine reads Russia’s briefing but not the Russia–US channel', () => {
    const g = newGame();
    g.toTalks();
    g.ok('russia', 'chat.post', { channel: 'bilateral:russia+us', text: 'A private word' });
    expect(viewFor(g.engine.scenario, g.ctx, 'ukraine').private.russia).toBeUndefined();
    g.ok('russia', 'delegation.walkout');
    const view = viewFor(g.engine.scenario, g.ctx, 'ukraine');
    expect(view.private.russia?.redLines[0]?.id).toBe('nato-commitment');
    expect(JSON.stringify(view)).not.toContain('A private word');
  });
});
