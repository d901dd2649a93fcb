import { ADMINISTRATIVE_LEVEL_NAMES, type AdministrativeLevel, type BilingualText, type Comparator, type Indicator, type LeftOutValue, type Phase, type Target, type TargetScope } from '@egov-plan/core';
import type { ConditionTrace } from './compile.js';
import type { TargetResult } from './evaluate.js';
import type { Observation } from './measurements.js';
import type { ProvenanceStep } from './timeline.js';

// Explanations of verdicts, in Vietnamese and English: what value counted, from which period and
// how it was obtained, against which target version (and who set it), and for targets with their
// own conditions, the outcome of each condition.

/** What an explanation needs besides the result. */
export interface ExplainContext {
  indicator: Indicator;
  target: Target;
  phase: Phase;
  at: string;
  /** The org unit's latest observation, when none fell in the window. */
  outside: Observation | null;
  /** The outcome of each condition, for targets with their own conditions. */
  trace: (() => ConditionTrace) | null;
  /** The name of an org unit the plan declares (administrative unit or agency), if any. */
  nameOf?: (id: string) => BilingualText | undefined;
  /** For a unit the plan does not have in force on the evaluation date: the date, why, and what it sent. */
  outOfForce?: { date: string; reason: BilingualText; received: Observation | null } | null;
  /** For a target withdrawn by the evaluation date: the withdrawal, and the values received (not judged). */
  withdrawn?: { step: ProvenanceStep; received: readonly { orgUnit: string; observation: Observation }[] } | null;
  /** For a roll-up whose level has no unit in force: the plan's units of that level and why each is not in force on `date`. */
  levelOutOfForce?: { date: string; units: readonly { id: string; reason: BilingualText }[] } | null;
}

const SYMBOL: Record<Comparator, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };
/** A level's name in Vietnamese (`cấp tỉnh`), as ADMINISTRATIVE_LEVEL_NAMES gives it. */
const levelNameVi = (level: AdministrativeLevel): string => ADMINISTRATIVE_LEVEL_NAMES[level].vi;
const LEVEL_EN: Record<AdministrativeLevel, string> = { province: 'province level', district: 'district level', commune: 'commune level' };
const SCOPE_VI: Record<TargetScope, string> = { 'each-agency': 'từng cơ quan, đơn vị', 'each-unit': 'từng đơn vị hành chính', 'whole-province': 'toàn tỉnh' };
const SCOPE_EN: Record<TargetScope, string> = { 'each-agency': 'each agency', 'each-unit': 'each administrative unit', 'whole-province': 'the province as a whole' };

