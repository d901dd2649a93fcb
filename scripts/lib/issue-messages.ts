// Every package's issue messages, by package: what docs/errors.md lists under each code and what
// the message tests render. A package that adds a `src/messages.ts` lists it here (core has two,
// validate-messages.ts and store-messages.ts). Only scripts and tests import this module; the
// packages import their own messages as a namespace, so that a bundle keeps only the messages it
// can emit.
import type { IssueMessage } from '../../packages/core/src/index.js';
import * as cli from '../../packages/cli/src/messages.js';
import * as coreStore from '../../packages/core/src/store-messages.js';
import * as coreValidate from '../../packages/core/src/validate-messages.js';
import * as http from '../../packages/http/src/messages.js';
import * as report from '../../packages/report/src/messages.js';
import * as rules from '../../packages/rules/src/messages.js';
import * as storePostgres from '../../packages/store-postgres/src/messages.js';
import * as storeSqlite from '../../packages/store-sqlite/src/messages.js';
import * as tabular from '../../packages/tabular/src/messages.js';

/** Each package's messages: package name → message constant name → message. */
export const ISSUE_MESSAGE_MODULES: Record<string, Record<string, IssueMessage>> = {
  '@egov-plan/core': { ...coreValidate, ...coreStore },
  '@egov-plan/rules': rules,
  '@egov-plan/tabular': tabular,
  '@egov-plan/store-sqlite': storeSqlite,
  '@egov-plan/store-postgres': storePostgres,
  '@egov-plan/http': http,
  '@egov-plan/cli': cli,
  '@egov-plan/report': report,
};

/** One message with where it is defined. */
export interface ListedMessage {
  /** The package that emits it. */
  pkg: string;
  /** Its constant's name in the package's `messages.ts`. */
  name: string;
  /** The message. */
  message: IssueMessage;
}

/** Every message, package by package, in source order. */
export function listedMessages(): ListedMessage[] {
  return Object.entries(ISSUE_MESSAGE_MODULES).flatMap(([pkg, mod]) => Object.entries(mod).map(([name, message]) => ({ pkg, name, message })));
}
