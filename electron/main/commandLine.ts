import { parseArgs } from 'node:util';
import type { KioskMode } from '../../contract';

export interface LaunchOptions {
  mode: KioskMode;
  /** Windowed instead of fullscreen kiosk: for development only. */
  windowed: boolean;
  /** Staff set the first PIN: the PIN pad opens at start when there is no PIN yet. */
  setup: boolean;
  /** A forgotten PIN: remove it (and any lockout) before starting. Content is kept. */
  resetPin: boolean;
  /** `--import-folder PATH` or `--import-folder=PATH`: where IT puts files for staff to import. */
  importFolder: string | null;
}

/**
 * Switches that ask for one action at the start they were given on: never carried into a
 * relaunch (the watchdog's or the nightly one), or a PIN set after a reset would be removed
 * again at every restart.
 */
export const ONE_SHOT_SWITCHES = ['--reset-pin', '--setup'] as const;

const OPTIONS = {
  present: { type: 'boolean' },
  windowed: { type: 'boolean' },
  setup: { type: 'boolean' },
  'reset-pin': { type: 'boolean' },
  'import-folder': { type: 'string' },
} as const;

/**
 * Reads the switches staff or IT may pass on the command line (`process.argv`, with Electron's
 * own path first). Unknown switches (Chromium's among them) and positionals are ignored.
 */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  // `--import-folder --present`: the folder is missing; do not take the next switch as its value.
  const args = argv
    .slice(1)
    .map((arg, i, all) =>
      arg === '--import-folder' && (all[i + 1] === undefined || all[i + 1]!.startsWith('-'))
        ? '--import-folder='
        : arg,
    );
  const { values } = parseArgs({ args, options: OPTIONS, strict: false, allowPositionals: true });
  const folder = values['import-folder'];
  return {
    mode: values.present === true ? 'present' : 'loop',
    windowed: values.windowed === true,
    setup: values.setup === true,
    resetPin: values['reset-pin'] === true,
    importFolder: typeof folder === 'string' && folder.trim() !== '' ? folder.trim() : null,
  };
}

/**
 * The arguments a relaunch starts with: the same as this start's, less the one-shot switches
 * (`--reset-pin`, `--setup`, in any spelling such as `--setup=true`).
 */
export function relaunchArguments(argv: readonly string[]): string[] {
  return argv
    .slice(1)
    .filter((arg) => !ONE_SHOT_SWITCHES.some((name) => arg === name || arg.startsWith(`${name}=`)));
}
