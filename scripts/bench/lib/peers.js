// @ts-check
/**
 * Builds the two peer pages (reveal.js and Swiper) from the same deck JSON and SVG files the
 * app uses: same slides, same English text, same illustrations (inlined, labels filled the way
 * the app fills them), same per-slide durations, same font files and a shared look
 * (peer/deck-theme.css). Library options are the documented autoplay + loop + fade ones and
 * otherwise defaults.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {{ en: string, es?: string }} Text */

/**
 * @param {string} root repository root
 */
export function loadDeck(root) {
  const deck = JSON.parse(readFileSync(join(root, 'assets/deck/how-ketamine-works.json'), 'utf8'));
  /** @type {Record<string, string>} */
  const svgs = {};
  const dir = join(root, 'assets/illustrations');
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.svg')) svgs[file.slice(0, -4)] = readFileSync(join(dir, file), 'utf8');
  }
  return { deck, svgs, clinic: readDefaultClinic(root) };
}

/**
 * The "about the clinic" slide shows the clinic details from the app's default settings
 * (contract/settings.ts, TypeScript the bench cannot import): read them out of the source.
 * @param {string} root
 */
function readDefaultClinic(root) {
  const source = readFileSync(join(root, 'contract/settings.ts'), 'utf8');
  const start = source.indexOf('DEFAULT_CLINIC');
  const block = start >= 0 ? source.slice(start, source.indexOf('};', start)) : '';
  const field = (/** @type {string} */ name) =>
    block.match(new RegExp(`\\b${name}:\\s*'((?:[^'\\\\]|\\\\.)*)'`))?.[1] ?? '';
  const about = [...block.matchAll(/\ben:\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1] ?? '');
  if (!field('name'))
    console.warn('[bench] could not read DEFAULT_CLINIC from contract/settings.ts');
  return { name: field('name'), location: field('location'), about };
}

/** @param {string} text */
function esc(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Same substitution as renderer/src/slides/illustrations.ts (fillLabels). */
function fillLabels(/** @type {string} */ markup, /** @type {Record<string, string>} */ labels) {
  return markup.replace(
    /(<text\b[^>]*\bdata-label="([a-z0-9-]+)"[^>]*>)([^<]*)(<\/text>)/g,
    (whole, open, key, _text, close) =>
      Object.hasOwn(labels, key) ? `${open}${esc(labels[key] ?? '')}${close}` : whole,
  );
}

/**
 * The slide's content as HTML, mirroring the structure of the app's SlideView (English).
 * @param {any} slide
 * @param {Record<string, string>} svgs
 * @param {{ name: string, location: string, about: string[] }} clinic
 */
export function slideHtml(slide, svgs, clinic) {
  const t = (/** @type {Text} */ text) => esc(text.en);
  const parts = [];
  parts.push(`<h2 class="slide-view__title">${t(slide.title)}</h2>`);
  if (slide.subtitle) parts.push(`<p class="slide-view__subtitle">${t(slide.subtitle)}</p>`);
  const plain = ['title', 'call-to-action', 'disclaimer'].includes(slide.kind);
  const points = (/** @type {any[]} */ list, /** @type {boolean} */ isPlain) =>
    list.length
      ? `<ul class="slide-view__points${isPlain ? ' slide-view__points--plain' : ''}">${list
          .map((p) => `<li>${t(p.text ?? p)}</li>`)
          .join('')}</ul>`
      : '';
  if (slide.kind === 'comparison') {
    parts.push(
      `<div class="comparison">${(slide.columns ?? [])
        .map(
          (/** @type {any} */ c) =>
            `<section class="comparison__column"><h3 class="comparison__heading">${t(c.heading)}</h3>${points(c.points, false)}</section>`,
        )
        .join('')}</div>`,
    );
  } else if (slide.kind === 'about-clinic') {
    parts.push(
      `<div class="clinic"><p class="clinic__name">${esc(clinic.name)}</p>` +
        (clinic.location ? `<p class="clinic__location">${esc(clinic.location)}</p>` : '') +
        `<ul class="slide-view__points">${clinic.about.map((line) => `<li>${esc(line)}</li>`).join('')}</ul></div>`,
    );
  } else {
    parts.push(points(slide.points ?? [], plain));
  }
  let figure = '';
  const ill = slide.illustration;
  if (ill && svgs[ill.id]) {
    const labels = Object.fromEntries(
      Object.entries(ill.labels ?? {}).map(([k, v]) => [k, /** @type {Text} */ (v).en]),
    );
    figure =
      `<figure class="slide-view__figure"><div class="illustration" role="img" aria-label="${t(ill.description)}">` +
      `${fillLabels(svgs[ill.id] ?? '', labels)}</div><figcaption class="slide-view__caption">${t(ill.caption)}</figcaption></figure>`;
  }
  return (
    `<div class="slide-view slide-view--${slide.kind}${figure ? ' slide-view--with-figure' : ''}">` +
    `<div class="slide-view__text">${parts.join('')}</div>${figure}</div>`
  );
}

const FONT_CSS = ['/vendor/fontsource/400.css', '/vendor/fontsource/700.css'];

/** The same document start for every generated page (a blank favicon: no request for one). */
function pageStart(/** @type {any} */ deck, /** @type {string} */ name) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(deck.title.en)} (${name})</title>`;
}

/**
 * reveal.js: the documented setup (dist/reset.css, dist/reveal.css, a theme, dist/reveal.js,
 * Reveal.initialize). The theme is our shared deck-theme.css (the stock themes would add
 * their own fonts: black.css alone is 575 kB of inlined font data, which would be unfair to
 * reveal.js). Per-slide durations use the documented data-autoslide attribute.
 * @param {ReturnType<typeof loadDeck>} data
 */
export function revealPage({ deck, svgs, clinic }) {
  const sections = deck.slides
    .map(
      (/** @type {any} */ s) =>
        `<section data-slide-id="${s.id}" data-autoslide="${s.durationSeconds * 1000}">${slideHtml(s, svgs, clinic)}</section>`,
    )
    .join('\n');
  return `${pageStart(deck, 'reveal.js')}
