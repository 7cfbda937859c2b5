/**
 * A package as the screens name it: one "issue: option" line per clause, in agenda order. The
 * debrief's agreements, the table's agreements in force and the class results all read it so.
 */
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { Localized } from '@peace-table/shared/scenario/schema';
import { type Locale, localized } from '../i18n/i18n.ts';

export interface ClauseLine {
  issueTitle: Localized;
  optionLabel: Localized;
}

export function clauseLines(pub: PublicScenario, pkg: Readonly<Record<string, string>>): ClauseLine[] {
  return pub.agenda.issues.flatMap((issue) => {
    const option = issue.options.find((o) => o.id === pkg[issue.id]);
    return option ? [{ issueTitle: issue.title, optionLabel: option.label }] : [];
  });
}

/** "Prisoners of war: All-for-all exchange". */
export function clauseText(c: ClauseLine, locale: Locale): string {
  return `${localized(c.issueTitle, locale)}: ${localized(c.optionLabel, locale)}`;
}
