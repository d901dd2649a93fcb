// Writes the parser fuzz corpus (test/fixtures/parser-corpus) from corpus-gen.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpusSeeds } from './corpus-gen.js';

const dir = fileURLToPath(new URL('../fixtures/parser-corpus/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const f of corpusSeeds()) writeFileSync(`${dir}${f.name}`, f.text);
console.log(`wrote ${corpusSeeds().length} files to ${dir}`);
