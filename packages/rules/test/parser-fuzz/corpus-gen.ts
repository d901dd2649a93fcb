import { testPlan } from '@egov-plan/test-utils';

// The seed corpus of the parser fuzz test, written by this code (never fetched): small JSON and CSV
// files that sit on the edges the parsers must agree on — strings ended by a raw newline, comments,
// nesting at and past the depth limit, duplicate keys, byte-order marks, NUL and lone surrogates,
// prototype keys, numbers past the float range, quoted CSV line breaks, CR-only lines. The files
// are committed under test/fixtures/parser-corpus; `pnpm tsx packages/rules/test/parser-fuzz/write-corpus.ts`
// rewrites them and the test checks the committed files are what this code writes.

/** One corpus file: its name (the extension says which parser reads it) and its text. */
export interface CorpusFile {
  name: string;
  text: string;
}

const HEADER = 'indicator,orgUnit,level,period,value,numerator,denominator';

/** The seed corpus, in a stable order. */
export function corpusSeeds(): CorpusFile[] {
  const plan = JSON.stringify(testPlan());
  const small = JSON.stringify({ formatVersion: 1, id: 'x', indicators: [] });
  const json: [string, string][] = [
    ['valid-plan', plan],
    ['empty', ''],
    ['bom-plan', `\uFEFF${small}`],
    ['utf16-bom', `\uFFFE${small}`],
    ['nul', `{"formatVersion": 1,\u0000 "id": "x"}`],
    ['raw-newline-in-string', `["a\n${'['.repeat(60)}`],
    ['line-comment', `{"formatVersion": 1 // comment\n, "id": "x"}`],
    ['block-comment-quote', `{"id": /* " */ "x", "formatVersion": 1}`],
    ['unterminated-comment', `{"id": "x" /* ${'['.repeat(60)}`],
    ['depth-40', `${'['.repeat(40)}${']'.repeat(40)}`],
    ['depth-41', `${'['.repeat(41)}${']'.repeat(41)}`],
    ['depth-mixed', `${'{"a":['.repeat(25)}1${']}'.repeat(25)}`],
    ['duplicate-key', '{"value": 20, "value": 0, "comparator": "gte", "comparator": "lte"}'],
    ['proto-keys', '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}, "formatVersion": 1}'],
    ['big-numbers', '[1e308, 1e309, -1e309, 123456789012345678901234567890, 0.1e-400, -0]'],
    ['lone-surrogates', '["\\ud800", "\\udc00x", "\\ud83d\\ude00"]'],
    ['bad-escapes', '["\\x41", "\\u12", "\\', ],
    ['trailing-commas', '{"a": [1, 2,], "b": 1,}'],
    ['syntax-flood', `[${'1 '.repeat(400)}]`],
    ['control-chars', '{"id": "a\u001b]0;title\u0007b", "title": "\u202Eevil"}'],
    ['unicode-keys', '{"id\u200b": "x", "ідентифікатор": 1}'],
    ['only-whitespace', ' \t\r\n '],
    ['top-level-scalars', '"just a string"'],
    ['truncated-plan', plan.slice(0, Math.floor(plan.length / 2))],
  ];
  const csv: [string, string][] = [
    ['valid', [HEADER, 'online-rate,so-a,,2020Q4,19,190,1000', 'online-rate,so-b,,2020Q4,40,400,1000'].join('\n')],
    ['crlf-bom-semicolon', `\uFEFF${HEADER.replaceAll(',', ';')}\r\nonline-rate;so-a;;2020Q4;19,5;;\r\n`],
    ['cr-only', [HEADER, 'online-rate,so-a,,2020Q4,19,,', 'online-rate,so-b,,2020Q4,20,,'].join('\r')],
    ['quoted-newlines', `${HEADER}\nonline-rate,"so\na",,2020Q4,"1""9",,\n`],
    ['unterminated-quote', `${HEADER}\nonline-rate,"so-a,,2020Q4,19,,\n`],
    ['extra-and-missing-cells', `${HEADER}\nonline-rate,so-a\nonline-rate,so-a,,2020Q4,19,1,2,3,4\n`],
    ['duplicate-header', 'indicator,indicator,orgUnit,period,value\nonline-rate,online-rate,so-a,2020Q4,1\n'],
    ['numbers', `${HEADER}\n${['1e309', '-0', 'NaN', 'Infinity', '0x10', '1,5', '1.000,5', '99999999999999999999', ''].map((v) => `online-rate,so-a,,2020Q4,${v},1,3`).join('\n')}\n`],
    ['periods', `${HEADER}\n${['2020Q5', '2020-13', '0000Q1', '9999Q4', '2020M02', '2020H1', '2020', '2020-02-30'].map((p) => `online-rate,so-a,,${p},1,,`).join('\n')}\n`],
    ['look-alike-units', `${HEADER}\nonline-rate,so-\u200ba,,2020Q4,1,,\nonline-rate,so-\u0430,,2020Q4,1,,\nonline-rate,\u001b[2Jso-a,,2020Q4,1,,\n`],
    ['header-only', HEADER],
    ['not-csv', '\u0000\u0001\u0002binary\u00ff'],
  ];
  const measurementsJson: [string, string][] = [
    ['array', JSON.stringify([{ indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q4', value: 19, numerator: 190, denominator: 1000 }])],
    ['wrapped', JSON.stringify({ measurements: [{ indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q4', value: '19' }] })],
    ['hostile-values', '[{"indicator": {"__proto__": 1}, "orgUnit": [1], "period": null, "value": 1e999}, 1, "x", null]'],
    ['duplicate-keys', '[{"indicator": "online-rate", "orgUnit": "so-a", "period": "2020Q4", "value": 1, "value": 99}]'],
  ];
  return [
    ...json.map(([n, text]) => ({ name: `rule-${n}.json`, text })),
    ...csv.map(([n, text]) => ({ name: `measurements-${n}.csv`, text })),
    ...measurementsJson.map(([n, text]) => ({ name: `measurements-${n}.mjson`, text })),
  ];
}
