/**
 * Every answer to a draft with every reason given, as a seat may read them (answers stay sealed
 * until responses close; shared/src/engine/view.ts). A reason names a clause ("issue.option") or
 * none (a general remark); a clause the draft left out (the issue's default holds, such as a NATO
 * aspiration kept by silence) is shown with its issue and option and marked as left out, so no
 * reason is lost because its clause is not on a card.
 */
import type { ProposalView } from '@peace-table/shared/engine/view';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/ids';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { Localized } from '@peace-table/shared/scenario/schema';

export interface ReasonLine {
  /** The clause the reason is about, when it names one. */
  clause: { issueTitle: Localized; optionLabel: Localized; place: 'in-draft' | 'left-out' | 'not-in-draft' } | null;
  /** In both languages when its author gave both (the computer delegations do); a person's words as written. */
  text: Localized;
  redLine: boolean;
}

export interface AnswerLine {
  delegation: DelegationId;
  state: 'accept' | 'reject' | 'counter' | 'pending' | 'sealed' | 'author';
  reasons: ReasonLine[];
}

/** Where a clause stands against the draft: in it, left out (the issue's default holds), or replaced. */
type Place = NonNullable<ReasonLine['clause']>['place'];

function placeOf(draft: ProposalView, issueId: string, optionId: string, isDefault: boolean): Place {
  const chosen = draft.package[issueId];
  if (chosen === optionId) return 'in-draft';
  return chosen === undefined && isDefault ? 'left-out' : 'not-in-draft';
}

export function answerLines(pub: PublicScenario, draft: ProposalView): AnswerLine[] {
  const who = DELEGATION_IDS.filter(
    (d) => d === draft.author || draft.signatories.includes(d) || draft.responded.includes(d),
  );
  return who.map((d) => {
    if (d === draft.author) return { delegation: d, state: 'author', reasons: [] };
    const r = draft.responses[d];
    if (!r) return { delegation: d, state: draft.responded.includes(d) ? 'sealed' : 'pending', reasons: [] };
    const reasons = r.reasons.map((reason): ReasonLine => {
      const [issueId, optionId] = reason.clause ? reason.clause.split('.', 2) : [];
      const issue = issueId ? pub.agenda.issues.find((i) => i.id === issueId) : undefined;
      const option = issue?.options.find((o) => o.id === optionId);
      return {
        clause:
          issue && option
            ? {
                issueTitle: issue.title,
                optionLabel: option.label,
                place: placeOf(draft, issue.id, option.id, issue.default === option.id),
              }
            : null,
        text: { en: reason.text, uk: reason.uk ?? reason.text },
        redLine: reason.severity === 'red-line',
      };
    });
    return { delegation: d, state: r.response, reasons };
  });
}
