/**
 * The `egov-plan` command line, also callable in-process: `run(argv, io)` resolves to the exit code.
 *
 * @module
 */
export { run, createProgram } from './program.js';
export type { CliIO, CliContext, Lang } from './io.js';
export { EXIT } from './io.js';
export { sanitizeForTerminal } from './terminal.js';
