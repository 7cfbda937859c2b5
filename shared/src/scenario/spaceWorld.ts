/**
 * A condition compiled for one world: a search that checks thousands of packages at one world
 * state (the debrief's Pareto frontier) decides every world, month and flag leaf once, when it
 * compiles, and keeps only the tests that read the package. `all`/`any`/`not` over decided parts
 * fold away, so a red line whose world side does not hold costs nothing per package.
 *
 * Same verdicts as compileCondition (space.ts) and evaluateCondition (evaluate.ts) at that world:
 * shared/test/scenario/space.test.ts holds them equal.
 */
import { type EvalContext, evaluateCondition, type WorldState } from './evaluate.ts';
import type { Condition } from './schema.ts';
import { anyClauseTest, type ChoiceTest, type ClauseSpace, clauseTest } from './space.ts';

/** A test of the package, or its verdict when the world alone decides it. */
export type WorldCompiled = ChoiceTest | boolean;

export function compileForWorld(space: ClauseSpace, cond: Condition, world: WorldState): WorldCompiled {
  if ('clause' in cond) return clauseTest(space, cond.clause);
  if ('anyClause' in cond) return anyClauseTest(space, cond.anyClause);
  if ('all' in cond || 'any' in cond) {
    // "all" fails at its first false part and "any" holds at its first true one; a part the world
    // decides either settles the whole condition or drops out of it.
    const every = 'all' in cond;
    const tests: ChoiceTest[] = [];
    for (const part of 'all' in cond ? cond.all : cond.any) {
      const compiled = compileForWorld(space, part, world);
      if (compiled === !every) return !every;
      if (compiled !== every) tests.push(compiled as ChoiceTest);
    }
    if (tests.length === 0) return every;
    if (tests.length === 1) return tests[0] as ChoiceTest;
    return (choice) => {
      for (let p = 0; p < tests.length; p += 1) if ((tests[p] as ChoiceTest)(choice) !== every) return !every;
      return every;
    };
  }
  if ('not' in cond) {
    const inner = compileForWorld(space, cond.not, world);
    if (typeof inner === 'boolean') return !inner;
    return (choice) => !inner(choice);
  }
  // World, month, flag and outcome leaves do not read the package: decided here, once.
  return evaluateCondition(cond, { world } satisfies EvalContext);
}
