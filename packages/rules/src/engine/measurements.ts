import { ADMINISTRATIVE_LEVEL_NAMES, EgovPlanError, MEASUREMENT_FIELD_HEADINGS_VI, MEASUREMENT_FIELDS, MAX_ORG_UNIT_LENGTH, describeSuspiciousCharacter, findSuspiciousCharacter, isLocalDate, issueFrom, type AdministrativeLevel, type BilingualText, type FileKeySet, type Indicator, type Issue, type IssueMessage, type IssueParams, type MeasurementInput, type Plan, type Unit } from '@egov-plan/core';
import { echo } from '../ingest/text.js';
import * as MSG from '../messages.js';
import { dayMonthYear } from './dates.js';
import { atRow, itemPlace, ofField, valueKind } from '../words.js';
import { periodLookup, type PeriodLookup } from './periods.js';

// Measurements arrive as CSV (`indicator,orgUnit,level,period,value[,numerator,denominator]`),
// as JSON, or as objects from code. Each row is checked against the plan on its own: a bad row is
// reported with its row number and reason and left out; the good rows are still evaluated.

export type { MeasurementInput };

/**
 * A row as the row checker receives it: a {@link MeasurementInput} from code, a JSON item, or the
 * cells of a CSV row by column name (strings). Anything else is checked and reported, not trusted.
 */
/** A row as handed to the checks: field name → value as given. @internal */
export type RawRow = Readonly<Record<string, unknown>>;

/** A checked measurement, ready to evaluate. */
export interface Observation {
  indicator: string;
  /** The org unit as named in the measurements. */
  orgUnit: string;
  level: AdministrativeLevel;
  /** Reporting-period id, or for dated evidence the evidence date. */
  period: string;
  /** First day of the period (the evidence date for dated evidence). */
  start: string;
  /** Last day of the period (the evidence date for dated evidence). */
  end: string;
  /** Number in the indicator's unit (percent as written: 20 for 20%), or yes/no. */
  value: number | boolean;
  numerator: number | undefined;
  denominator: number | undefined;
  /** True for qualitative evidence given as a date ("in place since 2020-06-30"). */
  evidence: boolean;
  /** Row number (CSV: the header is row 1) or 1-based item number (JSON, code). */
  row: number;
  source: string | undefined;
}

/** Checked measurements and the issues of the rows left out. */
export interface MeasurementSet {
  observations: Observation[];
  /** One or more issues per bad row, each naming its row. */
  issues: Issue[];
  /** Number of rows read (good and bad). */
  rows: number;
}

/**
 * Largest difference, in percentage points, between a percentage and its numerator/denominator
 * that rounding explains (a value rounded to a whole percent is at most 0.5 off).
 */
export const MAX_ROUNDING_GAP = 0.5;

const DATE = /^\d{4}-\d{2}-\d{2}$/u;
const YES = new Set(['true', 'yes', 'có', 'co', '1']);
const NO = new Set(['false', 'no', 'không', 'khong', '0']);
const LEVELS: Record<string, AdministrativeLevel> = {
  province: 'province',
  district: 'district',
  commune: 'commune',
  'tỉnh': 'province',
  'huyện': 'district',
  'xã': 'commune',
  // As the template names its sheets (Cấp tỉnh, Cấp huyện, Cấp xã): what an officer types.
  'cấp tỉnh': 'province',
  'cấp huyện': 'district',
  'cấp xã': 'commune',
};
/** A level's Vietnamese word without `cấp` (`tỉnh` of ADMINISTRATIVE_LEVEL_NAMES' `cấp tỉnh`), as a message writing `đơn vị tỉnh` names it. */
const levelWordVi = (level: AdministrativeLevel): string => ADMINISTRATIVE_LEVEL_NAMES[level].vi.slice('cấp '.length);
/** The columns (CSV) and keys (JSON) of a measurement. @internal */
export const COLUMNS: readonly string[] = MEASUREMENT_FIELDS;
const FIELD_SET: ReadonlySet<string> = new Set(MEASUREMENT_FIELDS);
/** The columns a measurements CSV must have. @internal */
export const REQUIRED = ['indicator', 'orgUnit', 'period', 'value'] as const;

/** Where a row sits, for its issues. @internal */
export interface RowContext {
  row: number;
  /** Pointer of the row (`/3` for CSV row 3, `/measurements/2` for JSON item 3). */
  pointer: string;
  label: { vi: string; en: string };
  file?: string;
  locate?: (pointer: string) => { line: number; column: number };
  line?: number;
  /** A spreadsheet's column of a field (its 1-based number and its letter), named in the issue. */
  columnOf?: (field: string) => { column: number; letter: string; heading?: string } | undefined;
}

/** How the rows of one input are named in issues; contexts are only built for bad rows. @internal */
export interface RowNaming {
  /** The row number reported with an observation. */
  rowOf(r: number): number;
  /** The context of a bad row, for its issues. */
  contextOf(r: number): RowContext;
}

