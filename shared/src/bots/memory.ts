/**
 * What one bot seat keeps between its decisions: what it derived once from the public scenario
 * (the agenda numbered, everyone's public stance, the world at the start) and from its own private
 * content (its numbers and its rules, compiled), and the packages of its game it has numbered.
 * The bot that owns it is made by its host for one seat of one game (createBot) and dropped with
 * the game; nothing here is shared with another seat or another game.
 *
 * Everything kept is derived from the bot's inputs, never learned outside them: a bot started
 * afresh in the middle of a game (after a server restart) decides exactly as one that ran all along.
 */
import type { PublicScenario } from '../scenario/public.ts';
import type { DelegationId } from '../scenario/schema.ts';
import { type ClauseSpace, compileAgenda } from '../scenario/space.ts';
import { initialWorld, type WorldState } from '../scenario/world.ts';
import { buildOwnModel, type ClauseBeliefs, type OwnContent, type OwnModel, stanceBeliefs } from './model.ts';
import { NumberedPackages } from './numbered.ts';

export class BotMemory {
  readonly scenario: PublicScenario;
  readonly self: DelegationId;
  readonly space: ClauseSpace;
  /** Everyone's public stance as beliefs, by DELEGATION_IDS index: where every opponent model starts. */
  readonly stances: readonly ClauseBeliefs[];
  /** The world at the start, which every seat knows: the bot's reservation moves from its value there. */
  readonly startWorld: WorldState;
  readonly packages: NumberedPackages;
  private own: { content: OwnContent; model: OwnModel } | null = null;

  constructor(scenario: PublicScenario, self: DelegationId) {
    this.scenario = scenario;
    this.self = self;
    this.space = compileAgenda(scenario.agenda);
    this.stances = stanceBeliefs(scenario, this.space);
    this.startWorld = initialWorld(scenario);
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
}
