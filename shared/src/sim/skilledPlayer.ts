/**
 * A scripted "skilled human" for one seat: the yardstick for "a deal is within reach of good play"
 * (issue 15). It plays from exactly what a person in that seat sees — its view (viewFor its seat:
 * its own briefing, numbers, red lines and ratification rules, the public table) and the others'
 * stated reasons and answers — through the same host path as a bot or a person.
 *
 * How it plays, as a student who has read the briefing would:
 * - the ceremonies (getting ready, the opening statement, levers in the talks) as the standard bot
 *   of its seat does;
 * - tabling: it searches the packages it could sign (its red lines, its own ratification rules,
 *   worth more than its walk-away value now, the number the answer panel shows) for the one the
 *   others are most likely to accept, judged from their public stances and everything they have
 *   said since (a clause named as a red line or a domestic problem is never offered to them
 *   again), never tabling a package the table has already refused;
 * - answering and signing: yes to whatever beats its walk-away value, passes its own red lines and
 *   would survive at home; no otherwise.
 */
import { createBot } from '../bots/decide.ts';
import { lastClosed } from '../bots/levers.ts';
import { BotMemory } from '../bots/memory.ts';
import { opponentModels, ownNoDeal, ownUtility } from '../bots/model.ts';
import { generateOffers, OfferSearch } from '../bots/offers.ts';
import { type Candidate, candidatePackage, likingOf, offerTables } from '../bots/offerTables.ts';
import type { PublicRules } from '../bots/publicRules.ts';
import type { BotDecision, BotOptions, TablePlayer } from '../bots/types.ts';
import type { SeatView } from '../engine/view.ts';
import { canSign, ratificationProblems } from '../scenario/evaluate.ts';
import type { Localized, Package } from '../scenario/schema.ts';

/** How much better than its walk-away value a deal must be for it to want it (a clear gain, not a rounding one). */
const MARGIN = 0.005;

export function createSkilledPlayer(rules: PublicRules, options: BotOptions): TablePlayer {
  const memory = new BotMemory(rules, options.delegation);
  const ceremonies = createBot(rules, options);
  return {
    decide(view: SeatView): BotDecision | null {
      const self = options.delegation;
      const mine = view.private[self];
      if (!mine || view.seats[self].walkedOut || view.paused) return null;
      const own = memory.ownModel(mine);
      const walkAway = ownNoDeal(own, view.world);
      const worthIt = (pkg: Readonly<Package>) => {
        const { choice } = memory.packages.of(pkg);
        return (
          canSign(own.rules, choice, view.world) &&
          ratificationProblems(own.rules, choice, view.world).length === 0 &&
          ownUtility(own, pkg, view.world) > walkAway + MARGIN
        );
      };
      const draft = view.proposals.find((p) => p.id === view.onTable);
      switch (view.phase) {
        case 'tabling':
          return view.seats[self].ready ? null : table(view, walkAway);
        case 'responses': {
          if (draft?.status !== 'tabled' || draft.author === self || draft.responses[self]) return null;
          if (!draft.signatories.includes(self)) return null;
          return worthIt(draft.package)
            ? say({ type: 'proposal.respond', proposalId: draft.id, response: 'accept' }, VERBS.accept)
            : say({ type: 'proposal.respond', proposalId: draft.id, response: 'reject', reasons: [] }, VERBS.reject);
        }
        case 'signing': {
          if (draft?.status !== 'accepted' || !draft.signatories.includes(self) || draft.signatures.includes(self))
            return null;
          return worthIt(draft.package)
            ? say({ type: 'agreement.sign', proposalId: draft.id }, VERBS.sign)
            : say(
                { type: 'agreement.decline', proposalId: draft.id, reason: 'It no longer beats our walk-away.' },
                VERBS.decline,
              );
        }
        default:
          return ceremonies.decide(view);
      }

      function table(view: SeatView, walkAway: number): BotDecision {
        const models = opponentModels(memory, view);
        const search = new OfferSearch(offerTables(memory.space, own, models, view));
        const refused = new Set(
          view.proposals.filter((p) => p.status !== 'tabled' && p.status !== 'signed').map((p) => keyOf(p.package)),
        );
        let best: { candidate: Candidate; pkg: Package } | null = null;
        for (const candidate of generateOffers(search, likingOf(search.tables), 'expert')) {
          if (candidate.acceptance <= 0 || candidate.utility <= walkAway + MARGIN) continue;
          const pkg = candidatePackage(search.tables, candidate);
          if (refused.has(keyOf(pkg)) || !worthIt(pkg)) continue;
          if (!best || better(candidate, best.candidate)) best = { candidate, pkg };
        }
        if (!best) return say({ type: 'seat.ready' }, VERBS.pass);
        const previous = lastClosed(view);
        return say(
          previous
            ? { type: 'proposal.amend', proposalId: previous.id, package: best.pkg }
            : { type: 'proposal.table', package: best.pkg },
          VERBS.table,
        );
      }
    },
  };
}

/** Most likely to be accepted first; between equally likely ones, the one worth more to the player. */
function better(a: Candidate, b: Candidate): boolean {
  if (Math.abs(a.acceptance - b.acceptance) > 1e-9) return a.acceptance > b.acceptance;
  return a.utility > b.utility;
}

function keyOf(pkg: Readonly<Package>): string {
  return Object.keys(pkg)
    .sort()
    .map((issue) => `${issue}=${pkg[issue]}`)
    .join(';');
}

const VERBS = {
  accept: { en: 'accepts: it beats our walk-away value', uk: 'приймає: це краще за нашу альтернативу' },
  reject: { en: 'rejects: it does not beat our walk-away value', uk: 'відхиляє: це не краще за нашу альтернативу' },
  sign: { en: 'signs', uk: 'підписує' },
  decline: { en: 'declines to sign', uk: 'не підписує' },
  pass: {
    en: 'passes: nothing it could sign looks acceptable to the others',
    uk: 'пропускає: нічого прийнятного для інших',
  },
  table: {
    en: 'tables the draft the others are most likely to accept',
    uk: 'вносить проєкт, який інші найімовірніше приймуть',
  },
} satisfies Record<string, Localized>;

function say(action: BotDecision['action'], verb: Localized): BotDecision {
  return { action, reason: { en: `Skilled player ${verb.en}.`, uk: `Досвідчений гравець ${verb.uk}.` } };
}

/** The scripted players a simulation can seat, by the name `--player seat:name` uses. */
export const SCRIPTED_PLAYERS = { skilled: createSkilledPlayer } as const;
export type ScriptedPlayer = keyof typeof SCRIPTED_PLAYERS;