/** The org units a plan knows, with their level, and the ids that mean the province itself. */
export interface OrgUnitDirectory {
  levelOf: ReadonlyMap<string, AdministrativeLevel>;
  /** Ids of the province itself: the issuer's unit code and the plan's province-level units. */
  provinceIds: readonly string[];
  /** Names of the administrative units (by code) and agencies (by id), for explanations. */
  names: ReadonlyMap<string, BilingualText>;
  /**
   * The levels at which the plan lists its org units one by one (an administrative unit, or an
   * agency that is not a collective): an org unit it does not know at such a level is probably
   * mistyped, and is named in a `measurement.unknown_org_unit` warning. At another level (the
   * communes of most plans) an unknown org unit is what is expected.
   */
  listedLevels: ReadonlySet<AdministrativeLevel>;
}

/** The org units a plan declares: administrative units by code, agencies by id. @internal */
export function orgUnitDirectory(plan: Plan): OrgUnitDirectory {
  const levelOf = new Map<string, AdministrativeLevel>();
  for (const a of plan.agencies) if (a.level) levelOf.set(a.id, a.level);
  for (const u of plan.administrativeUnits) levelOf.set(u.code, u.level);
  const provinceIds: string[] = [];
  if (plan.issuer.unit) {
    provinceIds.push(plan.issuer.unit);
    levelOf.set(plan.issuer.unit, 'province');
  }
  for (const u of plan.administrativeUnits) if (u.level === 'province' && !provinceIds.includes(u.code)) provinceIds.push(u.code);
  const names = new Map<string, BilingualText>();
  for (const a of plan.agencies) names.set(a.id, a.name);
  for (const u of plan.administrativeUnits) names.set(u.code, u.name);
  const listedLevels = new Set<AdministrativeLevel>();
  for (const a of plan.agencies) if (a.level && a.kind !== 'group') listedLevels.add(a.level);
  for (const u of plan.administrativeUnits) listedLevels.add(u.level);
  if (plan.issuer.unit) listedLevels.add('province');
  return { levelOf, provinceIds, names, listedLevels };
}

/** Most org units named one by one in `measurement.unknown_org_unit` warnings for one input; the rows of the others are counted in one more warning. */
export const MAX_UNKNOWN_ORG_UNITS = 20;

/**
 * The id among `known` closest to `id` (fewest single-character edits, letter case aside), when
 * it is close enough to be a typo of it: at most one edit in three characters. @internal
 */
