import { describe, expect, it } from 'vitest';
import { EgovPlanError, isEgovPlanError, parsePlan } from '../src/index.js';

// A portal that logs `err.message` or shows it to a provincial officer used to get English only.
describe('EgovPlanError message', () => {
  function thrownBy(input: unknown): EgovPlanError {
    try {
      parsePlan(input);
    } catch (e) {
      if (isEgovPlanError(e)) return e;
      throw e;
    }
    throw new Error('parsePlan accepted the input');
  }

  it('names the first issue in Vietnamese and in English, with its code and pointer', () => {
    const err = thrownBy({ formatVersion: 1, id: 42 });
    const first = err.issues[0]!;
    expect(err.message.startsWith(`${first.code}${first.pointer ? ` at ${first.pointer}` : ''}: `)).toBe(true);
    expect(err.message).toContain(first.message.vi);
    expect(err.message).toContain(first.message.en);
    expect(err.message.indexOf(first.message.vi)).toBeLessThan(err.message.indexOf(first.message.en));
  });

  it('counts the further issues in both languages, and messageIn gives one language', () => {
    const err = thrownBy({ formatVersion: 1, id: 42 });
    expect(err.issues.length).toBeGreaterThan(1);
    const more = err.issues.length - 1;
    expect(err.message).toContain(`(và ${more} lỗi khác)`);
    expect(err.message).toContain(`(and ${more} more)`);
    expect(err.messageIn('vi')).toBe(`${err.issues[0]!.message.vi} (và ${more} lỗi khác)`);
    expect(err.messageIn('en')).toBe(`${err.issues[0]!.message.en} (and ${more} more)`);
  });

  it('a single issue has no count', () => {
    const err = new EgovPlanError([{ code: 'plan.unknown_plan', pointer: '', message: { vi: 'Không có.', en: 'None.' } }]);
    expect(err.message).toBe('plan.unknown_plan: Không có. | None.');
    expect(err.messageIn('vi')).toBe('Không có.');
    expect(err.messageIn('en')).toBe('None.');
  });
});
