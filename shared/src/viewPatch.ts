/**
 * Small patches between two versions of a seat's view, so the server does not resend the whole
 * game (briefings, the full transcript) after every action.
 *
 * A patch is a list of operations on the view's top-level keys: `set` replaces a key's value,
 * `splice` keeps an array's first `from` items and replaces the rest with `items` (appending when
 * `from` is the old length, which is what chat and the transcript almost always do), `delete`
 * removes a key. The server computes patches with `diffView`; clients apply them with
 * `applyViewPatch`. Pure and dependency-free, so the browser bundle can use it.
 */

export type ViewPatchOp =
  | { op: 'set'; key: string; value: unknown }
  | { op: 'splice'; key: string; from: number; items: unknown[] }
  | { op: 'delete'; key: string };

type Json = unknown;

/** Deep equality of JSON values (no Dates, Maps or cycles in a view). Shared references are equal at once. */
export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (!jsonEqual((a as Record<string, Json>)[k], (b as Record<string, Json>)[k])) return false;
  }
  return true;
}

function seqOf(item: Json): number | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const seq = (item as { seq?: unknown }).seq;
  return typeof seq === 'number' ? seq : undefined;
}

/**
 * Same array item? Records stamped with a numeric `seq` (transcript entries, chat messages) are
 * append-only in the engine and never change once written, so their seq identifies them; this
 * keeps diffing a long transcript linear in the number of entries instead of in their content.
 */
function sameItem(a: Json, b: Json): boolean {
  if (a === b) return true;
  const sa = seqOf(a);
  if (sa !== undefined) return sa === seqOf(b);
  return jsonEqual(a, b);
}

function firstDifference(prev: readonly Json[], next: readonly Json[]): number {
  const n = Math.min(prev.length, next.length);
  for (let i = 0; i < n; i++) if (!sameItem(prev[i], next[i])) return i;
  return n;
}

/** The operations that turn `prev` into `next` (both plain JSON objects). Empty when nothing changed. */
export function diffView(prev: object, next: object): ViewPatchOp[] {
  const a = prev as Record<string, Json>;
  const b = next as Record<string, Json>;
  const ops: ViewPatchOp[] = [];
  for (const key of Object.keys(b)) {
    const before = a[key];
    const after = b[key];
    if (!Object.hasOwn(a, key)) {
      ops.push({ op: 'set', key, value: after });
    } else if (before === after) {
      // The same list or value as last time (a view cache hands the unchanged ones on): no change.
    } else if (Array.isArray(before) && Array.isArray(after)) {
      const from = firstDifference(before, after);
      if (from < before.length || from < after.length) ops.push({ op: 'splice', key, from, items: after.slice(from) });
    } else if (!jsonEqual(before, after)) {
      ops.push({ op: 'set', key, value: after });
    }
  }
  for (const key of Object.keys(a)) if (!Object.hasOwn(b, key)) ops.push({ op: 'delete', key });
  return ops;
}

/** A new view with the operations applied; the input is not modified. */
export function applyViewPatch<T extends object>(view: T, ops: readonly ViewPatchOp[]): T {
  const out = { ...view } as Record<string, Json>;
  for (const op of ops) {
    if (op.op === 'set') out[op.key] = op.value;
    else if (op.op === 'delete') delete out[op.key];
    else {
      const current = out[op.key];
      const kept = Array.isArray(current) ? current.slice(0, op.from) : [];
      out[op.key] = kept.concat(op.items);
    }
  }
  return out as T;
}
