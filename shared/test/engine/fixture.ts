/**
 * A small scenario built in code for the engine's rule cases: few enough issues that each rule
 * can be exercised by hand, validated by the same zod schemas as real content. Tests that need
 * the real 2026 scenario load it from content/ instead.
 */
import {
  Agenda,
  Delegation,
  Events,
  Levers,
  MapBinding,
  Outcomes,
  type Scenario,
  ScenarioMeta,
  World,
} from '../../src/scenario/schema.ts';

const L = (en: string) => ({ en, uk: `${en} (uk)` });
const source = {
  seed: '000_dc4659ee7f7471a7.txt',
  section: 'Scenarios and Timelines',
  quote: 'Western supply continues at reduced but sufficient levels',
};
const sourced = (en: string) => ({ text: L(en), source });

function option(id: string, signatories: string[], extra: object = {}) {
  return { id, label: L(id), summary: L(`Option ${id}`), signatories, source, ...extra };
}

const agenda = Agenda.parse({
  issues: [
    {
      id: 'ceasefire',
      group: 'ceasefire',
      title: L('Ceasefire'),
      description: L('Whether the guns fall silent'),
      default: 'none',
      concludes: true,
      options: [
        option('none', ['ukraine', 'russia']),
        option('line', ['ukraine', 'russia']),
        option('armistice', ['ukraine', 'russia']),
      ],
      source,
    },
    {
      id: 'status-crimea',
      group: 'territory',
      title: L('Crimea'),
      description: L('Legal status of Crimea'),
      default: 'deferred',
      region: 'crimea',
      options: [
        option('recognised', ['ukraine', 'russia']),
        option('deferred', ['ukraine', 'russia']),
        option('restored', ['ukraine', 'russia']),
      ],
      source,
    },
    {
      id: 'nato',
      group: 'security',
      title: L('NATO'),
      description: L('Ukraine and NATO'),
      default: 'aspiration-kept',
      options: [option('aspiration-kept', ['ukraine']), option('renounced', ['ukraine', 'russia'])],
      source,
    },
    {
      id: 'force',
      group: 'security',
      title: L('European force'),
      description: L('A deployed force'),
      default: 'none',
      options: [
        option('none', ['ukraine']),
        option('european-force', ['ukraine', 'europe'], { incompatibleWith: ['troops.prohibited'] }),
      ],
      source,
    },
    {
      id: 'troops',
      group: 'security',
      title: L('Foreign troops'),
      description: L('Foreign troops in Ukraine'),
      default: 'allowed',
      options: [option('allowed', ['ukraine']), option('prohibited', ['ukraine', 'russia'])],
      source,
    },
    {
      id: 'prisoners',
      group: 'humanitarian',
      title: L('Prisoners'),
      description: L('Prisoner exchange'),
      default: 'no-agreement',
      options: [option('no-agreement', ['ukraine', 'russia']), option('all-for-all', ['ukraine', 'russia'])],
      source,
    },
    {
      id: 'sanctions',
      group: 'economic',
      title: L('Sanctions'),
      description: L('Sanctions on Russia'),
      default: 'maintained',
      options: [option('maintained', ['us', 'europe']), option('relief', ['russia', 'us', 'europe'])],
      source,
    },
  ],
});

const world = World.parse({
  variables: [
    { id: 'pipeline', label: L('Pipeline'), description: L('Supply'), min: 0, max: 100, initial: 50, source },
    { id: 'unity', label: L('Unity'), description: L('Unity'), min: 0, max: 100, initial: 60, drift: -5, source },
    {
      id: 'momentum.front',
      label: L('Momentum'),
      description: L('Russian advance'),
      min: -10,
      max: 10,
      initial: 2,
      sector: 'front',
      drivers: [{ variable: 'pipeline', coefficient: -0.05, pivot: 50 }],
      source,
    },
  ],
});

type Utilities = Record<string, Record<string, number>>;

function delegation(id: string, utilities: Utilities, extra: object = {}) {
  return Delegation.parse({
    id,
    name: L(id.toUpperCase()),
    colour: '#0072b2',
    publicPosition: sourced(`${id} position`),
    briefing: {
      objectives: [sourced(`${id} objective`)],
      priorities: [sourced(`${id} priority`)],
      fallbacks: [sourced(`${id} fallback`)],
      mayReveal: [sourced(`${id} may reveal`)],
      domesticPressure: [sourced(`${id} pressure`)],
    },
    preferences: {
      weights: Object.fromEntries(Object.keys(utilities).map((k) => [k, 1])),
      utilities,
      noDeal: { base: 0.4, terms: [], perMonth: 0 },
      rationale: [sourced('numbers')],
    },
    personality: {
      concession: 1,
      toughness: 0.5,
      pressureSensitivity: 0.5,
      leverUse: 0.5,
      description: L('fixture'),
      source,
    },
    source,
    ...extra,
  });
}

const flat = (v: number): Utilities => ({
  ceasefire: { none: v, line: v, armistice: v },
  'status-crimea': { recognised: v, deferred: v, restored: v },
  nato: { 'aspiration-kept': v, renounced: v },
  force: { none: v, 'european-force': v },
  troops: { allowed: v, prohibited: v },
  prisoners: { 'no-agreement': v, 'all-for-all': v },
  sanctions: { maintained: v, relief: v },
});

