import { Command, CommanderError, Option } from 'commander';
import { commands } from './commands/index.js';
import { EXIT, reportError, type CliContext, type CliIO, type Lang } from './io.js';

const defaultIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  now: () => new Date(),
};

function langFrom(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? process.env.EGOV_PLAN_LANG : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

/** Builds the `egov-plan` command tree for one run. */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('egov-plan')
    .description(
      ctx.lang === 'en'
        ? "Vietnam's provincial e-government action plans as typed, checkable data."
        : 'Kế hoạch hành động chính quyền điện tử cấp tỉnh dưới dạng dữ liệu có kiểu, kiểm tra được.',
    )
    .addOption(new Option('--lang <lang>', ctx.lang === 'en' ? 'language of messages' : 'ngôn ngữ thông báo').choices(['vi', 'en']).default('vi'))
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      writeErr: (s) => ctx.io.stderr(s),
      outputError: (s, write) => write(ctx.lang === 'en' ? s : s.replace(/^error:/u, 'lỗi cách dùng (usage error):')),
    });
  program.enablePositionalOptions(false);
  for (const register of commands) register(program, ctx);
  // Subcommands inherit the error handling of the root.
  for (const c of program.commands) {
    c.exitOverride().configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      writeErr: (s) => ctx.io.stderr(s),
      outputError: (s, write) => write(ctx.lang === 'en' ? s : s.replace(/^error:/u, 'lỗi cách dùng (usage error):')),
    });
  }
  return program;
}

/**
 * Runs the CLI with `argv` (without the node and script names) and resolves to the exit code:
 * 0 success, 1 bad input or failed checks, 2 usage error.
 */
export async function run(argv: readonly string[], io: Partial<CliIO> = {}): Promise<number> {
  const ctx: CliContext = { io: { ...defaultIO, ...io }, lang: langFrom(argv), exitCode: EXIT.ok };
  const program = createProgram(ctx);
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    return reportError(ctx, e);
  }
}
