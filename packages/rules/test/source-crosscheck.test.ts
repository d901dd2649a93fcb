/**
 * Cross-checks the bundled Kon Tum plan (1102/KH-UBND) against the verbatim source text shipped
 * next to it. Every expectation is derived from the source text itself (the appendix table, the
 * percentages of section I.2, the lettered items of section II, the numbered bodies of
 * section III), never from counts typed by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseText, Plan, type QuantitativeTarget, type SourceRef } from '@egov-plan/core';

const SOURCE_URL = new URL('../data/sources/1102-KH-UBND-2019-kon-tum.txt', import.meta.url);
const PLAN_URL = new URL('../data/kontum-1102-2019.json', import.meta.url);
const BASELINE_URL = new URL('../data/vn-nq17-2019.json', import.meta.url);

const rawSource = readFileSync(SOURCE_URL, 'utf8');
const source = normaliseText(rawSource);
const planJson: unknown = JSON.parse(readFileSync(PLAN_URL, 'utf8'));
const baselineJson: unknown = JSON.parse(readFileSync(BASELINE_URL, 'utf8'));
const plan = Plan.parse(planJson);

// ---------------------------------------------------------------------------------------------
// Source parsing helpers

/** A row of the appendix table as printed: every cell normalised, blank cells as null. */
interface AppendixRow {
  group: string;
  label: string;
  title: string;
  lead: string;
  coordinating: string;
  completion: string | null;
  continuing: string | null;
  note: string | null;
}

const ROMAN_GROUP = /^(?:I|II|III|IV|V|VI)$/u;

/**
 * Parses the appendix table: the text after the line "PHỤ LỤC", cut into cells at lines that are
 * exactly "|". A group header is a roman numeral I–VI followed by the group title (group VI's
 * header row carries extra empty cells); a task row is STT, title, lead, coordinating,
 * completion, continuing, note.
 */
function parseAppendix(text: string): AppendixRow[] {
  const lines = text.split(/\r?\n/u);
  const start = lines.findIndex((line) => line.trim() === 'PHỤ LỤC');
  if (start < 0) throw new Error('the source has no "PHỤ LỤC" line');
  const cells: string[] = [];
  let current: string[] = [];
  for (const line of lines.slice(start)) {
    if (line === '|') {
      cells.push(normaliseText(current.join('\n')));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) cells.push(normaliseText(current.join('\n')));

  const rows: AppendixRow[] = [];
  let group: string | null = null;
  let i = cells.indexOf('I');
  if (i < 0) throw new Error('the appendix has no group I');
  const blankToNull = (cell: string): string | null => (cell === '' ? null : cell);
  while (i < cells.length) {
    const cell = cells[i] ?? '';
    if (cell === '') {
      i += 1;
    } else if (ROMAN_GROUP.test(cell)) {
      group = cell;
      i += 2; // the numeral and the group title
    } else if (/^\d+$/u.test(cell)) {
      if (group === null) throw new Error(`task row ${cell} before any group`);
      const [title, lead, coordinating, completion, continuing, note] = cells.slice(i + 1, i + 7);
      if (title === undefined || lead === undefined || coordinating === undefined || completion === undefined || continuing === undefined || note === undefined) {
        throw new Error(`appendix row ${group}.${cell} is cut short`);
      }
      rows.push({ group, label: cell, title, lead, coordinating, completion: blankToNull(completion), continuing: blankToNull(continuing), note: blankToNull(note) });
      i += 7;
    } else {
      throw new Error(`unexpected appendix cell ${i}: ${cell}`);
    }
  }
  return rows;
}

/** Every start offset of `needle` in `haystack`. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** The slice of the normalised source from `from` up to (not including) `to`, with its offset. */
function section(from: string, to: string): { start: number; end: number } {
  const start = source.indexOf(from);
  const end = source.indexOf(to, start);
  if (start < 0 || end < 0) throw new Error(`section markers not found: ${from} … ${to}`);
  return { start, end };
}

/** Lines of the raw source between two marker lines (by prefix). */
function rawLinesBetween(fromPrefix: string, toPrefix: string): string[] {
  const lines = rawSource.split(/\r?\n/u);
  const start = lines.findIndex((line) => line.startsWith(fromPrefix));
  const end = lines.findIndex((line, k) => k > start && line.startsWith(toPrefix));
  if (start < 0 || end < 0) throw new Error(`raw markers not found: ${fromPrefix} … ${toPrefix}`);
  return lines.slice(start + 1, end);
}

// ---------------------------------------------------------------------------------------------
// Derived from the source

const appendixRows = parseAppendix(rawSource);

// Section I.2 and its phase sub-sections, named from the source's own "a) Giai đoạn 2019 - 2020".
const targetsSection = section('2. Các chỉ tiêu', 'II. NHIỆM VỤ');
const phaseMarkers = [...source.slice(targetsSection.start, targetsSection.end).matchAll(/([ab])\) Giai đoạn (\d{4}) - (\d{4})/gu)].map((m) => ({
  letter: m[1] ?? '',
  phase: `${m[2] ?? ''}-${m[3] ?? ''}`,
  start: targetsSection.start + (m.index ?? 0),
}));

