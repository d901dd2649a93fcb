import { escapeHtml } from './escape.js';

// A small SVG chart module: horizontal bars against target lines, and a value series against a
// target. Every chart is an accessible image: role="img", a <title> and a <desc> the element is
// labelled and described by, so a screen reader reads the same facts the picture shows.

/** How a bar is drawn: by the verdict on its value. */
export type BarTone = 'below' | 'met' | 'no-data';

/** One bar of a {@link barChart}. */
export interface Bar {
  /** The label on the left (shortened with an ellipsis when long; the full text is its tooltip). */
  label: string;
  /** The value, or null when there is none (drawn as an empty row with `valueText`). */
  value: number | null;
  tone: BarTone;
  /** Text printed after the bar, e.g. "18% · chưa đạt". */
  valueText: string;
}

/** A vertical line across a {@link barChart}, or a horizontal one across a {@link seriesChart}. */
export interface TargetLine {
  value: number;
  /** E.g. "≥ 20%". */
  label: string;
}

/** What every chart has: an id unique in the page, a title and a text alternative. */
export interface ChartText {
  /** Unique within the page; used for the ids of the title and description. */
  id: string;
  title: string;
  /** The text alternative: what the chart shows, in sentences. */
  description: string;
}

/** Arguments of {@link barChart}. */
export interface BarChartInput extends ChartText {
  bars: readonly Bar[];
  targets: readonly TargetLine[];
  /** Largest value on the axis (default: 100 for percentages, else the data's maximum). */
  max?: number;
  /** Appended to axis ticks, e.g. "%". */
  suffix?: string;
}

/** One point of a {@link seriesChart}. */
export interface SeriesPoint {
  /** Label on the axis, e.g. "2020Q4". */
  label: string;
  value: number;
  /** Drawn hollow and joined by a dashed line: a projection, not a measurement. */
  projected?: boolean;
}

/** Arguments of {@link seriesChart}. */
export interface SeriesChartInput extends ChartText {
  points: readonly SeriesPoint[];
  target: TargetLine | null;
  max?: number;
  suffix?: string;
  /** Width in px (default 320). */
  width?: number;
}

/** Chart colours; each also differs in lightness, and every bar carries its verdict as text. */
export const CHART_COLOURS = Object.freeze({ below: '#b3261e', met: '#1b7f3b', 'no-data': '#8a8a8a', target: '#1f1f1f', axis: '#6b6b6b', series: '#0b57d0' });

const FONT = 'font-family="system-ui, -apple-system, \'Segoe UI\', Roboto, \'Noto Sans\', sans-serif"';
const LABEL_CHARS = 30;
const BAR_WIDTH = 640;
const LABEL_WIDTH = 210;
const VALUE_WIDTH = 150;
const ROW = 24;
const TOP = 30;
const BOTTOM = 26;

/** Shortens text to `max` characters (code points), ending with "…" when cut. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** A "nice" upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `value`. */
export function niceMax(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const p = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= value) return m * p;
  return 10 * p;
}

