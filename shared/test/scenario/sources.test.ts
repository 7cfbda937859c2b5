/**
 * The quote check's plain functions: how a quote and a seed are compared, how a seed is cut into
 * sections, and what the check reports, on the mini fixture with hand-made seed texts.
 */
import { describe, expect, it } from 'vitest';
import { scenarioAssumptions } from '../../src/scenario/assumptions.ts';
import { isAssumption } from '../../src/scenario/schema.ts';
import {
  checkQuotes,
  normaliseQuoteText,
  quoteFragments,
  quoteIn,
  seedSections,
  sourceCounts,
  sourceSites,
} from '../../src/scenario/sources.ts';
import { scenario } from './miniScenario.ts';

describe('normaliseQuoteText', () => {
  it('folds white space and typographic quotes, nothing else', () => {
    expect(normaliseQuoteText('  Ukraine’s  “peace\n formula”\t ')).toBe('Ukraine\'s "peace formula"');
    expect(normaliseQuoteText('‘a’ „b“ ʼc')).toBe("'a' \"b\" 'c");
    // Dashes and case are the seed's own words: a quote must keep them.
    expect(normaliseQuoteText('A — b')).toBe('A — b');
  });
});

describe('quoteIn', () => {
  const text = normaliseQuoteText('One two three. Four five six. Seven eight nine.');
  it('finds a quote anywhere in the text, and fragments around "…" or "..." in order', () => {
    expect(quoteIn('two three. Four', text)).toBe(true);
    expect(quoteIn('One … five six … nine', text)).toBe(true);
    expect(quoteIn('One ... nine', text)).toBe(true);
    expect(quoteIn('five six … One', text)).toBe(false);
    expect(quoteIn('two four', text)).toBe(false);
    expect(quoteFragments('a … b...c')).toEqual(['a', 'b', 'c']);
  });
});

describe('seedSections', () => {
  it('gives each heading the text up to the next listed heading, in file order', () => {
    const text = 'Title\n\nSecond\n\nb text\n\nFirst\n\n  a text \n\nNot listed\n\nmore a\n';
    const { sections, missing } = seedSections(text, ['First', 'Second', 'Third']);
    expect(sections.get('Second')).toBe('b text');
    expect(sections.get('First')).toBe('a text Not listed more a');
    expect(missing).toEqual(['Third']);
  });
});

describe('checkQuotes on the mini fixture', () => {
  const sites = sourceSites(scenario);
  const quoted = sites.filter((s) => !isAssumption(s.source));
  /** A seed text holding every quote of the fixture under its own heading. */
  const seedText = (file: string, skip: (quote: string) => boolean = () => false) => {
    const meta = scenario.meta.seeds.find((s) => s.file === file);
    return (meta?.sections ?? [])
      .map((h) => {
        const quotes = quoted.flatMap((s) =>
          'seed' in s.source && s.source.seed === file && s.source.section === h.en && !skip(s.source.quote)
            ? [s.source.quote]
            : [],
        );
        return `${h.en}\n\n${[...new Set(quotes)].join('. ')}\n`;
      })
      .join('\n');
  };
  const texts = (skip?: (quote: string) => boolean) =>
    Object.fromEntries(scenario.meta.seeds.map((s) => [s.file, seedText(s.file, skip)]));

  it('lists every source with its file and path, and counts quotes and assumptions', () => {
    expect(sites[0]).toMatchObject({ file: 'scenario.yaml', path: 'source' });
    expect(sites.some((s) => s.file === 'delegations/russia.yaml' && s.path === 'preferences.rationale.0.source')).toBe(
      true,
    );
    expect(sourceCounts(scenario)).toEqual({ quotes: 67, assumptions: 3 });
  });

  it('accepts seeds that hold every quote in its section', () => {
    expect(checkQuotes(scenario, { folder: 'seeds', texts: texts() })).toEqual([]);
  });

  it('reports every use of a missing quote, and missing seeds and headings', () => {
    const gone = 'with US disengagement as the alternative';
    const errors = checkQuotes(scenario, { folder: 'seeds', texts: texts((q) => q === gone) });
    expect(errors.length).toBeGreaterThan(1);
    for (const e of errors)
      expect(e.message).toBe('not found in section "US Mediation Under Trump" of 000_dc4659ee7f7471a7.txt');
    const [first] = scenario.meta.seeds;
    const only = {
      [first?.file ?? '']:
        'Diplomatic Landscape 2026\nThe diplomatic landscape of 2026 is shaped by the convergence of four factors\n',
    };
    const partial = checkQuotes(scenario, { folder: 'seeds', texts: only });
    expect(partial).toContainEqual({
      file: 'scenario.yaml',
      path: 'seeds.1.file',
      message: '"001_cc098fb4c6d81da6.txt" is not in the seed folder seeds',
    });
    expect(partial).toContainEqual({
      file: 'scenario.yaml',
      path: 'seeds.0.sections.1.en',
      message: '"Ukraine\'s Position and Red Lines" is not a heading line of 000_dc4659ee7f7471a7.txt',
    });
  });
});

describe('scenarioAssumptions on the mini fixture', () => {
  const assumptions = scenarioAssumptions(scenario);
  it('lists every assumption, naming public items and only the kind of private ones', () => {
    expect(assumptions.map((a) => `${a.file}:${a.path}`).sort()).toEqual(
      sourceSites(scenario)
        .filter((s) => isAssumption(s.source))
        .map((s) => `${s.file}:${s.path}`)
        .sort(),
    );
    expect(assumptions[0]).toMatchObject({
      kind: 'option',
      subject: { en: 'Ceasefire: Armistice with a demilitarised zone' },
    });
    expect(assumptions.slice(1).map((a) => [a.kind, a.delegation, a.subject])).toEqual([
      ['redLine', 'russia', undefined],
      ['rationale', 'russia', undefined],
    ]);
  });
  it('never carries a private text, only the assumption’s own reason', () => {
    const json = JSON.stringify(assumptions);
    expect(json).not.toContain("war's stated cause");
    expect(json).not.toContain('if the West splits');
    expect(json).not.toContain('No NATO membership');
  });
});
