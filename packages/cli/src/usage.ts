import { Command, Help, type Argument, type Option } from 'commander';
import type { BilingualText, IssueCode } from '@egov-plan/core';
import { usageHeading, type CliContext } from './io.js';

// Commander writes its help and its errors in English. This module gives both in the run's
// language: errors are re-worded from commander's error code and message, help headings and
// option annotations through commander's Help hooks.

/** The issue code of each commander error (`--json` prints it in the error object). */
const CODES: Record<string, IssueCode> = {
  'commander.unknownOption': 'usage.unknown_option',
  'commander.unknownCommand': 'usage.unknown_command',
  'commander.missingArgument': 'usage.missing_argument',
  'commander.optionMissingArgument': 'usage.missing_option_value',
  'commander.missingMandatoryOptionValue': 'usage.missing_option',
  'commander.excessArguments': 'usage.too_many_arguments',
  'commander.invalidArgument': 'usage.invalid_value',
  'commander.conflictingOption': 'usage.conflicting_options',
};

type Rewording = [RegExp, (...m: string[]) => BilingualText];

const REWORDINGS: Rewording[] = [
  [/^unknown option '(.*?)'(?:\n\(Did you mean (.*)\?\))?$/su, (o, s) => ({ vi: `không có tùy chọn '${o}'${s ? ` (có phải ${s}?)` : ''}`, en: `unknown option '${o}'${s ? ` (did you mean ${s}?)` : ''}` })],
  [/^unknown command '(.*?)'(?:\n\(Did you mean (.*)\?\))?$/su, (c, s) => ({ vi: `không có lệnh '${c}'${s ? ` (có phải ${s}?)` : ''}`, en: `unknown command '${c}'${s ? ` (did you mean ${s}?)` : ''}` })],
  [/^missing required argument '(.*)'$/su, (a) => ({ vi: `thiếu tham số bắt buộc '${a}'`, en: `missing required argument '${a}'` })],
  [/^option '(.*)' argument missing$/su, (o) => ({ vi: `tùy chọn '${o}' thiếu giá trị`, en: `option '${o}' argument missing` })],
  [/^required option '(.*)' not specified$/su, (o) => ({ vi: `thiếu tùy chọn bắt buộc '${o}'`, en: `required option '${o}' not specified` })],
  [
    /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/su,
    (c, n, got) => ({ vi: `quá nhiều tham số${c ? ` cho lệnh '${c}'` : ''}: cần ${n}, nhận ${got}`, en: `too many arguments${c ? ` for '${c}'` : ''}: expected ${n}, got ${got}` }),
  ],
  [
    /^option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/su,
    (o, v, c) => ({ vi: `giá trị '${v}' của tùy chọn '${o}' không hợp lệ; chọn một trong: ${c}`, en: `option '${o}' argument '${v}' is invalid; allowed choices are ${c}` }),
  ],
  [/^(.*) cannot be used with (.*)$/su, (a, b) => ({ vi: `${a} không dùng được cùng ${b}`, en: `${a} cannot be used with ${b}` })],
];

/** A commander error message in both languages, with the issue code it maps to. */
export function commanderIssue(code: string, message: string): { code: IssueCode; text: BilingualText } {
  const bare = message.replace(/^error: /u, '');
  for (const [re, word] of REWORDINGS) {
    const m = re.exec(bare);
    if (m) return { code: CODES[code] ?? 'usage.invalid_option', text: word(...m.slice(1).map((x) => x ?? '')) }; // spread-ok: the capture groups of one regular expression
  }
  return { code: CODES[code] ?? 'usage.invalid_option', text: { vi: bare, en: bare } };
}

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
  'Global Options:': 'Tùy chọn chung:',
};

function annotations(text: string): string {
  return text.replace(/\(default: /gu, '(mặc định: ').replace(/\(choices: /gu, '(chọn một trong: ').replace(/, default: /gu, ', mặc định: ');
}

/** Help in Vietnamese: headings, the usage line and option annotations. */
class VietnameseHelp extends Help {
  override styleTitle(str: string): string {
    return super.styleTitle(TITLES[str] ?? str);
  }
  override commandUsage(cmd: Command): string {
    return super.commandUsage(cmd).replace('[options]', '[tùy chọn]').replace('[command]', '[lệnh]');
  }
  override subcommandTerm(cmd: Command): string {
    return super.subcommandTerm(cmd).replace('[options]', '[tùy chọn]').replace('[command]', '[lệnh]');
  }
  override optionDescription(option: Option): string {
    return annotations(super.optionDescription(option));
  }
  override argumentDescription(argument: Argument): string {
    return annotations(super.argumentDescription(argument));
  }
}

/**
 * A commander `Command` whose errors and help speak the run's language, and which records the
 * bilingual error in `ctx` for the `--json` error object. Subcommands are of the same class.
 */
export function localisedCommand(ctx: CliContext, name: string): Command {
  class LocalisedCommand extends Command {
    override createCommand(sub?: string): Command {
      return new LocalisedCommand(sub);
    }
    override createHelp(): Help {
      return Object.assign(ctx.lang === 'en' ? new Help() : new VietnameseHelp(), this.configureHelp());
    }
    override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
      const { code, text } = commanderIssue(errorOptions?.code ?? '', message);
      ctx.usage = { code, text };
      const heading = usageHeading(ctx);
      return super.error(`${heading}: ${ctx.lang === 'en' ? text.en : text.vi}`, errorOptions);
    }
  }
  return new LocalisedCommand(name);
}
