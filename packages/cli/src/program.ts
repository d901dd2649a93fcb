import { CommanderError, Option, type Command } from 'commander';
import { commands } from './commands/index.js';
import { EXIT, printJsonError, reportError, usageIssue, usageText, type CliContext, type CliIO, type Lang } from './io.js';
import { localisedCommand } from './usage.js';
import { VERSION } from './version.js';
import * as MSG from './messages.js';

/** Reads standard input whole, refusing more than `maxBytes` with a typed error. */
async function readProcessStdin(maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      const { EgovPlanError, issueFrom } = await import('@egov-plan/core');
      throw new EgovPlanError([issueFrom(MSG.fileTooLargeStdin, '', { max: maxBytes }, { file: '<stdin>' })]);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const defaultIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  now: () => new Date(),
  readStdin: readProcessStdin,
  ...(process.stderr.isTTY ? { progress: process.stderr } : {}),
};

/** The arguments before `--` (after it, everything is an operand). */
function optionArgs(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end < 0 ? argv : argv.slice(0, end);
}

function langFrom(argv: readonly string[]): Lang {
  const args = optionArgs(argv);
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? process.env.EGOV_PLAN_LANG : args[i]?.includes('=') ? args[i]?.split('=')[1] : args[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

/** Builds the `egov-plan` command tree for one run. */
export function createProgram(ctx: CliContext): Command {
  const en = ctx.lang === 'en';
  const program = localisedCommand(ctx, 'egov-plan');
  // Settings first: subcommands copy them when they are created.
  program
    .description(en ? "Vietnam's provincial e-government action plans as typed, checkable data." : 'Kế hoạch hành động chính quyền điện tử cấp tỉnh dưới dạng dữ liệu có kiểu, kiểm tra được.')
    .version(VERSION, '-V, --version', en ? 'print the version number' : 'in số phiên bản')
    .helpOption('-h, --help', en ? 'display help for the command' : 'hiển thị trợ giúp của lệnh')
    .helpCommand('help [command]', en ? 'display help for a command' : 'hiển thị trợ giúp của một lệnh')
    .addOption(new Option('--lang <lang>', en ? 'language of messages (or EGOV_PLAN_LANG)' : 'ngôn ngữ thông báo (hoặc biến EGOV_PLAN_LANG)').choices(['vi', 'en']).default('vi'))
    .addOption(
      new Option(
        '--allow-outside',
        en
          ? "let a rule file's `extends` paths leave its own folder (refused by default: rules.path_not_allowed)"
          : 'cho phép đường dẫn `extends` của tệp quy tắc ra ngoài thư mục của nó (mặc định bị từ chối: rules.path_not_allowed)',
      ),
    )
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      writeErr: (s) => ctx.io.stderr(s),
    });
  for (const register of commands) register(program, ctx);
  for (const c of program.commands) c.helpOption('-h, --help', en ? 'display help for the command' : 'hiển thị trợ giúp của lệnh');
  return program;
}

/**
 * Runs the CLI with `argv` (without the node and script names) and resolves to the exit code:
 * 0 success, 1 bad input or failed checks, 2 usage error. With `--json`, a failed run prints
 * `{ "ok": false, "error": { "code", "issues" } }` on standard output.
 */
export async function run(argv: readonly string[], io: Partial<CliIO> = {}): Promise<number> {
  // A caller with its own standard error draws no progress on the process's terminal unless it says so.
  const base: CliIO = io.stderr && !('progress' in io) ? { ...defaultIO, progress: undefined } : defaultIO;
  const ctx: CliContext = { io: { ...base, ...io }, lang: langFrom(argv), json: optionArgs(argv).includes('--json'), allowOutside: optionArgs(argv).includes('--allow-outside'), exitCode: EXIT.ok };
  const program = createProgram(ctx);
  if (argv.length === 0) {
    printJsonError(ctx, [usageIssue(MSG.usageMissingCommand.code, usageText(MSG.usageMissingCommand, {}))]);
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      const u = ctx.usage ?? { code: 'usage.invalid_option' as const, text: { vi: e.message, en: e.message } };
      printJsonError(ctx, [usageIssue(u.code, u.text)]);
      return EXIT.usage;
    }
    return reportError(ctx, e);
  }
}
