import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from '@egov-plan/core';

describe('utf8ByteLength', () => {
  it('is the length of what TextEncoder writes, for any string (lone surrogates included, written as U+FFFD)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 6 }), (text, surrogates) => {
        const s = text + surrogates + text;
        expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
      }),
      { numRuns: 500 },
    );
  });
});