const ukraineUtilities: Utilities = {
  ...flat(0.5),
  ceasefire: { none: 0.3, line: 0.7, armistice: 0.6 },
  'status-crimea': { recognised: 0, deferred: 0.6, restored: 1 },
  force: { none: 0.1, 'european-force': 0.9 },
  prisoners: { 'no-agreement': 0.1, 'all-for-all': 0.9 },
};
const russiaUtilities: Utilities = {
  ...flat(0.5),
  ceasefire: { none: 0.4, line: 0.8, armistice: 0.6 },
  'status-crimea': { recognised: 1, deferred: 0.4, restored: 0 },
  nato: { 'aspiration-kept': 0, renounced: 1 },
  prisoners: { 'no-agreement': 0.2, 'all-for-all': 0.8 },
  sanctions: { maintained: 0.1, relief: 0.9 },
};

export const fixtureScenario: Scenario = {
  meta: ScenarioMeta.parse({
    id: 'fixture',
    title: L('Fixture'),
    summary: L('A tiny scenario for engine tests'),
    startDate: '2026-02-15',
    rounds: 4,
    firstMonth: '2026-03',
    seeds: [{ file: '000_dc4659ee7f7471a7.txt', title: L('Seed'), sections: [L('Scenarios and Timelines')] }],
    source,
  }),
  agenda,
  world,
  delegations: {
    ukraine: delegation('ukraine', ukraineUtilities, {
      redLines: [
        {
          id: 'no-recognition',
          title: L('No recognition'),
          explanation: L('Constitution'),
          breaksWhen: { clause: 'status-crimea.recognised' },
          source,
        },
      ],
      ratification: [
        {
          id: 'guarantees',
          title: L('Deployed guarantees'),
          explanation: L('A ceasefire needs a deployed force'),
          requires: { any: [{ clause: 'ceasefire.none' }, { clause: 'force.european-force' }] },
          source,
        },
      ],
    }),
    russia: delegation('russia', russiaUtilities, {
      redLines: [
        {
          id: 'nato-commitment',
          title: L('NATO commitment'),
          explanation: L('No ceasefire without a NATO commitment'),
          breaksWhen: {
            all: [{ anyClause: ['ceasefire.line', 'ceasefire.armistice'] }, { clause: 'nato.aspiration-kept' }],
          },
          source,
        },
      ],
    }),
    us: delegation('us', { ...flat(0.6), ceasefire: { none: 0.1, line: 0.9, armistice: 0.8 } }),
    europe: delegation('europe', { ...flat(0.5), force: { none: 0.3, 'european-force': 0.8 } }),
  },
  levers: Levers.parse({
    levers: [
      {
        id: 'ru-offensive',
        owner: 'russia',
        title: L('Offensive'),
        description: L('Attack a sector'),
        cost: L('Losses'),
        effects: [{ variable: 'momentum.$sector', delta: 3 }],
        targetsSector: true,
        cooldown: 1,
        source,
      },
      {
        id: 'us-press',
        owner: 'us',
        title: L('Press Ukraine'),
        description: L('Slow deliveries'),
        cost: L('Credibility'),
        effects: [{ variable: 'pipeline', delta: -10 }],
        cooldown: 0,
        visibility: 'private',
        source,
      },
      {
        id: 'eu-troops',
        owner: 'europe',
        title: L('Troop pledge'),
        description: L('Pledge troops'),
        cost: L('Risk'),
        effects: [{ flag: 'troops-pledged' }],
        requires: { world: 'unity', gte: 50 },
        source,
      },
    ],
  }).levers,
  events: Events.parse({
    events: [
      {
        id: 'breakthrough',
        title: L('Breakthrough'),
        announcement: L('The front breaks'),
        trigger: { world: 'momentum.front', gte: 8 },
        probability: 1,
        once: true,
        ends: 'breakthrough',
        source,
      },
      {
        id: 'rally',
        title: L('Rally'),
        announcement: L('Allies rally'),
        probability: 0.5,
        effects: [{ variable: 'unity', delta: 5 }],
        source,
      },
    ],
  }).events,
  outcomes: Outcomes.parse({
    outcomes: [
      {
        id: 'rejected-at-home',
        title: L('Rejected'),
        debrief: L('Rejected at home'),
        when: { all: [{ agreement: true }, { ratified: false }] },
        source,
      },
      {
        id: 'ceasefire',
        title: L('Ceasefire'),
        debrief: L('A ceasefire'),
        seedScenario: 1,
        when: { all: [{ ratified: true }, { anyClause: ['ceasefire.line', 'ceasefire.armistice'] }] },
        source,
      },
      {
        id: 'breakthrough',
        title: L('Breakthrough'),
        debrief: L('Forced terms'),
        seedScenario: 4,
        when: { ending: 'breakthrough' },
        source,
      },
      {
        id: 'stalemate',
        title: L('Stalemate'),
        debrief: L('No deal'),
        seedScenario: 2,
        when: { month: { gte: 0 } },
        source,
      },
    ],
  }).outcomes,
  revelations: [],
  measures: [],
  map: MapBinding.parse({
    files: {
      oblasts: 'map/ukraine-oblasts.geojson',
      lineOfContact: 'map/line-of-contact-2026.geojson',
      occupied: 'map/occupied-2026.geojson',
      sectors: 'map/sectors-2026.geojson',
      neighbours: 'map/neighbours.geojson',
      cities: 'map/cities.json',
    },
    regions: [{ id: 'crimea', name: L('Crimea'), oblasts: ['crimea', 'sevastopol'] }],
    sectors: [{ id: 'front', name: L('Front') }],
    attribution: [L('Map data: Natural Earth')],
  }),
};
