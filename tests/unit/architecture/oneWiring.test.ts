import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Main is wired in one place, its composition root (electron/main/mainServices.ts). Tests and
 * bench scripts that need main go through it, so a mistake in the real wiring cannot pass
 * them. This holds that no file under tests/ or scripts/ builds main's services itself.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const self = fileURLToPath(import.meta.url);

/** The factories a copy of main's wiring would call. */
const FACTORIES = [
  'openSettingsStore',
  'createStaffPin',
  'createPinFileStore',
  'createRecoveryLog',
  'createMediaLibrary',
  'createSetupBundles',
  'createAdminService',
  'createIpcHandlers',
  'createAppProtocolHandler',
] as const;

/** Only the unit test of a factory may call it when it is the whole of main's surface. */
const OWN_UNIT_TEST: Partial<Record<(typeof FACTORIES)[number], string>> = {
  createAdminService: 'tests/unit/electron/main/adminService.test.ts',
  createIpcHandlers: 'tests/unit/electron/main/ipcHandlers.test.ts',
};
/** A unit test builds its unit and that unit's own dependencies; more than this is wiring. */
const MOST_FACTORIES_IN_A_UNIT_TEST = 3;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The factories a file calls (not those it merely names in a comment). */
export function factoriesCalled(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return FACTORIES.filter((name) => new RegExp(`\\b${name}\\s*[(<]`).test(code));
}

/** What is wrong with a file under tests/ or scripts/, by the rules above. */
export function wiringProblems(file: string, source: string): string[] {
  const called = factoriesCalled(source);
  const problems: string[] = [];
  for (const [factory, allowedIn] of Object.entries(OWN_UNIT_TEST)) {
    if (called.includes(factory) && file !== allowedIn) {
      problems.push(
        `${file} calls ${factory}: use createMainServices (electron/main/mainServices.ts)`,
      );
    }
  }
  const isAdminUnitTest = file === OWN_UNIT_TEST.createAdminService;
  if (!isAdminUnitTest && called.length > MOST_FACTORIES_IN_A_UNIT_TEST) {
    problems.push(`${file} builds main's services itself (${called.join(', ')})`);
  }
  return problems;
}

describe("main's wiring lives in one place", () => {
  it('no file under tests/ or scripts/ builds main’s services itself', () => {
    const files = [...sourceFiles(join(root, 'tests')), ...sourceFiles(join(root, 'scripts'))];
    expect(files.length).toBeGreaterThan(20);
    const problems = files
      .filter((file) => file !== self)
      .flatMap((file) => wiringProblems(relative(root, file), readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('the rule catches a harness that wires main by hand, and not one that calls the root', () => {
    const handWired = `
      const store = openSettingsStore({ directory, now });
      const pin = createStaffPin({ store: createPinFileStore(directory), monotonicNow });
      const media = createMediaLibrary({ mediaDirectory, sources });
      const handlers = createIpcHandlers({ getConfig, logProblem, heartbeat, admin });`;
    expect(wiringProblems('tests/e2e/mainProcess.ts', handWired)).toHaveLength(2);
    const throughTheRoot = `
      // createIpcHandlers( is what the root calls for us
      const services = await createMainServices({ directory, launch });`;
    expect(wiringProblems('tests/e2e/mainProcess.ts', throughTheRoot)).toEqual([]);
  });
});
