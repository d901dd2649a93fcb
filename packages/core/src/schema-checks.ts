import { renderTemplate, type IssueMessage, type IssueParam, type IssueParams } from './issue-messages.js';

/** What a schema's refinement leaves in a custom issue's `params`: its message and the values. */
export interface SchemaCheck {
  readonly message: IssueMessage;
  readonly values: Readonly<Record<string, IssueParam>>;
}

/**
 * The `message` and `params` of a custom issue that a schema's refinement adds
 * (`ctx.addIssue({ code: 'custom', path, ...schemaCheck(MSG.x, { type }) })`): zod's message is the
 * English one, and `fromZodIssue` words the issue from the message itself, in both languages.
 *
 * @internal
 */
export function schemaCheck<const M extends IssueMessage>(message: M, values: IssueParams<M>): { message: string; params: { check: SchemaCheck } } {
  const v = values as Readonly<Record<string, IssueParam>>;
  return { message: renderTemplate(message.en, v, 'en'), params: { check: { message, values: v } } };
}
