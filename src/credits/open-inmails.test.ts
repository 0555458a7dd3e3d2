import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpenInMail } from './ledger-state.ts';
import { OpenInMails } from './open-inmails.ts';

describe('OpenInMails (immutable map of InMails awaiting reply)', () => {
  it('behaves like a Map in send order, and earlier versions never change', () => {
    const op = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 120 }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600 }), fc.integer({ min: 0, max: 80 }), (ops, seed) => {
        let id = 0;
        const start = new Map<string, OpenInMail>();
        for (let i = 0; i < seed; i += 1) start.set(`s${i}`, { id: id++, to: `s${i}`, sent: 0, charged: true, epoch: 1 });
        let map = OpenInMails.adopt(new Map(start));
        const reference = new Map(start);
        const versions: { map: OpenInMails; entries: string }[] = [];
        for (const [add, n] of ops) {
          const key = n < 40 ? `s${n}` : `p${n}`;
          if (add && !reference.has(key)) {
            const v = { id: id++, to: key, sent: 0, charged: true, epoch: 1 };
            reference.set(key, v);
            map = map.with(key, v);
          } else if (!add) {
            reference.delete(key);
            map = map.without(key);
          }
          if (versions.length < 50) versions.push({ map, entries: JSON.stringify([...map]) });
        }
        expect([...map.entries()]).toEqual([...reference.entries()]);
        expect(map.size).toBe(reference.size);
        for (const k of ['s1', 'p50', 'p119']) expect(map.get(k)).toEqual(reference.get(k));
        expect([...map.values()].map((v) => v.id)).toEqual([...reference.values()].map((v) => v.id).sort((a, b) => a - b));
        for (const v of versions) expect(JSON.stringify([...v.map])).toBe(v.entries);
      }),
      { numRuns: 200 },
    );
  });
});
