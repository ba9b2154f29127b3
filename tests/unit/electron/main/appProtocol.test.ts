import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAppProtocolHandler,
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

  it.each([
    ['a parent path', 'app://kiosk/../secret.html'],
    ['an encoded parent path', 'app://kiosk/%2e%2e/secret.html'],
    ['an encoded slash', 'app://kiosk/assets%2F..%2F..%2Fsecret.html'],
    ['an encoded backslash', 'app://kiosk/..%5Csecret.html'],
    ['a NUL byte', 'app://kiosk/index.html%00.js'],
    ['a symlink out of the root', 'app://kiosk/assets/link.html'],
    ['a file type not on the list', 'app://kiosk/assets/notes.txt'],
    ['an unknown host', 'app://elsewhere/index.html'],
    ['a missing file', 'app://kiosk/nope.js'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s', async (_case, url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('SECRET-CONTENT');
  });

  it('refuses to write', async () => {
    const response = await handler(
      new Request('app://kiosk/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });
});
