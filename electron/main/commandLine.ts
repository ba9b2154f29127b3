import type { KioskMode } from '../../contract';

export interface LaunchOptions {
  mode: KioskMode;
  /** Windowed instead of fullscreen kiosk: for development only. */
  windowed: boolean;
}

/** Reads the switches staff or IT may pass on the command line. Unknown ones are ignored. */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  return {
    mode: argv.includes('--present') ? 'present' : 'loop',
    windowed: argv.includes('--windowed'),
  };
}
