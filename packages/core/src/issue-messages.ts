import type { IssueCode } from './issue-codes.js';
import type { Issue } from './outputs.js';

/**
 * One issue message: its registered code and its Vietnamese and English templates. `{name}` in
 * either text is a parameter, filled in by {@link issueFrom}; a template holds no other brace.
 * Write each message as its own constant, `as const satisfies IssueMessage` (so the texts stay
 * literal types and the code must be registered), in the emitting package's `messages.ts`:
 *
 * @example
 * ```ts
 * export const rulesTooLong = {
 *   code: 'rules.too_long',
 *   vi: 'Chuỗi dài {length} ký tự, quá giới hạn {max}.',
 *   en: 'A string of {length} characters, over the limit of {max}.',
 * } as const satisfies IssueMessage;
 * ```
 *
 * One constant per message (not one object of them all) is what lets a bundler drop the messages
 * of code a bundle does not contain.
 */
export interface IssueMessage {
  /** The registered code of the issues this message words. */
  readonly code: IssueCode;
  /** Vietnamese template. */
  readonly vi: string;
  /** English template. */
  readonly en: string;
}

/**
 * A parameter's value: a string or number (written as `String(value)`), or text in both
 * languages (its `vi` goes into the Vietnamese message, its `en` into the English one).
 */
export type IssueParam = string | number | { readonly vi: string; readonly en: string };

/** The parameter names in a template: `'at most {max} of {unit}'` → `'max' | 'unit'`. */
export type TemplateParameters<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | TemplateParameters<Rest> : never;

/**
 * The parameters message `M` takes: every `{name}` of its Vietnamese or English template, each an
 * {@link IssueParam}; `{}`, and nothing else, for a message without any. A helper that forwards a
 * message and its parameters types them with it:
 *
 * @example
 * ```ts
 * const fail = <const M extends IssueMessage>(m: M, params: IssueParams<M>) => new EgovPlanError([issueFrom(m, '', params)]);
 * ```
 */
export type IssueParams<M extends Pick<IssueMessage, 'vi' | 'en'>> = [TemplateParameters<M['vi']> | TemplateParameters<M['en']>] extends [never]
  ? { readonly [name: string]: never }
  : { readonly [P in TemplateParameters<M['vi']> | TemplateParameters<M['en']>]: IssueParam };

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
 * Builds an {@link Issue} from a message: its code, and its Vietnamese and English templates
 * filled with `params`, whose names and presence are checked against the templates at compile
 * time (a missing, misspelt or ill-typed parameter does not compile). `extra` adds the other
 * fields (`severity`, `line`, `column`, `file`).
 *
 * @example
 * ```ts
 * import * as MSG from './messages.js';
 * issueFrom(MSG.rulesTooLong, '/title', { length: 25000, max: 20000 });
 * ```
 */
export function issueFrom<const M extends IssueMessage>(message: M, pointer: string, params: IssueParams<M>, extra?: Partial<Issue>): Issue {
  const values = params as Readonly<Record<string, IssueParam>>;
  return { code: message.code, pointer, message: { vi: renderTemplate(message.vi, values, 'vi'), en: renderTemplate(message.en, values, 'en') }, ...extra };
}

/**
 * The parameter names of a template, in order of first appearance (for documentation and tests).
 *
 * @example templateParameters('{sheet}, row {row}') // ['sheet', 'row']
 */
export function templateParameters(template: string): string[] {
  return [...new Set([...template.matchAll(PARAMETER)].map((m) => m[1] as string))];
}
