import {
  DEFAULT_SETTINGS,
  KioskConfigSchema,
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

/** The kiosk's config from main, or the built-in defaults when it is missing or malformed. */
export async function loadKioskConfig(bridge: KioskBridge | null): Promise<KioskConfig> {
  if (!bridge) return PREVIEW_CONFIG;
  try {
    const parsed = KioskConfigSchema.safeParse(await bridge.getConfig());
    if (parsed.success) return parsed.data;
    reportProblem(bridge, { kind: 'render-error', message: 'config from main failed the schema' });
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
