/**
 * The scenario's sources, and the check that every quote is really in the section it cites.
 *
 * Every fact in a scenario carries a `source`: either a seed file, the heading of a section of it
 * and a short verbatim quote from that section, or the scenario's own assumption. `sourceSites`
 * lists them all with the file and field they are written in; `checkQuotes` finds each quote in
 * the text of its section, so a citation cannot drift away from what the seed says. Pure: the
 * seed texts come in as data (the loader reads them from ../shared/seeds).
 */
import type { CrossRefError } from './refChecker.ts';
import { isAssumption, type Scenario, type SeedQuote, type Source } from './schema.ts';

/** One `source` of the scenario: the file (relative to the scenario folder) and the dotted path of the field. */
export interface SourceSite {
  file: string;
  path: string;
  source: Source;
}

/** Where each part of a loaded scenario is written, with the path prefix of its items in that file. */
function fileRoots(scenario: Scenario): [file: string, path: string, value: unknown][] {
  return [
    ['scenario.yaml', '', scenario.meta],
    ['agenda.yaml', '', scenario.agenda],
    ['world.yaml', '', scenario.world],
    ['levers.yaml', 'levers', scenario.levers],
    ['events.yaml', 'events', scenario.events],
    ['outcomes.yaml', 'outcomes', scenario.outcomes],
    ['outcomes.yaml', 'revelations', scenario.revelations],
    ...Object.entries(scenario.delegations).map(([id, d]): [string, string, unknown] => [
      `delegations/${id}.yaml`,
      '',
      d,
    ]),
  ];
}

function isSource(value: unknown): value is Source {
  return !!value && typeof value === 'object' && ('seed' in value || 'assumption' in value);
}

/** Every `source` field of the scenario, file by file, in the order they are written. */
export function sourceSites(scenario: Scenario): SourceSite[] {
  const sites: SourceSite[] = [];
  const walk = (file: string, path: string, value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : key;
      if (key === 'source' && isSource(child)) sites.push({ file, path: childPath, source: child });
      else walk(file, childPath, child);
    }
  };
  for (const [file, path, value] of fileRoots(scenario)) walk(file, path, value);
  return sites;
}

/**
 * The form a quote and a seed are compared in: runs of white space become one space and
 * typographic quotes and apostrophes become straight ones, so line breaks and ’ vs ' never decide
 * whether a quote is found.
 */
export function normaliseQuoteText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A quote's fragments: "…" (or "...") marks an omission, and each fragment must follow the one before. */
export function quoteFragments(quote: string): string[] {
  return normaliseQuoteText(quote)
    .split(/\s*(?:…|\.\.\.)\s*/)
    .filter((f) => f.length > 0);
}

/** Whether every fragment of `quote` occurs in `text` (normalised), in order. */
export function quoteIn(quote: string, normalisedText: string): boolean {
  let from = 0;
  for (const fragment of quoteFragments(quote)) {
    const at = normalisedText.indexOf(fragment, from);
    if (at < 0) return false;
    from = at + fragment.length;
  }
  return true;
}

/**
 * A seed's sections, normalised: each heading (a whole line of the text, compared trimmed) owns
 * the text from the line after it to the next listed heading. Headings not found are returned in
 * `missing`, in the order given.
 */
export function seedSections(
  text: string,
  headings: readonly string[],
): { sections: Map<string, string>; missing: string[] } {
  const lines = text.split(/\r?\n/);
  const starts: { heading: string; line: number }[] = [];
  const missing: string[] = [];
  for (const heading of headings) {
    const line = lines.findIndex((l) => l.trim() === heading.trim());
    if (line < 0) missing.push(heading);
    else starts.push({ heading, line });
  }
  starts.sort((a, b) => a.line - b.line);
  const sections = new Map<string, string>();
  for (const [i, { heading, line }] of starts.entries()) {
    const end = starts[i + 1]?.line ?? lines.length;
    sections.set(heading, normaliseQuoteText(lines.slice(line + 1, end).join('\n')));
  }
  return { sections, missing };
}

/** The seed texts a quote check reads: file name → text, and the folder they came from (for messages). */
export interface SeedTexts {
  folder: string;
  texts: Readonly<Record<string, string>>;
}

/**
 * Every quote that is not in the section it cites, every listed seed missing from the folder and
 * every listed heading that is not a line of its seed. Sources whose seed or section is not
 * listed in scenario.yaml are the cross-reference check's to report, not this one's.
 */
export function checkQuotes(scenario: Scenario, seeds: SeedTexts): CrossRefError[] {
  const errors: CrossRefError[] = [];
  const bySeed = new Map<string, Map<string, string>>();
  for (const [i, seed] of scenario.meta.seeds.entries()) {
    const text = seeds.texts[seed.file];
    if (text === undefined) {
      errors.push({
        file: 'scenario.yaml',
        path: `seeds.${i}.file`,
        message: `"${seed.file}" is not in the seed folder ${seeds.folder}`,
      });
      continue;
    }
    const { sections, missing } = seedSections(
      text,
      seed.sections.map((s) => s.en),
    );
    for (const heading of missing) {
      const j = seed.sections.findIndex((s) => s.en === heading);
      errors.push({
        file: 'scenario.yaml',
        path: `seeds.${i}.sections.${j}.en`,
        message: `"${heading}" is not a heading line of ${seed.file}`,
      });
    }
    bySeed.set(seed.file, sections);
  }
  for (const site of sourceSites(scenario)) {
    if (isAssumption(site.source)) continue;
    const problem = quoteProblem(site.source, bySeed);
    if (problem) errors.push({ file: site.file, path: `${site.path}.quote`, message: problem });
  }
  return errors;
}

function quoteProblem(source: SeedQuote, bySeed: Map<string, Map<string, string>>): string | undefined {
  const text = bySeed.get(source.seed)?.get(source.section);
  if (text === undefined || quoteIn(source.quote, text)) return undefined;
  return `not found in section "${source.section}" of ${source.seed}${whereElse(source, bySeed)}`;
}

/** Points the author at the section that does hold the words, if one does. */
function whereElse(source: SeedQuote, bySeed: Map<string, Map<string, string>>): string {
  for (const [seed, sections] of bySeed) {
    for (const [heading, text] of sections) {
      if ((seed !== source.seed || heading !== source.section) && quoteIn(source.quote, text)) {
        return `; it is in section "${heading}"${seed === source.seed ? '' : ` of ${seed}`}`;
      }
    }
  }
  return '';
}

/** How many facts quote a seed and how many are the scenario's own assumptions. */
export function sourceCounts(scenario: Scenario): { quotes: number; assumptions: number } {
  const sites = sourceSites(scenario);
  const assumptions = sites.filter((s) => isAssumption(s.source)).length;
  return { quotes: sites.length - assumptions, assumptions };
}
