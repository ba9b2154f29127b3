import { open, readFile, realpath, stat, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { type KioskMode, type Settings } from '../../contract';
import { localTimeOf, prerenderFits, withoutPrerender } from '../../domain';

/** The scheme and host the kiosk page is served from: app://kiosk/index.html */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The clinic's imported media: app://media/<sha256>.<ext>, from the data folder. */
export const MEDIA_HOST = 'media';
/** The fleet's screen pictures: app://screens/<kiosk id>.jpg, from the shared status folder. */
export const SCREENS_HOST = 'screens';

/** Only these file types are ever served; everything else is refused. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
};

export interface AppProtocolOptions {
  /** Folder per host: { kiosk: '/…/out/renderer' }. */
  roots: Readonly<Record<string, string>>;
  contentSecurityPolicy: string;
  /**
   * Asked for each page (app://kiosk/….html): whether its prerendered first slide is what the
   * kiosk shows first now. When not, the page goes out without it. Absent: always kept.
   */
  prerenderFits?: (pageUrl: URL) => boolean;
  /**
   * The fleet's screen pictures, served as app://screens/<kiosk id>.jpg: the folder they are in
   * now (null: not in a fleet), and what such a picture must be. The folder is shared with other
   * machines, so only names of that form, and only files that pass `accept`, go out.
   */
  screens?: {
    folder(): string | null;
    name: RegExp;
    accept(bytes: Uint8Array): boolean;
    maxBytes: number;
  };
}

export type ProtocolHandler = (request: Request) => Promise<Response>;

/**
 * Serves app:// requests from fixed folders. Written as a plain (Request) => Response
 * function so tests call it without Electron; main registers it with protocol.handle.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): ProtocolHandler {
  const securityHeaders = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
  const refuse = (status: number, reason: string) =>
    new Response(reason, {
      status,
      headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
    });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refuse(405, 'method not allowed');
    }
    const screens = screensRequest(request.url, options.screens);
    if (screens) {
      const picture = await screens;
      if (!picture.ok) return refuse(picture.status, picture.reason);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(picture.bytes), {
        status: 200,
        headers: {
          ...securityHeaders,
          'Content-Type': 'image/jpeg',
          'Content-Length': String(picture.bytes.length),
        },
      });
    }
    const resolved = await resolveRequestPath(request.url, options.roots);
    if (!resolved.ok) return refuse(resolved.status, resolved.reason);
    const contentType = CONTENT_TYPES[extname(resolved.path).toLowerCase()];
    if (!contentType) return refuse(403, 'file type not served');
    const url = new URL(request.url);
    if (
      contentType.startsWith('text/html') &&
      url.hostname === APP_HOST &&
      options.prerenderFits &&
      !fitsSafely(options.prerenderFits, url)
    ) {
      const page = Buffer.from(withoutPrerender(await readFile(resolved.path, 'utf8')));
      return new Response(request.method === 'HEAD' ? null : page, {
        status: 200,
        headers: {
          ...securityHeaders,
          'Content-Type': contentType,
          'Content-Length': String(page.length),
        },
      });
    }
    // Opened before anything is answered: a file removed since it was found (a media file
    // deleted by staff, a data folder cleared) is a plain 404, and once open, the bytes stay
    // readable to the end even if the file is removed while they stream.
    let file: FileHandle;
    try {
      file = await open(resolved.path, 'r');
    } catch {
      return refuse(404, 'not found');
    }
    let size: number;
    try {
      ({ size } = await file.stat());
    } catch {
      await file.close();
      return refuse(404, 'not found');
    }
    const headers: Record<string, string> = {
      ...securityHeaders,
      // The page (app://kiosk) loads media and their caption tracks from app://media with CORS.
      ...(url.hostname === MEDIA_HOST
        ? { 'Access-Control-Allow-Origin': APP_ORIGIN, Vary: 'Origin' }
        : {}),
      'Content-Type': contentType,
      'Accept-Ranges': 'bytes',
    };
    // Videos seek with Range requests; answer them with just the bytes asked for.
    const range = parseRange(request.headers.get('range'), size);
    if (range === 'unsatisfiable') {
      await file.close();
      return new Response(null, {
        status: 416,
        headers: { ...headers, 'Content-Range': `bytes */${size}` },
      });
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    const length = size === 0 ? 0 : end - start + 1;
    headers['Content-Length'] = String(length);
    if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    const status = range ? 206 : 200;
    if (request.method === 'HEAD' || length === 0) {
      await file.close();
      return new Response(null, { status, headers });
    }
    // The stream closes the file when it ends or fails.
    const body = Readable.toWeb(file.createReadStream({ start, end })) as ReadableStream;
    return new Response(body, { status, headers });
  };
}

type ScreensAnswer = { ok: true; bytes: Buffer } | { ok: false; status: number; reason: string };

/** app://screens/…: a picture from the shared status folder, checked; null for other hosts. */
function screensRequest(
  rawUrl: string,
  screens: AppProtocolOptions['screens'],
): Promise<ScreensAnswer> | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== SCREENS_HOST) return null;
  return (async (): Promise<ScreensAnswer> => {
    const folder = screens?.folder() ?? null;
    if (!screens || !folder) return { ok: false, status: 404, reason: 'unknown host' };
    const name = url.pathname.replace(/^\//, '');
    if (url.username || url.password || url.port || !screens.name.test(name)) {
      return { ok: false, status: 404, reason: 'not a screen picture' };
    }
    // The same containment as every other host: a link in the folder to elsewhere is refused.
    const resolved = await resolveRequestPath(`${APP_SCHEME}://${SCREENS_HOST}/${name}`, {
      [SCREENS_HOST]: folder,
    });
    if (!resolved.ok) return resolved;
    const { size } = await stat(resolved.path);
    if (size > screens.maxBytes) {
      return { ok: false, status: 403, reason: 'too large for a screen picture' };
    }
    const bytes = await readFile(resolved.path);
    if (!screens.accept(bytes)) return { ok: false, status: 403, reason: 'not a screen picture' };
    return { ok: true, bytes };
  })();
}

