import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyViewPatch, diffView, jsonEqual } from '../src/viewPatch.ts';

describe('diffView / applyViewPatch', () => {
  it('sends nothing when nothing changed, and appends with a splice from the old length', () => {
    const chat = [
      { seq: 1, text: 'a' },
      { seq: 2, text: 'b' },
    ];
    const before = { phase: 'talks', chat, world: { month: 1 } };
    expect(diffView(before, { ...before, chat: [...chat], world: { month: 1 } })).toEqual([]);
    const after = { ...before, chat: [...chat, { seq: 3, text: 'c' }] };
    expect(diffView(before, after)).toEqual([{ op: 'splice', key: 'chat', from: 2, items: [{ seq: 3, text: 'c' }] }]);
  });

  it('replaces changed values, inserts in the middle of lists, and deletes keys', () => {
    const before = { a: 1, list: [{ seq: 1 }, { seq: 3 }], gone: true, proposals: [{ id: 'p1', status: 'tabled' }] };
    const after = { a: 2, list: [{ seq: 1 }, { seq: 2 }, { seq: 3 }], proposals: [{ id: 'p1', status: 'rejected' }] };
    const ops = diffView(before, after);
    expect(ops).toContainEqual({ op: 'set', key: 'a', value: 2 });
    expect(ops).toContainEqual({ op: 'splice', key: 'list', from: 1, items: [{ seq: 2 }, { seq: 3 }] });
    expect(ops).toContainEqual({ op: 'delete', key: 'gone' });
    expect(applyViewPatch(before, ops)).toEqual(after);
    expect(before.a).toBe(1); // the input is not modified
  });

  it('round-trips any two JSON views', () => {
    const item = fc.oneof(
      fc.record({ seq: fc.nat(5), text: fc.string() }),
      fc.record({ id: fc.string(), n: fc.nat() }),
    );
    const view = fc.dictionary(
      fc.constantFrom('a', 'b', 'c', 'd'),
      fc.oneof(fc.jsonValue(), fc.array(item, { maxLength: 6 })),
    );
    fc.assert(
      fc.property(view, view, (before, after) => {
        // seq-stamped items are immutable by contract: give equal seqs equal content.
        const canon = (v: Record<string, unknown>) =>
          JSON.parse(
            JSON.stringify(v, (_k, x) =>
              x && typeof x === 'object' && 'seq' in x ? { seq: x.seq, text: `t${x.seq}` } : x,
            ),
          );
        const [b, a] = [canon(before), canon(after)];
        expect(jsonEqual(applyViewPatch(b, diffView(b, a)), a)).toBe(true);
      }),
    );
  });
});
