// @ts-check
/**
 * A tiny static server on 127.0.0.1 (free port) for the three pages under test:
 *   /ours/     the built renderer (out/renderer)
 *   /reveal/   the reveal.js deck   /swiper/   the Swiper deck (generated from the deck JSON)
 *   /floor/    the browser's floor: the deck's titles as bare HTML, a dozen lines of script
 *   /vendor/…  the libraries' dist files and the font files, straight from node_modules
 * Files go out uncompressed (as over the app:// protocol in the kiosk), with no caching.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, normalize, extname, sep } from 'node:path';
import { floorPage, loadDeck, revealPage, swiperPage } from './peers.js';

const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.map': 'application/json',
});

/**
 * @param {string} root repository root
 * @param {{ oursDir?: string, beforeDir?: string }} [options] oursDir: serve this copy of the
 *   built renderer as /ours/ instead of out/renderer (a variant under study); beforeDir: another
 *   build (an earlier commit's) as /before/, to run alternately beside ours
 * @returns {Promise<{ origin: string, close: () => Promise<void>, pages: Record<string, string> }>}
 */
export async function startServer(root, options = {}) {
  const rendererDir = options.oursDir ?? join(root, 'out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`${rendererDir}/index.html is missing: run \`npm run build\` first`);
  }
  const data = loadDeck(root);
  const generated = /** @type {Record<string, string>} */ ({
    '/reveal/': revealPage(data),
    '/swiper/': swiperPage(data),
    '/floor/': floorPage(data),
  });
  const mounts = /** @type {[string, string][]} */ ([
    ['/ours/', rendererDir],
    ...(options.beforeDir
      ? [/** @type {[string, string]} */ (['/before/', options.beforeDir])]
      : []),
    ['/vendor/reveal/', join(root, 'node_modules/reveal.js/dist')],
    ['/vendor/swiper/', join(root, 'node_modules/swiper')],
    ['/vendor/fontsource/', join(root, 'node_modules/@fontsource/atkinson-hyperlegible-next')],
    ['/peer/', join(import.meta.dirname, '../peer')],
  ]);

  const headers = { 'Cache-Control': 'no-store' };
  /**
   * Answers one request; every failure (a malformed path included) is a 404, never a rejection.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function serve(req, res) {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = decodeURIComponent(url.pathname);
      if (generated[path]) {
        res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] });
        res.end(generated[path]);
        return;
      }
      for (const [prefix, dir] of mounts) {
        if (!path.startsWith(prefix)) continue;
        let rel = path.slice(prefix.length);
        if (rel === '' || rel.endsWith('/')) rel += 'index.html';
        const file = normalize(join(dir, rel));
        if (!file.startsWith(dir + sep)) break;
        const body = await readFile(file);
        res.writeHead(200, {
          ...headers,
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        });
        res.end(body);
        return;
      }
      res.writeHead(404, headers).end('not found');
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  }
  const server = createServer((req, res) => {
    void serve(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    pages: {
      ours: `${origin}/ours/`,
      before: `${origin}/before/`,
      reveal: `${origin}/reveal/`,
      swiper: `${origin}/swiper/`,
      floor: `${origin}/floor/`,
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
