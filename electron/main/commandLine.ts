import type { KioskMode } from '../../contract';

export interface LaunchOptions {
  mode: KioskMode;
  /** Windowed instead of fullscreen kiosk: for development only. */
  windowed: boolean;
  /** Staff set the first PIN: the PIN pad opens at start when there is no PIN yet. */
  setup: boolean;
  /** A forgotten PIN: remove it (and any lockout) before starting. Content is kept. */
  resetPin: boolean;
  /** `--import-folder=PATH`: where IT puts files for staff to import (default: in the data folder). */
  importFolder: string | null;
}

/** Reads the switches staff or IT may pass on the command line. Unknown ones are ignored. */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  return {
    mode: argv.includes('--present') ? 'present' : 'loop',
    windowed: argv.includes('--windowed'),
    setup: argv.includes('--setup'),
    resetPin: argv.includes('--reset-pin'),
    importFolder: importFolderOf(argv),
  };
}

function importFolderOf(argv: readonly string[]): string | null {
  const prefix = '--import-folder=';
  const value = argv
    .find((arg) => arg.startsWith(prefix))
    ?.slice(prefix.length)
    .trim();
  return value ? value : null;
}
