/**
 * How the client words where a fact comes from: a citation of a seed (its title and the section,
 * in the player's language) or the scenario's own assumption, and the "What this scenario
 * assumes" page, built from the list the server sends with the public scenario.
 */
import type { ScenarioAssumption } from '@peace-table/shared/scenario/assumptions';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { ScenarioMeta, Source } from '@peace-table/shared/scenario/schema';
import { type Locale, localized, type Translator } from '../i18n/i18n.ts';

/** "Source: <title>, section “<heading>”" or "Scenario assumption: <why>", in the player's language. */
export function citation(meta: ScenarioMeta, source: Source, locale: Locale, t: Translator['t']): string {
  if ('assumption' in source) return t('sources.assumption', { why: localized(source.assumption, locale) });
  const seed = meta.seeds.find((s) => s.file === source.seed);
  const section = seed?.sections.find((s) => s.en === source.section);
  return t('sources.citation', {
    title: seed ? localized(seed.title, locale) : source.seed,
    section: section ? localized(section, locale) : source.section,
  });
}

/** One line of the assumptions page: the items that share one reason, and the reason. */
export interface AssumptionLine {
  /** "Zaporizhzhia nuclear power plant: IAEA control", or "Russia" for a private item. */
  subjects: string[];
  /** "clause", "red line", ... (one kind per line). */
  kind: string;
  why: string;
}

export interface AssumptionsModel {
  /** The seed documents the scenario draws on, by title. */
  sources: string[];
  lines: AssumptionLine[];
}

function subjectOf(pub: PublicScenario, a: ScenarioAssumption, locale: Locale): string {
  if (a.subject) return localized(a.subject, locale);
  return a.delegation ? localized(pub.delegations[a.delegation].name, locale) : '';
}

/**
 * The page's content: items of one kind that the scenario assumes for the same reason (the front
 * sectors, say) share a line, in the order the scenario's files list them.
 */
export function assumptionsModel(pub: PublicScenario, locale: Locale, t: Translator['t']): AssumptionsModel {
  const lines: AssumptionLine[] = [];
  const byReason = new Map<string, AssumptionLine>();
  for (const a of pub.assumptions) {
    const why = localized(a.why, locale);
    const key = `${a.kind}\n${why}`;
    const subject = subjectOf(pub, a, locale);
    const line = byReason.get(key);
    if (line) {
      if (!line.subjects.includes(subject)) line.subjects.push(subject);
      continue;
    }
    const fresh = { subjects: [subject], kind: t(`sources.kind.${a.kind}`), why };
    byReason.set(key, fresh);
    lines.push(fresh);
  }
  return { sources: pub.meta.seeds.map((s) => localized(s.title, locale)), lines };
}