export function closestId(id: string, known: Iterable<string>): string | undefined {
  const a = id.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(a.length / 3)) + 1;
  for (const k of known) {
    const d = editDistance(a, k.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance of `a` and `b`, or `limit` when it is `limit` or more. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const d = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return Math.min(limit, previous[b.length] as number);
}

/** An issue of one row worded by `message` (after the row's label, as {@link rowIssue} puts it). @internal */
export function rowIssueFrom<const M extends IssueMessage>(ctx: RowContext, field: string | null, message: M, params: IssueParams<M>, extra?: Pick<Issue, 'severity'>): Issue {
  const made = rowIssue(ctx, field, issueFrom(message, '', params));
  return extra ? { ...made, ...extra } : made;
}

/** A measurement field as a Vietnamese message names it: the template's heading (`Giá trị`), or the key itself when it is not a field. @internal */
export function fieldName(field: string): string {
  return (MEASUREMENT_FIELD_HEADINGS_VI as Readonly<Record<string, string | undefined>>)[field] ?? field;
}

/** An issue of one row: `made`'s code and message (a message of the row alone), after the row's place. @internal */
export function rowIssue(ctx: RowContext, field: string | null, made: Pick<Issue, 'code' | 'message'>): Issue {
  const pointer = field === null ? ctx.pointer : `${ctx.pointer}/${field}`;
  const pos = ctx.locate ? ctx.locate(pointer) : ctx.line !== undefined ? { line: ctx.line } : {};
  const col = field === null ? undefined : ctx.columnOf?.(field);
  const file = ctx.file === undefined ? {} : { file: ctx.file };
  if (col && field !== null) {
    // The column as the file names it (`value` or `Giá trị`): what the officer finds in row 1.
    // Without the file's heading, Vietnamese names it by the template's heading, never the English key.
    const named = { letter: col.letter, field: col.heading ?? field, heading: col.heading ?? fieldName(field) };
    return { code: made.code, pointer, message: atRow(ctx.label, named, made.message), ...pos, column: col.column, ...file };
  }
  return { code: made.code, pointer, message: atRow(ctx.label, undefined, made.message), ...pos, ...file };
}

/** A field as the row messages name it (`{field}`): in Vietnamese by its heading in lower case, in English by its key. */
function fieldWords(field: string): BilingualText {
  return { vi: fieldName(field).toLowerCase(), en: field };
}

const COUNT_FIELDS = ['numerator', 'denominator'] as const;

/** Most pairs (org unit × indicator) of the first period held in the direct table of {@link DuplicateTable}: 4 MiB. */
const DIRECT_PAIRS = 1 << 20;
/** A free entry of the direct table (no row is numbered so). */
const FREE = -0x80000000;

/**
 * (indicator × org unit, period) → row of the first observation. The pairs of the first period
 * seen (a file is usually one period) below {@link DIRECT_PAIRS} are looked up directly in a
 * typed array indexed by pair — pairs are numbered densely as org units come, and consecutive rows
 * touch neighbouring entries; every other key lives in an open-addressing hash table over typed
 * arrays. Which of the two holds a key depends on the key alone. Both are exact (no key
 * collisions to fall back from) and invisible to the garbage collector, where a `Map` of hundreds
 * of thousands of entries cost a third of the check.
 */
class DuplicateTable {
  /** Per pair of period 0: the row, {@link FREE} when none (grown as pairs come, up to {@link DIRECT_PAIRS}). */
  #direct = new Int32Array(0);
  /** Entry index + 1 per slot, 0 when free. */
  #slots = new Int32Array(1 << 12);
  /** Per entry of the hash table: its pair and period numbers. */
  #pair = new Float64Array(1 << 11);
  #period = new Int32Array(1 << 11);
  /** Per entry: the row it came from (duplicates name it; the observations themselves may be gone, handed on to a store). */
  #row = new Int32Array(1 << 11);
  #count = 0;

  static #hash(pair: number, period: number): number {
    return (Math.imul(pair | 0, 0x9e3779b1) ^ Math.imul((pair / 4294967296) | 0, 0x85ebca6b) ^ Math.imul(period, 0xc2b2ae35)) >>> 0;
  }

  /** The row stored for the key, or undefined. */
  rowOf(pair: number, period: number): number | undefined {
    if (period === 0 && pair < DIRECT_PAIRS) {
      const direct = this.#direct;
      if (pair >= direct.length) return undefined;
      const row = direct[pair] as number;
      return row === FREE ? undefined : row;
    }
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let h = DuplicateTable.#hash(pair, period) & mask; ; h = (h + 1) & mask) {
      const e = slots[h] as number;
      if (e === 0) return undefined;
      if (this.#pair[e - 1] === pair && this.#period[e - 1] === period) return this.#row[e - 1] as number;
    }
  }

  /** Stores a key that {@link rowOf} did not find, read from `row`. */
  add(pair: number, period: number, row: number): void {
    if (period === 0 && pair < DIRECT_PAIRS) {
      let direct = this.#direct;
      if (pair >= direct.length) {
        const grown = new Int32Array(Math.min(DIRECT_PAIRS, Math.max(pair + 1, 2 * direct.length, 1 << 12)));
        grown.fill(FREE, direct.length);
        grown.set(direct);
        this.#direct = direct = grown;
      }
      direct[pair] = row;
      return;
    }
    const index = this.#count;
    if (index >= this.#pair.length) {
      const size = Math.max(index + 1, this.#pair.length * 2);
      const pairs = new Float64Array(size);
      pairs.set(this.#pair);
      this.#pair = pairs;
      const periods = new Int32Array(size);
      periods.set(this.#period);
      this.#period = periods;
      const rows = new Int32Array(size);
      rows.set(this.#row);
      this.#row = rows;
    }
    this.#pair[index] = pair;
    this.#period[index] = period;
    this.#row[index] = row;
    if (++this.#count * 2 > this.#slots.length) this.#grow();
    this.#place(this.#slots, pair, period, index);
  }

  #place(slots: Int32Array, pair: number, period: number, index: number): void {
    const mask = slots.length - 1;
    let h = DuplicateTable.#hash(pair, period) & mask;
    while (slots[h] !== 0) h = (h + 1) & mask;
    slots[h] = index + 1;
  }

  #grow(): void {
    const old = this.#slots;
    const slots = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i++) {
      const e = old[i] as number;
      if (e !== 0) this.#place(slots, this.#pair[e - 1] as number, this.#period[e - 1] as number, e - 1);
    }
    this.#slots = slots;
  }
}

/**
 * A field as text: trimmed and in NFC, undefined when it is not a string. Printable ASCII (U+0020
 * to U+007E) needs no normalising, and without a space at either end no trimming either: the
 * string itself, found from its character codes (no regular expression, nothing allocated).
 */
function text(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const n = v.length;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return v.normalize('NFC').trim();
  }
  return n > 0 && (v.charCodeAt(0) === 0x20 || v.charCodeAt(n - 1) === 0x20) ? v.trim() : v;
}
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && blankString(v));
/** A string of white space only; a first character that is printable ASCII other than a space answers without trimming. */
function blankString(v: string): boolean {
  if (v.length === 0) return true;
  const c = v.charCodeAt(0);
  return c > 0x20 && c < 0x7f ? false : v.trim() === '';
}

/**
 * The number a field holds, or NaN when it holds none ({@link notANumber} says why): the checks'
 * fast path, which allocates nothing for a well-formed number.
 */
function numberOrNaN(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  const s = text(v);
  return s === undefined ? Number.NaN : decimalOrNaN(s);
}

