/**
 * Keeps the seat's view in step with the server: a full `view` replaces it, a `view.patch` applies
 * only on top of the version it was computed from. A patch that does not fit (one was lost or
 * arrived out of order) asks for a resync instead of showing a wrong game.
 */
import type { SeatView } from '@peace-table/shared/engine/view';
import type { ViewPatchPayload, ViewPayload } from '@peace-table/shared/protocol';
import { applyViewPatch } from '@peace-table/shared/viewPatch';

export type SyncResult = { kind: 'view'; view: SeatView } | { kind: 'resync' } | { kind: 'stale' };

export interface ViewSync {
  full(payload: ViewPayload): SyncResult;
  patch(payload: ViewPatchPayload): SyncResult;
  current(): SeatView | null;
  reset(): void;
}

export function createViewSync(): ViewSync {
  let version = -1;
  let view: SeatView | null = null;
  return {
    full(payload) {
      version = payload.version;
      view = payload.view;
      return { kind: 'view', view };
    },
    patch(payload) {
      if (view === null || payload.from > version) return { kind: 'resync' };
      // An old patch (already covered by a later full view) changes nothing.
      if (payload.to <= version) return { kind: 'stale' };
      if (payload.from !== version) return { kind: 'resync' };
      view = applyViewPatch(view, payload.ops);
      version = payload.to;
      return { kind: 'view', view };
    },
    current: () => view,
    reset() {
      version = -1;
      view = null;
    },
  };
}
