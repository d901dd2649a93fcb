import { describe, expect, it } from 'vitest';
import { EvaluateOptions, ProgressOptions } from '../../src/index.js';
import { EVALUATE_OPTIONS_CHECK } from '../../src/engine/options.js';
import { PROGRESS_OPTIONS_CHECK } from '../../src/engine/progress.js';

// evaluate and progress check their options with checks written without the published schemas
// (so that a browser bundle of evaluate does not carry z.date() and .readonly()): they must accept
// what the schemas accept, refuse what they refuse, with one issue per bad key, and list the same
// keys in the same order (the usage.unknown_option message names them).

const INPUTS: unknown[] = [
  undefined,
  null,
  [],
  'x',
  3,
  {},
  { at: '2020-06-14' },
  { at: '' },
  { at: 'not a date' },
  { at: 0 },
  { at: -0 },
  { at: 1e300 },
  { at: Number.NaN },
  { at: Number.POSITIVE_INFINITY },
  { at: Number.NEGATIVE_INFINITY },
  { at: new Date('2020-06-14T00:00:00Z') },
  { at: new Date(Number.NaN) },
  { at: null },
  { at: undefined },
  { at: {} },
  { at: [] },
  { at: true },
  { at: 10n },
  { at: Symbol('at') },
  { at: () => 0 },
  { phase: 'p1' },
  { phase: [] },
  { phase: ['p1', 'p2'] },
  { phase: ['p1', 2] },
  { phase: 2 },
  { phase: null },
  { phase: undefined },
  { maxResults: 1 },
  { maxResults: 0 },
  { maxResults: -1 },
  { maxResults: 1.5 },
  { maxResults: -1.5 },
  { maxResults: 2 ** 60 },
  { maxResults: Number.NaN },
  { maxResults: '5' },
  { maxResults: undefined },
  { method: 'cagr' },
  { method: 'linear' },
  { method: 'other' },
  { unknown: 1 },
  { unknown: 1, other: 2, at: Number.NaN, phase: 3, maxResults: 0, method: 'x' },
  Object.assign(Object.create(null) as object, { at: '2020-06-14' }),
  new Map(),
];

const verdict = (r: { success: boolean; error?: { issues: readonly { code: string; path: readonly PropertyKey[] }[] } }) =>
  r.success ? 'ok' : r.error!.issues.map((i) => `${i.code === 'unrecognized_keys' ? 'unrecognized_keys' : 'issue'} ${String(i.path[0] ?? '')}`);

describe('the options checks of evaluate and progress', () => {
  it('accept and refuse as EvaluateOptions does, one issue per bad key', () => {
    for (const input of INPUTS) expect(verdict(EVALUATE_OPTIONS_CHECK.safeParse(input)), String(JSON.stringify(input, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)))).toEqual(verdict(EvaluateOptions.safeParse(input)));
  });

  it('accept and refuse as ProgressOptions does, one issue per bad key', () => {
    for (const input of INPUTS) expect(verdict(PROGRESS_OPTIONS_CHECK.safeParse(input)), String(JSON.stringify(input, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)))).toEqual(verdict(ProgressOptions.safeParse(input)));
  });

  it('name the same keys in the same order', () => {
    expect(Object.keys(EVALUATE_OPTIONS_CHECK.shape)).toEqual(Object.keys(EvaluateOptions.shape));
    expect(Object.keys(PROGRESS_OPTIONS_CHECK.shape)).toEqual(Object.keys(ProgressOptions.shape));
  });

  it('give the accepted value as given', () => {
    const at = new Date('2020-06-14T00:00:00Z');
    const r = EVALUATE_OPTIONS_CHECK.safeParse({ at, phase: ['p1'], maxResults: 5 });
    expect(r.success && r.data).toEqual({ at, phase: ['p1'], maxResults: 5 });
    expect(r.success && r.data.at).toBe(at);
  });
});
