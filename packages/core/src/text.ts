import * as z from 'zod';
import * as MSG from './validate-messages.js';

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
    vi: z.string().min(1),
    en: z.string().min(1),
  });
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
    section: z.string().min(1),
    quote: z
      .string()
      .min(1)
      .refine((q) => q === normaliseText(q), { message: MSG.schemaUnnormalisedQuote.en }),
  });
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
  .regex(/^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/u, MSG.schemaFormatId.en)
  .max(120);
// #region generated type Id (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A stable, readable identifier: lower-case letters, digits, `-`, `.` and `_`. */
export type Id = string;
// #endregion

/** A calendar date written `YYYY-MM-DD` (a local date in Vietnam, no time zone). */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, MSG.schemaFormatDate.en)
  .refine((s) => isLocalDate(s), { message: MSG.schemaUnrealDate.en });
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
  .enum(['confirmed', 'unconfirmed']);
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

/** A character in an identifier that makes it read like another one (see {@link findSuspiciousCharacter}). */
export interface SuspiciousCharacter {
  /** `invisible`: a format, control or invisible space character; `mixed-script`: a letter of another script than the id's first letter (Cyrillic `а` among Latin letters). */
  kind: 'invisible' | 'mixed-script';
  /** The code point, written `U+200B`. */
  codePoint: string;
  /** Index of the character in the text (UTF-16 units). */
  index: number;
  /** For `mixed-script`: the scripts mixed, the id's first one first (e.g. `Latin`, `Cyrillic`). */
  scripts?: [string, string];
}

// Invisible: format characters (zero-width space and joiners, bidi controls, soft hyphen, BOM),
// controls, line/paragraph separators, spaces other than U+0020, variation selectors and the
// Hangul fillers, all of which render as nothing or as a plain space.
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u180E\u034F\uFE00-\uFE0F\u115F\u1160\u3164\uFFA0]|\uDB40[\uDD00-\uDDEF]/u;
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/u;
const SCRIPTS: readonly [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
];

/** `U+200B` for a code point. */
export function formatCodePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first character that makes an identifier read like another: an invisible one (zero-width
 * space, bidi override, other format or control characters, non-breaking and other spaces), or a
 * letter of a look-alike script mixed with another (Latin with Cyrillic, Greek or Armenian).
 * Vietnamese letters are Latin. Returns null when there is none.
 *
 * @example findSuspiciousCharacter('so\u200Ba') // { kind: 'invisible', codePoint: 'U+200B', index: 2 }
 */
export function findSuspiciousCharacter(text: string): SuspiciousCharacter | null {
  if (PRINTABLE_ASCII.test(text)) return null;
  let first: string | null = null;
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (INVISIBLE.test(ch)) return { kind: 'invisible', codePoint: formatCodePoint(cp), index };
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0];
    if (script !== undefined) {
      if (first === null) first = script;
      else if (script !== first) return { kind: 'mixed-script', codePoint: formatCodePoint(cp), index, scripts: [first, script] };
    }
    index += ch.length;
  }
  return null;
}

/** A bilingual description of a {@link SuspiciousCharacter}, for messages. */
export function describeSuspiciousCharacter(s: SuspiciousCharacter): BilingualText {
  return s.kind === 'invisible'
    ? { vi: `chứa ký tự vô hình ${s.codePoint} ở vị trí ${s.index}`, en: `contains the invisible character ${s.codePoint} at index ${s.index}` }
    : {
        vi: `trộn chữ ${s.scripts?.[1]} (${s.codePoint}, vị trí ${s.index}) với chữ ${s.scripts?.[0]}: ký tự trông giống nhưng khác`,
        en: `mixes a ${s.scripts?.[1]} letter (${s.codePoint} at index ${s.index}) with ${s.scripts?.[0]} letters: a look-alike character`,
      };
}
