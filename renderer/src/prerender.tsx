/**
 * Build time only (scripts/prerender.js): the kiosk's first screen as the browser preview and a
 * kiosk with default settings show it, rendered by the app's own root component into
 * index.html, so the screen shows the first slide before any script has run. The page then
 * takes this very markup over with hydrateRoot (main.tsx): the slide is painted once.
 */
import { renderToString } from 'react-dom/server';
import { DeckSchema, PRERENDER_END, PRERENDER_START } from '../../contract';
import { PREVIEW_CONFIG } from './bridge';
import { builtInDeck } from './deck/builtInDeck';
import { firstRenderKey } from './kiosk/firstRender';
import { KioskRoot } from './kiosk/KioskRoot';

export interface PrerenderedFirstScreen {
  /** #root's inner HTML, between the markers main strips when it serves other settings. */
  html: string;
  /** What the page compares with its own config before hydrating (kiosk/firstRender.ts). */
  key: string;
}

export function renderFirstScreen(): PrerenderedFirstScreen {
  // The page's bundle carries the deck parsed at build time (electron.vite.config.ts); here, in
  // Node, it is parsed the same way.
  const deck = DeckSchema.parse(builtInDeck);
  const markup = renderToString(
    <KioskRoot
      bridge={null}
      config={PREVIEW_CONFIG}
      deck={deck}
      player={{ onSlideFailed: () => {}, initialView: 'audience' }}
    />,
  );
  return {
    html: `${PRERENDER_START}${markup}${PRERENDER_END}`,
    key: firstRenderKey(PREVIEW_CONFIG, 'audience', deck.slides),
  };
}
