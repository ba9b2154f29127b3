import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type KioskMode, type Settings } from '../../../../contract';
import { PRERENDER_END, PRERENDER_START } from '../../../../domain';
import {
  createAppProtocolHandler,
  kioskPrerenderRule,
  type ProtocolHandler,
} from '../../../../electron/main/appProtocol';

let sandbox: string;
let handler: ProtocolHandler;
const csp = "default-src 'none'";

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'kiosk-protocol-'));
  const root = join(sandbox, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'notes.txt'), 'not served');
  writeFileSync(join(sandbox, 'secret.html'), 'SECRET-CONTENT');
  symlinkSync(join(sandbox, 'secret.html'), join(root, 'assets', 'link.html'));
  handler = createAppProtocolHandler({ roots: { kiosk: root }, contentSecurityPolicy: csp });
});
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

const get = (url: string) => handler(new Request(url));

describe('app:// protocol', () => {
  it('serves the renderer with its type and the content security policy', async () => {
    const response = await get('app://kiosk/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>kiosk</title>');
  });

  it('serves index.html for the bare origin and scripts with a script type', async () => {
    expect((await get('app://kiosk/')).status).toBe(200);
    const script = await get('app://kiosk/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  // Hostile or malformed requests a compromised page (or a crafted link) could make.
  it.each([
    ['a parent path', 'app://kiosk/../secret.html'],
    ['a deep parent path', 'app://kiosk/assets/../../secret.html'],
    ['an encoded parent path', 'app://kiosk/%2e%2e/secret.html'],
    ['an upper-case encoded parent path', 'app://kiosk/%2E%2E/secret.html'],
    ['a half-encoded parent path', 'app://kiosk/.%2e/secret.html'],
    ['a double-encoded parent path', 'app://kiosk/%252e%252e/secret.html'],
    ['an encoded slash', 'app://kiosk/assets%2F..%2F..%2Fsecret.html'],
    ['an upper-case encoded slash', 'app://kiosk/..%2Fsecret.html'],
    ['a backslash', 'app://kiosk/..\\secret.html'],
    ['an encoded backslash', 'app://kiosk/..%5Csecret.html'],
    ['a lower-case encoded backslash', 'app://kiosk/..%5csecret.html'],
    ['a NUL byte', 'app://kiosk/index.html%00.js'],
    ['a NUL byte before a dot', 'app://kiosk/assets/app.js%00'],
    ['an absolute path', 'app://kiosk//etc/passwd'],
    ['an absolute path with a drive letter', 'app://kiosk/C:/Windows/win.ini'],
    ['an encoded drive letter', 'app://kiosk/C%3A%5CWindows%5Cwin.ini'],
    ['a symlink out of the root', 'app://kiosk/assets/link.html'],
    ['a file type not on the list', 'app://kiosk/assets/notes.txt'],
    ['a file with no extension', 'app://kiosk/assets'],
    ['a folder', 'app://kiosk/assets/'],
    ['an unknown host', 'app://elsewhere/index.html'],
    ['an empty host', 'app:///index.html'],
    ['the host of an inherited property', 'app://constructor/index.html'],
    ['a host that only looks like the app', 'app://kiosk.evil.test/index.html'],
    ['a missing file', 'app://kiosk/nope.js'],
    ['another scheme', 'file:///etc/passwd'],
    ['a web address', 'https://kiosk/index.html'],
    ['broken percent-encoding', 'app://kiosk/%E0%A4%A.js'],
    ['an overlong UTF-8 dot', 'app://kiosk/%C0%AE%C0%AE/secret.html'],
    ['a path through the parent via dots in a folder name', 'app://kiosk/assets/..;/secret.html'],
    ['a port', 'app://kiosk:8080/index.html'],
    ['the proc filesystem', 'app://kiosk/../../../../proc/self/environ'],
  ])('refuses %s', async (_case, url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('SECRET-CONTENT');
  });

  it('refuses credentials in the address (which a Request cannot even carry)', async () => {
    for (const url of ['app://kiosk@elsewhere/index.html', 'app://user:pw@kiosk/index.html']) {
      const request = { url, method: 'GET', headers: new Headers() } as Request;
      expect((await handler(request)).status).toBeGreaterThanOrEqual(400);
    }
  });

  it('answers Range requests so videos can seek', async () => {
    const whole = await (await get('app://kiosk/assets/app.js')).text();
    const partial = await handler(
      new Request('app://kiosk/assets/app.js', { headers: { Range: 'bytes=2-5' } }),
    );
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes 2-5/${whole.length}`);
    expect(await partial.text()).toBe(whole.slice(2, 6));
    const tail = await handler(
      new Request('app://kiosk/assets/app.js', { headers: { Range: 'bytes=-3' } }),
    );
    expect(await tail.text()).toBe(whole.slice(-3));
    const beyond = await handler(
      new Request('app://kiosk/assets/app.js', { headers: { Range: 'bytes=999-' } }),
    );
    expect(beyond.status).toBe(416);
  });

  it('a file removed while it is being sent is still sent whole (opened before answering)', async () => {
    const media = join(sandbox, 'media-going');
    mkdirSync(media, { recursive: true });
    const bytes = Buffer.alloc(256 * 1024, 7);
    writeFileSync(join(media, 'clip.webm'), bytes);
    const serve = createAppProtocolHandler({ roots: { media }, contentSecurityPolicy: csp });
    const response = await serve(new Request('app://media/clip.webm'));
    expect(response.status).toBe(200);
    // Staff delete it (or the data folder is cleared) before the page has read the body.
    rmSync(join(media, 'clip.webm'));
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    // Asked for again, it is a plain 404.
    expect((await serve(new Request('app://media/clip.webm'))).status).toBe(404);
  });

  it('serves a second root (the media folder) under its own host only', async () => {
    const media = join(sandbox, 'media');
    mkdirSync(media, { recursive: true });
    writeFileSync(join(media, 'abc.png'), 'png-bytes');
    const withMedia = createAppProtocolHandler({
      roots: { kiosk: join(sandbox, 'renderer'), media },
      contentSecurityPolicy: csp,
    });
    const picture = await withMedia(new Request('app://media/abc.png'));
    expect(picture.status).toBe(200);
    // Caption tracks load across origins: allowed for the kiosk page, and only there.
    expect(picture.headers.get('Access-Control-Allow-Origin')).toBe('app://kiosk');
    expect(picture.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const page = await withMedia(new Request('app://kiosk/index.html'));
    expect(page.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect((await withMedia(new Request('app://kiosk/abc.png'))).status).toBe(404);
    expect((await withMedia(new Request('app://media/../renderer/index.html'))).status).toBe(404);
  });

  it("leaves index.html's prerendered slide out when the settings start elsewhere", async () => {
    const root = join(sandbox, 'prerendered');
    mkdirSync(root, { recursive: true });
    const slide = `${PRERENDER_START}<main>How ketamine works</main>${PRERENDER_END}`;
    writeFileSync(join(root, 'index.html'), `<title>kiosk</title><div id="root">${slide}</div>`);
    writeFileSync(join(root, 'other.svg'), `<svg>${slide}</svg>`);
    let settings: Settings = DEFAULT_SETTINGS;
    let mode: KioskMode = 'loop';
    const asked: string[] = [];
    const rule = kioskPrerenderRule(() => ({ settings, mode }));
    const withRule = createAppProtocolHandler({
      roots: { kiosk: root },
      contentSecurityPolicy: csp,
      prerenderFits: (url) => {
        asked.push(url.search);
        return rule(url);
      },
    });
    const body = async (url: string, init?: RequestInit) => {
      const response = await withRule(new Request(url, init));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(csp);
      return response;
    };
    // Default settings: the page as built.
    expect(await (await body('app://kiosk/index.html')).text()).toContain('How ketamine works');
    // The presenter view, whatever the settings: never the audience's slide.
    const presenter = await (await body('app://kiosk/index.html?view=presenter')).text();
    expect(presenter).toBe('<title>kiosk</title><div id="root"></div>');
    // Spanish: without it, with a length that matches the body.
    settings = { ...DEFAULT_SETTINGS, defaultLanguage: 'es' };
    const spanish = await body('app://kiosk/');
    const text = await spanish.text();
    expect(text).toBe('<title>kiosk</title><div id="root"></div>');
    expect(spanish.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(spanish.headers.get('content-type')).toMatch(/^text\/html/);
    const head = await body('app://kiosk/index.html', { method: 'HEAD' });
    expect(await head.text()).toBe('');
    // Only pages are looked at.
    expect(await (await body('app://kiosk/other.svg')).text()).toContain('How ketamine works');
    expect(asked).toEqual(['', '?view=presenter', '', '']);
    // Presenting: a reopened audience window follows the talk, not the first slide.
    settings = DEFAULT_SETTINGS;
    mode = 'present';
    expect(await (await body('app://kiosk/index.html')).text()).not.toContain('How ketamine');
    mode = 'loop';
    expect(await (await body('app://kiosk/index.html')).text()).toContain('How ketamine works');
  });

  it('keeps the prerender only if the schedule agrees now and as the page starts', () => {
    vi.useFakeTimers();
    try {
      // Monday 2 March 2026, closed from 09:00 (local time, as the schedule reads it).
      const closedFromNine: Settings = {
        ...DEFAULT_SETTINGS,
        schedule: {
          ...DEFAULT_SETTINGS.schedule,
          weekly: [
            { id: 'closed', days: [1], start: '09:00', end: '12:00', target: { kind: 'closed' } },
          ],
        },
      };
      const rule = kioskPrerenderRule(() => ({ settings: closedFromNine, mode: 'loop' }));
      const page = new URL('app://kiosk/index.html');
      vi.setSystemTime(new Date(2026, 2, 2, 8, 58, 0));
      expect(rule(page)).toBe(true);
      // Five seconds before closing: the player will start on the closed card.
      vi.setSystemTime(new Date(2026, 2, 2, 8, 59, 55));
      expect(rule(page)).toBe(false);
      vi.setSystemTime(new Date(2026, 2, 2, 9, 30, 0));
      expect(rule(page)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('serves the page without the prerender when the rule itself fails', async () => {
    const root = join(sandbox, 'prerendered-failing');
    mkdirSync(root, { recursive: true });
    const slide = `${PRERENDER_START}<main>How ketamine works</main>${PRERENDER_END}`;
    writeFileSync(join(root, 'index.html'), `<div id="root">${slide}</div>`);
    const failing = createAppProtocolHandler({
      roots: { kiosk: root },
      contentSecurityPolicy: csp,
      prerenderFits: () => {
        throw new Error('settings unreadable');
      },
    });
    const response = await failing(new Request('app://kiosk/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<div id="root"></div>');
  });

  it('refuses to write', async () => {
    const response = await handler(
      new Request('app://kiosk/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });
});

describe("app://screens (the fleet's screen pictures, from a folder other machines write)", () => {
  const picture = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
  let status: string;
  let inFleet = true;
  let screens: ProtocolHandler;

  beforeAll(() => {
    status = join(sandbox, 'shared', 'status');
    mkdirSync(status, { recursive: true });
    writeFileSync(join(status, 'kiosk-1a2b3c4d.jpg'), picture);
    writeFileSync(join(status, 'kiosk-1a2b3c4d.json'), '{"name":"Room 4"}');
    writeFileSync(join(status, 'kiosk-notajpeg.jpg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(status, 'kiosk-toolarge.jpg'), Buffer.concat([picture, Buffer.alloc(64)]));
    // A file another machine linked in from elsewhere on this one.
    writeFileSync(join(sandbox, 'private.jpg'), picture);
    symlinkSync(join(sandbox, 'private.jpg'), join(status, 'kiosk-linked.jpg'));
    screens = createAppProtocolHandler({
      roots: { kiosk: join(sandbox, 'renderer') },
      contentSecurityPolicy: csp,
      screens: {
        folder: () => (inFleet ? status : null),
        name: /^[a-z0-9][a-z0-9-]{3,62}\.jpg$/,
        accept: (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8,
        maxBytes: picture.length + 10,
      },
    });
  });

  it("serves a kiosk's picture as a JPEG", async () => {
    const response = await screens(new Request('app://screens/kiosk-1a2b3c4d.jpg?taken=2026'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(picture);
  });

  it.each([
    ['a status file', 'app://screens/kiosk-1a2b3c4d.json'],
    ['a name that is not a kiosk id', 'app://screens/Kiosk%20One.jpg'],
    ['a parent path', 'app://screens/../private.jpg'],
    ['an encoded parent path', 'app://screens/%2e%2e/private.jpg'],
    ['a link out of the folder', 'app://screens/kiosk-linked.jpg'],
    ['a file that is not a JPEG', 'app://screens/kiosk-notajpeg.jpg'],
    ['a file too large for a screen picture', 'app://screens/kiosk-toolarge.jpg'],
    ['a picture that is not there', 'app://screens/kiosk-ffffffff.jpg'],
  ])('refuses %s', async (_what, url) => {
    const response = await screens(new Request(url));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('\u00ff\u00d8');
  });

  it('serves nothing outside a fleet, and nothing where no folder was given', async () => {
    inFleet = false;
    expect((await screens(new Request('app://screens/kiosk-1a2b3c4d.jpg'))).status).toBe(404);
    inFleet = true;
    expect((await get('app://screens/kiosk-1a2b3c4d.jpg')).status).toBe(404);
  });
});
