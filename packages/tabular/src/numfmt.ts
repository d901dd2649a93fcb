import { createRequire } from 'node:module';

// exceljs 4.4 reads a number format of styles.xml with its escapes removed (`0\%` becomes `0%`,
// `NumFmtXform.parseOpen`: `formatCode.replace(/[\\](.)/g, '$1')`), so a cell showing a literal
// percent sign (90 shown as "90%", not 9000%) looked like a percentage. The readers need the
// format as written: `isPercentFormat` tells `0%` from `0\%` and `0"%"`.

interface NumFmtXformClass {
  prototype: { parseOpen(node: { name: string; attributes: Record<string, string> }): boolean; model?: unknown };
}

let kept = false;

/**
 * Makes exceljs keep each number format of a workbook's styles as written (with its `\`
 * escapes), in this process, for the workbooks it reads from then on. Date detection is
 * unchanged (exceljs looks for date letters only), and a workbook written back keeps its formats
 * exactly (exceljs's own reading would lose the escapes). Idempotent; without exceljs's internal
 * class (another exceljs) nothing changes, and `0\%` cells read as percentages as before.
 * @internal
 */
export function keepWrittenNumberFormats(): void {
  if (kept) return;
  kept = true;
  let NumFmtXform: NumFmtXformClass | undefined;
  try {
    // The same module instance exceljs's styles reader uses (exceljs has no `exports` map).
    NumFmtXform = createRequire(typeof __filename === 'string' ? __filename : import.meta.url)('exceljs/lib/xlsx/xform/style/numfmt-xform.js') as NumFmtXformClass;
  } catch {
    return;
  }
  const proto = NumFmtXform?.prototype;
  if (!proto || typeof proto.parseOpen !== 'function') return;
  proto.parseOpen = function parseOpen(this: { model?: unknown }, node) {
    if (node.name !== 'numFmt') return false;
    this.model = { id: Number.parseInt(node.attributes.numFmtId ?? '', 10), formatCode: node.attributes.formatCode ?? '' };
    return true;
  };
}
