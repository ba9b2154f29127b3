/**
 * After `electron-vite build`: puts the kiosk's first screen, rendered by the app's own root
 * component, into out/renderer/index.html, and preloads the two fonts it is drawn in. The
 * browser then paints the slide before the script has even been fetched (see
 * docs/PERFORMANCE.md); React takes that markup over in place (hydrateRoot), so the slide is
 * painted once.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer } from 'vite';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'out/renderer');
const indexPath = join(out, 'index.html');

const server = await createServer({
  configFile: false,
  root: join(root, 'renderer'),
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
let html;
let key;
try {
  const module = await server.ssrLoadModule('/src/prerender.tsx');
  ({ html, key } = module.renderFirstScreen());
} finally {
  await server.close();
}
if (!html || !html.includes('carousel__slide')) {
  throw new Error('prerender: the first slide rendered to nothing');
}
if (/\sstyle=/.test(html)) {
  // The page's CSP allows no inline styles: the prerendered markup must not need any.
  throw new Error('prerender: the first slide has inline style attributes');
}

let index = readFileSync(indexPath, 'utf8');
if (!index.includes('<div id="root"></div>')) {
  throw new Error('prerender: index.html has no empty #root (already prerendered?)');
}
// The inputs it was rendered for: the page hydrates it only when its own config matches.
const attribute = String(key).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
index = index.replace(
  '<div id="root"></div>',
  `<div id="root" data-first-render="${attribute}">${html}</div>`,
);

// The first slide's two weights, Latin subset: fetched at once instead of after the CSS.
const fonts = readdirSync(join(out, 'assets')).filter((name) =>
  /^atkinson-hyperlegible-next-latin-(400|700)-normal-.*\.woff2$/.test(name),
);
const preloads = fonts
  .map(
    (name) =>
      `<link rel="preload" href="./assets/${name}" as="font" type="font/woff2" crossorigin>`,
  )
  .join('\n    ');
index = index.replace('</title>', `</title>\n    ${preloads}`);
writeFileSync(indexPath, index);
console.log(
  `prerender: first screen (${Buffer.byteLength(html)} bytes) and ${fonts.length} font preloads in out/renderer/index.html`,
);
// Rendering the app started its slideshow's first timer, and on the server no effect runs to
// dispose of it: end here rather than wait for it.
process.exit(0);