function phaseAt(offset: number): { letter: string; phase: string } {
  const marker = [...phaseMarkers].reverse().find((p) => p.start <= offset);
  if (!marker) throw new Error(`offset ${offset} precedes the phase headings of I.2`);
  return marker;
}

interface PercentOccurrence {
  fragment: string;
  value: number;
  offset: number;
  letter: string;
  phase: string;
}

const percentOccurrences: PercentOccurrence[] = [...source.slice(targetsSection.start, targetsSection.end).matchAll(/(\d+)\s*%/gu)].map((m) => {
  const offset = targetsSection.start + (m.index ?? 0);
  return { fragment: m[0], value: Number(m[1]), offset, ...phaseAt(offset) };
});

const quantitativeTargets = plan.indicators.flatMap((indicator) =>
  indicator.targets.filter((t): t is QuantitativeTarget => t.kind === 'quantitative').map((target) => ({ indicator, target })),
);

/** Every provenance reference in the plan, labelled for failure messages. */
function allSourceRefs(): Array<{ where: string; ref: SourceRef }> {
  const refs: Array<{ where: string; ref: SourceRef }> = [];
  for (const p of plan.phases) refs.push({ where: `phase ${p.id}`, ref: p.source });
  for (const i of plan.indicators) {
    refs.push({ where: `indicator ${i.id}`, ref: i.source });
    for (const t of i.targets) refs.push({ where: `target ${t.id}`, ref: t.source });
  }
  for (const t of plan.tasks) refs.push({ where: `task ${t.id}`, ref: t.source });
  for (const b of plan.bodyTasks) refs.push({ where: `body task ${b.id}`, ref: b.source });
  for (const d of plan.duties) refs.push({ where: `duty ${d.id}`, ref: d.source });
  for (const o of plan.reportingObligations) refs.push({ where: `obligation ${o.id}`, ref: o.source });
  for (const n of plan.notes) if (n.source) refs.push({ where: `note ${n.id}`, ref: n.source });
  return refs;
}

// ---------------------------------------------------------------------------------------------

describe('bundled plan files', () => {
  it('satisfy the Plan schema', () => {
    expect(Plan.safeParse(planJson).success).toBe(true);
    expect(Plan.safeParse(baselineJson).success).toBe(true);
  });

  it('name the shipped source text of the Kon Tum plan', () => {
    expect(plan.sourceText).toBe('sources/1102-KH-UBND-2019-kon-tum.txt');
  });

  it('mark every national-baseline quote as a restatement, not verbatim text', () => {
    const baseline = Plan.parse(baselineJson);
    expect(baseline.indicators.length).toBeGreaterThan(0);
    for (const indicator of baseline.indicators) {
      expect(indicator.note, indicator.id).toBeDefined();
      for (const target of indicator.targets) expect(target.note, target.id).toBeDefined();
    }
  });
});

