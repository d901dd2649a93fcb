import type { IssueCode } from './issue-codes.js';
import type { Issue } from './outputs.js';

/**
 * A message's identifier in an {@link IssueMessages} catalog: its issue code, or the code and a
 * variant name after `#` when one code has several messages (`'workbook.too_large#entry'`).
 */
export type IssueMessageId = IssueCode | `${IssueCode}#${string}`;

/**
 * One issue message in both languages. `{name}` in either text is a parameter, filled in by
 * {@link issueFrom}; a template holds no other brace.
 */
export interface IssueTemplate {
  /** Vietnamese template. */
  readonly vi: string;
  /** English template. */
  readonly en: string;
}

/**
 * A catalog of issue messages: message id → its Vietnamese and English templates. Write one as a
 * constant `as const satisfies IssueMessages` (so the template texts stay literal types and every
 * id must name a registered code); {@link issueFrom} then type-checks each message's parameters
 * against its templates. Catalogs are grouped by the module that emits them, so a bundle carries
 * only the messages of the code it contains.
 */
export type IssueMessages = { readonly [id in IssueMessageId]?: IssueTemplate };

/**
 * A parameter's value: a string or number (written as `String(value)`), or text in both
 * languages (its `vi` goes into the Vietnamese message, its `en` into the English one).
 */
export type IssueParam = string | number | { readonly vi: string; readonly en: string };

/** The parameter names in a template: `'at most {max} of {unit}'` → `'max' | 'unit'`. */
export type TemplateParameters<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | TemplateParameters<Rest> : never;

/**
 * The parameters a message takes: every `{name}` of its Vietnamese or English template (`{}`, and
 * nothing else, for a message without any).
 */
export type IssueParams<T extends IssueTemplate> = [TemplateParameters<T['vi']> | TemplateParameters<T['en']>] extends [never]
  ? { readonly [name: string]: never }
  : { readonly [P in TemplateParameters<T['vi']> | TemplateParameters<T['en']>]: IssueParam };

/** The issue code of a message id: the id up to its `#variant`. */
export type IssueCodeOf<Id extends string> = Id extends `${infer C}#${string}` ? C : Id;

/**
 * The parameters of message `Id` of catalog `C`, as {@link issueFrom} takes them (`{}` for a
 * message without any). A helper that forwards a message id and its parameters types them with it:
 *
 * @example
 * ```ts
 * const fail = <const Id extends keyof typeof ZIP_MESSAGES>(id: Id, params: MessageParams<typeof ZIP_MESSAGES, Id>) =>
 *   new EgovPlanError([issueFrom(ZIP_MESSAGES, id, '', params)]);
 * ```
 */
export type MessageParams<C extends IssueMessages, Id extends keyof C> = IssueParams<NonNullable<C[Id]> & IssueTemplate>;

const PARAMETER = /\{([A-Za-z][A-Za-z0-9_]*)\}/gu;

/**
 * Fills a template's `{name}` parameters for one language. A parameter missing from `params`
 * throws (the types prevent it; this guards casts).
 *
 * @example renderTemplate('at most {max} bytes', { max: 5 }, 'en') // 'at most 5 bytes'
 */
export function renderTemplate(template: string, params: Readonly<Record<string, IssueParam>>, lang: 'vi' | 'en'): string {
  return template.replace(PARAMETER, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`issue message parameter {${name}} is missing`);
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

/**
 * Builds an {@link Issue} from a message catalog: the code is the message id's (up to `#`), the
 * message is the id's Vietnamese and English templates filled with `params`, whose names and
 * presence are checked against the templates at compile time.
 *
 * @example
 * ```ts
 * const MESSAGES = { 'rules.too_long': { vi: 'Chuỗi dài hơn {max} ký tự.', en: 'A string longer than {max} characters.' } } as const satisfies IssueMessages;
 * issueFrom(MESSAGES, 'rules.too_long', '/title', { max: 20000 });
 * ```
 */
export function issueFrom<C extends IssueMessages, const Id extends keyof C & IssueMessageId>(catalog: C, id: Id, pointer: string, params: MessageParams<C, Id>, extra?: Partial<Issue>): Issue {
  const template = catalog[id] as IssueTemplate;
  const values = params as Readonly<Record<string, IssueParam>>;
  const hash = id.indexOf('#');
  const code = (hash < 0 ? id : id.slice(0, hash)) as IssueCode;
  return { code, pointer, message: { vi: renderTemplate(template.vi, values, 'vi'), en: renderTemplate(template.en, values, 'en') }, ...extra };
}

/**
 * The parameter names of a template, in order of first appearance (for documentation and tests).
 *
 * @example templateParameters('{sheet}, row {row}') // ['sheet', 'row']
 */
export function templateParameters(template: string): string[] {
  return [...new Set([...template.matchAll(PARAMETER)].map((m) => m[1] as string))];
}
