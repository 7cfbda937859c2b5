/** Citations and the "What this scenario assumes" page, in both languages, from the real public scenario. */
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS } from '../src/i18n/allCatalogs.ts';
import { createTranslator } from '../src/i18n/i18n.ts';
import { assumptionsModel, citation } from '../src/model/sources.ts';
import { type World, world } from './fixtures.ts';

let w: World;
beforeAll(async () => {
  w = await world();
});

const en = createTranslator('en', CATALOGS).t;
const uk = createTranslator('uk', CATALOGS).t;

describe('citation', () => {
  it('names the seed by its title and the section in the player’s language', () => {
    const source = w.scenario.delegations.ukraine.publicPosition.source;
    expect(citation(w.pub.meta, source, 'en', en)).toBe(
      "Source: Ukraine Peace Talks Status 2026: Where Negotiations Stand, section “Ukraine's Position and Red Lines”",
    );
    expect(citation(w.pub.meta, source, 'uk', uk)).toBe(
      'Джерело: «Стан мирних переговорів щодо України у 2026 році: де зараз переговори», розділ «Позиція України та її червоні лінії»',
    );
  });
  it('says when a fact is the scenario’s own assumption, with why', () => {
    const source = { assumption: { en: 'The game needs it.', uk: 'Це потрібно грі.' } };
    expect(citation(w.pub.meta, source, 'uk', uk)).toBe('Припущення сценарію: Це потрібно грі.');
  });
});

describe('assumptionsModel', () => {
  it('lists the sources and every assumption, sharing a line when items share a reason', () => {
    const model = assumptionsModel(w.pub, 'en', en);
    expect(model.sources).toEqual(w.pub.meta.seeds.map((s) => s.title.en));
    const entries = model.lines.reduce((n, line) => n + line.subjects.length, 0);
    expect(entries).toBe(w.pub.assumptions.length);
    const sectors = model.lines.find((l) => l.subjects.some((s) => s.startsWith('Momentum: Kupiansk')));
    expect(sectors?.kind).toBe('situation gauge');
    expect(sectors?.subjects).toHaveLength(4);
    const plant = model.lines.find((l) => l.subjects.includes('Zaporizhzhia nuclear power plant'));
    expect(plant?.kind).toBe('issue');
    // A private item is named by its delegation and kind, never by its text.
    const backstop = model.lines.find((l) => l.kind === 'ratification rule');
    expect(backstop?.subjects).toEqual(['United States']);
  });
  it('is all Ukrainian in Ukrainian', () => {
    const model = assumptionsModel(w.pub, 'uk', uk);
    const text = [...model.sources, ...model.lines.flatMap((l) => [...l.subjects, l.kind, l.why])].join(' ');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });
});