describe('appendix table (Phụ lục)', () => {
  it('is parsed from the source into task rows', () => {
    expect(appendixRows.length).toBeGreaterThan(0);
  });

  it('has exactly one encoded task per printed row', () => {
    expect(plan.tasks).toHaveLength(appendixRows.length);
  });

  it('has encoded groups in the printed order', () => {
    expect(plan.tasks.map((t) => t.group)).toEqual(appendixRows.map((r) => r.group));
  });

  const positions = appendixRows.map((row, k) => ({
    row,
    position: appendixRows.slice(0, k).filter((r) => r.group === row.group).length,
    name: `${row.group}.${row.label} (row ${k + 1})`,
  }));

  it.each(positions)('row $name matches the encoded task at the same group position', ({ row, position }) => {
    const task = plan.tasks.filter((t) => t.group === row.group)[position];
    expect(task, 'no encoded task at this position').toBeDefined();
    if (!task) return;
    expect(task.label).toBe(row.label);
    expect(normaliseText(task.title.vi)).toBe(row.title);
    expect(task.source.quote).toBe(row.title);
    expect(normaliseText(task.leadAsWritten)).toBe(row.lead);
    expect(normaliseText(task.coordinatingAsWritten)).toBe(row.coordinating);
    expect(task.completion === null ? null : normaliseText(task.completion)).toBe(row.completion);
    expect(task.continuing === null ? null : normaliseText(task.continuing)).toBe(row.continuing);
    expect(task.note === null ? null : normaliseText(task.note)).toBe(row.note);
  });
});

describe('targets of section I.2', () => {
  it('find both phase headings in the source and the plan', () => {
    expect(phaseMarkers.map((p) => p.letter)).toEqual(['a', 'b']);
    for (const marker of phaseMarkers) expect(plan.phases.map((p) => p.id)).toContain(marker.phase);
  });

  it('find percentages in the source', () => {
    expect(percentOccurrences.length).toBeGreaterThan(0);
  });

  it.each(percentOccurrences.map((o) => ({ ...o, name: `"${o.fragment}" at offset ${o.offset} (I.2.${o.letter})` })))(
    'percentage $name is a quantitative target of that phase quoting it in place',
    ({ fragment, value, offset, letter, phase }) => {
      const matching = quantitativeTargets.filter(({ target }) => {
        if (target.phase !== phase || target.value !== value || target.unit !== 'percent') return false;
        if (target.source.section !== `I.2.${letter}` || !target.source.quote.includes(fragment)) return false;
        // the quote must cover this very occurrence, not an equal figure elsewhere
        return occurrences(source, target.source.quote).some((at) => at <= offset && offset + fragment.length <= at + target.source.quote.length);
      });
      expect(matching.map(({ target }) => target.id)).not.toEqual([]);
    },
  );

  it('encode no percentage target that is absent from its quote or outside its phase sub-section', () => {
    for (const { target } of quantitativeTargets.filter(({ target }) => target.source.section.startsWith('I.2'))) {
      const figure = new RegExp(`(?<!\\d)${target.value}\\s*%`, 'u');
      expect(figure.test(target.source.quote), `${target.id}: quote lacks ${target.value}%`).toBe(true);
      const inPhase = occurrences(source, target.source.quote).some((at) => {
        if (at < targetsSection.start || at >= targetsSection.end) return false;
        return phaseAt(at).phase === target.phase && `I.2.${phaseAt(at).letter}` === target.source.section;
      });
      expect(inPhase, `${target.id}: quote not found in I.2 sub-section of phase ${target.phase}`).toBe(true);
    }
  });

  it('give each qualitative target a requirement and a quote from its phase sub-section', () => {
    for (const indicator of plan.indicators) {
      for (const target of indicator.targets) {
        if (target.kind !== 'qualitative') continue;
        const inPhase = occurrences(source, target.source.quote).some(
          (at) => at >= targetsSection.start && at < targetsSection.end && phaseAt(at).phase === target.phase,
        );
        expect(inPhase, target.id).toBe(true);
      }
    }
  });
});

describe('section II items (Nhiệm vụ và giải pháp)', () => {
  const printed: Array<{ group: string; label: string }> = [];
  let group = '';
  for (const line of rawLinesBetween('II. NHIỆM VỤ', 'III. TỔ CHỨC')) {
    const heading = /^(\d)\. /u.exec(line);
    if (heading) group = heading[1] ?? '';
    const item = /^([a-zđ])\) /u.exec(line);
    if (item) printed.push({ group, label: item[1] ?? '' });
  }

  it('encodes every lettered item in printed order with its printed letter', () => {
    expect(printed.length).toBeGreaterThan(0);
    expect(plan.bodyTasks.map((b) => ({ group: b.group, label: b.label }))).toEqual(printed);
  });

  it('links body items and appendix rows both ways', () => {
    const taskIds = new Set(plan.tasks.map((t) => t.id));
    const bodyIds = new Set(plan.bodyTasks.map((b) => b.id));
    for (const body of plan.bodyTasks) {
      for (const taskId of body.appendixTasks) {
        expect(taskIds.has(taskId), `${body.id} → ${taskId}`).toBe(true);
        expect(plan.tasks.find((t) => t.id === taskId)?.bodyTasks, `${taskId} ← ${body.id}`).toContain(body.id);
      }
    }
    for (const task of plan.tasks) {
      for (const bodyId of task.bodyTasks) {
        expect(bodyIds.has(bodyId), `${task.id} → ${bodyId}`).toBe(true);
        expect(plan.bodyTasks.find((b) => b.id === bodyId)?.appendixTasks, `${bodyId} ← ${task.id}`).toContain(task.id);
      }
    }
  });
});

