/**
 * Characters from data that must not reach a terminal as themselves: C0 controls other than tab
 * and line feed (ESC starts the sequences that retitle a window, clear the screen or write the
 * clipboard; a lone CR overwrites a line), DEL, C1 controls (U+0080–U+009F, CSI among them),
 * bidirectional embeddings, overrides, isolates and marks (which reorder what a reader sees),
 * and invisible characters (zero-width space and joiners, word joiner, BOM) that make two
 * different ids read alike.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

function escape(c: string): string {
  const n = c.codePointAt(0) as number;
  return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/**
 * Makes text safe to print on a terminal: every control, bidi or invisible character (see above)
 * is replaced by a visible escape (`\x1b`, `\u202e`, …); tab and line feed are kept. Pure; every
 * text printer of the CLI writes through it.
 *
 * @example sanitizeForTerminal('Sở\u001b]0;pwned\u0007') // 'Sở\\x1b]0;pwned\\x07'
 */
export function sanitizeForTerminal(text: string): string {
  return text.replace(UNSAFE, escape);
}
