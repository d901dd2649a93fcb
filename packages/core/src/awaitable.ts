/**
 * A value or a promise of it. Contracts (rule-file sources, stores) return `Awaitable` results so
 * that a synchronous in-memory implementation and an asynchronous database one fit the same
 * interface.
 */
export type Awaitable<T> = T | PromiseLike<T>;

/** True when `value` is a promise or another thenable. */
export function isPromiseLike<T>(value: Awaitable<T>): value is PromiseLike<T> {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';
}
