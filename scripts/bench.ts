// `pnpm bench`: runs every benchmark in scripts/bench/ and prints, as its last line, one JSON
// object with each benchmark's figures under its own key ({"rules": {...}, "calendar": {...}}).
// Benchmarks are scripts, never timed tests. Record figures in docs/benchmarks.md.
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('./bench/', import.meta.url));
const only = process.argv.slice(2);
const summary: Record<string, unknown> = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  const name = file.replace(/\.ts$/u, '');
  if (only.length && !only.includes(name)) continue;
  const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { run: () => Promise<Record<string, unknown>> };
  process.stderr.write(`\n== ${name} ==\n`);
  summary[name] = await mod.run();
}
summary.machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, date: new Date().toISOString().slice(0, 10) };
process.stdout.write(`${JSON.stringify(summary)}\n`);