/** 10^0 … 10^15, each exact as a double. */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number a decimal written `[+-]digits[.digits]` (or `.digits`) asks for, as `Number(s)`
 * reads it; NaN for any other text.
 * Up to 15 digits it is read from the character codes: the digits make an integer below 2^53 and
 * the power of ten is exact, so their quotient is the double nearest the decimal, as `Number`
 * gives (a correctly rounded division of two exact doubles); longer ones go to `Number`.
 *
 * @internal
 */
export function decimalOrNaN(s: string): number {
  const n = s.length;
  let i = 0;
  let negative = false;
  const first = n > 0 ? s.charCodeAt(0) : 0;
  if (first === 0x2b || first === 0x2d) {
    negative = first === 0x2d;
    i = 1;
  }
  let digits = 0;
  /** Digits after the point, −1 before a point is seen. */
  let decimals = -1;
  let m = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      m = m * 10 + (c - 0x30);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 0x2e && decimals < 0) decimals = 0;
    else return Number.NaN;
  }
  if (digits === 0) return Number.NaN;
  if (digits > 15) {
    const x = Number(s);
    return Number.isFinite(x) ? x : Number.NaN;
  }
  const x = decimals > 0 ? m / (POWERS_OF_TEN[decimals] as number) : m;
  return negative ? -x : x;
}

/**
 * Why `v`, which {@link numberOrNaN} did not read, is not a number: the issue (code and message)
 * of the value, or of a count field once {@link ofCount} puts the field's name before it.
 */
function notANumber(v: unknown): Pick<Issue, 'code' | 'message'> {
  if (typeof v === 'number') return issueFrom(MSG.measurementValueNotFinite, '', {});
  const s = text(v);
  if (s === undefined) return issueFrom(MSG.measurementValueNotNumber, '', { type: typeof v });
  const shown = JSON.stringify(s.slice(0, 40));
  if (/^\d+,\d+$/u.test(s)) return issueFrom(MSG.measurementValueDecimalComma, '', { text: shown });
  if (s.endsWith('%')) return issueFrom(MSG.measurementValuePercentSign, '', { text: shown });
  return issueFrom(MSG.measurementValueNotDecimal, '', { text: shown });
}

/** `made` of a count field, its message after the field's name (`tử số: …` / `numerator: …`). */
function ofCount(field: 'numerator' | 'denominator', made: Pick<Issue, 'code' | 'message'>): Pick<Issue, 'code' | 'message'> {
  const named = fieldWords(field);
  return { code: made.code, message: ofField(named, made.message) };
}

/**
 * True for the result of `prepareMeasurements`, `parseMeasurementsCsv` or `parseMeasurementsJson`.
 *
 * @internal
 */
export function isMeasurementSet(m: unknown): m is MeasurementSet {
  if (m === null || typeof m !== 'object' || Symbol.iterator in m || Symbol.asyncIterator in m) return false;
  const s = m as Partial<MeasurementSet>;
  return Array.isArray(s.observations) && Array.isArray(s.issues) && typeof s.rows === 'number';
}

/** Options of {@link prepareMeasurements}. */
export interface PrepareOptions {
  /** File name shown in issues. */
  file?: string;
  /** The period look-up to use (default: the plan's). */
  periods?: PeriodLookup;
}

/**
 * Checks measurement rows against a plan and turns the good ones into {@link Observation}s.
 * `rows` is an array or any iterable (a generator, a `Set`, a synchronous database cursor); for
 * an async iterable use {@link prepareMeasurementsAsync}. Every problem of a row is an issue
 * naming the row (`measurement.*` codes, item numbers from 1); a row with any problem is left
 * out. Never throws for bad rows; throws {@link EgovPlanError} `usage.invalid_measurements` when
 * `rows` is not an iterable of rows (a string, an async iterable, a number…).
 */
export function prepareMeasurements(plan: Plan, rows: Iterable<MeasurementInput>, options: PrepareOptions = {}): MeasurementSet {
  const iterable = measurementIterable(rows, false);
  const { check, finish } = codeRowChecker(plan, options);
  let r = 0;
  for (const row of iterable as Iterable<unknown>) check(row, r++);
  return finish();
}

/**
 * {@link prepareMeasurements} for an async iterable (a database cursor, a stream of parsed
 * rows) or a plain iterable; rows are checked as they arrive, never held all at once.
 */
export async function prepareMeasurementsAsync(plan: Plan, rows: AsyncIterable<MeasurementInput> | Iterable<MeasurementInput>, options: PrepareOptions = {}): Promise<MeasurementSet> {
  const iterable = measurementIterable(rows, true);
  const { check, finish } = codeRowChecker(plan, options);
  let r = 0;
  for await (const row of iterable as AsyncIterable<unknown>) check(row, r++);
  return finish();
}

