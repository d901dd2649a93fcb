import { readFileSync } from 'node:fs';
import { CONDITION_FACTS, CONDITION_OPERATORS } from '@egov-plan/core';
import { testPlan } from '@egov-plan/test-utils';

// Seeded generation of rule files for the fuzz test: valid seeds, then structural mutations of the
// value (hostile values and keys, wrong types, random condition trees, extends, overrides) and,
// sometimes, mutations of the text itself. The same seed always gives the same file.

/** A small, fast, seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const int = (r: Rand, n: number) => Math.floor(r() * n);

const ATTACK_PATH = "$..[?(@.constructor.constructor('globalThis.pwned = 1')())]";
const HOSTILE: unknown[] = [
  ATTACK_PATH,
  '__proto__',
  'constructor',
  'prototype',
  { __proto__: null, polluted: true },
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  1e308,
  -1,
  0,
  101,
  2 ** 53,
  '',
  ' ',
  '2020Q4',
  '2020-02-30',
  '9999-99-99',
  true,
  false,
  null,
  [],
  {},
  'not:equal',
  'regex',
  '\u0000',
  '\ud800',
  'tỉnh',
  'vn-nq17-2019',
  'a'.repeat(130),
  [1, 2, 3],
  { fact: 'value', path: ATTACK_PATH },
  { condition: 'x' },
];
const FACTS = [...CONDITION_FACTS, 'process', 'constructor', '__proto__'];
const OPERATORS = [...CONDITION_OPERATORS, 'regex', 'someFact:equal', 'not:in', '__proto__'];
const PATHS = ['$.value', '$.numerator', '$.a.b', ATTACK_PATH, '$[0]', '$..x', '$.__proto__', '$.constructor.prototype', 'value'];
const EXTENDS = ['base.json', './base.json', 'cyc-a.json', 'vn-nq17-2019', 'kontum-1102-2019', 'bad.json', 'fuzz.json', '.', '../../../../etc/passwd', 'khong-co.json'];

function hostileValue(r: Rand): unknown {
  const v = pick(r, HOSTILE);
  if (v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === null) {
    // A JSON text would give an own "__proto__" key; build one the same way.
    const o = {};
    Object.defineProperty(o, '__proto__', { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
    return o;
  }
  return structuredClone(v);
}

/** A random condition tree: mostly within the format, sometimes not. */
export function randomConditions(r: Rand, depth = 0): unknown {
  const roll = r();
  if (depth > 10 || (depth > 0 && roll < 0.45)) {
    const leaf: Record<string, unknown> = { fact: r() < 0.9 ? pick(r, CONDITION_FACTS) : pick(r, FACTS), operator: r() < 0.9 ? pick(r, CONDITION_OPERATORS) : pick(r, OPERATORS) };
    const op = leaf.operator as string;
    leaf.value = op === 'in' || op === 'notIn' ? Array.from({ length: int(r, 4) }, () => pick(r, [1, 20, 'district', true, null])) : r() < 0.8 ? pick(r, [0, 20, 30.5, 100, -1, 'district', true]) : r() < 0.5 ? { fact: pick(r, FACTS) } : hostileValue(r);
    if (r() < 0.15) leaf.path = pick(r, PATHS);
    if (r() < 0.03) leaf.params = { x: 1 };
    if (r() < 0.03) leaf.condition = 'named';
    return leaf;
  }
  const kind = pick(r, ['all', 'any', 'not', 'all', 'any']);
  if (kind === 'not') return { not: randomConditions(r, depth + 1) };
  return { [kind]: Array.from({ length: int(r, 4) }, () => randomConditions(r, depth + 1)) };
}

/** Every path (array of keys) to a node of a JSON value, up to a depth. */
function paths(v: unknown, max = 12): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (x: unknown, p: (string | number)[]) => {
    out.push(p);
    if (p.length >= max || x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) x.forEach((c, i) => walk(c, [...p, i]));
    else for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k], [...p, k]);
  };
  walk(v, []);
  return out;
}

function getAt(v: unknown, p: readonly (string | number)[]): unknown {
  let x = v;
  for (const k of p) {
    if (x === null || typeof x !== 'object') return undefined;
    x = (x as Record<string | number, unknown>)[k];
  }
  return x;
}

