// Every piece of data that reaches the page goes through one of these: rule files, measurements
// and submissions are written by others, and a plan title such as `</title><script>` must stay text.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML and SVG element content and quoted attribute values (`&`, `<`, `>`, `"`,
 * `'`). Control characters other than tab, line feed and carriage return are dropped, since XML
 * cannot carry them; lone surrogates become U+FFFD.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu, '\uFFFD')
    .replace(/[&<>"']/gu, (c) => ENTITIES[c] as string);
}

/**
 * Escapes text for a Markdown table cell or line: HTML is escaped (Markdown renderers pass raw
 * HTML through), and the characters that make emphasis, code, links or table cells are backslash-escaped, as is a
 * leading heading, quote or list marker.
 */
export function escapeMarkdown(text: string): string {
  return escapeHtml(text)
    .replace(/[\\`*_[\]|~]/gu, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-]|\d+\.)/u, '$1\\$2')
    .replace(/\r?\n|\r/gu, ' ');
}
