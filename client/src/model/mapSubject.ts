/**
 * What the map shows, and what its title says, so it always tells what really happened: during
 * the talks the draft on the table (or the front today); after the talks the agreement only when
 * it holds. A deal rejected at home binds nothing, and a game without a deal ends with the front
 * as it is: neither draws a ceasefire line or a force that never came to be.
 */
import type { SeatView } from '@peace-table/shared/engine/view';
import type { Package } from '@peace-table/shared/scenario/schema';
import { draftOnTable } from './proposal.ts';

export type MapTitle = 'titleNow' | 'titleDraft' | 'titleAgreement' | 'titleFailedAtHome' | 'titleNoDeal';

export interface MapSubject {
  pkg: Package | null;
  /** Key under `map.` in the locale files. */
  title: MapTitle;
}

export function mapSubject(view: Pick<SeatView, 'phase' | 'proposals' | 'onTable' | 'result'>): MapSubject {
  if (view.phase === 'concluded' || view.result) {
    const result = view.result;
    if (result?.agreement && result.ratified) return { pkg: { ...result.agreement }, title: 'titleAgreement' };
    return { pkg: null, title: result?.agreement ? 'titleFailedAtHome' : 'titleNoDeal' };
  }
  const draft = draftOnTable(view as SeatView);
  return draft ? { pkg: { ...draft.package }, title: 'titleDraft' } : { pkg: null, title: 'titleNow' };
}
