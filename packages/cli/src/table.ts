import { out, type CliContext } from './io.js';

function pad(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? s : s + ' '.repeat(n - len);
}

/**
 * Prints rows as aligned columns: the heading row, a rule under it, then one line per row, the
 * last column never padded. `cells` is called once per row; the widths (in code points, at most
 * 64) are measured over those cells in a loop, never a spread, so any number of rows fits.
 */
export function printTable<R>(ctx: CliContext, head: readonly string[], rows: readonly R[], cells: (row: R) => readonly string[]): void {
  const table = rows.map(cells);
  const widths = head.map((h) => [...h].length);
  for (const row of table) {
    row.forEach((c, i) => {
      widths[i] = Math.min(64, Math.max(widths[i] ?? 0, [...c].length));
    });
  }
  const line = (row: readonly string[]) => row.map((c, i) => (i === row.length - 1 ? c : pad(c, widths[i] ?? 0))).join('  ');
  out(ctx, line(head));
  out(ctx, widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of table) out(ctx, line(row));
}
