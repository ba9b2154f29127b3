#!/usr/bin/env node
// @ts-check
/**
 * npm run bench:compare -- OLD.json NEW.json
 *
 * Two bench (or two soak) result files from bench-results/, side by side: per page, each
 * headline number of the old and the new run and new/old. Pages or metrics one of the runs
 * does not have are shown as "–".
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { round } from './lib/stats.js';

const files = process.argv.slice(2).filter((arg) => arg !== '--');
if (files.length !== 2) {
  console.error('usage: npm run bench:compare -- OLD.json NEW.json');
  process.exit(2);
}
const [before, after] = files.map((file) => {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  if (data.kind !== 'bench' && data.kind !== 'soak') {
    throw new Error(`${file} is not a bench or soak result (kind: ${data.kind})`);
  }
  return { file, data };
});
if (!before || !after) throw new Error('two files are needed');
if (before.data.kind !== after.data.kind) {
  throw new Error(
    `one is a ${before.data.kind}, the other a ${after.data.kind}: compare like with like`,
  );
}

/** @typedef {[label: string, value: (page: any) => number | undefined, digits: number]} Metric */
/** @type {Metric[]} */
const BENCH = [
  ['time to first slide, ms (median)', (p) => p.firstSlideMs?.median, 0],
  ['frames > 20 ms per run (median)', (p) => p.frames?.over20PerRun?.median, 0],
  ['frames > 33 ms, all runs', (p) => p.frames?.pooled?.over33, 0],
  ['frame time p99, ms (median)', (p) => p.frames?.p99PerRun?.median, 1],
  ['idle main-thread busy, % (median)', (p) => p.idleBusyPct?.median, 2],
  ['touch release → first moved frame, ms', (p) => p.touchMs?.median, 1],
  ['JS heap after load, MB (median)', (p) => p.heapMB?.median, 2],
  ['JS+CSS gzip, kB', (p) => (p.jsCssGzip ? p.jsCssGzip.median / 1000 : undefined), 1],
];
/** @type {Metric[]} */
const SOAK = [
  ['slide changes', (p) => p.changes, 0],
  ['heap growth first → last, MB', (p) => p.growth?.heapMB, 2],
  ['heap growth after the first sample, MB', (p) => p.growthAfterFirstSample?.heapMB, 2],
  ['DOM node growth', (p) => p.growth?.nodes, 0],
  ['listener growth', (p) => p.growth?.listeners, 0],
  ['seconds', (p) => p.seconds, 0],
];
const metrics = before.data.kind === 'bench' ? BENCH : SOAK;
const pagesOf = (/** @type {any} */ data) => (data.kind === 'bench' ? data.summary : data.results);
const oldPages = pagesOf(before.data) ?? {};
const newPages = pagesOf(after.data) ?? {};
const names = [...new Set([...Object.keys(oldPages), ...Object.keys(newPages)])];

const show = (/** @type {number | undefined} */ v, /** @type {number} */ digits) =>
  typeof v === 'number' && Number.isFinite(v) ? String(round(v, digits)) : '–';
const rows = [['page', 'metric', basename(before.file), basename(after.file), 'new/old']];
for (const name of names) {
  for (const [label, value, digits] of metrics) {
    const a = oldPages[name] ? value(oldPages[name]) : undefined;
    const b = newPages[name] ? value(newPages[name]) : undefined;
    const ratio =
      typeof a === 'number' && typeof b === 'number' && a !== 0 ? String(round(b / a, 2)) : '–';
    rows.push([name, label, show(a, digits), show(b, digits), ratio]);
  }
}
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length))) ?? [];
for (const [j, row] of rows.entries()) {
  console.log(row.map((cell, i) => String(cell).padEnd(widths[i] ?? 0)).join(' | '));
  if (j === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
}
