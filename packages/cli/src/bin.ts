#!/usr/bin/env node
import { handleOutputErrors } from './output.js';
import { VERSION } from './version.js';

handleOutputErrors();
const argv = process.argv.slice(2);
// `egov-plan --version` alone answers before commander and the commands are loaded.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  import('./program.js')
    .then(({ run }) => run(argv))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (e: unknown) => {
        process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        process.exitCode = 1;
      },
    );
}
