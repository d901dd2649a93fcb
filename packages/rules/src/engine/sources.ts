import { issueFrom } from '@egov-plan/core';
import * as MSG from '../messages.js';
import { pathNotAllowedIssue, type RuleFileRead, type RuleFileSource } from './resolve.js';

/** Normalises a `/`-separated relative path; `undefined` when it climbs above its root. */
export function normaliseRelativePath(path: string): string | undefined {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

/** Options of {@link memorySource}. */
export interface MemorySourceOptions {
  /** Asked for every reference that is not a file of the map, e.g. `bundledSource()` for bundled ids. */
  base?: RuleFileSource;
}

/**
 * A rule-file source over files held in memory (a map from `/`-separated names to JSON text or
 * parsed values), for a browser, a test or files read from a database up front. Relative
 * `extends` are read against the extending file's folder within the map; a path that climbs out
 * of the map, or names no file of it, is refused without saying which (`rules.path_not_allowed`).
 * Other references go to `options.base`.
 *
 * @example
 * ```ts
 * const source = memorySource({ 'province.json': text, 'shared/base.json': baseText }, { base: bundledSource() });
 * const plan = await resolvePlan(JSON.parse(text), { source, name: 'province.json' });
 * ```
 */
export function memorySource(files: Readonly<Record<string, unknown>>, options: MemorySourceOptions = {}): RuleFileSource {
  const table = new Map<string, unknown>();
  for (const [name, content] of Object.entries(files)) {
    const n = normaliseRelativePath(name);
    if (n !== undefined) table.set(n, content);
  }
  const notAllowed = (ref: string): RuleFileRead => ({
    issues: [pathNotAllowedIssue(ref, MSG.rulesPathOutsideSource)],
  });
  return {
    read(ref, from) {
      const isPath = ref.startsWith('./') || ref.startsWith('../') || ref.startsWith('/') || table.has(ref);
      if (!isPath) {
        if (options.base) return options.base.read(ref, from);
        return { issues: [issueFrom(MSG.rulesUnknownBaseMemory, '', { ref })] };
      }
      const dir = from.key.includes('/') ? from.key.slice(0, from.key.lastIndexOf('/') + 1) : '';
      const name = ref.startsWith('/') ? undefined : normaliseRelativePath(`${dir}${ref}`);
      if (name === undefined || !table.has(name)) return notAllowed(ref);
      const content = table.get(name);
      return { entry: typeof content === 'string' ? { key: name, name, text: content } : { key: name, name, value: content } };
    },
  };
}