function codeRowChecker(plan: Plan, options: PrepareOptions): { check: (row: unknown, r: number) => void; out: MeasurementSet; finish: () => MeasurementSet } {
  const out: MeasurementSet = { observations: [], issues: [], rows: 0 };
  const where = options.file === undefined ? {} : { file: options.file };
  const checker = rowChecker(plan, options.periods ?? periodLookup(plan), out);
  const naming: RowNaming = { rowOf: (r) => r + 1, contextOf: (r) => ({ row: r + 1, pointer: `/${r}`, label: itemPlace(r + 1), ...where }) };
  const check = (row: unknown, r: number) => {
    const problem = shapeProblem(row);
    if (problem) {
      out.rows++;
      out.issues.push(rowIssue(naming.contextOf(r), problem.field, problem));
    } else checker(row as RawRow, r, naming);
  };
  const finish = () => {
    for (const w of checker.warnings()) out.issues.push(w);
    return out;
  };
  return { check, out, finish };
}

/**
 * What is wrong with the shape of a row from code or JSON, if anything: not an object, a key the
 * format does not define, a nested object or array as a field. The same rules for both sources.
 *
 * @internal
 */
export function shapeProblem(row: unknown): (Pick<Issue, 'code' | 'message'> & { field: string | null }) | null {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return { field: null, ...issueFrom(MSG.measurementNotAnObject, '', {}) };
  for (const k of Object.keys(row)) {
    if (!FIELD_SET.has(k)) return { field: k, ...issueFrom(MSG.measurementUnknownKey, '', { key: k.slice(0, 40) }) };
    const v = (row as Record<string, unknown>)[k];
    if (v instanceof Date && k === 'period') return { field: k, ...issueFrom(MSG.measurementPeriodDate, '', {}) };
    if (v !== null && typeof v === 'object') return { field: k, ...issueFrom(MSG.measurementNestedValue, '', { key: k }) };
  }
  return null;
}

