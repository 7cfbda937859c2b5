/**
 * The classes this browser opened: the class's facilitator key by class code, in localStorage like
 * seat keys (seatStore.ts), so the class console comes back after a reload or the next morning.
 * The key never goes into a link: a class link is what students open.
 */
type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export const CLASSES_KEY = 'peace-table.classes';
/** A class from last week is over: its key is forgotten after this long. */
const CLASS_TTL_MS = 7 * 24 * 3600_000;

export interface SavedClass {
  code: string;
  facilitatorKey: string;
  scenarioId: string;
  savedAt: number;
}

function readAll(storage: StorageLike | null): Record<string, SavedClass> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(CLASSES_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, SavedClass>) : {};
  } catch {
    return {};
  }
}

export function saveClass(storage: StorageLike | null, saved: Omit<SavedClass, 'savedAt'>, now = Date.now()): void {
  const all = readAll(storage);
  for (const [code, c] of Object.entries(all)) if (now - c.savedAt > CLASS_TTL_MS) delete all[code];
  all[saved.code] = { ...saved, savedAt: now };
  try {
    storage?.setItem(CLASSES_KEY, JSON.stringify(all));
  } catch {
    // Storage full or blocked: the class runs; only a reload loses the console.
  }
}

export function savedClass(storage: StorageLike | null, code: string, now = Date.now()): SavedClass | null {
  const c = readAll(storage)[code];
  return c && now - c.savedAt <= CLASS_TTL_MS ? c : null;
}
