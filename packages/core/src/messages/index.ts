import { DUMP_MESSAGES, IMPORT_MESSAGES, XLSX_MESSAGES, ZIP_MESSAGES } from './tabular.js';

export * from './tabular.js';

/**
 * Every message catalog, by name: what `docs/errors.md` lists under each code, and what the tests
 * render. A bundle that does not read it carries only the catalogs its own code uses.
 */
export const ISSUE_MESSAGE_CATALOGS = { XLSX_MESSAGES, ZIP_MESSAGES, IMPORT_MESSAGES, DUMP_MESSAGES } as const;
