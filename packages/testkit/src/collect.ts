import type { Awaitable } from '@egov-plan/core';

/** Reads any row stream (array, iterable, async iterable, or a promise of one) into an array. */
export async function collect<T>(rows: Awaitable<Iterable<T> | AsyncIterable<T>>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of await rows) out.push(r);
  return out;
}
