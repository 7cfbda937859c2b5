/**
 * fast-check generators of whole scenarios, not only the real one: agendas (issues with options,
 * defaults, signatories and clauses that cannot stand together), world variables, condition trees
 * over both (every form of the language, nested), delegations with red lines and ratification
 * rules, levers, events and outcomes; and the packages and worlds to ask about. The property tests
 * hold every compiled form and fast path to the plain reference (reference.ts) on them, so a new
 * kind of condition in a new scenario is tested on the fast paths too.
 *
 * Clause references in conditions name agenda clauses, now and then one of an issue the agenda
 * lacks or an option its issue lacks ("unlisted"); packages now and then name an unknown issue or
 * option ("no-such-option"). Content validation forbids neither in packages, and both in content.
 */
import fc from 'fast-check';
import {
  type AgendaIssue,
  type Condition,
  DELEGATION_IDS,
  type DelegationId,
  ENDINGS,
  ISSUE_GROUPS,
  type Localized,
  type Package,
  type Scenario,
} from '../../src/scenario/schema.ts';
import type { WorldState } from '../../src/scenario/world.ts';

const SOURCE = { assumption: { en: 'generated for a property test', uk: 'згенеровано для тесту властивостей' } };
const text = (en: string): Localized => ({ en, uk: `${en} (uk)` });

/** The shape of an agenda before its clashes are chosen: issue → option count. */
interface AgendaShape {
  options: number[];
  defaults: number[];
  concludes: boolean[];
  groups: number[];
}

const agendaShape = fc.integer({ min: 1, max: 5 }).chain((issues) =>
  fc.record({
    options: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: issues, maxLength: issues }),
    defaults: fc.array(fc.nat(), { minLength: issues, maxLength: issues }),
    concludes: fc.array(fc.boolean(), { minLength: issues, maxLength: issues }),
    groups: fc.array(fc.nat(), { minLength: issues, maxLength: issues }),
  }),
);

const issueId = (i: number) => `i${i}`;
const optionId = (j: number) => `o${j}`;

function clauseRefs(shape: AgendaShape): string[] {
  return shape.options.flatMap((count, i) => Array.from({ length: count }, (_, j) => `${issueId(i)}.${optionId(j)}`));
}

const signatories = fc.subarray([...DELEGATION_IDS], { minLength: 1 });

function agendaArb(shape: AgendaShape): fc.Arbitrary<AgendaIssue[]> {
  const refs = clauseRefs(shape);
  const options = shape.options.map((count, i) => {
    const others = refs.filter((r) => !r.startsWith(`${issueId(i)}.`));
    return fc.tuple(
      ...Array.from({ length: count }, (_, j) =>
        fc
          .record({
            signatories,
            // Clauses of other issues this one cannot stand with (content:check makes these real clauses).
            incompatibleWith: fc.subarray(others, { maxLength: Math.min(2, others.length) }),
          })
          .map(({ signatories, incompatibleWith }) => ({
            id: optionId(j),
            label: text(`Option ${j} of ${i}`),
            summary: text('summary'),
            signatories,
            incompatibleWith,
            effects: [],
            source: SOURCE,
          })),
      ),
    );
  });
  return fc.tuple(...options).map((perIssue) =>
    perIssue.map(
      (opts, i): AgendaIssue => ({
        id: issueId(i),
        group: ISSUE_GROUPS[(shape.groups[i] as number) % ISSUE_GROUPS.length] as AgendaIssue['group'],
        title: text(`Issue ${i}`),
        description: text('description'),
        options: opts,
        default: optionId((shape.defaults[i] as number) % opts.length),
        concludes: shape.concludes[i] as boolean,
        source: SOURCE,
      }),
    ),
  );
}

export const VARIABLES = ['v0', 'v1', 'v2'];
export const FLAGS = ['f0', 'f1'];