function setAt(root: unknown, p: readonly (string | number)[], value: unknown): unknown {
  if (p.length === 0) return value;
  const parent = getAt(root, p.slice(0, -1)) as Record<string | number, unknown>;
  if (parent === null || typeof parent !== 'object') return root;
  Object.defineProperty(parent, p[p.length - 1] as string, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

function mutateValue(r: Rand, root: unknown): unknown {
  const all = paths(root);
  const p = pick(r, all);
  const here = getAt(root, p);
  const op = int(r, 12);
  const targets = () => all.filter((x) => x.length === 4 && x[0] === 'indicators' && x[2] === 'targets');
  switch (op) {
    case 0:
      return setAt(root, p, hostileValue(r));
    case 1: {
      if (here && typeof here === 'object' && !Array.isArray(here)) {
        const keys = Object.keys(here);
        if (keys.length) delete (here as Record<string, unknown>)[pick(r, keys)];
      }
      return root;
    }
    case 2: {
      if (here && typeof here === 'object' && !Array.isArray(here)) {
        Object.defineProperty(here, pick(r, ['__proto__', 'constructor', 'prototype', 'extra', 'event', 'params', 'conditions']), {
          value: hostileValue(r),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return root;
    }
    case 3:
      return setAt(root, p, typeof here === 'number' ? String(here) : typeof here === 'string' ? Number(here) || 0 : Array.isArray(here) ? { ...here } : [here]);
    case 4: {
      const ts = targets();
      if (ts.length) setAt(root, [...pick(r, ts), 'conditions'], randomConditions(r));
      return root;
    }
    case 5:
      return setAt(root, ['extends'], Array.from({ length: 1 + int(r, 2) }, () => pick(r, EXTENDS)));
    case 6: {
      const ids = targets().map((t) => (getAt(root, t) as { id?: unknown })?.id);
      const target = r() < 0.8 ? pick(r, ids) : 'khong-co';
      const existing = root !== null && typeof root === 'object' ? (root as Record<string, unknown>).overrides : undefined;
      const list: unknown[] = Array.isArray(existing) ? existing : [];
      list.push({ target, effectiveFrom: pick(r, [null, '2020-07-01', '2020-02-30', 5]), set: r() < 0.7 ? { value: pick(r, [10, 50, 120, true, -1]) } : { conditions: randomConditions(r) }, source: { section: 'x', quote: 'điều chỉnh' } });
      return setAt(root, ['overrides'], list);
    }
    case 7: {
      const ids = targets().map((t) => (getAt(root, t) as { id?: unknown })?.id);
      return setAt(root, ['withdrawals'], [{ target: pick(r, ids), effectiveFrom: pick(r, [null, '2020-07-01']), source: { section: 'x', quote: 'bãi bỏ' } }]);
    }
    case 8: {
      let v: unknown = here;
      for (let i = 0, n = 1 + int(r, 60); i < n; i++) v = r() < 0.5 ? [v] : { all: [v] };
      return setAt(root, p, v);
    }
    case 9:
      return setAt(root, p, r() < 0.5 ? Array(1 + int(r, 25_000)).fill(0) : 'x'.repeat(1 + int(r, 25_000)));
    case 10:
      if (Array.isArray(here) && here.length) here.push(structuredClone(pick(r, here)));
      return root;
    default:
      return setAt(root, p, structuredClone(getAt(root, pick(r, all))));
  }
}

function mutateText(r: Rand, text: string): string {
  const at = int(r, text.length + 1);
  switch (int(r, 8)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + pick(r, ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '/*c*/', 'NaN', '\uFEFF']) + text.slice(at);
    case 2:
      return text.replace(/"id"/u, '"__proto__"');
    case 3:
      return '['.repeat(int(r, 200_000)) + text;
    case 4:
      return text.replace(/"operator":\s*"[a-zA-Z]+"/u, (m) => `${m}, "operator": "regex"`);
    case 5:
      return `\uFEFF${text}`;
    case 6:
      return text + pick(r, ['', ' ', '\n', 'x', '{}']);
    default:
      return text.replace(/\d/gu, (d) => (r() < 0.01 ? String((Number(d) + 1) % 10) : d));
  }
}

/** The valid rule files mutations start from. */
export function seeds(repo: string): unknown[] {
  const rich = testPlan() as any;
  rich.indicators[0].targets[0].conditions = { any: [{ fact: 'value', operator: 'greaterThanInclusive', value: { fact: 'targetValue' } }, { not: { fact: 'level', operator: 'in', value: ['district', 'commune'] } }] };
  const child = {
    ...(testPlan() as any),
    id: 'con-2019',
    extends: ['base.json'],
    phases: [],
    indicators: [],
    agencies: [],
    administrativeUnits: [],
    overrides: [{ target: 'online-rate.each', effectiveFrom: '2020-07-01', set: { value: 30 }, source: { section: 'x', quote: 'điều chỉnh' } }],
  };
  return [
    testPlan(),
    rich,
    child,
    JSON.parse(readFileSync(`${repo}/examples/custom-province/tinh-mau.json`, 'utf8')),
    JSON.parse(readFileSync(`${repo}/packages/rules/data/vn-nq17-2019.json`, 'utf8')),
  ];
}

/** The rule file of one fuzz case: a seed, mutated a few times, perhaps mutated as text. */
export function fuzzCase(seed: number, bases: readonly unknown[]): string {
  const r = prng(seed);
  let value = structuredClone(pick(r, bases));
  const rounds = int(r, 4);
  for (let i = 0; i < rounds; i++) value = mutateValue(r, value);
  let text = JSON.stringify(value, null, r() < 0.5 ? 2 : undefined) ?? 'null';
  if (r() < 0.25) text = mutateText(r, text);
  return text;
}
