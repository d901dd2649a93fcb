// The order in which results, coverage lists and reporters list org units: numeric-aware
// (`so-2` before `so-10`), as `Intl.Collator('en', { numeric: true })` orders them. The collator
// is slow for the ten thousand ids of a national quarter (a sort of 11,466 ids takes ~10 ms,
// longer than judging them), so ids made only of the characters most codes use — lower-case
// ASCII letters, digits and hyphens — are compared by {@link compareSimpleIds}, which gives the
// collator's order for them (a property test holds it to that); any other id, and any tie
// between different ids (leading zeros: `so-01` and `so-1`), goes to the collator.

const collator = new Intl.Collator('en', { numeric: true });

/** True when an id has only `a`–`z`, `0`–`9` and `-`: the ids {@link compareSimpleIds} orders. */
export function isSimpleId(id: string): boolean {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  return true;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Compares two simple ids (see {@link isSimpleId}) as the collator does: runs of digits by their
 * numeric value, other characters by code (for these characters the collator's order: `-`, then
 * digits, then letters), a prefix first. 0 only when the ids differ by leading zeros or not at all.
 */
export function compareSimpleIds(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  while (i < la && j < lb) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      // Two numbers: skip leading zeros; the longer run of significant digits is the larger.
      while (i < la && a.charCodeAt(i) === 48) i++;
      while (j < lb && b.charCodeAt(j) === 48) j++;
      let ei = i;
      while (ei < la && isDigit(a.charCodeAt(ei))) ei++;
      let ej = j;
      while (ej < lb && isDigit(b.charCodeAt(ej))) ej++;
      if (ei - i !== ej - j) return ei - i - (ej - j);
      for (; i < ei; i++, j++) {
        const d = a.charCodeAt(i) - b.charCodeAt(j);
        if (d !== 0) return d;
      }
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  return la - i - (lb - j);
}

/** Compares two org unit ids in numeric-aware order (that of `Intl.Collator('en', { numeric: true })`). */
export function compareIds(a: string, b: string): number {
  if (isSimpleId(a) && isSimpleId(b)) {
    const d = compareSimpleIds(a, b);
    if (d !== 0 || a === b) return d;
  }
  return collator.compare(a, b);
}

/**
 * A comparator for many ids at once: when every id is simple (checked once, not per
 * comparison), {@link compareSimpleIds} with the collator for ties; else {@link compareIds}.
 */
export function idComparator(ids: readonly string[]): (a: string, b: string) => number {
  for (const id of ids) if (!isSimpleId(id)) return compareIds;
  return (a, b) => {
    const d = compareSimpleIds(a, b);
    return d !== 0 || a === b ? d : collator.compare(a, b);
  };
}
