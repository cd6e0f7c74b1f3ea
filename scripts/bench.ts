/**
 * `npm run bench [part…]`: runs every benchmark part in scripts/bench/ (or the named ones) and
 * prints one line per figure with its target, so runs can be compared. Figures are also written
 * to bench-results/latest.json.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFigure, BenchPart } from './bench/types';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench');
const wanted = process.argv.slice(2);

function line(figure: BenchFigure): string {
  const value = figure.value >= 100 ? figure.value.toFixed(0) : figure.value.toFixed(2);
  let verdict = '';
  if (figure.target) {
    const ok = figure.target.lowerIsBetter ? figure.value <= figure.target.value : figure.value >= figure.target.value;
    verdict = `  (target ${figure.target.lowerIsBetter ? '≤' : '≥'} ${figure.target.value} ${figure.unit}: ${ok ? 'met' : 'MISSED'})`;
  }
  return `  ${figure.name.padEnd(64)} ${value.padStart(10)} ${figure.unit}${verdict}`;
}

const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort();
const results: Record<string, BenchFigure[]> = {};
for (const file of files) {
  const part = ((await import(path.join(dir, file))) as { default: BenchPart }).default;
  if (wanted.length > 0 && !wanted.includes(part.title)) continue;
  console.log(`\n${part.title}`);
  const figures = await part.run();
  for (const figure of figures) console.log(line(figure));
  results[part.title] = figures;
}
await mkdir('bench-results', { recursive: true });
await writeFile('bench-results/latest.json', JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