function open(c: ChartText, width: number, height: number): string {
  const id = escapeHtml(c.id);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT} font-size="12">` +
    `<title id="${id}-title">${escapeHtml(c.title)}</title><desc id="${id}-desc">${escapeHtml(c.description)}</desc>`
  );
}

/**
 * Horizontal bars, one per org unit, with each target drawn as a dashed vertical line labelled
 * above the plot. Bars are drawn in the order given (put the units below target first).
 */
export function barChart(input: BarChartInput): string {
  const values = input.bars.map((b) => b.value ?? 0).concat(input.targets.map((t) => t.value));
  const max = input.max ?? niceMax(values.reduce((m, v) => (v > m ? v : m), 0));
  const plot = BAR_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const x = (v: number) => LABEL_WIDTH + (Math.max(0, Math.min(v, max)) / max) * plot;
  const rows = Math.max(1, input.bars.length);
  const height = TOP + rows * ROW + BOTTOM;
  const suffix = escapeHtml(input.suffix ?? '');
  const parts: string[] = [open(input, BAR_WIDTH, height)];
  // Axis with five ticks.
  const axisY = TOP + rows * ROW;
  parts.push(`<g class="axis" fill="${CHART_COLOURS.axis}" stroke="none">`);
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    const tx = x(v);
    parts.push(`<line x1="${fmt(tx)}" y1="${TOP - 4}" x2="${fmt(tx)}" y2="${axisY}" stroke="#e3e3e3" stroke-width="1"/>`);
    parts.push(`<text x="${fmt(tx)}" y="${axisY + 16}" text-anchor="middle">${fmt(v)}${suffix}</text>`);
  }
  parts.push(`<line x1="${LABEL_WIDTH}" y1="${axisY}" x2="${LABEL_WIDTH + plot}" y2="${axisY}" stroke="${CHART_COLOURS.axis}" stroke-width="1"/></g>`);
  input.bars.forEach((b, i) => {
    const y = TOP + i * ROW;
    const label = shorten(b.label, LABEL_CHARS);
    parts.push(`<g class="bar bar-${b.tone}">`);
    parts.push(`<text x="${LABEL_WIDTH - 8}" y="${y + ROW / 2 + 4}" text-anchor="end" fill="#1f1f1f">${label !== b.label ? `<title>${escapeHtml(b.label)}</title>` : ''}${escapeHtml(label)}</text>`);
    const end = b.value === null ? LABEL_WIDTH : x(b.value);
    if (b.value !== null) {
      parts.push(`<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${fmt(Math.max(1, end - LABEL_WIDTH))}" height="${ROW - 8}" fill="${CHART_COLOURS[b.tone]}"/>`);
    }
    // After the bar, or after the target lines it falls short of, so no line crosses the text.
    let after = end;
    if (b.value !== null) for (const t of input.targets) if (t.value > b.value && x(t.value) > after) after = x(t.value);
    parts.push(`<text x="${fmt(after + 6)}" y="${y + ROW / 2 + 4}" fill="${b.tone === 'met' ? '#1f1f1f' : CHART_COLOURS[b.tone]}">${escapeHtml(b.valueText)}</text></g>`);
  });
  if (input.bars.length === 0) parts.push(`<text x="${LABEL_WIDTH}" y="${TOP + ROW / 2 + 4}" fill="${CHART_COLOURS.axis}">—</text>`);
  input.targets.forEach((t, i) => {
    const tx = x(t.value);
    parts.push(`<g class="target"><line x1="${fmt(tx)}" y1="${TOP - 6}" x2="${fmt(tx)}" y2="${axisY}" stroke="${CHART_COLOURS.target}" stroke-width="2" stroke-dasharray="5 3"/>`);
    parts.push(`<text x="${fmt(tx)}" y="${TOP - 10}" text-anchor="middle" font-weight="600" fill="${CHART_COLOURS.target}">${escapeHtml(t.label)}</text></g>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/**
 * A value series over periods with the target as a dashed horizontal line: measured points solid
 * and joined, a projected point hollow and joined by a dashed segment.
 */
export function seriesChart(input: SeriesChartInput): string {
  const width = input.width ?? 320;
  const height = 150;
  const left = 40;
  const right = 16;
  const top = 18;
  const bottom = 30;
  const values = input.points.map((p) => p.value).concat(input.target ? [input.target.value] : []);
  const max = input.max ?? niceMax(values.reduce((m, v) => (v > m ? v : m), 0));
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const n = input.points.length;
  const x = (i: number) => left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number) => top + plotH - (Math.max(0, Math.min(v, max)) / max) * plotH;
  const suffix = escapeHtml(input.suffix ?? '');
  const parts: string[] = [open(input, width, height)];
  parts.push(`<g class="axis" fill="${CHART_COLOURS.axis}">`);
  for (let i = 0; i <= 2; i++) {
    const v = (max * i) / 2;
    parts.push(`<line x1="${left}" y1="${fmt(y(v))}" x2="${width - right}" y2="${fmt(y(v))}" stroke="#e3e3e3"/>`);
    parts.push(`<text x="${left - 4}" y="${fmt(y(v) + 4)}" text-anchor="end">${fmt(v)}${suffix}</text>`);
  }
  parts.push('</g>');
  if (input.target) {
    const ty = y(input.target.value);
    parts.push(`<g class="target"><line x1="${left}" y1="${fmt(ty)}" x2="${width - right}" y2="${fmt(ty)}" stroke="${CHART_COLOURS.target}" stroke-width="1.5" stroke-dasharray="5 3"/>`);
    parts.push(`<text x="${left + 4}" y="${fmt(ty - 4)}" text-anchor="start" font-weight="600">${escapeHtml(input.target.label)}</text></g>`);
  }
  const measured = input.points.map((p, i) => ({ p, i })).filter(({ p }) => !p.projected);
  if (measured.length > 1) {
    parts.push(`<polyline class="series" fill="none" stroke="${CHART_COLOURS.series}" stroke-width="2" points="${measured.map(({ p, i }) => `${fmt(x(i))},${fmt(y(p.value))}`).join(' ')}"/>`);
  }
  input.points.forEach((p, i) => {
    const prev = input.points[i - 1];
    if (p.projected && prev) {
      parts.push(`<line x1="${fmt(x(i - 1))}" y1="${fmt(y(prev.value))}" x2="${fmt(x(i))}" y2="${fmt(y(p.value))}" stroke="${CHART_COLOURS.series}" stroke-width="2" stroke-dasharray="4 3"/>`);
    }
    parts.push(
      `<circle class="point" cx="${fmt(x(i))}" cy="${fmt(y(p.value))}" r="3.5" fill="${p.projected ? '#fff' : CHART_COLOURS.series}" stroke="${CHART_COLOURS.series}" stroke-width="1.5"/>`,
    );
    // Label the first, last and at most a few between, so period labels never collide.
    const every = Math.max(1, Math.ceil(n / 5));
    if (i === 0 || i === n - 1 || i % every === 0) {
      const anchor = n > 1 && i === 0 ? 'start' : n > 1 && i === n - 1 ? 'end' : 'middle';
      parts.push(`<text x="${fmt(x(i))}" y="${height - 10}" text-anchor="${anchor}" fill="${CHART_COLOURS.axis}">${escapeHtml(shorten(p.label, 10))}</text>`);
    }
  });
  parts.push('</svg>');
  return parts.join('');
}
