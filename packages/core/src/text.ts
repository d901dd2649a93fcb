import * as z from 'zod';

/**
 * Normalises a quotation from a source document the way every `source.quote` is stored:
 * Unicode NFC, every run of whitespace collapsed to one space, no leading or trailing space.
 *
 * @example normaliseText('tối  thiểu\n80%') // 'tối thiểu 80%'
 */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Text in both working languages. `vi` is the official Vietnamese wording; `en` is a faithful
 * English translation made for readers of this library (not an official translation).
 */
export const BilingualText = z
  .strictObject({
    vi: z.string().min(1).describe('Official Vietnamese text.'),
    en: z.string().min(1).describe('Faithful English translation.'),
  })
  .describe('Text in Vietnamese (official) and English (translation).');
// #region generated type BilingualText (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Text in both working languages. `vi` is the official Vietnamese wording; `en` is a faithful
 * English translation made for readers of this library (not an official translation).
 */
export type BilingualText = {
  /**
   * Official Vietnamese text.
   */
  vi: string;
  /**
   * Faithful English translation.
   */
  en: string;
};
// #endregion

/**
 * Where an item comes from in the source document: the section as numbered in the document
 * (for example `I.2.a`, `II.3.h`, `III.12.e`, `Phụ lục V.2`) and the verbatim Vietnamese text,
 * normalised with {@link normaliseText}.
 */
export const SourceRef = z
  .strictObject({
    section: z.string().min(1).describe('Section of the source document, as numbered there.'),
    quote: z
      .string()
      .min(1)
      .refine((q) => q === normaliseText(q), {
        message: 'quote must be normalised (Unicode NFC, single spaces, trimmed)',
      })
      .describe('Verbatim Vietnamese text (NFC, whitespace runs collapsed to one space).'),
  })
  .describe('Provenance of an item: section and verbatim quote.');
// #region generated type SourceRef (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Where an item comes from in the source document: the section as numbered in the document
 * (for example `I.2.a`, `II.3.h`, `III.12.e`, `Phụ lục V.2`) and the verbatim Vietnamese text,
 * normalised with {@link normaliseText}.
 */
export type SourceRef = {
  /**
   * Section of the source document, as numbered there.
   */
  section: string;
  /**
   * Verbatim Vietnamese text (NFC, whitespace runs collapsed to one space).
   */
  quote: string;
};
// #endregion

/** A stable, readable identifier: lower-case letters, digits, `-`, `.` and `_`. */
export const Id = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/u, 'ids use lower-case letters, digits, ".", "_" and "-"')
  .max(120)
  .describe('Stable readable identifier.');
// #region generated type Id (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A stable, readable identifier: lower-case letters, digits, `-`, `.` and `_`. */
export type Id = string;
// #endregion

/** A calendar date written `YYYY-MM-DD` (a local date in Vietnam, no time zone). */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'dates are written YYYY-MM-DD')
  .refine((s) => isLocalDate(s), { message: 'not a real calendar date' })
  .describe('Local calendar date, YYYY-MM-DD.');
// #region generated type LocalDate (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A calendar date written `YYYY-MM-DD` (a local date in Vietnam, no time zone). */
export type LocalDate = string;
// #endregion

/** True when `text` is a real calendar date written `YYYY-MM-DD` (2021-02-29 is not). */
export function isLocalDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Marks a value that is inferred or taken from a single secondary source rather than read in
 * the plan or confirmed twice. Such values are never passed off as fact.
 */
export const Confidence = z
  .enum(['confirmed', 'unconfirmed'])
  .describe('"confirmed": read in the source or two independent sources; "unconfirmed": inferred or one secondary source.');
// #region generated type Confidence (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Marks a value that is inferred or taken from a single secondary source rather than read in
 * the plan or confirmed twice. Such values are never passed off as fact.
 */
export type Confidence = 'confirmed' | 'unconfirmed';
// #endregion

/** Length of `text` in UTF-8 bytes, without `Buffer` (so it runs in a browser); lone surrogates count 3, as the encoder writes U+FFFD. */
export function utf8ByteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
