import { describe, expectTypeOf, it } from 'vitest';
import { issueFrom, type Issue, type IssueMessage, type IssueParams, type TemplateParameters } from '../src/index.js';

// Type tests of issue messages: a message's parameters are exactly the `{name}`s of its
// templates, so a missing, misspelt or ill-typed parameter does not compile, and a message
// names a registered code.

const tooManyRows = {
  code: 'workbook.too_many_rows',
  vi: 'Trang "{sheet}" có {rows} dòng, quá giới hạn {max}; không nhập gì của tệp.',
  en: 'Sheet "{sheet}" has {rows} rows, over the limit of {max}; nothing of the file is imported.',
} as const satisfies IssueMessage;
const noParameters = { code: 'workbook.invalid', vi: 'Tệp không phải sổ tính XLSX: mục lục ZIP64 hỏng.', en: 'The file is not an XLSX workbook: a broken ZIP64 directory.' } as const satisfies IssueMessage;
const zipBomb = { code: 'workbook.zip_bomb', vi: 'Mục "{entry}" giải nén ra nhiều hơn {size} byte.', en: 'Entry "{entry}" unpacks to more than {size} bytes.' } as const satisfies IssueMessage;

describe('issueFrom', () => {
  it('takes exactly the parameters of the templates', () => {
    expectTypeOf(issueFrom(tooManyRows, '/S', { sheet: 'S', rows: 5, max: 4 })).toEqualTypeOf<Issue>();
    // @ts-expect-error a parameter is missing
    issueFrom(tooManyRows, '/S', { sheet: 'S', rows: 5 });
    // @ts-expect-error a parameter the templates do not have (misspelt)
    issueFrom(tooManyRows, '/S', { sheet: 'S', rows: 5, maxRows: 4 });
    // @ts-expect-error a parameter is not text or a number
    issueFrom(tooManyRows, '/S', { sheet: 'S', rows: 5, max: { limit: 4 } });
    // @ts-expect-error undefined is not a value
    issueFrom(tooManyRows, '/S', { sheet: 'S', rows: undefined, max: 4 });
    // @ts-expect-error the parameters are required
    issueFrom(tooManyRows, '/S');
    // a parameter may be text in both languages
    issueFrom(tooManyRows, '/S', { sheet: { vi: 'Trang', en: 'Sheet' }, rows: 5, max: 4 }, { severity: 'warning' });
  });

  it('takes {} and nothing else for a message without parameters', () => {
    issueFrom(noParameters, '', {}, { file: 'a.xlsx' });
    // @ts-expect-error a message without parameters takes none
    issueFrom(noParameters, '', { entry: 'x' });
  });

  it('types a forwarding helper with IssueParams', () => {
    const fail = <const M extends IssueMessage>(m: M, params: IssueParams<M>) => issueFrom(m, '', params);
    fail(zipBomb, { entry: 'x', size: 1 });
    // @ts-expect-error the helper checks the parameters of the message it is given
    fail(zipBomb, { entry: 'x', size: 1, max: 0 });
    // @ts-expect-error … and that they are all there
    fail(tooManyRows, { sheet: 'x' });
  });
});

describe('messages', () => {
  it('name a registered code and have both languages', () => {
    // @ts-expect-error an unregistered code
    const bad = { code: 'rules.too_lnog', vi: 'a', en: 'b' } as const satisfies IssueMessage;
    // @ts-expect-error a message needs both languages
    const half = { code: 'rules.too_long', vi: 'a' } as const satisfies IssueMessage;
    void bad;
    void half;
  });

  it('derive their parameters at the type level', () => {
    expectTypeOf<TemplateParameters<'at most {max} of {unit}, {max}'>>().toEqualTypeOf<'max' | 'unit'>();
    expectTypeOf<TemplateParameters<'no parameters'>>().toEqualTypeOf<never>();
    expectTypeOf<keyof IssueParams<{ vi: 'tối đa {max}'; en: 'at most {max} in {sheet}' }>>().toEqualTypeOf<'max' | 'sheet'>();
  });
});
