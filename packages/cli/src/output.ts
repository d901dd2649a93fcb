// What the process does when standard output cannot be written. A reader that has gone (EPIPE,
// `egov-plan ics | head`) took what it wanted: the run stops at once, quietly, with exit 0, as
// `head`'s other writers (ripgrep, git) do — whether the output outran the pipe's buffer is
// chance, so the exit must not depend on it. A full disk (ENOSPC, `> /dev/full`) or a closed
// descriptor (EBADF) loses output nobody chose to drop: the run ends at once with exit 1 and one
// typed line on standard error — never a stack trace, never a silent exit 0.

/** The issue code of the line (registered in core's issue registry). */
const OUTPUT_FAILED = 'file.output_failed';

const REASONS: Record<string, { vi: string; en: string }> = {
  ENOSPC: { vi: 'hết chỗ trống trên thiết bị', en: 'no space left on the device' },
  EBADF: { vi: 'đầu ra chuẩn đã bị đóng', en: 'standard output is closed' },
};

function lang(): 'vi' | 'en' {
  const argv = process.argv;
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? process.env.EGOV_PLAN_LANG : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

/** The line printed on standard error when standard output fails with `code`. */
export function outputErrorLine(code: string | undefined, language: 'vi' | 'en'): string {
  const reason = REASONS[code ?? ''] ?? { vi: `lỗi ghi (${code ?? 'không rõ'})`, en: `write error (${code ?? 'unknown'})` };
  return language === 'en'
    ? `egov-plan: [${OUTPUT_FAILED}] Standard output could not be written: ${reason.en}; the output is incomplete.\n`
    : `egov-plan: [${OUTPUT_FAILED}] Không ghi được đầu ra chuẩn: ${reason.vi}; kết quả không đầy đủ.\n`;
}

/** Installs the handlers for failures of standard output (and of standard error, which then stays silent). */
export function handleOutputErrors(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    try {
      process.stderr.write(outputErrorLine(e.code, lang()));
    } finally {
      process.exit(1);
    }
  });
  process.stderr.on('error', () => process.exit(1));
}
