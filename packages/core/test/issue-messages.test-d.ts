import { describe, expectTypeOf, it } from 'vitest';
import { issueFrom, XLSX_MESSAGES, ZIP_MESSAGES, type Issue, type IssueCodeOf, type IssueMessages, type IssueParams, type MessageParams, type TemplateParameters } from '../src/index.js';

// Type tests of the message catalogs: a message's parameters are exactly the `{name}`s of its
// templates, so a missing, misspelt or ill-typed parameter does not compile.

describe('issueFrom', () => {
  it('takes exactly the parameters of the templates', () => {
    expectTypeOf(issueFrom(XLSX_MESSAGES, 'workbook.too_many_rows', '/S', { sheet: 'S', rows: 5, max: 4 })).toEqualTypeOf<Issue>();
    // @ts-expect-error a parameter is missing
    issueFrom(XLSX_MESSAGES, 'workbook.too_many_rows', '/S', { sheet: 'S', rows: 5 });
    // @ts-expect-error a parameter the templates do not have (misspelt)
    issueFrom(XLSX_MESSAGES, 'workbook.too_many_rows', '/S', { sheet: 'S', rows: 5, maxRows: 4 });
    // @ts-expect-error a parameter is not text or a number
    issueFrom(XLSX_MESSAGES, 'workbook.too_many_rows', '/S', { sheet: 'S', rows: 5, max: { limit: 4 } });
    // @ts-expect-error undefined is not a value
    issueFrom(XLSX_MESSAGES, 'workbook.too_many_rows', '/S', { sheet: 'S', rows: undefined, max: 4 });
    // a parameter may be text in both languages
    issueFrom(XLSX_MESSAGES, 'workbook.too_many_rows', '/S', { sheet: { vi: 'Trang', en: 'Sheet' }, rows: 5, max: 4 });
  });

  it('takes only the ids of the catalog it is given', () => {
    // @ts-expect-error a message of another catalog
    issueFrom(XLSX_MESSAGES, 'workbook.zip_bomb', '', { entry: 'x', size: 1 });
    issueFrom(ZIP_MESSAGES, 'workbook.zip_bomb', '', { entry: 'x', size: 1 });
    // @ts-expect-error a message without parameters takes {}
    issueFrom(ZIP_MESSAGES, 'workbook.invalid#zip64', '', { entry: 'x' });
    issueFrom(ZIP_MESSAGES, 'workbook.invalid#zip64', '', {}, { file: 'a.xlsx' });
  });

  it('types a forwarding helper with MessageParams', () => {
    const fail = <const Id extends keyof typeof ZIP_MESSAGES>(id: Id, params: MessageParams<typeof ZIP_MESSAGES, Id>) => issueFrom(ZIP_MESSAGES, id, '', params);
    fail('workbook.too_large', { size: 1, max: 0 });
    // @ts-expect-error the helper checks the parameters of the id it is given
    fail('workbook.too_large', { entry: 'x', size: 1, max: 0 });
  });
});

describe('catalogs', () => {
  it('name only registered codes, optionally with a #variant', () => {
    const ok = { 'rules.too_long': { vi: 'a', en: 'b' }, 'rules.too_long#array': { vi: 'a', en: 'b' } } as const satisfies IssueMessages;
    void ok;
    // @ts-expect-error an unregistered code
    const bad = { 'rules.too_lnog': { vi: 'a', en: 'b' } } as const satisfies IssueMessages;
    void bad;
    // @ts-expect-error a message needs both languages
    const half = { 'rules.too_long': { vi: 'a' } } as const satisfies IssueMessages;
    void half;
  });

  it('derive parameters and codes at the type level', () => {
    expectTypeOf<TemplateParameters<'at most {max} of {unit}, {max}'>>().toEqualTypeOf<'max' | 'unit'>();
    expectTypeOf<TemplateParameters<'no parameters'>>().toEqualTypeOf<never>();
    expectTypeOf<keyof IssueParams<{ vi: 'tối đa {max}'; en: 'at most {max} in {sheet}' }>>().toEqualTypeOf<'max' | 'sheet'>();
    expectTypeOf<IssueCodeOf<'workbook.invalid#zip64'>>().toEqualTypeOf<'workbook.invalid'>();
  });
});
