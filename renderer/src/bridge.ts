import {
  DEFAULT_SETTINGS,
  type KioskBridge,
  type KioskConfig,
  type ProblemReport,
} from '../../contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser preview. */
    kiosk?: KioskBridge;
  }
}

export const PREVIEW_CONFIG: KioskConfig = {
  settings: DEFAULT_SETTINGS,
  mode: 'loop',
  appVersion: 'browser preview',
  mediaBaseUrl: 'app://media/',
};

export function getBridge(): KioskBridge | null {
  return typeof window !== 'undefined' && window.kiosk ? window.kiosk : null;
}

/**
 * The kiosk's config from main, or the built-in defaults when it cannot be had. Main is the
 * trust boundary: it checks the config against KioskConfigSchema before answering (a config
 * that fails makes the call fail), so the player carries no schema code of its own.
 */
export async function loadKioskConfig(bridge: KioskBridge | null): Promise<KioskConfig> {
  if (!bridge) return PREVIEW_CONFIG;
  try {
    const config = await bridge.getConfig();
    if (config && typeof config === 'object' && 'settings' in config) return config;
    reportProblem(bridge, { kind: 'render-error', message: 'main sent no config' });
  } catch (error) {
    reportProblem(bridge, {
      kind: 'render-error',
      message: `config unavailable: ${String(error)}`,
    });
  }
  return { ...PREVIEW_CONFIG, appVersion: 'defaults' };
}

export function reportProblem(bridge: KioskBridge | null, report: ProblemReport): void {
  console.warn(
    `[kiosk] ${report.kind}${report.slideId ? ` (${report.slideId})` : ''}: ${report.message}`,
  );
  bridge?.reportProblem(report);
}