/** Formats a number the Vietnamese way (decimal comma) or the English way. */
export function formatNumber(n: number, lang: 'vi' | 'en'): string {
  // Rounded to 4 decimals; numbers too large to have decimals are written as they are (rounding
  // them would overflow to Infinity near the float limit).
  const s = Math.abs(n) >= 1e15 ? String(n) : String(Math.round(n * 1e4) / 1e4);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** Formats a value in an indicator's unit. */
export function formatValue(v: unknown, unit: string, lang: 'vi' | 'en'): string {
  if (typeof v === 'boolean') return lang === 'vi' ? (v ? 'có' : 'không') : v ? 'yes' : 'no';
  if (typeof v === 'number') return `${formatNumber(v, lang)}${unit === 'percent' ? '%' : ''}`;
  if (v === undefined) return lang === 'vi' ? '(không có)' : '(none)';
  return JSON.stringify(v) ?? String(v);
}

function overrideNote(steps: readonly ProvenanceStep[], lang: 'vi' | 'en'): string {
  const last = [...steps].reverse().find((s) => s.action === 'overridden');
  if (!last) return '';
  const change = last.changes.find((c) => c.field === 'value') ?? last.changes[0];
  const from = change ? ` ${lang === 'vi' ? 'thay cho' : 'replacing'} ${change.field} = ${JSON.stringify(change.from)}` : '';
  const claim = last.claimed ? (lang === 'vi' ? ', theo tệp tự ghi, chưa kiểm chứng' : ', as the file claims, not verified') : '';
  return lang === 'vi'
    ? ` Chỉ tiêu này do ${last.file} (${last.pointer}${claim}) đặt, hiệu lực từ ${last.effectiveFrom ?? 'đầu giai đoạn'}${from}.`
    : ` This target was set by ${last.file} (${last.pointer}${claim}), in force from ${last.effectiveFrom ?? 'the start'}${from}.`;
}

function traceText(t: ConditionTrace, lang: 'vi' | 'en', unit: string): string {
  if (t.kind === 'leaf') {
    const yes = lang === 'vi' ? 'đúng' : 'true';
    const no = lang === 'vi' ? 'sai' : 'false';
    const label = t.name ? `${t.name}: ` : '';
    // Only the value and the target value are in the indicator's unit; counts and ids are not.
    const u = (t.fact === 'value' || t.fact === 'targetValue') && !t.path ? unit : 'count';
    return `${label}${t.fact}${t.path ? ` ${t.path}` : ''} ${t.operator} ${formatValue(t.expected, u, lang)} → ${t.result ? yes : no} (${formatValue(t.actual, u, lang)})`;
  }
  const inner = t.children.map((c) => traceText(c, lang, unit)).join('; ');
  return `${t.name ? `${t.name}: ` : ''}${t.kind}(${inner})`;
}

/** An org unit's id with its name beside it when the plan knows one: `608 (Huyện Đắk Glei)`. */
function unitName(id: string, ctx: ExplainContext, lang: 'vi' | 'en'): string {
  const name = ctx.nameOf?.(id)?.[lang];
  return name === undefined || name === id ? id : `${id} (${name})`;
}

const REASON: Record<LeftOutValue['reason'], BilingualText> = {
  'no-counts': { vi: 'không có tử số/mẫu số', en: 'no numerator/denominator' },
  'other-period': { vi: 'số đếm của kỳ khác kỳ được cộng', en: 'counts for another period than the one summed' },
  'not-summable': { vi: 'chỉ tiêu không phải tỷ lệ, không cộng được', en: 'not a percentage, so not summed' },
  'not-in-force': { vi: 'đơn vị không có hiệu lực vào ngày đánh giá', en: 'the unit is not in force on the evaluation date' },
};

/** What a roll-up summed, left out and covered, in words (empty when it is not a roll-up). */
function rollUpText(r: Omit<TargetResult, 'explanation'>, ctx: ExplainContext, lang: 'vi' | 'en'): string {
  const rollUp = r.rollUp;
  if (!rollUp) return '';
  const unit = ctx.indicator.unit;
  const vi = lang === 'vi';
  const parts: string[] = [];
  if (rollUp.summed.length) {
    const list = rollUp.summed.map((s) => `${unitName(s.orgUnit, ctx, lang)} ${formatNumber(s.numerator, lang)}/${formatNumber(s.denominator, lang)}`).join('; ');
    parts.push(vi ? `Đã cộng (kỳ ${r.period}): ${list}.` : `Summed (period ${r.period}): ${list}.`);
  }
  if (rollUp.leftOut.length) {
    const list = rollUp.leftOut.map((x) => `${unitName(x.orgUnit, ctx, lang)} ${formatValue(x.value, unit, lang)} (${vi ? 'kỳ' : 'period'} ${x.period}; ${REASON[x.reason][lang]})`).join('; ');
    parts.push(vi ? `Không được cộng, đã nhận ${rollUp.leftOut.length} giá trị: ${list}.` : `Left out of the sum, ${rollUp.leftOut.length} value${rollUp.leftOut.length === 1 ? '' : 's'} received: ${list}.`);
  }
  const c = rollUp.coverage;
  if (c) {
    const missing = c.missing.length ? (vi ? `; chưa báo cáo: ${c.missing.map((id) => unitName(id, ctx, lang)).join(', ')}` : `; not reported: ${c.missing.map((id) => unitName(id, ctx, lang)).join(', ')}`) : '';
    const levelEn = LEVEL_EN[c.level].replace(' ', '-');
    const gone = ctx.levelOutOfForce;
    if (c.known === 0 && gone?.units.length) {
      const list = gone.units.map((u) => `${unitName(u.id, ctx, lang)}: ${u.reason[lang]}`).join('; ');
      parts.push(
        vi
          ? `Mức độ đầy đủ: không đơn vị ${levelNameVi(c.level)} nào trong ${gone.units.length} đơn vị kế hoạch liệt kê có hiệu lực vào ngày ${gone.date} (${list}).`
          : `Coverage: none of the ${gone.units.length} ${levelEn} units the plan lists is in force on ${gone.date} (${list}).`,
      );
    } else if (c.known === 0) parts.push(vi ? `Mức độ đầy đủ: kế hoạch không liệt kê đơn vị ${levelNameVi(c.level)} nào để đối chiếu.` : `Coverage: the plan lists no ${levelEn} units to compare with.`);
    else parts.push(vi ? `Mức độ đầy đủ: ${c.reported}/${c.known} đơn vị ${levelNameVi(c.level)} mà kế hoạch biết đã báo cáo${missing}.` : `Coverage: ${c.reported} of the ${c.known} ${levelEn} units the plan knows reported${missing}.`);
  }
  return parts.length ? ` ${parts.join(' ')}` : '';
}

/** The explanation of a result (see `TargetResult.explanation`). */
export function explainResult(r: Omit<TargetResult, 'explanation'>, ctx: ExplainContext): BilingualText {
  const unit = ctx.indicator.unit;
  // The province's result of a whole-province target, or one org unit's own (also a unit of the
  // level of a whole-province target, judged against the same bar: not the target's verdict).
  const rolled = r.scope === 'whole-province' && r.headline;
  const who = rolled ? { vi: `Toàn tỉnh (${r.orgUnit})`, en: `The province (${r.orgUnit})` } : { vi: unitName(r.orgUnit, ctx, 'vi'), en: unitName(r.orgUnit, ctx, 'en') };
  const perUnit =
    r.scope === 'whole-province' && !r.headline
      ? {
          vi: ` Đây là kết quả riêng của đơn vị theo cùng mức chỉ tiêu toàn tỉnh; kết luận của chỉ tiêu là kết quả tổng hợp toàn tỉnh.`,
          en: ` This is the unit's own result against the same bar as the province-wide target; the target's verdict is the province's roll-up.`,
        }
      : { vi: '', en: '' };
  const roll = { vi: rollUpText(r, ctx, 'vi'), en: rollUpText(r, ctx, 'en') };
  const levelVi = r.targetLevel ? `, ${levelNameVi(r.targetLevel)}` : '';
  const levelEn = r.targetLevel ? `, ${LEVEL_EN[r.targetLevel]}` : '';
  const goal = {
    vi: `chỉ tiêu ${SYMBOL[r.comparator]} ${formatValue(r.targetValue, unit, 'vi')} (${SCOPE_VI[r.scope]}${levelVi}, giai đoạn ${r.phase})`,
    en: `the target ${SYMBOL[r.comparator]} ${formatValue(r.targetValue, unit, 'en')} (${SCOPE_EN[r.scope]}${levelEn}, phase ${r.phase})`,
  };
  const w = ctx.withdrawn;
  if (r.status === 'not-applicable' && w) {
    const step = w.step;
    const from = step.effectiveFrom === null ? { vi: 'từ đầu', en: 'from the start' } : { vi: `từ ngày ${step.effectiveFrom}`, en: `from ${step.effectiveFrom}` };
    const claim = step.claimed ? { vi: ', theo tệp tự ghi, chưa kiểm chứng', en: ', as the file claims, not verified' } : { vi: '', en: '' };
    const shown = w.received.slice(0, 10);
    const list = (lang: 'vi' | 'en') =>
      shown.map(({ orgUnit, observation: o }) => `${unitName(orgUnit, ctx, lang)} ${lang === 'vi' ? 'kỳ' : 'period'} ${o.period}: ${formatValue(o.value, unit, lang)}`).join('; ') +
      (w.received.length > shown.length ? (lang === 'vi' ? `; và ${w.received.length - shown.length} giá trị khác` : `; and ${w.received.length - shown.length} more`) : '');
    const many = w.received.length > 1;
    return {
      vi: `Không áp dụng: chỉ tiêu ${r.target} đã bị bãi bỏ ${from.vi} (${step.file} ${step.pointer}${claim.vi} — ${step.source.section}), nên không xét ${goal.vi} vào ngày ${ctx.at}. ${many ? `${w.received.length} giá trị đã nhận` : 'Giá trị đã nhận'} (${list('vi')}) không được xét theo chỉ tiêu này.`,
      en: `Not applicable: target ${r.target} is withdrawn ${from.en} (${step.file} ${step.pointer}${claim.en} — ${step.source.section}), so ${goal.en} is not judged on ${ctx.at}. The ${many ? `${w.received.length} values` : 'value'} received (${list('en')}) ${many ? 'are' : 'is'} not judged against it.`,
    };
  }
  const gone = ctx.outOfForce;
  if (r.status === 'not-applicable' && gone) {
    const o = gone.received;
    const got = o ? { vi: ` Giá trị đã nhận (kỳ ${o.period}: ${formatValue(o.value, unit, 'vi')}) không được xét.`, en: ` The value received (period ${o.period}: ${formatValue(o.value, unit, 'en')}) is not judged.` } : { vi: '', en: '' };
    return {
      vi: `Không áp dụng: ${who.vi} không có hiệu lực vào ngày ${gone.date} (${gone.reason.vi}), nên không xét ${goal.vi}.${got.vi}`,
      en: `Not applicable: ${who.en} is not in force on ${gone.date} (${gone.reason.en}), so ${goal.en} is not judged for it.${got.en}`,
    };
  }
  if (r.status === 'not-applicable') {
    const at = r.targetLevel as AdministrativeLevel;
    return {
      vi: `Không áp dụng: ${goal.vi} chỉ dành cho ${levelNameVi(at)}; ${who.vi} thuộc ${r.level ? levelNameVi(r.level) : 'cấp không rõ'}.`,
      en: `Not applicable: ${goal.en} applies to the ${LEVEL_EN[at]} only; ${who.en} is at ${r.level ? `the ${LEVEL_EN[r.level]}` : 'an unknown level'}.`,
    };
  }
  if (r.status === 'no-data') {
    const window = `${ctx.phase.start} – ${ctx.phase.end < ctx.at ? ctx.phase.end : ctx.at}`;
    const o = ctx.outside;
    const extraVi = o ? ` Số liệu gần nhất (kỳ ${o.period}, kết thúc ${o.end}) nằm ngoài khoảng này.` : '';
    const extraEn = o ? ` The latest measurement (period ${o.period}, ending ${o.end}) lies outside that window.` : '';
    const provinceVi = rolled && unit === 'percent' ? ' Không có số liệu của chính tỉnh, và không có tử số/mẫu số của các đơn vị để cộng.' : '';
    const provinceEn = rolled && unit === 'percent' ? " There is no value for the province itself, and no numerators/denominators of org units to sum." : '';
    return {
      vi: `Không có số liệu: ${who.vi} không có số liệu "${ctx.indicator.id}" với kỳ kết thúc trong ${window} (giai đoạn ${r.phase}, tính đến ${ctx.at}) cho ${goal.vi}.${provinceVi}${extraVi}${roll.vi}${perUnit.vi}`,
      en: `No data: ${who.en} has no "${ctx.indicator.id}" measurement whose period ends within ${window} (phase ${r.phase}, as of ${ctx.at}) for ${goal.en}.${provinceEn}${extraEn}${roll.en}${perUnit.en}`,
    };
  }
  const met = r.status === 'met';
  const head = { vi: met ? 'Đạt' : 'Chưa đạt', en: met ? 'Met' : 'Not met' };
  let how = { vi: '', en: '' };
  if (r.basis === 'summed-counts') {
    how = {
      vi: ` Giá trị toàn tỉnh = tổng tử số ${formatNumber(r.numerator as number, 'vi')} / tổng mẫu số ${formatNumber(r.denominator as number, 'vi')} của ${r.contributors} đơn vị (kỳ ${r.period}), không phải trung bình các tỷ lệ.`,
      en: ` Province value = summed numerators ${formatNumber(r.numerator as number, 'en')} / summed denominators ${formatNumber(r.denominator as number, 'en')} of ${r.contributors} org units (period ${r.period}), not the mean of percentages.`,
    };
  } else if (r.basis === 'province-value') {
    how = { vi: ' Số liệu của chính tỉnh.', en: " The province's own value." };
  }
  const valueText =
    r.basis === 'evidence'
      ? { vi: `có bằng chứng ngày ${r.period}`, en: `has evidence dated ${r.period}` }
      : {
          vi: `có giá trị ${formatValue(r.value, unit, 'vi')} (kỳ ${r.period}, kết thúc ${r.periodEnd})`,
          en: `has ${formatValue(r.value, unit, 'en')} (period ${r.period}, ending ${r.periodEnd})`,
        };
  const gap = r.gap === null ? { vi: '', en: '' } : { vi: `; chênh lệch ${r.gap > 0 ? '+' : ''}${formatNumber(r.gap, 'vi')}`, en: `; gap ${r.gap > 0 ? '+' : ''}${formatNumber(r.gap, 'en')}` };
  const trace = ctx.trace ? ctx.trace() : null;
  const conditions = trace
    ? { vi: ` Điều kiện riêng của chỉ tiêu: ${traceText(trace, 'vi', unit)}.`, en: ` The target's own conditions: ${traceText(trace, 'en', unit)}.` }
    : { vi: '', en: '' };
  return {
    vi: `${head.vi}: ${who.vi} ${valueText.vi}, so với ${goal.vi}${gap.vi}.${how.vi}${roll.vi}${perUnit.vi}${conditions.vi}${overrideNote(r.provenance, 'vi')}`,
    en: `${head.en}: ${who.en} ${valueText.en}, against ${goal.en}${gap.en}.${how.en}${roll.en}${perUnit.en}${conditions.en}${overrideNote(r.provenance, 'en')}`,
  };
}

/** The provenance chain of a target as lines of text, oldest first. */
export function describeProvenance(steps: readonly ProvenanceStep[], lang: 'vi' | 'en'): string[] {
  return steps.map((s) => {
    const when = s.effectiveFrom ? (lang === 'vi' ? `từ ${s.effectiveFrom}` : `from ${s.effectiveFrom}`) : lang === 'vi' ? 'từ đầu' : 'from the start';
    const where = `${s.file} ${s.pointer}${s.claimed ? (lang === 'vi' ? ' (theo tệp tự ghi, chưa kiểm chứng)' : ' (as the file claims, not verified)') : ''}`;
    const quote = `${s.source.section}: "${s.source.quote}"`;
    if (s.action === 'defined') return lang === 'vi' ? `Định nghĩa tại ${where} — ${quote}` : `Defined at ${where} — ${quote}`;
    if (s.action === 'withdrawn') return lang === 'vi' ? `Bãi bỏ ${when} tại ${where} — ${quote}` : `Withdrawn ${when} at ${where} — ${quote}`;
    const changes = s.changes.map((c) => `${c.field}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`).join(', ');
    return lang === 'vi' ? `Ghi đè ${when} tại ${where}: ${changes} — ${quote}` : `Overridden ${when} at ${where}: ${changes} — ${quote}`;
  });
}

/** A target's scope in words. */
export function describeScope(scope: TargetScope, level: AdministrativeLevel | null, lang: 'vi' | 'en'): string {
  const l = level ? `, ${lang === 'vi' ? levelNameVi(level) : LEVEL_EN[level]}` : '';
  return `${lang === 'vi' ? SCOPE_VI[scope] : SCOPE_EN[scope]}${l}`;
}
