/**
 * The transcript as each kind of viewer may read it (view.ts): filtered once per entry and kind of
 * viewer: each kind of viewer extends what it was last shown, from entries stripped once for all.
 */
import type { Audience, TranscriptEntry } from './types.ts';
import type { ViewerSeat } from './view.ts';

export function canSee(viewer: ViewerSeat, audience: Audience): boolean {
  if (audience === 'public' || viewer === 'facilitator') return true;
  return viewer !== 'spectator' && audience.only.includes(viewer);
}

/**
 * The entries of the last transcript viewed, without their replay events, shared by every kind of
 * viewer but the facilitator. Transcripts only grow by appending (transcript.ts), so while the
 * transcript asked about still holds the same entry where the last one ended, only the entries
 * after it need stripping. One slot, grown in place and never handed out: a cache keyed by entry
 * would be a WeakMap entry per transcript line, which costs more at every garbage collection than
 * the copies it saves. Another game's transcript (or an older one) starts the slot afresh.
 */
const STRIPPED = { source: [] as readonly TranscriptEntry[], entries: [] as TranscriptEntry[] };

/** Does `transcript` continue `source` (the same entry where it ended)? Then only the entries after it are new. */
function continues(transcript: readonly TranscriptEntry[], source: readonly TranscriptEntry[]): boolean {
  const seen = source.length;
  return seen > 0 && transcript.length >= seen && transcript[seen - 1] === source[seen - 1];
}

function stripped(transcript: readonly TranscriptEntry[]): TranscriptEntry[] {
  if (!continues(transcript, STRIPPED.source)) STRIPPED.entries = [];
  const entries = STRIPPED.entries;
  for (let i = entries.length; i < transcript.length; i += 1) {
    const t = transcript[i] as TranscriptEntry;
    entries.push(t.event === null ? t : Object.freeze({ ...t, event: null }));
  }
  STRIPPED.source = transcript;
  return entries;
}

/**
 * The last transcript each kind of viewer was shown, with what it was shown of it: extended the
 * same way as the stripped entries above, so a game's hundreds of views over a transcript of
 * hundreds of entries each filter only the entries added since. The filtered array never leaves
 * this module (callers get a copy they may change), so it grows in place.
 */
interface Shown {
  source: readonly TranscriptEntry[];
  shown: TranscriptEntry[];
}
const LAST_SHOWN = new Map<string, Shown>();

/** Filter `transcript[from…]` for a viewer onto `into` (plain loops: this runs for every view). */
function showEntries(
  transcript: readonly TranscriptEntry[],
  from: number,
  viewer: ViewerSeat,
  debrief: boolean,
  into: TranscriptEntry[],
): void {
  // Events are kept for replay; only the facilitator (who exports transcripts) needs them.
  const entries = viewer === 'facilitator' ? transcript : stripped(transcript);
  for (let i = from; i < transcript.length; i += 1) {
    const t = transcript[i] as TranscriptEntry;
    if (canSee(viewer, t.audience) || (debrief && t.kind !== 'chat.post')) into.push(entries[i] as TranscriptEntry);
  }
}

export function transcriptFor(
  transcript: readonly TranscriptEntry[],
  viewer: ViewerSeat,
  debrief: boolean,
): TranscriptEntry[] {
  const key = debrief ? `${viewer}+debrief` : viewer;
  let last = LAST_SHOWN.get(key);
  if (last && continues(transcript, last.source)) {
    showEntries(transcript, last.source.length, viewer, debrief, last.shown);
    last.source = transcript;
  } else {
    last = { source: transcript, shown: [] };
    showEntries(transcript, 0, viewer, debrief, last.shown);
    LAST_SHOWN.set(key, last);
  }
  // The caller owns its copy; the cached one must never change under it.
  return last.shown.slice();
}
