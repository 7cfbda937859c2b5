/**
 * What one bot seat keeps between its decisions: the public rules its host compiled (the agenda
 * numbered, everyone's public stance, the world at the start), what it derived once from its own
 * private content (its numbers and its rules, compiled), and the packages of its game it has numbered.
 * The bot that owns it is made by its host for one seat of one game (createBot) and dropped with
 * the game; nothing here is shared with another seat or another game.
 *
 * Everything kept is derived from the bot's inputs, never learned outside them: a bot started
 * afresh in the middle of a game (after a server restart) decides exactly as one that ran all along.
 */

import { type CompiledLever, compileLever } from '../scenario/compiled.ts';
import type { PublicScenario } from '../scenario/public.ts';
import type { DelegationId, Lever, Localized } from '../scenario/schema.ts';
import type { ClauseSpace } from '../scenario/space.ts';
import type { WorldState } from '../scenario/world.ts';
import { buildOwnModel, type OwnContent, type OwnModel } from './model.ts';
import { NumberedPackages } from './numbered.ts';
import type { ClauseBeliefs, PublicRules } from './publicRules.ts';

export class BotMemory {
  readonly self: DelegationId;
  readonly scenario: PublicScenario;
  readonly space: ClauseSpace;
  readonly stances: readonly ClauseBeliefs[];
  readonly startWorld: WorldState;
  readonly packages: NumberedPackages;
  private own: { content: OwnContent; model: OwnModel } | null = null;
  /** The phrases it has said, filled in. */
  readonly phrases = new PhraseBook();
  /** Its own levers' requirements, compiled the first time it weighs each lever. */
  private readonly levers = new Map<Lever, CompiledLever>();

  constructor(rules: PublicRules, self: DelegationId) {
    this.self = self;
    this.scenario = rules.scenario;
    this.space = rules.space;
    this.stances = rules.stances;
    this.startWorld = rules.startWorld;
    this.packages = new NumberedPackages(this.space);
  }

  /**
   * The bot's own model, made from its private content the first time and kept: the content of a
   * game never changes. (Made again should a view carry other content: a model is never stale.)
   */
  ownModel(content: OwnContent): OwnModel {
    const known = this.own;
    if (
      known !== null &&
      known.content.preferences === content.preferences &&
      known.content.redLines === content.redLines &&
      known.content.ratification === content.ratification
    ) {
      return known.model;
    }
    const model = buildOwnModel(this.scenario, this.space, this.self, content);
    this.own = { content, model };
    return model;
  }

  /** A lever of its own with its requirement compiled against the agenda. */
  lever(lever: Lever): CompiledLever {
    let compiled = this.levers.get(lever);
    if (compiled === undefined) {
      compiled = compileLever(this.space, lever);
      this.levers.set(lever, compiled);
    }
    return compiled;
  }
}

/** One seat's filled-in phrases, by template, clause and issue (each frozen: reasons are shared). */
export class PhraseBook {
  private readonly byTemplate = new Map<Localized, Map<string, Map<string, Localized>>>();

  filled(template: Localized, clause: string, issue: string, fill: () => Localized): Localized {
    let byClause = this.byTemplate.get(template);
    if (byClause === undefined) {
      byClause = new Map();
      this.byTemplate.set(template, byClause);
    }
    let byIssue = byClause.get(clause);
    if (byIssue === undefined) {
      byIssue = new Map();
      byClause.set(clause, byIssue);
    }
    let phrase = byIssue.get(issue);
    if (phrase === undefined) {
      phrase = fill();
      byIssue.set(issue, phrase);
    }
    return phrase;
  }
}