describe('section III duties (Tổ chức thực hiện)', () => {
  it('encodes at least one duty for every numbered body of section III', () => {
    const numbers = rawLinesBetween('III. TỔ CHỨC', 'Trên đây là Kế hoạch')
      .map((line) => /^(\d{1,2})\. /u.exec(line)?.[1])
      .filter((n): n is string => n !== undefined);
    expect(numbers.length).toBeGreaterThan(0);
    for (const n of numbers) {
      expect(plan.duties.some((d) => d.source.section === `III.${n}` || d.source.section.startsWith(`III.${n}.`)), `III.${n}`).toBe(true);
    }
  });

  it('quotes each reporting deadline and cut-off inside the obligation\'s own quote', () => {
    for (const obligation of plan.reportingObligations) {
      expect(obligation.source.quote, obligation.id).toContain(obligation.deadlineAsWritten);
      if (obligation.cutOffAsWritten !== null) expect(obligation.source.quote, obligation.id).toContain(obligation.cutOffAsWritten);
    }
  });
});

describe('quotations', () => {
  const refs = allSourceRefs();

  it('are collected from every part of the plan', () => {
    expect(refs.length).toBeGreaterThan(plan.tasks.length);
  });

  it.each(refs.map(({ where, ref }) => ({ where, quote: ref.quote })))('$where quotes the source verbatim', ({ quote }) => {
    expect(quote).toBe(normaliseText(quote));
    expect(source.includes(quote)).toBe(true);
    // cells of the flattened table are separated by "|" lines: a quote must stay inside one cell
    expect(quote.includes('|')).toBe(false);
  });

  it('keep every "as written" field verbatim', () => {
    const written = [
      ...plan.tasks.flatMap((t) => [t.leadAsWritten, t.coordinatingAsWritten, t.completion, t.continuing, t.note]),
      ...plan.reportingObligations.flatMap((o) => [o.cutOffAsWritten, o.deadlineAsWritten]),
    ].filter((s): s is string => s !== null);
    for (const text of written) expect(source.includes(text), text).toBe(true);
  });
});

describe('identifiers', () => {
  it('declare every agency the plan refers to', () => {
    const declared = new Set(plan.agencies.map((a) => a.id));
    const referenced = [
      ...plan.tasks.flatMap((t) => [...t.lead, ...t.coordinating].map((id) => ({ id, where: t.id }))),
      ...plan.duties.flatMap((d) => d.agencies.map((id) => ({ id, where: d.id }))),
      ...plan.reportingObligations.flatMap((o) => [...o.reporters, ...o.recipients].map((id) => ({ id, where: o.id }))),
    ];
    expect(referenced.length).toBeGreaterThan(0);
    for (const { id, where } of referenced) expect(declared.has(id), `${where} → ${id}`).toBe(true);
  });

  it('are unique within each kind of item', () => {
    const groups: Record<string, string[]> = {
      agencies: plan.agencies.map((a) => a.id),
      indicators: plan.indicators.map((i) => i.id),
      targets: plan.indicators.flatMap((i) => i.targets.map((t) => t.id)),
      tasks: plan.tasks.map((t) => t.id),
      bodyTasks: plan.bodyTasks.map((b) => b.id),
      duties: plan.duties.map((d) => d.id),
      reportingObligations: plan.reportingObligations.map((o) => o.id),
      notes: plan.notes.map((n) => n.id),
      administrativeUnits: plan.administrativeUnits.map((u) => u.code),
    };
    for (const [kind, ids] of Object.entries(groups)) expect(new Set(ids).size, kind).toBe(ids.length);
  });

  it('put every target in a declared phase', () => {
    const phases = new Set(plan.phases.map((p) => p.id));
    for (const target of plan.indicators.flatMap((i) => i.targets)) expect(phases.has(target.phase), target.id).toBe(true);
  });
});
