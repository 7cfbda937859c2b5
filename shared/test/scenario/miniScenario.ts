/**
 * The mini fixture scenario (tests/content/fixtures/mini) parsed with the real parser, for
 * plain-function tests of the evaluation code. Reads files here (tests may), not in shared/src.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { initialWorld, type WorldState } from '../../src/scenario/evaluate.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

const DIR = fileURLToPath(new URL('../../../tests/content/fixtures/mini/scenarios/mini-talks/', import.meta.url));

export function loadMiniScenario(): Scenario {
  const files: Record<string, string> = {};
  for (const sub of ['', 'delegations']) {
    for (const name of readdirSync(path.join(DIR, sub))) {
      if (name.endsWith('.yaml'))
        files[sub ? `${sub}/${name}` : name] = readFileSync(path.join(DIR, sub, name), 'utf8');
    }
  }
  const result = parseScenario(files);
  if (!result.ok) throw new Error(`mini fixture does not load:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.scenario;
}

export const scenario = loadMiniScenario();
export const start = initialWorld(scenario);

/** The initial world with some values changed. */
export function withValues(values: Record<string, number>, extra: Partial<WorldState> = {}): WorldState {
  return { ...start, values: { ...start.values, ...values }, ...extra };
}

/** The fixture item a test builds on; failing loudly if the fixture changed under it. */
export function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the mini fixture lacks an item this test relies on');
  return value;
}
