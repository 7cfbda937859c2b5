/** The negotiation engine: pure rules, machine and scoring shared by server, bots, simulator and tests. */
export * from './events.ts';
export * from './game.ts';
export * from './machine.ts';
export { bindingPackage, concludingParties } from './round.ts';
export * from './rules.ts';
export * from './scoring.ts';
export * from './types.ts';
export * from './view.ts';
