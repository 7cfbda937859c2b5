/**
 * A package as numbers: its clause indexes (clauses the agenda lacks are skipped) and its choice.
 * The packages a bot reads are the proposals and counter-proposals of its game, which the engine
 * never changes once made, and its opponent model replays the whole history at every offer
 * decision: so each bot seat numbers each package once and keeps it for the rest of its game.
 */
import type { Package } from '../scenario/schema.ts';
import { type Choice, type ClauseSpace, choiceOf } from '../scenario/space.ts';

export interface NumberedPackage {
  clauses: readonly number[];
  /** Shared: copy it before changing it. */
  choice: Choice;
}

/** One bot seat's numbered packages, by package object. */
export class NumberedPackages {
  private readonly space: ClauseSpace;
  private readonly known = new Map<Readonly<Package>, NumberedPackage>();

  constructor(space: ClauseSpace) {
    this.space = space;
  }

  of(pkg: Readonly<Package>): NumberedPackage {
    let numbered = this.known.get(pkg);
    if (numbered === undefined) {
      numbered = { clauses: clausesIn(this.space, pkg), choice: choiceOf(this.space, pkg) };
      this.known.set(pkg, numbered);
    }
    return numbered;
  }
}

function clausesIn(space: ClauseSpace, pkg: Readonly<Package>): number[] {
  const clauses: number[] = [];
  for (const issue in pkg) {
    const i = space.issueIndex.get(issue);
    const j = i === undefined ? undefined : space.optionIndex[i]?.get(pkg[issue] as string);
    if (i !== undefined && j !== undefined) clauses.push((space.clauseBase[i] as number) + j);
  }
  return clauses;
}