/** A rule that fails leaves the prerender out: a moment of background is the safe side. */
function fitsSafely(rule: (pageUrl: URL) => boolean, url: URL): boolean {
  try {
    return rule(url);
  } catch {
    return false;
  }
}

/** How far ahead the schedule is also asked: the player decides a moment after the page is served. */
const PAGE_START_MS = 15_000;

/**
 * The kiosk's rule for `prerenderFits`: the prerendered slide is kept only on the patients'
 * screen of a looping kiosk (never in the presenter view, and not when presenting, where a
 * reopened audience window follows the presenter to wherever the talk is), and only when the
 * settings start on that very slide now and in the moment it takes the page to start.
 */
export function kioskPrerenderRule(
  kiosk: () => { settings: Settings; mode: KioskMode },
): (pageUrl: URL) => boolean {
  return (pageUrl) => {
    const { settings, mode } = kiosk();
    if (mode !== 'loop' || pageUrl.searchParams.get('view') === 'presenter') return false;
    const now = Date.now();
    return [now, now + PAGE_START_MS].every((instant) =>
      prerenderFits(settings, localTimeOf(new Date(instant))),
    );
  };
}

/** One `bytes=` range (the only kind media elements send); null means the whole file. */
export function parseRange(
  header: string | null,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start > end || start >= size) {
    return 'unsatisfiable';
  }
  return { start, end };
}

type Resolution = { ok: true; path: string } | { ok: false; status: number; reason: string };

async function resolveRequestPath(
  rawUrl: string,
  roots: Readonly<Record<string, string>>,
): Promise<Resolution> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400, reason: 'bad url' };
  }
  if (url.protocol !== `${APP_SCHEME}:`) return { ok: false, status: 400, reason: 'wrong scheme' };
  if (url.username || url.password || url.port) {
    return { ok: false, status: 400, reason: 'credentials or port in the address' };
  }
  const root = Object.hasOwn(roots, url.hostname) ? roots[url.hostname] : undefined;
  if (!root) return { ok: false, status: 404, reason: 'unknown host' };

  // Check the raw path before and after decoding: no encoded separators, dots or NULs.
  const rawPath = url.pathname;
  if (/%2f|%5c|%00/i.test(rawPath)) return { ok: false, status: 400, reason: 'encoded separator' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'bad encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    return { ok: false, status: 400, reason: 'forbidden character' };
  }
  const segments = decoded.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    return { ok: false, status: 400, reason: 'dot segment' };
  }
  const relativePath = segments.length === 0 ? 'index.html' : segments.join('/');
  if (isAbsolute(relativePath) || /^[a-z]:/i.test(relativePath)) {
    return { ok: false, status: 400, reason: 'absolute path' };
  }

  // Follow symlinks, then insist the real file still lies inside the real root.
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(root);
    realFile = await realpath(join(realRoot, relativePath));
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  const inside = relative(realRoot, realFile);
  if (
    inside === '' ||
    inside.startsWith('..') ||
    isAbsolute(inside) ||
    inside.split(sep).includes('..')
  ) {
    return { ok: false, status: 403, reason: 'outside the app' };
  }
  const info = await stat(realFile);
  if (!info.isFile()) return { ok: false, status: 404, reason: 'not a file' };
  return { ok: true, path: realFile };
}
