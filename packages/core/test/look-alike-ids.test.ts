import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSuspiciousCharacter, validatePlan } from '../src/index.js';
import { smallPlan } from '@egov-plan/test-utils';

// Ids that read like other ids — with an invisible character or a letter of a look-alike script —
// are refused with a typed issue naming the code point.

describe('findSuspiciousCharacter', () => {
  it('names zero-width, bidi and other invisible characters by code point and index', () => {
    expect(findSuspiciousCharacter('so-\u200Ba')).toEqual({ kind: 'invisible', codePoint: 'U+200B', index: 3 });
    expect(findSuspiciousCharacter('\u202Eso-a')).toMatchObject({ kind: 'invisible', codePoint: 'U+202E', index: 0 });
    for (const [ch, cp] of [['\u2066', 'U+2066'], ['\u00AD', 'U+00AD'], ['\uFEFF', 'U+FEFF'], ['\u00A0', 'U+00A0'], ['\u200D', 'U+200D'], ['\u0007', 'U+0007'], ['\u{E0041}', 'U+E0041']] as const) {
      expect(findSuspiciousCharacter(`a${ch}b`), cp).toMatchObject({ kind: 'invisible', codePoint: cp, index: 1 });
    }
  });

  it('names a Cyrillic or Greek look-alike among Latin letters, and the scripts it mixes', () => {
    expect(findSuspiciousCharacter('so-\u0430')).toEqual({ kind: 'mixed-script', codePoint: 'U+0430', index: 3, scripts: ['Latin', 'Cyrillic'] });
    expect(findSuspiciousCharacter('\u03BFnline')).toMatchObject({ kind: 'mixed-script', codePoint: 'U+006E', scripts: ['Greek', 'Latin'] });
  });

  it('accepts Vietnamese, plain ASCII and single-script ids', () => {
    for (const ok of ['sở-tt-tt', 'Đắk Glei', 'xã-ia-h’drai', 'so-a.2020_1', 'москва', 'αβγ']) expect(findSuspiciousCharacter(ok), ok).toBeNull();
  });

  it('any id with an invisible character inserted anywhere is flagged at that index', () => {
    const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\u202A', '\u202E', '\u2067', '\uFEFF', '\u00AD', '\u0000', '\u001B');
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9.-]{0,20}$/u), fc.nat(), invisible, (id, at, ch) => {
        const i = at % (id.length + 1);
        const found = findSuspiciousCharacter(id.slice(0, i) + ch + id.slice(i));
        expect(found).toMatchObject({ kind: 'invisible', index: i });
      }),
    );
  });
});

describe('plan ids', () => {
  it('an agency id with a zero-width space is schema.invisible_character naming U+200B, at its pointer', () => {
    const plan = smallPlan() as unknown as { agencies: { id: string }[] };
    const id = (plan.agencies[0] as { id: string }).id;
    (plan.agencies[0] as { id: string }).id = `${id}\u200B`;
    const r = validatePlan(plan);
    expect(r.ok).toBe(false);
    const found = r.issues.find((i) => i.pointer === '/agencies/0/id');
    expect(found?.code).toBe('schema.invisible_character');
    expect(found?.message.en).toContain('U+200B');
    expect(found?.message.vi).toContain('U+200B');
  });

  it('an indicator id with a Cyrillic а is schema.mixed_script naming U+0430', () => {
    const plan = smallPlan() as unknown as { indicators: { id: string }[] };
    (plan.indicators[0] as { id: string }).id = 'onlin\u0435-rate';
    const r = validatePlan(plan);
    const found = r.issues.find((i) => i.pointer === '/indicators/0/id');
    expect(found).toMatchObject({ code: 'schema.mixed_script' });
    expect(found?.message.en).toContain('U+0435');
  });
});
