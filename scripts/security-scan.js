#!/usr/bin/env node
/**
 * Runs the Electronegativity security scanner over the Electron main and preload sources
 * (electron/, TypeScript) and fails on every finding that is not accepted, with a reason, in
 * the table under "## Electronegativity findings we accept" in docs/SECURITY.md.
 *
 * It scans the sources rather than the build (out/): they parse cleanly, the findings point at
 * the lines people edit, and no build is needed first. Scanning out/main and out/preload apart
 * would make each run's "global" checks miss what the other half does.
 *
 * Offline: Electronegativity 1.10.3 goes to the network twice. It fetches updated translations
 * (the module `got`, in locales/i18n.js), which is replaced here by a stub that answers "not
 * found" so the bundled English texts are used; and AvailableSecurityFixesGlobalCheck downloads
 * Electron's release list from GitHub, so that check is not run (keeping Electron up to date is
 * a dependency update, not something to find in the source).
 *
 * Exit code 0: every finding is accepted. 1: anything else (unexpected finding, a file the
 * scanner could not parse, a bad table, an `eng-disable` comment, the scanner failing).
 */
import Module, { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCAN_DIR = 'electron';
const ALLOW_LIST_FILE = 'docs/SECURITY.md';
const ALLOW_LIST_HEADING = '## Electronegativity findings we accept';
/** Class names of checks not run (Electronegativity matches them in lower case). */
const SKIPPED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

class ScanError extends Error {}

/** @param {string} file */
const toRepoPath = (file) =>
  file === 'N/A' ? file : relative(repoRoot, resolve(repoRoot, file)).split(sep).join('/');

/**
 * Splits a markdown table row into trimmed cells; `\|` stands for a literal pipe.
 * @param {string} line
 */
function tableCells(line) {
  const body = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** @param {string} cell */
const unquote = (cell) => cell.replace(/^`(.*)`$/, '$1').trim();

/** Reads the accepted findings: [{ check, file, reason, line }]. */
function readAllowList() {
  const path = join(repoRoot, ALLOW_LIST_FILE);
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ScanError(`${ALLOW_LIST_FILE} is missing: it must hold "${ALLOW_LIST_HEADING}".`);
  }
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === ALLOW_LIST_HEADING);
  if (start === -1)
    throw new ScanError(`${ALLOW_LIST_FILE} has no "${ALLOW_LIST_HEADING}" heading.`);

  const rows = [];
  const problems = [];
  let header = null;
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (/^#{1,2}\s/.test(line)) break;
    if (!line.trim().startsWith('|')) {
      if (header && line.trim() !== '') break; // the table has ended
      continue;
    }
    const where = `${ALLOW_LIST_FILE}:${index + 1}`;
    const cells = tableCells(line);
    if (!header) {
      header = cells.map((cell) => cell.toLowerCase());
      if (header.join('|') !== 'check|file|reason') {
        problems.push(`${where}: the table's columns must be | Check | File | Reason |`);
        break;
      }
      continue;
    }
    if (cells.every((cell) => /^:?-+:?$/.test(cell))) continue; // the separator row
    const [check = '', file = '', reason = '', ...extra] = cells.map(unquote);
    if (extra.length > 0) problems.push(`${where}: a row must have exactly 3 cells`);
    if (!check) problems.push(`${where}: the Check cell is empty`);
    if (!file) problems.push(`${where}: the File cell is empty (use * for any file)`);
    if (!reason) problems.push(`${where}: ${check || 'this row'} has no Reason`);
    rows.push({ check: check.toUpperCase(), file, reason, where, used: false });
  }
  if (problems.length > 0) throw new ScanError(problems.join('\n'));
  return rows;
}

/**
 * Electronegativity's `// eng-disable CHECK` comments would hide findings from the table.
 * @param {string} dir
 */
function findInlineDisables(dir) {
  /** @type {string[]} */
  const hits = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .forEach((line, index) => {
        if (/eng-disable/i.test(line)) hits.push(`${toRepoPath(file)}:${index + 1}`);
      });
  }
  return hits;
}

function electronVersion() {
  try {
    const installed = join(repoRoot, 'node_modules', 'electron', 'package.json');
    return JSON.parse(readFileSync(installed, 'utf8')).version;
  } catch {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const spec = pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '';
    const version = /\d+\.\d+\.\d+/.exec(spec)?.[0];
    if (!version) throw new ScanError('cannot tell which Electron version the app uses');
    return version;
  }
}

