import type { Command } from 'commander';
import type { Issue, MeasurementStore, Plan } from '@egov-plan/core';
import { usageError, err, formatIssue, type CliContext } from '../io.js';
import * as MSG from '../messages.js';

// Every library import below is dynamic: a command loads what it uses when it runs, so
// `egov-plan --help` and `--version` start without the rules engine or zod.

/** The plan the calendar commands use when `--plan` is not given. */
export const DEFAULT_PLAN = 'kontum-1102-2019';

/** Name under which standard input appears in issues. */
export const STDIN_NAME = '<stdin>';

/** The help text of `--plan`. */
export function planArgumentHelp(ctx: CliContext): string {
  return ctx.lang === 'en' ? 'a bundled plan id, the path of a plan file, or - for standard input' : 'id kế hoạch đóng gói sẵn, đường dẫn tệp kế hoạch, hoặc - để đọc từ đầu vào chuẩn';
}

/** The help text of `--json`. */
export function jsonHelp(ctx: CliContext): string {
  return ctx.lang === 'en' ? 'print the result (or the error) as JSON on standard output' : 'in kết quả (hoặc lỗi) dạng JSON ra đầu ra chuẩn';
}

/** The help text of `--at`, the same in every command. */
export function atHelp(ctx: CliContext, defaultText: { vi: string; en: string }): string {
  return ctx.lang === 'en'
    ? `a local date YYYY-MM-DD or an ISO 8601 instant (without an offset: Vietnam time, +07:00); default: ${defaultText.en}`
    : `ngày YYYY-MM-DD hoặc thời điểm ISO 8601 (không có múi giờ thì hiểu là giờ Việt Nam, +07:00); mặc định: ${defaultText.vi}`;
}

/** Adds the `--plan <id|file>` option every plan command takes. */
export function planOption(cmd: Command, ctx: CliContext, defaultPlan?: string): Command {
  return defaultPlan === undefined ? cmd.option('--plan <plan>', planArgumentHelp(ctx)) : cmd.option('--plan <plan>', planArgumentHelp(ctx), defaultPlan);
}

/**
 * The plan a command names: `--plan`, or the positional `<plan>` kept as an alias where a
 * command took one before `--plan` existed. Both, when different, or neither, is a usage error.
 */
export function planRef(ctx: CliContext, option: string | undefined, positional: string | undefined): string {
  if (option !== undefined && positional !== undefined && option !== positional) {
    throw usageError(MSG.usagePlanTwice, { option, positional });
  }
  const ref = option ?? positional;
  if (ref === undefined) throw usageError(MSG.usageMissingPlan, {});
  return ref;
}

/**
 * How a command the CLI suggests names the plan: as the run named it (a bundled id or the path
 * of a file, quoted when it needs quoting), so the command works as printed — never the plan's
 * `id`, which is not a bundled plan for a province's own file. Standard input (`-`) cannot be
 * named again: the suggestion says `--plan <tệp>` / `--plan <file>`.
 */
export function planArg(ctx: { lang: 'vi' | 'en' }, ref: string): string {
  if (ref === '-') return ctx.lang === 'en' ? '<file>' : '<tệp>';
  return /^[\w./-]+$/u.test(ref) ? ref : JSON.stringify(ref);
}

/**
 * Reads a file named on the command line, relative to the run's directory; `-` is standard
 * input (once per run). Regular files only, at most `maxBytes`: a FIFO or a device does not hang.
 */
export async function readInputFile(ctx: CliContext, file: string, maxBytes?: number): Promise<{ text: string; name: string }> {
  if (file === '-') {
    if (ctx.stdinUsed !== undefined) {
      throw usageError(MSG.usageStdinUsed, { used: ctx.stdinUsed });
    }
    ctx.stdinUsed = file;
    const { DEFAULT_MAX_FILE_BYTES } = await import('@egov-plan/rules');
    return { text: await ctx.io.readStdin(maxBytes ?? DEFAULT_MAX_FILE_BYTES), name: STDIN_NAME };
  }
  const [{ resolve }, { readTextFileSync }] = await Promise.all([import('node:path'), import('@egov-plan/rules/node')]);
  return { text: maxBytes === undefined ? readTextFileSync(resolve(ctx.io.cwd, file), file) : readTextFileSync(resolve(ctx.io.cwd, file), file, maxBytes), name: file };
}

/** Refuses, before anything is read, a run that names standard input (`-`) for two options. */
export function stdinOnce(options: ReadonlyArray<readonly [string, string | undefined]>): void {
  const dashes = options.filter(([, v]) => v === '-').map(([name]) => name);
  if (dashes.length > 1) {
    throw usageError(MSG.usageStdinOnce, { options: { vi: dashes.join(' và '), en: dashes.join(' and ') } });
  }
}