/** The rows as an iterable, or a typed error for anything that is not a collection of rows. */
function measurementIterable(rows: unknown, allowAsync: boolean): Iterable<unknown> | AsyncIterable<unknown> {
  const isObject = rows !== null && (typeof rows === 'object' || typeof rows === 'function');
  if (isObject && typeof (rows as Iterable<unknown>)[Symbol.iterator] === 'function') return rows as Iterable<unknown>;
  if (isObject && typeof (rows as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    if (allowAsync) return rows as AsyncIterable<unknown>;
    throw new EgovPlanError([issueFrom(MSG.usageInvalidMeasurementsAsync, '', {})]);
  }
  if (typeof rows === 'string') throw new EgovPlanError([issueFrom(MSG.usageInvalidMeasurementsText, '', {})]);
  throw new EgovPlanError([issueFrom(MSG.usageInvalidMeasurements, '', { what: valueKind(rows) })]);
}

/**
 * A number as a message parameter, as it is (callers round it): with a decimal comma in
 * Vietnamese, a dot in English, as `formatNumber` writes them.
 */
function numberText(n: number): BilingualText {
  const en = String(n);
  return { vi: en.replace('.', ','), en };
}

/** The row checks of one input: checks one row, adding to the set; {@link RowCheck.warnings} after the last row. @internal */
export interface RowCheck {
  (m: RawRow, r: number, naming: RowNaming): void;
  /**
   * The warnings about the rows as a whole, to add to the issues after the last row: one
   * `measurement.unknown_org_unit` per org unit the plan does not list (first row, row count,
   * closest known id), at most {@link MAX_UNKNOWN_ORG_UNITS}, then one counting the other rows.
   */
  warnings(): Issue[];
}

/** An accepted org unit the plan does not list: its level, its rows, where it first came. */
interface UnknownUnit {
  level: AdministrativeLevel;
  rows: number;
  ctx: RowContext;
}

/**
 * Checks rows one at a time (so a large file is never held as rows), adding to `out`: the hand-off
 * from the readers of measurement text (CSV, JSON) to the checks. With `keys` (a store's
 * {@link FileKeySet}), the duplicate check keeps its keys there instead of in memory. @internal
 */
export function rowChecker(plan: Plan, lookup: PeriodLookup, out: MeasurementSet, keys?: FileKeySet): RowCheck {
  // One look-up per row gives the indicator and its number (for a plan listing an id twice, the last, as a map built from the list keeps).
  const indicatorIndex = new Map(plan.indicators.map((i, n) => [i.id, n]));
  const indicatorCount = indicatorIndex.size;
  const dir = orgUnitDirectory(plan);
  // Duplicates (same indicator, org unit and period) are found with small integer keys: org units
  // and periods are numbered as they come, which is far cheaper than joining strings per row, and
  // looked up in an open-addressing table of typed arrays (nothing for the garbage collector).
  const unitNumber = new Map<string, number>();
  const unitNames: string[] = [];
  const periodNumber = new Map<string, number>();
  const seen = new DuplicateTable();
  let lastUnit = '';
  let lastUnitNumber = -1;
  // The row being checked and its problems: one closure for every row, not one per row.
  let problems: Issue[] = [];
  let ctx: RowContext | undefined;
  let row = 0;
  let rowNaming: RowNaming;
  const bad = <const M extends IssueMessage>(field: string | null, message: M, params: IssueParams<M>) => problems.push(rowIssueFrom((ctx ??= rowNaming.contextOf(row)), field, message, params));
  const badNumber = (field: 'value' | 'numerator' | 'denominator', v: unknown) => problems.push(rowIssue((ctx ??= rowNaming.contextOf(row)), field, field === 'value' ? notANumber(v) : ofCount(field, notANumber(v))));
  const lookAlike = (field: 'indicator' | 'orgUnit', id: string): boolean => {
    const odd = findSuspiciousCharacter(id);
    if (!odd) return false;
    const d = describeSuspiciousCharacter(odd);
    bad(field, odd.kind === 'invisible' ? MSG.measurementInvisibleCharacter : MSG.measurementMixedScript, { field: fieldWords(field), what: d });
    return true;
  };
  const badDate = (field: string, text: string, why: BilingualText) => problems.push(rowIssueFrom((ctx ??= rowNaming.contextOf(row)), field, MSG.measurementImpossibleDate, { text: echo(text, 40), why }));
  // The last org unit found well-formed: rows come grouped by unit, and its checks need not repeat.
  let lastGoodUnit = '';
  // The level written on the row before and what it means; the plan's level of the unit before.
  let lastLevelGiven: string | undefined;
  let lastLevel: AdministrativeLevel | undefined;
  let lastKnownUnit: string | undefined = '';
  let lastKnown: AdministrativeLevel | undefined;
  // The period written on the row before and what the look-up made of it.
  let lastPeriodGiven: string | undefined;
  let lastPeriod: ReturnType<PeriodLookup> | undefined;
  // Accepted rows of org units the plan does not list, at a level whose units it lists (a typo?):
  // counted per org unit for one warning each. Known org units never come here.
  const warnAt = dir.listedLevels;
  const unknownUnits = new Map<string, UnknownUnit>();
  let lastUnknownName: string | undefined;
  let lastUnknown: UnknownUnit | undefined;
  let unknownRowsMore = 0;
  let moreFile: string | undefined;
  const noteUnknown = (orgUnit: string, level: AdministrativeLevel) => {
    if (orgUnit === lastUnknownName && lastUnknown) {
      lastUnknown.rows++;
      return;
    }
    let u = unknownUnits.get(orgUnit);
    if (u === undefined) {
      if (unknownUnits.size >= MAX_UNKNOWN_ORG_UNITS) {
        unknownRowsMore++;
        return;
      }
      u = { level, rows: 0, ctx: (ctx ??= rowNaming.contextOf(row)) };
      moreFile ??= u.ctx.file;
      unknownUnits.set(orgUnit, u);
    }
    lastUnknownName = orgUnit;
    lastUnknown = u;
    u.rows++;
  };
  const warnings = (): Issue[] => {
    const list: Issue[] = [];
    for (const [orgUnit, u] of unknownUnits) {
      const known: string[] = [];
      for (const [id, level] of dir.levelOf) if (level === u.level) known.push(id);
      const suggestion = closestId(orgUnit, known);
      const params = { orgUnit: echo(orgUnit, 80), level: { vi: levelWordVi(u.level), en: u.level }, rows: u.rows };
      list.push(
        suggestion === undefined
          ? rowIssueFrom(u.ctx, 'orgUnit', MSG.measurementUnknownOrgUnit, params, { severity: 'warning' })
          : rowIssueFrom(u.ctx, 'orgUnit', MSG.measurementUnknownOrgUnitSuggestion, { ...params, suggestion: echo(suggestion, 80) }, { severity: 'warning' }),
      );
    }
    if (unknownRowsMore > 0) {
      list.push(issueFrom(MSG.measurementUnknownOrgUnitsMore, '', { rows: unknownRowsMore, max: MAX_UNKNOWN_ORG_UNITS }, { severity: 'warning', ...(moreFile === undefined ? {} : { file: moreFile }) }));
    }
    return list;
  };
  const check = (m: RawRow, r: number, naming: RowNaming): void => {
    out.rows++;
    if (problems.length) problems = [];
    ctx = undefined;
    row = r;
    rowNaming = naming;

    const indicatorId = text(m.indicator);
    const indicatorNumber = indicatorId ? indicatorIndex.get(indicatorId) : undefined;
    const indicator = indicatorNumber === undefined ? undefined : plan.indicators[indicatorNumber];
    if (!indicatorId) bad('indicator', MSG.measurementMissingIndicator, {});
    else if (!indicator && lookAlike('indicator', indicatorId)) {
      // Named by its code point, not as an unknown indicator that reads like a known one.
    } else if (!indicator) bad('indicator', MSG.measurementUnknownIndicator, { indicator: indicatorId.slice(0, 80) });

    const orgUnit = text(m.orgUnit);
    if (!orgUnit) bad('orgUnit', MSG.measurementMissingOrgUnit, {});
    else if (orgUnit === lastGoodUnit) {
      // Checked on an earlier row.
    } else if (orgUnit.length > MAX_ORG_UNIT_LENGTH) bad('orgUnit', MSG.measurementOrgUnitTooLong, { max: MAX_ORG_UNIT_LENGTH });
    else if (!lookAlike('orgUnit', orgUnit)) lastGoodUnit = orgUnit;

    let level: AdministrativeLevel | undefined;
    if (!isBlank(m.level)) {
      const given = text(m.level);
      // Rows come grouped by unit: the level written is looked up again only when it changes.
      if (given !== lastLevelGiven) {
        lastLevelGiven = given;
        lastLevel = given === undefined ? undefined : LEVELS[given.toLowerCase()];
      }
      level = lastLevel;
      if (!level) {
        bad('level', MSG.measurementInvalidLevel, { level: String(m.level).slice(0, 40) });
      }
    }
    if (orgUnit !== lastKnownUnit) {
      lastKnownUnit = orgUnit;
      lastKnown = orgUnit ? dir.levelOf.get(orgUnit) : undefined;
    }
    const known = lastKnown;
    if (level && known && level !== known) {
      bad('level', MSG.measurementLevelMismatch, { orgUnit: orgUnit as string, known: { vi: ADMINISTRATIVE_LEVEL_NAMES[known].vi, en: known }, given: { vi: ADMINISTRATIVE_LEVEL_NAMES[level].vi, en: level } });
    }
    if (isBlank(m.level) && orgUnit && !known) {
      bad('level', MSG.measurementMissingLevel, { orgUnit });
    }
    level ??= known;

    // Value, by the indicator's unit.
    const unit: Unit | undefined = indicator?.unit;
    let value: number | boolean | undefined;
    let evidence = false;
    let evidenceDate: string | undefined;
    let numerator: number | undefined;
    let denominator: number | undefined;
    const noNumerator = isBlank(m.numerator);
    const noDenominator = isBlank(m.denominator);
    for (const field of COUNT_FIELDS) {
      if (field === 'numerator' ? noNumerator : noDenominator) continue;
      const n = numberOrNaN(m[field]);
      if (Number.isNaN(n)) {
        badNumber(field, m[field]);
      } else if (n < 0) bad(field, MSG.measurementNegativeCount, { field: fieldWords(field) });
      else if (field === 'denominator' && n === 0) bad(field, MSG.measurementZeroDenominator, {});
      else if (!Number.isInteger(n)) bad(field, MSG.measurementCountNotWhole, { field: fieldWords(field), value: n });
      else if (field === 'numerator') numerator = n;
      else denominator = n;
    }
    if (noNumerator !== noDenominator) {
      bad(noNumerator ? 'numerator' : 'denominator', MSG.measurementCountsIncomplete, {});
    }
    if (unit === 'percent' && numerator !== undefined && denominator !== undefined && numerator > denominator) {
      bad('numerator', MSG.measurementNumeratorOverDenominator, { numerator, denominator });
    }
    if (unit === 'boolean') {
      if (numerator !== undefined || denominator !== undefined) bad('numerator', MSG.measurementCountsOfQualitative, {});
      const v = m.value;
      const s = typeof v === 'string' ? (text(v) as string).toLowerCase() : undefined;
      let dmy: ReturnType<typeof dayMonthYear>;
      if (!isBlank(m.evidenceDate)) {
        // Dated evidence as its own field (`YYYY-MM-DD` or day/month/year): the value, when given, can only say yes.
        const given = text(m.evidenceDate);
        dmy = given === undefined ? undefined : dayMonthYear(given);
        const d = typeof dmy === 'string' ? dmy : given;
        if (typeof dmy === 'object') badDate('evidenceDate', given as string, dmy.why);
        else if (d === undefined || !isLocalDate(d)) bad('evidenceDate', MSG.measurementInvalidEvidenceDate, { text: JSON.stringify(String(m.evidenceDate).slice(0, 40)) });
        else if (!isBlank(v) && v !== true && !(s !== undefined && YES.has(s))) bad('value', MSG.measurementEvidenceDateNotYes, {});
        else {
          value = true;
          evidence = true;
          evidenceDate = d;
        }
      } else if (typeof v === 'boolean') value = v;
      else if (s !== undefined && YES.has(s)) value = true;
      else if (s !== undefined && NO.has(s)) value = false;
      else if (s !== undefined && DATE.test(s)) {
        if (!isLocalDate(s)) bad('value', MSG.measurementInvalidDateValue, { text: s });
        else {
          value = true;
          evidence = true;
          evidenceDate = s;
        }
      } else if (s !== undefined && (dmy = dayMonthYear(s)) !== undefined) {
        // The date of the evidence as the value, written day/month/year (`30/09/2019`).
        if (typeof dmy === 'object') badDate('value', s, dmy.why);
        else {
          value = true;
          evidence = true;
          evidenceDate = dmy;
        }
      } else if (isBlank(v)) bad('value', MSG.measurementMissingQualitativeValue, {});
      else {
        bad('value', MSG.measurementInvalidQualitativeValue, { text: JSON.stringify(String(v).slice(0, 40)) });
      }
    } else if (unit) {
      if (!isBlank(m.evidenceDate)) bad('evidenceDate', MSG.measurementEvidenceDateOfQuantitative, {});
      const noValue = isBlank(m.value);
      if (noValue) {
        if (unit === 'percent' && numerator !== undefined && denominator !== undefined) value = round6((numerator / denominator) * 100);
        else if (noNumerator && noDenominator) bad('value', MSG.measurementMissingQuantitativeValue, {});
      } else if (typeof m.value === 'boolean') {
        bad('value', MSG.measurementBooleanOfQuantitative, {});
      } else {
        const n = numberOrNaN(m.value);
        if (Number.isNaN(n)) {
          badNumber('value', m.value);
        } else if (n < 0) bad('value', MSG.measurementNegativeValue, {});
        else if (unit === 'percent' && n > 100) bad('value', MSG.measurementPercentOver100, { value: n });
        else value = n;
      }
      if (unit === 'percent' && typeof value === 'number' && numerator !== undefined && denominator !== undefined && !noValue) {
        const computed = (numerator / denominator) * 100;
        if (Math.abs(value - computed) > MAX_ROUNDING_GAP) {
          bad('value', MSG.measurementInconsistentCounts, { value: numberText(value), numerator: numberText(numerator), denominator: numberText(denominator), computed: numberText(round6(computed)), gap: numberText(MAX_ROUNDING_GAP) });
        }
      }
    }

    // Period: required, except for dated evidence.
    let period: string | undefined;
    let start: string | undefined;
    let end: string | undefined;
    if (evidence && evidenceDate) {
      period = evidenceDate;
      start = evidenceDate;
      end = evidenceDate;
    }
    if (!isBlank(m.period)) {
      const id = text(m.period);
      // Rows share a period: the period written is looked up again only when it changes.
      if (id !== lastPeriodGiven) {
        lastPeriodGiven = id;
        lastPeriod = id === undefined ? undefined : lookup(id);
      }
      const p = lastPeriod;
      if (!p || 'issue' in p) {
        const shown = JSON.stringify(String(m.period).slice(0, 40));
        bad('period', MSG.measurementInvalidPeriod, { period: shown });
      } else if (!evidence) {
        period = p.period.id;
        start = p.period.start;
        end = p.period.end;
      } else if (evidenceDate && (evidenceDate < p.period.start || evidenceDate > p.period.end)) {
        bad('value', MSG.measurementEvidenceOutsidePeriod, { date: evidenceDate, period: p.period.id });
      }
    } else if (!evidence && problems.length === 0) {
      bad('period', MSG.measurementMissingPeriod, {});
    }

    if (problems.length === 0 && value === undefined) bad('value', MSG.measurementMissingValue, {});
    const source = isBlank(m.source) ? undefined : text(m.source);
    if (problems.length === 0 && indicatorId && orgUnit && level && period && start && end && value !== undefined) {
      const rowNumber = naming.rowOf(r);
      // The row an earlier occurrence of the key came from (−1: none), and the org unit's own string.
      let first: number;
      let unitText: string;
      if (keys) {
        // The keys live outside the heap (a store's temporary database): nothing here grows with the rows.
        first = keys.firstSeen(indicatorNumber as number, orgUnit, period, rowNumber);
        // A copy of its own: a slice of the text read would keep that whole piece of the file alive.
        unitText = orgUnit.length < 13 ? orgUnit : (` ${orgUnit}`).slice(1);
      } else {
        if (orgUnit !== lastUnit) {
          lastUnit = orgUnit;
          const known = unitNumber.get(orgUnit);
          lastUnitNumber = known ?? unitNumber.size;
          if (known === undefined) {
            const own = orgUnit.length < 13 ? orgUnit : (` ${orgUnit}`).slice(1);
            unitNumber.set(own, lastUnitNumber);
            unitNames.push(own);
          }
        }
        let p = periodNumber.get(period);
        if (p === undefined) periodNumber.set(period, (p = periodNumber.size));
        const pair = lastUnitNumber * indicatorCount + (indicatorNumber as number);
        const earlier = seen.rowOf(pair, p);
        first = earlier === undefined ? -1 : earlier;
        if (earlier === undefined) seen.add(pair, p, rowNumber);
        unitText = unitNames[lastUnitNumber] as string;
      }
      if (first >= 0) {
        bad(null, MSG.measurementDuplicate, { first });
      } else {
        // The plan's and the calendar's own strings, so that the text of the file can be freed.
        const ind = indicator as Indicator;
        out.observations.push({ indicator: ind.id, orgUnit: unitText, level, period, start, end, value, numerator, denominator, evidence, row: rowNumber, source });
        // Kept with the level it gives, but named: the plan lists the units of that level.
        if (known === undefined && warnAt.has(level)) noteUnknown(unitText, level);
        return;
      }
    }
    for (const p of problems) out.issues.push(p);
  };
  return Object.assign(check, { warnings });
}

function checkRows(plan: Plan, rows: readonly RawRow[], naming: RowNaming, lookup: PeriodLookup, out: MeasurementSet): void {
  const check = rowChecker(plan, lookup, out);
  for (let r = 0; r < rows.length; r++) check(rows[r] as RawRow, r, naming);
  for (const w of check.warnings()) out.issues.push(w);
}

/** Rounds to 6 decimals, so that computed percentages compare the same everywhere. */
export function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
