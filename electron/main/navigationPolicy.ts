import { APP_ORIGIN } from './appProtocol';

/**
 * Where the kiosk's web contents may go: only pages of the app itself. Everything else
 * (links, window.open, redirects, drag-and-dropped files) is refused.
 */
export function isAppUrl(rawUrl: string, devServerOrigin?: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.origin === APP_ORIGIN || `${url.protocol}//${url.host}` === APP_ORIGIN) return true;
  return devServerOrigin !== undefined && url.origin === devServerOrigin;
}

export type PermissionDecision = false;

/** No web permission (camera, notifications, geolocation …) is ever granted. */
export function decidePermission(): PermissionDecision {
  return false;
}