/** Resolves a plan reference — a bundled id, a path, or `-` — relative to the run's directory. */
export async function loadPlanRef(ctx: CliContext, ref: string, maxResults?: number): Promise<Plan> {
  const rules = await import('@egov-plan/rules/node');
  const allowOutside = ctx.allowOutside === true;
  const limits = maxResults === undefined ? {} : { limits: { maxResults } };
  // A plan that loads with warnings is used; its warnings go to standard error, never dropped.
  const onWarning = (w: Issue) => err(ctx, formatIssue(ctx, w));
  if (ref !== '-') return rules.loadPlan(ref, { cwd: ctx.io.cwd, allowOutside, onWarning, ...limits });
  const { text, name } = await readInputFile(ctx, ref);
  const r = rules.validatePlanText(text, { file: name, cwd: ctx.io.cwd, allowOutside, ...limits });
  if (!r.ok) {
    const { EgovPlanError } = await import('@egov-plan/core');
    throw new EgovPlanError(r.issues);
  }
  for (const w of r.issues) if (w.severity === 'warning') onWarning(w);
  return r.value;
}

/** `--at` read once for every command: the instant it names and its local date in Vietnam. */
export interface AtValue {
  /** The instant; a bare local date is its first moment (00:00, +07:00). */
  instant: Date;
  /** The local date `YYYY-MM-DD`: as given when `--at` is a date, else the instant's date in Vietnam. */
  localDate: string;
}

/** Parses `--at` (a local date or an ISO instant; default: the run's current time); malformed is a usage error. */
export async function atOption(ctx: CliContext, text: string | undefined): Promise<AtValue> {
  const [{ isLocalDate }, { parseInstant, taskDate }] = await Promise.all([import('@egov-plan/core'), import('@egov-plan/rules')]);
  let instant: Date;
  try {
    instant = text === undefined ? ctx.io.now() : parseInstant(text);
  } catch (e) {
    const first = (e as { issues?: ReadonlyArray<{ message: { vi: string; en: string } }> }).issues?.[0];
    if (!first) throw e;
    throw usageError(MSG.usageOptionReason, { option: '--at', reason: first.message });
  }
  const trimmed = text?.trim();
  return { instant, localDate: trimmed !== undefined && isLocalDate(trimmed) ? trimmed : taskDate(instant) };
}

/** A function naming an org unit (agency id or administrative unit code) in the run's language, or undefined when the plan does not know it. */
export function orgUnitNamer(ctx: CliContext, plan: Plan): (id: string) => string | undefined {
  const names = new Map<string, { vi: string; en: string }>();
  for (const u of plan.administrativeUnits) names.set(u.code, u.name);
  for (const a of plan.agencies) names.set(a.id, a.name);
  return (id) => {
    const n = names.get(id);
    return n === undefined ? undefined : ctx.lang === 'en' ? n.en : n.vi;
  };
}

/** An id with its name beside it when the plan knows one: `so-tttt (Sở Thông tin và Truyền thông)`. */
export function withName(id: string, name: string | undefined): string {
  return name === undefined || name === id ? id : `${id} (${name})`;
}

/**
 * The plan id a store command (`history`, `dump`) reads under: a bundled id, a plan the store
 * holds (its rule file or imports), or the id of the plan in a file. Anything else is
 * `plan.unknown_plan` (exit 1) — never an empty answer for a misspelt id.
 */
export async function storedPlanId(ctx: CliContext, ref: string, store: MeasurementStore): Promise<string> {
  return (await storedPlan(ctx, ref, store)).id;
}

/**
 * {@link storedPlanId}, with the plan itself when the run can read it (a bundled plan, the rule
 * file the store holds for it when that resolves, or a plan file; a plan the store knows only
 * from its imports has none here), for the units its indicators are in.
 */
export async function storedPlan(ctx: CliContext, ref: string, store: MeasurementStore): Promise<{ id: string; plan: Plan | undefined }> {
  const { bundledPlan, isBundledPlanId } = await import('@egov-plan/rules');
  if (isBundledPlanId(ref)) return { id: ref, plan: bundledPlan(ref) };
  const stored = await store.ruleFile(ref);
  if (stored !== null) {
    const { validatePlanText } = await import('@egov-plan/rules/node');
    const read = validatePlanText(stored.text, { file: `${ref} (rev. ${stored.revision})`, cwd: ctx.io.cwd });
    return { id: ref, plan: read.ok ? read.value : undefined };
  }
  if ((await store.imports(ref)).length > 0) return { id: ref, plan: undefined };
  const plan = await loadPlanRef(ctx, ref);
  return { id: plan.id, plan };
}