<link rel="stylesheet" href="/vendor/reveal/reset.css">
<link rel="stylesheet" href="/vendor/reveal/reveal.css">
${FONT_CSS.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
<link rel="stylesheet" href="/peer/deck-theme.css">
</head>
<body>
<div class="reveal"><div class="slides">
${sections}
</div></div>
<script src="/vendor/reveal/reveal.js"></script>
<script>
Reveal.initialize({ autoSlide: ${deck.slides[0].durationSeconds * 1000}, loop: true, transition: 'fade' });
</script>
</body>
</html>
`;
}

/**
 * Swiper: the documented core + modules setup (swiper core, the Autoplay and EffectFade
 * modules, swiper.css and the fade effect's CSS), minified ES modules straight from the
 * package. Per-slide durations use the documented data-swiper-autoplay attribute.
 * @param {ReturnType<typeof loadDeck>} data
 */
export function swiperPage({ deck, svgs, clinic }) {
  const slides = deck.slides
    .map(
      (/** @type {any} */ s) =>
        `<div class="swiper-slide" data-slide-id="${s.id}" data-swiper-autoplay="${s.durationSeconds * 1000}">${slideHtml(s, svgs, clinic)}</div>`,
    )
    .join('\n');
  return `${pageStart(deck, 'Swiper')}
<link rel="stylesheet" href="/vendor/swiper/swiper.min.css">
<link rel="stylesheet" href="/vendor/swiper/modules/effect-fade.min.css">
${FONT_CSS.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
<link rel="stylesheet" href="/peer/deck-theme.css">
</head>
<body>
<div class="swiper"><div class="swiper-wrapper">
${slides}
</div></div>
<script type="module">
import Swiper from '/vendor/swiper/swiper.min.mjs';
import Autoplay from '/vendor/swiper/modules/autoplay.min.mjs';
import EffectFade from '/vendor/swiper/modules/effect-fade.min.mjs';
window.swiper = new Swiper('.swiper', {
  modules: [Autoplay, EffectFade],
  autoplay: { delay: ${deck.slides[0].durationSeconds * 1000} },
  loop: true,
  effect: 'fade',
});
</script>
</body>
</html>
`;
}

/**
 * The browser's floor, not a competitor: the deck's titles and subtitles as bare static HTML
 * (no web font, no stylesheet file, a few inline rules) and a dozen lines of script that do
 * the least a swipeable slideshow can do: a fade on "next", and on a finger's release a cut
 * to the next slide made in the release handler itself (a transition would only show from
 * its second frame), with the page taking every gesture (`touch-action: none`, as ours). Its time to first slide is what
 * navigation and one paint cost here; its touch latency is the first frame this browser
 * can show after a release that a page handles itself. Neither can be beaten by a player.
 * @param {ReturnType<typeof loadDeck>} data
 */
export function floorPage({ deck }) {
  const t = (/** @type {Text | undefined} */ text) => (text ? esc(text.en) : '');
  const slides = deck.slides
    .map(
      (/** @type {any} */ s, /** @type {number} */ i) =>
        `<section class="s${i === 0 ? ' on' : ''}" data-slide-id="${s.id}"><h2>${t(s.title)}</h2>` +
        (s.subtitle ? `<p>${t(s.subtitle)}</p>` : '') +
        `</section>`,
    )
    .join('\n');
  return `${pageStart(deck, 'floor')}
<style>
html, body { margin: 0; height: 100%; overflow: hidden; touch-action: none; background: #0f2530; color: #fff; font: 48px/1.3 sans-serif; }
.deck { position: relative; height: 100%; }
.s { position: absolute; inset: 0; padding: 10vh 8vw; opacity: 0; transition: opacity 0.45s; }
.s.on { opacity: 1; }
.cut .s { transition: none; }
</style>
</head>
<body>
<div class="deck">
${slides}
</div>
<script>
const slides = [...document.querySelectorAll('.s')];
let index = 0;
const deck = document.querySelector('.deck');
function go(step) {
  slides[index].classList.remove('on');
  index = (index + step + slides.length) % slides.length;
  slides[index].classList.add('on');
}
let downX = null;
addEventListener('pointerdown', (e) => { downX = e.clientX; });
addEventListener('pointerup', (e) => {
  if (downX === null) return;
  const dx = e.clientX - downX;
  downX = null;
  if (Math.abs(dx) < innerWidth / 5) return;
  deck.classList.add('cut');
  go(dx < 0 ? 1 : -1);
});
window.floor = { next: () => { deck.classList.remove('cut'); go(1); } };
</script>
</body>
</html>
`;
}