/** Loads Electronegativity's programmatic runner with its network look-ups stubbed out. */
function loadElectronegativity() {
  const require = createRequire(join(repoRoot, 'package.json'));
  const packageJson = require.resolve('@doyensec/electronegativity/package.json');
  const i18nRequire = createRequire(join(dirname(packageJson), 'dist', 'locales', 'i18n.js'));
  const gotPath = i18nRequire.resolve('got');
  const offline = async () => ({ statusCode: 404, headers: {}, body: '' });
  offline.get = offline;
  offline.head = offline;
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  require.cache[gotPath] = stub;
  return require('@doyensec/electronegativity');
}

async function main() {
  const input = join(repoRoot, SCAN_DIR);
  const allowList = readAllowList();
  const inlineDisables = findInlineDisables(input);
  const run = loadElectronegativity();
  /**
   * What Electronegativity's runner answers (it ships no types).
   * @type {{
   *   errors: { file: string, message: string, tolerable: boolean }[],
   *   globalChecks: number, atomicChecks: number,
   *   issues: {
   *     id: string, file: string, description: string, shortenedURL?: string,
   *     location?: { line?: number, column?: number },
   *     severity?: { name?: string }, confidence?: { name?: string },
   *   }[],
   * }}
   */
  const result = await run({
    input,
    isRelative: false,
    electronVersionOverride: electronVersion(),
    customScan: [],
    excludeFromScan: SKIPPED_CHECKS.map((name) => name.toLowerCase()),
    parserPlugins: [],
  });

  let failed = false;
  for (const error of result.errors) {
    const where = toRepoPath(error.file);
    if (error.tolerable) {
      console.warn(`warning: ${where} parsed with a problem: ${error.message}`);
    } else {
      failed = true;
      console.error(`FAILED: Electronegativity could not parse ${where}: ${error.message}`);
    }
  }
  for (const hit of inlineDisables) {
    failed = true;
    console.error(
      `FAILED: ${hit} has an eng-disable comment; list the finding in ${ALLOW_LIST_FILE} instead.`,
    );
  }

  const findings = result.issues
    .map((issue) => ({
      check: issue.id,
      file: toRepoPath(issue.file),
      line: issue.location?.line ?? 0,
      column: issue.location?.column ?? 0,
      description: issue.description,
      severity: issue.severity?.name ?? '?',
      confidence: issue.confidence?.name ?? '?',
      url: issue.shortenedURL ?? '',
    }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);

  let accepted = 0;
  let unexpected = 0;
  for (const finding of findings) {
    const where =
      finding.file === 'N/A'
        ? 'no particular file'
        : `${finding.file}:${finding.line}:${finding.column}`;
    const row = allowList.find(
      (entry) =>
        entry.check === finding.check && (entry.file === '*' || entry.file === finding.file),
    );
    if (row) {
      row.used = true;
      accepted += 1;
      console.log(`accepted: ${finding.check} at ${where} (${row.reason})`);
    } else {
      unexpected += 1;
      console.error(
        `UNEXPECTED: ${finding.check} at ${where} [${finding.severity}, ${finding.confidence}]: ` +
          `${finding.description} ${finding.url}`.trim(),
      );
    }
  }
  for (const row of allowList.filter((entry) => !entry.used)) {
    console.warn(`note: ${row.where} accepts ${row.check} in ${row.file}, which was not found.`);
  }
  if (unexpected > 0) {
    failed = true;
    console.error(
      `Fix each unexpected finding, or if it is a false positive add a row ` +
        `| Check | File | Reason | under "${ALLOW_LIST_HEADING}" in ${ALLOW_LIST_FILE}.`,
    );
  }

  const checks = result.globalChecks + result.atomicChecks;
  console.log(
    `Electronegativity: ${checks} checks on ${SCAN_DIR}/, ${findings.length} findings, ` +
      `${accepted} accepted, ${unexpected} unexpected`,
  );
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(
    `FAILED: ${error instanceof Error ? (error instanceof ScanError ? error.message : (error.stack ?? String(error))) : String(error)}`,
  );
  process.exitCode = 1;
}
