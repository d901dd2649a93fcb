import { CLI_MESSAGES, REPORT_MESSAGES } from './cli.js';
import { HTTP_MESSAGES } from './http.js';
import { POSTGRES_MESSAGES, SQLITE_MESSAGES, STORE_MESSAGES } from './store.js';
import { DUMP_MESSAGES, IMPORT_MESSAGES, XLSX_MESSAGES, ZIP_MESSAGES } from './tabular.js';

export * from './cli.js';
export * from './http.js';
export * from './store.js';
export * from './tabular.js';

/**
 * Every message catalog, by name: what `docs/errors.md` lists under each code, and what the tests
 * render. A bundle that does not read it carries only the catalogs its own code uses.
 */
export const ISSUE_MESSAGE_CATALOGS = { HTTP_MESSAGES, CLI_MESSAGES, REPORT_MESSAGES, STORE_MESSAGES, SQLITE_MESSAGES, POSTGRES_MESSAGES, XLSX_MESSAGES, ZIP_MESSAGES, IMPORT_MESSAGES, DUMP_MESSAGES } as const;
