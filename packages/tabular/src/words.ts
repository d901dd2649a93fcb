import type { BilingualText, Unit } from '@egov-plan/core';

// The words tabular's messages put in their parameters (bilingual parameters of the templates
// in messages.ts): units named for a reader, and the places of rows in a backup.

/** An indicator's unit as a reader names it, in both languages. @internal */
export const UNIT_WORDS: Readonly<Record<Unit, BilingualText>> = {
  percent: { vi: 'tỷ lệ %', en: 'percent' },
  count: { vi: 'số lượng', en: 'a count' },
  boolean: { vi: 'có/không', en: 'yes/no' },
};

/** Where a revision of a JSON backup stands: the backup and the revision's JSON pointer. @internal */
export function backupPointerPlace(file: string, pointer: string): BilingualText {
  return { vi: `Bản sao lưu ${file}, ${pointer}`, en: `Backup ${file}, ${pointer}` };
}

/** Where a revision of a CSV backup stands: the backup and the line. @internal */
export function backupLinePlace(file: string, line: number): BilingualText {
  return { vi: `Bản sao lưu ${file}, dòng ${line}`, en: `Backup ${file}, line ${line}` };
}

/** A revision of a backup named by its content (`what`: indicator × org unit × period). @internal */
export function revisionPlace(revision: number, what: string, importId: string): BilingualText {
  return { vi: `Phiên bản ${revision} của ${what} (lần nhập ${importId})`, en: `Revision ${revision} of ${what} (import ${importId})` };
}

/** A revision's message after its place. @internal */
export function atRevision(place: BilingualText, text: BilingualText): BilingualText {
  return { vi: `${place.vi}: ${text.vi}`, en: `${place.en}: ${text.en}` };
}

/** What a field of a backup's reassertion entry must be, in both languages. @internal */
export const REASSERTION_FIELD_WORDS = {
  text: { vi: 'một chuỗi không rỗng', en: 'a non-empty string' },
  revision: { vi: 'một số nguyên dương', en: 'a positive whole number' },
  row: { vi: 'một số nguyên không âm', en: 'a whole number, 0 or more' },
  sheet: { vi: 'tên một trang tính, hoặc null', en: "a sheet's name, or null" },
} as const satisfies Readonly<Record<string, BilingualText>>;
