/**
 * A delegation's private briefing as the Briefing screen shows it: the briefing sections, red
 * lines, domestic ratification rules and the utility sheet (how much each option of each issue is
 * worth to the delegation, how much each issue weighs, and what no deal is worth today).
 * Only built from content the seat's view carries (its own, or all of them for the facilitator).
 */
import type { SeatView } from '@peace-table/shared/engine/view';
import { noDealValue, normalisedWeights, optionUtility } from '@peace-table/shared/scenario/evaluate';
import type { Briefing, DelegationId, Localized, SourcedText } from '@peace-table/shared/scenario/schema';
import type { SeatScenario } from './clientScenario.ts';

export const BRIEFING_SECTIONS = ['objectives', 'priorities', 'fallbacks', 'mayReveal', 'domesticPressure'] as const;
export type BriefingSection = (typeof BRIEFING_SECTIONS)[number];

export interface UtilityRow {
  issueId: string;
  issueTitle: Localized;
  /** Normalised weight, 0..1. */
  weight: number;
  options: { id: string; label: Localized; utility: number; isDefault: boolean; best: boolean }[];
}

export interface BriefingModel {
  delegation: DelegationId;
  name: Localized;
  publicPosition: SourcedText;
  sections: { id: BriefingSection; items: SourcedText[] }[];
  redLines: { id: string; title: Localized; explanation: Localized }[];
  ratification: { id: string; title: Localized; explanation: Localized }[];
  utilities: UtilityRow[];
  noDeal: number;
  rationale: SourcedText[];
}

export function briefingModel(seat: SeatScenario, view: SeatView, who: DelegationId): BriefingModel | null {
  const own = view.private[who];
  if (!own) return null;
  const scenario = seat.scenario;
  const d = scenario.delegations[who];
  const weights = normalisedWeights(scenario, who);
  const briefing: Briefing = own.briefing;
  return {
    delegation: who,
    name: d.name,
    publicPosition: d.publicPosition,
    sections: BRIEFING_SECTIONS.map((id) => ({ id, items: briefing[id] })),
    redLines: own.redLines.map((r) => ({ id: r.id, title: r.title, explanation: r.explanation })),
    ratification: own.ratification.map((r) => ({ id: r.id, title: r.title, explanation: r.explanation })),
    utilities: scenario.agenda.issues
      .map((issue) => {
        const values = issue.options.map((o) => optionUtility(scenario, who, issue.id, o.id));
        const top = Math.max(...values);
        return {
          issueId: issue.id,
          issueTitle: issue.title,
          weight: weights[issue.id] ?? 0,
          options: issue.options.map((o, i) => ({
            id: o.id,
            label: o.label,
            utility: values[i] ?? 0,
            isDefault: o.id === issue.default,
            best: values[i] === top,
          })),
        };
      })
      // The issues that matter most to this delegation come first on its sheet.
      .sort((a, b) => b.weight - a.weight),
    noDeal: noDealValue(scenario, who, view.world),
    rationale: own.preferences.rationale,
  };
}