/** A number with ties likely (a bound equal to the value it tests): halves from -1 to 1. */
const half = fc.integer({ min: -2, max: 2 }).map((n) => n / 2);
const bounds = fc.record({ lt: half, lte: half, gt: half, gte: half }, { requiredKeys: [] });

/** Condition trees over an agenda's clauses and the world, every form of the language, nested. */
export function conditionArb(refs: readonly string[], depth = 3): fc.Arbitrary<Condition> {
  const ref = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...refs) },
    { weight: 1, arbitrary: fc.constantFrom('zz.o0', 'i0.unlisted') },
  );
  const variable = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...VARIABLES) },
    { weight: 1, arbitrary: fc.constant('unknown') },
  );
  const leaf: fc.Arbitrary<Condition> = fc.oneof(
    { weight: 6, arbitrary: ref.map((clause) => ({ clause })) },
    { weight: 3, arbitrary: fc.array(ref, { minLength: 1, maxLength: 3 }).map((anyClause) => ({ anyClause })) },
    { weight: 3, arbitrary: fc.tuple(variable, bounds).map(([world, b]) => ({ world, ...b })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(variable, { minLength: 2, maxLength: 3 }), bounds)
        .map(([sum, b]) => ({ sum, ...b })),
    },
    {
      weight: 1,
      arbitrary: fc.record({ gte: fc.nat(6), lt: fc.nat(12) }, { requiredKeys: [] }).map((month) => ({ month })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...FLAGS).map((flag) => ({ flag })) },
    { weight: 1, arbitrary: fc.constantFrom(...ENDINGS).map((ending) => ({ ending })) },
    { weight: 1, arbitrary: fc.boolean().map((ratified) => ({ ratified })) },
    { weight: 1, arbitrary: fc.boolean().map((agreement) => ({ agreement })) },
  );
  if (depth <= 0) return leaf;
  const inner = conditionArb(refs, depth - 1);
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 2, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
    { weight: 2, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: inner.map((not) => ({ not })) },
  );
}

function delegationArb(id: DelegationId, issues: readonly AgendaIssue[], refs: readonly string[]) {
  const cond = conditionArb(refs);
  const weights = fc.tuple(...issues.map(() => fc.integer({ min: 0, max: 5 })));
  const utilities = fc.tuple(
    ...issues.map((issue) => fc.tuple(...issue.options.map(() => fc.integer({ min: 0, max: 10 })))),
  );
  return fc
    .record({
      redLines: fc.array(cond, { maxLength: 3 }),
      ratification: fc.array(cond, { maxLength: 3 }),
      weights,
      utilities,
      base: fc.integer({ min: 0, max: 10 }),
    })
    .map(({ redLines, ratification, weights, utilities, base }) => ({
      id,
      name: text(id.toUpperCase()),
      colour: '#000000',
      publicPosition: { text: text(`${id} position`), source: SOURCE },
      briefing: {} as never,
      redLines: redLines.map((breaksWhen, n) => ({
        id: `line-${n}`,
        title: text(`Red line ${n} of ${id}`),
        explanation: text('explanation'),
        breaksWhen,
        source: SOURCE,
      })),
      ratification: ratification.map((requires, n) => ({
        id: `rule-${n}`,
        title: text(`Rule ${n} of ${id}`),
        explanation: text('explanation'),
        requires,
        source: SOURCE,
      })),
      preferences: {
        weights: Object.fromEntries(issues.map((issue, i) => [issue.id, weights[i] as number])),
        utilities: Object.fromEntries(
          issues.map((issue, i) => [
            issue.id,
            Object.fromEntries(issue.options.map((o, j) => [o.id, ((utilities[i] as number[])[j] as number) / 10])),
          ]),
        ),
        discountPerMonth: 0.02,
        noDeal: { base: base / 10, terms: [{ variable: 'v0', coefficient: 0.1 }], perMonth: 0 },
        rationale: [],
      },
      personality: {} as never,
      phrases: {},
      source: SOURCE,
    }));
}

