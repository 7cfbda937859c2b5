/**
 * Test scenario and test bot. The scenario is the engine's small fixture (shared/test/engine),
 * validated by the same schemas as real content, so server tests do not depend on content/ while
 * it is being written. The bot is a deterministic stand-in for the real one (shared/src/bots):
 * it readies, speaks, accepts and signs whatever it may, so games with bots always reach an end.
 */
import type { BotDecision, CreateBot } from '@peace-table/shared/bots/types';
import type { Package } from '@peace-table/shared/engine/types';
import { fixtureScenario } from '../../../shared/test/engine/fixture.ts';
import { fixedScenarios } from '../../src/sessions/scenarios.ts';

export { fixtureScenario };
export const scenarios = fixedScenarios([fixtureScenario]);

/** Signable by ukraine, russia and europe, ratified at home, and it ends the talks with a ceasefire. */
export const DEAL: Package = { ceasefire: 'line', nato: 'renounced', force: 'european-force' };

const because = (en: string) => ({ en, uk: `${en} (uk)` });

export const testBot: CreateBot = (_scenario, { delegation }) => ({
  // It keeps quiet in the channels (realBots.test.ts hears the real bots talk).
  talk: () => null,
  decide(view) {
    const me = view.seats[delegation];
    const act = (action: BotDecision['action'], why: string): BotDecision => ({ action, reason: because(why) });
    switch (view.phase) {
      case 'lobby':
      case 'briefing':
      case 'talks':
      case 'tabling':
        return me.ready ? null : act({ type: 'seat.ready' }, `${delegation} is ready`);
      case 'opening':
        return me.statement ? null : act({ type: 'statement.make', text: `${delegation} opens the talks` }, 'opening');
      case 'responses': {
        const p = view.proposals.find((x) => x.id === view.onTable);
        if (!p || p.author === delegation || !p.signatories.includes(delegation)) return null;
        if (p.responded.includes(delegation)) return null;
        return act({ type: 'proposal.respond', proposalId: p.id, response: 'accept' }, `${delegation} accepts`);
      }
      case 'signing': {
        const p = view.proposals.find((x) => x.id === view.onTable);
        if (!p?.signatories.includes(delegation) || p.signatures.includes(delegation)) return null;
        return act({ type: 'agreement.sign', proposalId: p.id }, `${delegation} signs`);
      }
      default:
        return null;
    }
  },
});
