import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEgovPlanError } from '@egov-plan/core';
import { tempDirWith } from '@egov-plan/test-utils';
import { bundledPlan, parseMeasurementsCsv, parseMeasurementsCsvStream } from '@egov-plan/rules';

const plan = bundledPlan('kontum-1102-2019');
const HEADER = 'indicator,orgUnit,level,period,value,numerator,denominator';

/** `whole` (bytes or text) cut at the given offsets: chunks may split a row, a quoted cell or a UTF-8 sequence. */
async function* chunks<T extends Uint8Array | string>(whole: T, cuts: readonly number[]): AsyncGenerator<T> {
  const part = (from: number, to?: number) => (typeof whole === 'string' ? whole.slice(from, to) : (whole as Uint8Array).subarray(from, to)) as T;
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield part(at, Math.max(at, cut));
    at = Math.max(at, cut);
  }
  yield part(at);
}

/** A row of the measurement CSV: mostly plausible, sometimes wrong (unknown ids, bad numbers, Vietnamese text, quotes). */
const cell = fc.oneof(
  fc.constantFrom('online-dossier-rate', 'so-tttt', 'so-yte', 'province', 'district', '2020Q4', '2020Q9', '19', '19,5', '190', '1000', '', 'có'),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('"Sở Thông tin và Truyền thông"', '"a,b"', '"dòng\nmới"', '"""quoted"""', 'Đắk Tô', '🙂'),
);
const csvText = fc
  .array(fc.array(cell, { minLength: 7, maxLength: 7 }), { maxLength: 25 })
  .chain((rows) => fc.constantFrom('\n', '\r\n').map((nl) => [HEADER, ...rows.map((r) => r.join(','))].join(nl) + nl));

describe('parseMeasurementsCsvStream', () => {
  it('gives exactly what parseMeasurementsCsv gives for the whole text, however the bytes are cut (property)', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.array(fc.nat(2000), { maxLength: 12 }), async (text, cuts) => {
        const whole = parseMeasurementsCsv(plan, text, { file: 'm.csv' });
        const bytes = new TextEncoder().encode(text);
        expect(await parseMeasurementsCsvStream(plan, chunks(bytes, cuts.map((c) => c % (bytes.length + 1))), { file: 'm.csv' })).toEqual(whole);
        expect(await parseMeasurementsCsvStream(plan, chunks(text, cuts.map((c) => c % (text.length + 1))), { file: 'm.csv' })).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('reads a real file through a Node stream with a tiny buffer, rows and issues numbered as in the file', async () => {
    const dir = tempDirWith();
    const path = join(dir, 'm.csv');
    writeFileSync(path, ['\uFEFF' + HEADER, 'online-dossier-rate,so-tttt,province,2020Q4,19,190,1000', 'online-dossier-rate,so-yte,province,2020Q9,40,400,1000', 'online-dossier-rate,"Sở Y tế",province,2020Q4,"40,5",,'].join('\r\n'));
    const set = await parseMeasurementsCsvStream(plan, createReadStream(path, { highWaterMark: 7 }), { file: 'm.csv' });
    expect(set.rows).toBe(3);
    expect(set.observations.map((o) => o.orgUnit)).toContain('so-tttt');
    // The row with the impossible quarter is named, not dropped.
    expect(set.issues.some((i) => i.code.startsWith('measurement.') || i.code.startsWith('calendar.'))).toBe(true);
    expect(set.issues.every((i) => i.file === 'm.csv')).toBe(true);
    expect(set).toEqual(parseMeasurementsCsv(plan, (await import('node:fs')).readFileSync(path, 'utf8'), { file: 'm.csv' }));
  });

  it('refuses UTF-16 and oversized input with a typed error instead of reading on', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new TextEncoder().encode('i\0n\0')]);
    await expect(parseMeasurementsCsvStream(plan, chunks(utf16, []), { file: 'm.csv' })).rejects.toSatisfy((e: unknown) => isEgovPlanError(e) && e.issues[0]?.code === 'file.encoding');
    const big = new TextEncoder().encode(`${HEADER}\n${'online-dossier-rate,so-tttt,province,2020Q4,19,,\n'.repeat(100)}`);
    await expect(parseMeasurementsCsvStream(plan, chunks(big, [10, 500, 1000]), { file: 'm.csv', maxBytes: 1000 })).rejects.toSatisfy(
      (e: unknown) => isEgovPlanError(e) && e.issues[0]?.code === 'file.too_large',
    );
  });
});
