import * as z from 'zod';

/**
 * Every zod schema reachable from `roots`, each under one stable path: a root under its own name,
 * an object field as `Parent.field`, any other part of a schema's definition as `Parent:key`
 * (`:element`, `:innerType`, `:options.0`, …) and the schema a method was called on as
 * `Parent:parent`. Roots are visited in name order and a root reached from another keeps its own
 * name, so a path does not depend on the order of the exports.
 *
 * @internal
 */
export function schemaPaths(roots: Record<string, unknown>): Map<string, z.ZodType> {
  const named = new Map<z.ZodType, string>();
  const names = Object.keys(roots).sort();
  for (const name of names) {
    const s = roots[name];
    if (s instanceof z.ZodType && !named.has(s)) named.set(s, name);
  }
  const byPath = new Map<string, z.ZodType>();
  const seen = new Set<z.ZodType>();
  // Breadth first: a schema shared by several parents takes its shortest path.
  let level: Array<[z.ZodType, string]> = names.flatMap((name): Array<[z.ZodType, string]> => {
    const s = roots[name];
    return s instanceof z.ZodType && named.get(s) === name ? [[s, name]] : [];
  });
  for (const [s] of level) seen.add(s);
  while (level.length) {
    const next: Array<[z.ZodType, string]> = [];
    const reach = (v: unknown, path: string): void => {
      if (!(v instanceof z.ZodType) || seen.has(v) || named.has(v)) return;
      seen.add(v);
      next.push([v, path]);
    };
    for (const [s, path] of level) {
      byPath.set(path, s);
      reach((s._zod as { parent?: unknown }).parent, `${path}:parent`);
      const def = s._zod.def as unknown as Record<string, unknown>;
      for (const key of Object.keys(def)) {
        if (key === 'checks') continue;
        const value = key === 'getter' && typeof def.getter === 'function' ? (def.getter as () => unknown)() : def[key];
        if (Array.isArray(value)) value.forEach((v, i) => reach(v, `${path}:${key}.${i}`));
        else if (key === 'shape' && value && typeof value === 'object') for (const [field, v] of Object.entries(value)) reach(v, `${path}.${field}`);
        else reach(value, `${path}:${key}`);
      }
    }
    level = next;
  }
  return byPath;
}