/** A whole scenario: agenda, world, four delegations with red lines and ratification rules, levers, events, outcomes. */
export const scenarioArb: fc.Arbitrary<Scenario> = agendaShape
  .chain((shape) => agendaArb(shape).map((issues) => ({ shape, issues })))
  .chain(({ shape, issues }) => {
    const refs = clauseRefs(shape);
    const cond = conditionArb(refs);
    return fc
      .record({
        delegations: fc.tuple(...DELEGATION_IDS.map((d) => delegationArb(d, issues, refs))),
        levers: fc.array(fc.option(cond, { nil: undefined }), { minLength: 1, maxLength: 3 }),
        events: fc.array(fc.option(cond, { nil: undefined }), { minLength: 1, maxLength: 3 }),
        outcomes: fc.array(cond, { minLength: 2, maxLength: 4 }),
      })
      .map(({ delegations, levers, events, outcomes }) => {
        const scenario = {
          meta: { id: 'generated', title: text('Generated'), rounds: 6 },
          agenda: { issues },
          world: {
            variables: VARIABLES.map((id) => ({
              id,
              label: text(id),
              description: text(id),
              min: -1,
              max: 2,
              initial: 0.5,
              drift: 0,
              drivers: [],
              source: SOURCE,
            })),
          },
          delegations: Object.fromEntries(delegations.map((d) => [d.id, d])),
          levers: levers.map((requires, n) => ({
            id: `lever-${n}`,
            owner: DELEGATION_IDS[n % 4],
            title: text(`Lever ${n}`),
            description: text('description'),
            cost: text('cost'),
            effects: [{ variable: 'v1', delta: 0.5 }],
            targetsSector: false,
            ...(requires ? { requires } : {}),
            cooldown: 1,
            pressures: [],
            visibility: 'public',
            source: SOURCE,
          })),
          events: events.map((trigger, n) => ({
            id: `event-${n}`,
            title: text(`Event ${n}`),
            announcement: text('announcement'),
            ...(trigger ? { trigger } : {}),
            probability: 0.5,
            effects: [{ flag: 'f0' }],
            once: false,
            source: SOURCE,
          })),
          outcomes: outcomes.map((when, n) => ({
            id: `outcome-${n}`,
            title: text(`Outcome ${n}`),
            debrief: text('debrief'),
            when,
            source: SOURCE,
          })),
          revelations: [],
          measures: [],
          map: { files: {}, regions: [], sectors: [], attribution: [] },
        };
        return scenario as unknown as Scenario;
      });
  });

/** A package over a scenario's agenda: each issue open or one of its options, now and then an unknown option or issue. */
export function packageArb(scenario: Pick<Scenario, 'agenda'>, { unknown = true } = {}): fc.Arbitrary<Package> {
  const issues = scenario.agenda.issues;
  return fc
    .tuple(fc.array(fc.nat(), { minLength: issues.length, maxLength: issues.length }), fc.nat(20))
    .map(([picks, extra]) => {
      const pkg: Package = {};
      issues.forEach((issue, i) => {
        const pick = (picks[i] as number) % (issue.options.length + 3);
        if (pick < issue.options.length) pkg[issue.id] = (issue.options[pick] as { id: string }).id;
        else if (unknown && pick === issue.options.length + 2 && i % 2 === 0) pkg[issue.id] = 'no-such-option';
      });
      if (unknown && extra === 0) pkg['no-such-issue'] = 'x';
      return pkg;
    });
}

/** A world over the generated variables and flags (unknown variables read as 0). */
export const worldArb: fc.Arbitrary<WorldState> = fc.record({
  values: fc.record(Object.fromEntries(VARIABLES.map((v) => [v, half])) as Record<string, fc.Arbitrary<number>>),
  flags: fc.subarray(FLAGS),
  month: fc.nat(12),
});

/** The facts of a game's end: its ending, whether the deal was ratified, whether there is one. */
export const endArb = fc.record({
  ending: fc.constantFrom(...ENDINGS),
  ratified: fc.boolean(),
  agreement: fc.boolean(),
});
