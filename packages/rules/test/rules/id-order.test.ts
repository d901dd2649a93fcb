// Org units are listed in numeric-aware order (`so-2` before `so-10`), the order of
// `Intl.Collator('en', { numeric: true })`. Evaluation sorts ten thousand ids with a comparator of
// its own for plain codes; these properties hold it to the collator's order on any ids.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareIds, compareSimpleIds, idComparator, isSimpleId } from '../../src/engine/id-order.js';

const collator = new Intl.Collator('en', { numeric: true });
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
// Codes as provinces write them: letters, digits (leading zeros too) and hyphens.
const simpleId = fc.stringMatching(/^[a-z0-9-]{0,12}$/u);
// Any id: upper case, Vietnamese letters, punctuation, spaces.
const anyId = fc.oneof(simpleId, fc.string({ maxLength: 10 }), fc.stringMatching(/^[A-Za-zđĐăâêôơư0-9 _.-]{0,10}$/u));

describe('numeric-aware order of org unit ids', () => {
  it('orders simple ids as the collator does, whenever it does not call them equal', () => {
    fc.assert(
      fc.property(simpleId, simpleId, (a, b) => {
        const d = compareSimpleIds(a, b);
        if (d !== 0) expect(sign(d)).toBe(sign(collator.compare(a, b)));
        else expect(a.replace(/(?<![0-9])0+(?=[0-9])/gu, '')).toBe(b.replace(/(?<![0-9])0+(?=[0-9])/gu, ''));
      }),
      { numRuns: 20_000 },
    );
  });

  it('compareIds agrees with the collator on any ids', () => {
    fc.assert(
      fc.property(anyId, anyId, (a, b) => {
        expect(sign(compareIds(a, b))).toBe(sign(collator.compare(a, b)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('sorting a list with idComparator gives the collator’s order', () => {
    for (const ids of [fc.array(simpleId, { maxLength: 60 }), fc.array(anyId, { maxLength: 60 })]) {
      fc.assert(
        fc.property(ids, (list) => {
          const ours = [...list].sort(idComparator(list));
          const theirs = [...list].sort(collator.compare);
          // Ids the collator calls equal (`so-01`, `so-1`) may sit either way round: compare by its order.
          expect(ours.map((id, i) => collator.compare(id, theirs[i] as string))).toEqual(ours.map(() => 0));
        }),
        { numRuns: 2_000 },
      );
    }
  });

  it('puts numbers in numeric order, hyphen before digits before letters, a prefix first', () => {
    const ids = ['so-10', 'so-2', 'so', 'so-a', 'so-1-x', 'so-01', 'h-3', '10', '9', 'so-1'];
    expect([...ids].sort(idComparator(ids))).toEqual(['9', '10', 'h-3', 'so', 'so-01', 'so-1', 'so-1-x', 'so-2', 'so-10', 'so-a'].filter((x) => ids.includes(x)));
    expect(isSimpleId('so-tttt')).toBe(true);
    expect(isSimpleId('Sở-TTTT')).toBe(false);
  });
});
