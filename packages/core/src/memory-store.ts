import {
  alreadyRetractedError,
  applyWrites,
  checkMeasurementRecord,
  comparePeriodEnds,
  completeProvenance,
  recordedCounts,
  duplicateImportError,
  matchesQuery,
  measurementKey,
  nextRevision,
  unknownImportError,
  type CountQuery,
  type CountSum,
  type ImportProvenance,
  type ImportRecord,
  type ImportSummary,
  type MeasurementQuery,
  type MeasurementRecord,
  type MeasurementStore,
  type ReportSubmission,
  type RowStream,
  type StoredMeasurement,
  type StoredReassertion,
  type StoredRuleFile,
  type StoreWrite,
  type TaskEvidence,
  type ValuesThatCount,
  type ValuesThatCountQuery,
} from './store.js';
import { revisionFromImports } from './store-rows.js';

/** A fresh id for an import. */
function newImportId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Of a measurement's revisions (oldest first), the revision a retraction of `importId` writes,
 * or null when the value in force did not come from that import. `retracted` holds every
 * retracted import, `importId` included. `reassertions` are the measurement's rows that restated
 * a revision in force ({@link StoredReassertion}), in the order written: the value restored is
 * the latest asserted by an import not retracted — a revision, or a row that restated one (then
 * with that row's import, sheet and row as its provenance) — or none. Shared by every store so
 * that all retract alike.
 */
export function retractionRevision(
  revisions: readonly StoredMeasurement[],
  importId: string,
  retracted: ReadonlySet<string>,
  recordedAt: string,
  reassertions: readonly Pick<StoredReassertion, 'revision' | 'importId' | 'sheet' | 'row'>[] = [],
): StoredMeasurement | null {
  const latest = revisions[revisions.length - 1];
  if (!latest || latest.importId !== importId || latest.value === null) return null;
  let restore: StoredMeasurement | null = null;
  let a = reassertions.length - 1;
  // Newest first: the rows that restated a revision came after it (and before the next one).
  for (let i = revisions.length - 1; i >= 0 && !restore; i--) {
    const r = revisions[i] as StoredMeasurement;
    for (; a >= 0 && (reassertions[a] as StoredReassertion).revision > r.revision; a--);
    for (; a >= 0 && !restore && (reassertions[a] as StoredReassertion).revision === r.revision; a--) {
      const x = reassertions[a] as StoredReassertion;
      if (r.value !== null && !retracted.has(x.importId)) restore = { ...r, importId: x.importId, sheet: x.sheet, row: x.row };
    }
    if (!restore && r.value !== null && !retracted.has(r.importId)) restore = r;
  }
  const base = restore ?? latest;
  return {
    ...base,
    revision: latest.revision + 1,
    value: restore ? restore.value : null,
    numerator: restore ? restore.numerator : null,
    denominator: restore ? restore.denominator : null,
    importId: restore ? restore.importId : importId,
    recordedAt,
    retractionOf: importId,
  };
}

/** Keeps `m` as its indicator × org unit's value when its period is later (end, start, then id) than the one kept. */
function keepLater(best: Map<string, StoredMeasurement>, m: StoredMeasurement): void {
  const k = `${m.indicator}\u0000${m.orgUnit}`;
  const b = best.get(k);
  if (!b || comparePeriodEnds(m, b) > 0 || (comparePeriodEnds(m, b) === 0 && m.period > b.period)) best.set(k, m);
}

/**
 * The reference {@link MeasurementStore}: everything in memory, lost with the process. Pure and
 * browser-safe; for tests, examples and small tools. Values in force and summed counts are
 * computed in JavaScript.
 */
export function createMemoryStore(): MeasurementStore {
  const revisions = new Map<string, StoredMeasurement[]>();
  /** Per measurement, the rows that restated its revision in force, in the order written. */
  const reasserted = new Map<string, StoredReassertion[]>();
  const imports = new Map<string, ImportRecord>();
  const submissions: ReportSubmission[] = [];
  const evidence: TaskEvidence[] = [];
  const ruleFiles = new Map<string, StoredRuleFile[]>();
  const keyOf = (plan: string, m: { indicator: string; orgUnit: string; period: string }) => `${plan}\u0000${measurementKey(m)}`;
  const copy = <T>(x: T): T => ({ ...x });

  function* current(q: MeasurementQuery): Iterable<StoredMeasurement> {
    for (const list of revisions.values()) {
      const latest = list[list.length - 1] as StoredMeasurement;
      if (latest.value !== null && matchesQuery(latest, q)) yield latest;
    }
  }

  /** Takes back the writes of a failed batch, latest first: each import, retraction and record it made, exactly. */
  function undo(done: readonly { kind: StoreWrite['kind']; importId: string; id?: string }[]): void {
    for (const w of [...done].reverse()) {
      if (w.kind === 'submission') {
        submissions.pop();
        continue;
      }
      if (w.kind === 'taskEvidence') {
        evidence.pop();
        continue;
      }
      if (w.kind === 'ruleFile') {
        ruleFiles.get(w.id as string)?.pop();
        continue;
      }
      if (w.kind === 'import') {
        for (const [key, list] of reasserted) {
          const kept = list.filter((x) => x.importId !== w.importId);
          if (kept.length) reasserted.set(key, kept);
          else reasserted.delete(key);
        }
      }
      const made = (r: StoredMeasurement) => (w.kind === 'import' ? r.importId === w.importId && r.retractionOf === null : r.retractionOf === w.importId);
      for (const [key, list] of revisions) {
        if (!list.some(made)) continue;
        const kept = list.filter((r) => !made(r));
        if (kept.length) revisions.set(key, kept);
        else revisions.delete(key);
      }
      if (w.kind === 'import') imports.delete(w.importId);
      else {
        const record = imports.get(w.importId);
        if (record) Object.assign(record, { retractedAt: null, retractedBy: null });
      }
    }
  }

  const store: MeasurementStore = {
    kind: 'memory',
    capabilities: { persistent: false, aggregatesInBackend: false, concurrentWriters: false },

    async importMeasurements(provenance: ImportProvenance, rows: RowStream<MeasurementRecord>): Promise<ImportSummary> {
      const p = completeProvenance(provenance, newImportId);
      if (imports.has(p.importId)) throw duplicateImportError(p.importId);
      // Staged, then applied at once: a failing batch leaves nothing behind.
      const staged = new Map<string, StoredMeasurement[]>();
      const restated: [string, StoredReassertion][] = [];
      let n = 0;
      let unchanged = 0;
      for await (const r of rows) {
        checkMeasurementRecord(r, n++);
        const key = keyOf(p.plan, r);
        const pending = staged.get(key) ?? [];
        const latest = pending[pending.length - 1] ?? revisions.get(key)?.at(-1);
        const revision = nextRevision(latest, r);
        if (revision === null) {
          unchanged++;
          // The import stands behind the value in force too (retracting its writer keeps it).
          restated.push([key, { plan: p.plan, indicator: r.indicator, orgUnit: r.orgUnit, period: r.period, revision: (latest as StoredMeasurement).revision, importId: p.importId, sheet: r.sheet, row: r.row }]);
          continue;
        }
        pending.push({ ...r, plan: p.plan, revision, importId: p.importId, file: p.file, importedBy: p.importedBy, importedAt: p.importedAt, recordedAt: p.importedAt, retractionOf: null });
        staged.set(key, pending);
      }
      for (const [key, list] of staged) revisions.set(key, [...(revisions.get(key) ?? []), ...list]);
      for (const [key, x] of restated) {
        const list = reasserted.get(key) ?? [];
        // A row repeated in one file restates once (as the SQL stores' key does).
        if (!list.some((y) => y.importId === x.importId && y.revision === x.revision)) list.push(x);
        reasserted.set(key, list);
      }
      const summary = { importId: p.importId, rows: n, revisions: n - unchanged, unchanged };
      imports.set(p.importId, { plan: p.plan, file: p.file, importedBy: p.importedBy, importedAt: p.importedAt, importId: p.importId, ...recordedCounts(p, n, unchanged), retractedAt: null, retractedBy: null });
      return summary;
    },

    history(q) {
      const out: StoredMeasurement[] = [];
      for (const list of revisions.values()) for (const r of list) if (matchesQuery(r, q)) out.push(copy(r));
      return out;
    },

    currentValues(q) {
      return [...current(q)].map(copy);
    },

    latestValues(q) {
      const best = new Map<string, StoredMeasurement>();
      for (const m of current(q)) {
        if (q.withCounts && (m.numerator === null || m.denominator === null)) continue;
        keepLater(best, m);
      }
      return [...best.values()].map(copy);
    },

    valuesThatCount(q: ValuesThatCountQuery): ValuesThatCount {
      // One pass over the values in force, each selection keeping its latest per indicator × org unit.
      const latest = new Map<string, StoredMeasurement>();
      const windows = q.windows.map((w) => ({ query: { plan: q.plan, endFrom: w.endFrom, endTo: w.endTo }, latest: new Map<string, StoredMeasurement>(), latestWithCounts: new Map<string, StoredMeasurement>() }));
      for (const m of current({ plan: q.plan })) {
        keepLater(latest, m);
        for (const w of windows) {
          if (!matchesQuery(m, w.query)) continue;
          keepLater(w.latest, m);
          if (m.numerator !== null && m.denominator !== null) keepLater(w.latestWithCounts, m);
        }
      }
      const copies = new Map<StoredMeasurement, StoredMeasurement>();
      const out = (m: StoredMeasurement) => copies.get(m) ?? (copies.set(m, copy(m)), copies.get(m) as StoredMeasurement);
      return { latest: [...latest.values()].map(out), windows: windows.map((w) => ({ latest: [...w.latest.values()].map(out), latestWithCounts: [...w.latestWithCounts.values()].map(out) })) };
    },

    sumCounts(q: CountQuery): CountSum[] {
      const exclude = new Set(q.excludeOrgUnits ?? []);
      const sums = new Map<string, CountSum>();
      for (const m of current(q)) {
        if (m.numerator === null || m.denominator === null || exclude.has(m.orgUnit)) continue;
        const k = `${m.indicator}\u0000${m.period}\u0000${m.level}\u0000${m.start}\u0000${m.end}`;
        const s = sums.get(k);
        if (s) {
          s.numerator += m.numerator;
          s.denominator += m.denominator;
          s.contributors++;
        } else sums.set(k, { indicator: m.indicator, period: m.period, start: m.start, end: m.end, level: m.level, numerator: m.numerator, denominator: m.denominator, contributors: 1 });
      }
      return [...sums.values()];
    },

    imports(plan) {
      return [...imports.values()].filter((i) => i.plan === plan).map(copy);
    },

    reassertions(q) {
      // By measurement, as the SQL stores order them (indicator, org unit, period; each
      // measurement's rows in the order they were restated), so dumps agree byte for byte.
      const key = (x: StoredReassertion) => [x.indicator, x.orgUnit, x.period] as const;
      const order = (a: StoredReassertion, b: StoredReassertion) => {
        const [ka, kb] = [key(a), key(b)];
        for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return (ka[i] as string) < (kb[i] as string) ? -1 : 1;
        return 0;
      };
      return [...reasserted.values()].flat().filter((x) => x.plan === q.plan).sort(order).map(copy);
    },

    plans() {
      return [...new Set([...imports.values(), ...submissions, ...evidence].map((i) => i.plan))].sort();
    },

    revision(plan) {
      return revisionFromImports([...imports.values()].filter((i) => i.plan === plan));
    },

    retractImport(importId, by) {
      const record = imports.get(importId);
      if (!record) throw unknownImportError(importId);
      if (record.retractedAt !== null) throw alreadyRetractedError(importId, record.retractedAt);
      const at = by.retractedAt ?? new Date().toISOString();
      const retracted = new Set([...imports.values()].filter((i) => i.retractedAt !== null).map((i) => i.importId));
      retracted.add(importId);
      let n = 0;
      for (const [key, list] of revisions) {
        const r = retractionRevision(list, importId, retracted, at, reasserted.get(key));
        if (r) {
          const i = imports.get(r.importId) as ImportRecord;
          list.push({ ...r, file: i.file, importedBy: i.importedBy, importedAt: i.importedAt });
          n++;
        }
      }
      record.retractedAt = at;
      record.retractedBy = by.retractedBy;
      return { importId, rows: n, revisions: n, unchanged: 0 };
    },

    recordSubmission(s) {
      if (s.importId !== undefined && !imports.has(s.importId)) throw unknownImportError(s.importId);
      const { withdrawnAt: _ignored, ...kept } = s;
      submissions.push(kept);
    },
    submissions(q) {
      const out: ReportSubmission[] = [];
      for (const s of submissions) {
        if (s.plan !== q.plan || (q.obligation !== undefined && s.obligation !== q.obligation) || (q.period !== undefined && s.period !== q.period)) continue;
        const withdrawnAt = s.importId === undefined ? null : (imports.get(s.importId)?.retractedAt ?? null);
        if (withdrawnAt === null) out.push(copy(s));
        else if (q.withdrawn) out.push({ ...s, withdrawnAt });
      }
      return out;
    },
    recordTaskEvidence(e) {
      evidence.push(copy(e));
    },
    taskEvidence(q) {
      return evidence.filter((e) => e.plan === q.plan && (q.task === undefined || e.task === q.task)).map(copy);
    },

    saveRuleFile(f) {
      const list = ruleFiles.get(f.id) ?? [];
      const latest = list[list.length - 1];
      if (latest && latest.text === f.text) return copy(latest);
      const saved: StoredRuleFile = { id: f.id, revision: list.length + 1, text: f.text, savedBy: f.savedBy, savedAt: f.savedAt ?? new Date().toISOString() };
      ruleFiles.set(f.id, [...list, saved]);
      return copy(saved);
    },
    ruleFile(id, revision) {
      const list = ruleFiles.get(id) ?? [];
      const r = revision === undefined ? list[list.length - 1] : list.find((x) => x.revision === revision);
      return r ? copy(r) : null;
    },
    ruleFileRevisions(id) {
      return (ruleFiles.get(id) ?? []).map(copy);
    },

    // One writer at a time (concurrentWriters: false): a failed batch is undone write by write.
    async writeAtomically(writes) {
      const done: { kind: StoreWrite['kind']; importId: string; id?: string }[] = [];
      // Each write recorded as it is made, so that a failure takes back exactly those.
      const recording: MeasurementStore = {
        ...store,
        importMeasurements: async (p, rows) => {
          const s = await store.importMeasurements(p, rows);
          done.push({ kind: 'import', importId: s.importId });
          return s;
        },
        retractImport: async (id, by) => {
          const s = await store.retractImport(id, by);
          done.push({ kind: 'retract', importId: id });
          return s;
        },
        recordSubmission: async (x) => {
          await store.recordSubmission(x);
          done.push({ kind: 'submission', importId: '' });
        },
        recordTaskEvidence: async (x) => {
          await store.recordTaskEvidence(x);
          done.push({ kind: 'taskEvidence', importId: '' });
        },
        saveRuleFile: async (f) => {
          const before = (ruleFiles.get(f.id) ?? []).length;
          const saved = await store.saveRuleFile(f);
          if ((ruleFiles.get(f.id) ?? []).length > before) done.push({ kind: 'ruleFile', importId: '', id: f.id });
          return saved;
        },
      };
      try {
        return await applyWrites(recording, writes);
      } catch (e) {
        undo(done);
        throw e;
      }
    },

    close() {},
  };
  return store;
}
