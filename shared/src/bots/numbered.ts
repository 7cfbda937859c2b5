/**
 * A package as numbers: its clause indexes (clauses the agenda lacks are skipped) and its choice
 * (null when it names an issue or option the agenda lacks). Made once per package object: the
 * packages a bot reads are the proposals and counter-proposals of the game, which the engine never
 * changes once made, and an opponent model replays the whole history at every decision, so each
 * one is read dozens of times a game.
 *
 * The cache is a plain Map emptied when it grows past a game's worth of packages, not a WeakMap:
 * WeakMap entries made per move cost more at garbage collection than they saved.
 */
import type { Package } from '../scenario/schema.ts';
import { type Choice, type ClauseSpace, choiceOf } from '../scenario/space.ts';

export interface NumberedPackage {
  space: ClauseSpace;
  clauses: readonly number[];
  /** Shared: copy it before changing it. */
  choice: Choice | null;
}

const NUMBERED = new Map<Package, NumberedPackage>();
const CAPACITY = 256;

export function numbered(space: ClauseSpace, pkg: Package): NumberedPackage {
  const known = NUMBERED.get(pkg);
  if (known && known.space === space) return known;
  const made: NumberedPackage = { space, clauses: clausesIn(space, pkg), choice: choiceOf(space, pkg) };
  if (NUMBERED.size >= CAPACITY) NUMBERED.clear();
  NUMBERED.set(pkg, made);
  return made;
}

function clausesIn(space: ClauseSpace, pkg: Package): number[] {
  const clauses: number[] = [];
  for (const issue in pkg) {
    const i = space.issueIndex.get(issue);
    const j = i === undefined ? undefined : space.optionIndex[i]?.get(pkg[issue] as string);
    if (i !== undefined && j !== undefined) clauses.push((space.clauseBase[i] as number) + j);
  }
  return clauses;
}
