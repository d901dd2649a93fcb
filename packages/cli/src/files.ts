import type { Issue, IssueParam } from '@egov-plan/core';
import type { CliContext } from './io.js';
import * as MSG from './messages.js';

// The one place where the CLI turns a failure of the file system — a folder that does not
// exist, a directory given as a file, no permission, a read-only or full disk — into a typed
// issue (`file.output_failed`, `store.open_failed`) with a Vietnamese reason. The system's own
// English text (`ENOENT: no such file or directory, open '…'`) goes only into the English message.

/** The system error codes of a path that cannot be written or opened, worded in both languages. */
const REASONS: Readonly<Record<string, { vi: string; en: string }>> = {
  ENOENT: { vi: 'thư mục chứa nó không tồn tại', en: 'its folder does not exist' },
  ENOTDIR: { vi: 'một phần của đường dẫn là tệp chứ không phải thư mục', en: 'part of the path is a file, not a folder' },
  EISDIR: { vi: 'đường dẫn là một thư mục, không phải tệp', en: 'the path is a folder, not a file' },
  EACCES: { vi: 'không có quyền ghi vào đó', en: 'permission denied' },
  EPERM: { vi: 'hệ điều hành không cho phép thao tác này', en: 'operation not permitted' },
  EROFS: { vi: 'hệ thống tệp chỉ cho đọc', en: 'the file system is read-only' },
  ENOSPC: { vi: 'hết chỗ trống trên thiết bị', en: 'no space left on the device' },
  EDQUOT: { vi: 'vượt hạn mức dung lượng', en: 'the disk quota is exceeded' },
  ENAMETOOLONG: { vi: 'tên tệp quá dài', en: 'the file name is too long' },
  EEXIST: { vi: 'đã có một tệp ở chỗ cần tạo thư mục', en: 'a file exists where a folder is needed' },
  EMFILE: { vi: 'quá nhiều tệp đang mở', en: 'too many open files' },
};

/** The system error code of `e` (`ENOENT`, …), or undefined for an error that is not one. */
export function systemErrorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/u.test(code) ? code : undefined;
}

/** Why a path failed, in both languages: a Vietnamese reason, the English one followed by the system's text. */
export function pathFailureReason(e: unknown, code = systemErrorCode(e)): IssueParam {
  const system = e instanceof Error ? e.message : String(e);
  const known = code === undefined ? undefined : REASONS[code];
  if (known) return { vi: `${known.vi} (${code})`, en: `${known.en} (${system})` };
  return { vi: `lỗi hệ thống${code ? ` ${code}` : ''}`, en: system };
}

/** The issue of a file a command could not write. */
export async function outputFailedIssue(file: string, e: unknown): Promise<Issue> {
  const { issueFrom } = await import('@egov-plan/core');
  return issueFrom(MSG.fileOutputFailed, '', { file, reason: pathFailureReason(e) }, { file });
}

/** Runs a file-system step on `file`; a system error becomes `EgovPlanError` `file.output_failed`. */
async function guarded(file: string, step: () => void): Promise<void> {
  try {
    step();
  } catch (e) {
    if (systemErrorCode(e) === undefined) throw e;
    const { EgovPlanError } = await import('@egov-plan/core');
    throw new EgovPlanError([await outputFailedIssue(file, e)]);
  }
}

/**
 * Writes a file a command produces (`--out`, the demo's files), relative to the run's
 * directory. A failure of the file system is `EgovPlanError` `file.output_failed` (exit 1).
 */
export async function writeOutputFile(ctx: CliContext, file: string, data: string | Uint8Array): Promise<void> {
  const [{ writeFileSync }, { resolve }] = await Promise.all([import('node:fs'), import('node:path')]);
  await guarded(file, () => writeFileSync(resolve(ctx.io.cwd, file), data));
}

/** Creates a folder a command writes into (with its parents); a failure is `file.output_failed`. */
export async function makeOutputFolder(ctx: CliContext, folder: string): Promise<void> {
  const [{ mkdirSync }, { resolve }] = await Promise.all([import('node:fs'), import('node:path')]);
  await guarded(folder, () => mkdirSync(resolve(ctx.io.cwd, folder), { recursive: true }));
}
