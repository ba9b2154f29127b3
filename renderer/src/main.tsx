import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
// The slide's own styles (beside SlideView.tsx) load with the page, in its one start-up
// stylesheet: the slide component is also shared with the lazily loaded overview, presenter
// view and admin, so imported from there its CSS became a second render-blocking file, and
// the first paint waited for both (issue 24). Every screen starts from this entry.
import './slides/SlideView.css';
import './slides/SlideMedia.css';
import '@fontsource/atkinson-hyperlegible-next/400.css';
import '@fontsource/atkinson-hyperlegible-next/700.css';
import './styles/base.css';
import type { Slide } from '../../contract';
import { getBridge, loadKioskConfig, reportProblem } from './bridge';
import { builtInDeck } from './deck/builtInDeck';
import { firstRenderKey } from './kiosk/firstRender';
import { KioskRoot } from './kiosk/KioskRoot';
import { createPlayReporter } from './player/playReporter';

async function start(): Promise<void> {
  const bridge = getBridge();
  const params = new URLSearchParams(window.location.search);
  const loadedConfig = await loadKioskConfig(bridge);
  // The browser preview takes its mode from the address: ?mode=present, ?view=presenter.
  const config =
    !bridge && params.get('mode') === 'present'
      ? { ...loadedConfig, mode: 'present' as const }
      : loadedConfig;
  const initialView = params.get('view') === 'presenter' ? 'presenter' : 'audience';
  const openPresenterWindow = bridge
    ? undefined
    : () => window.open('?mode=present&view=presenter', 'clinic-kiosk-presenter', 'popup');
  const onSlideFailed = (slide: Slide, error: unknown) =>
    reportProblem(bridge, {
      kind: slide.media ? 'media-failed' : 'render-error',
      slideId: slide.id,
      message: slide.media
        ? `${error instanceof Error ? error.message : String(error)}; left out of the loop`
        : `slide could not be shown and was left out: ${String(error)}`,
    });

  // A bridge without the play log's channel (an older preload) simply plays without it.
  const plays =
    typeof bridge?.reportPlay === 'function'
      ? createPlayReporter((batch) => bridge.reportPlay(batch))
      : null;
  if (plays) window.addEventListener('pagehide', () => plays.flush());

  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root');
  document.documentElement.lang = config.settings.defaultLanguage;
  const app = (
    <StrictMode>
      <KioskRoot
        bridge={bridge}
        config={config}
        deck={builtInDeck}
        player={{
          onSlideFailed,
          onHeartbeat: bridge ? (beat) => bridge.heartbeat(beat) : undefined,
          onPlayEvent: plays ? (event) => plays.report(event) : undefined,
          initialView,
          onOpenPresenterWindow: openPresenterWindow,
        }}
      />
    </StrictMode>
  );
  // The first screen, prerendered into index.html for these very inputs, is taken over in place
  // (hydrated): the slide painted before any script stays the one on screen, never painted twice.
  const prerenderedFor = rootElement.dataset['firstRender'];
  if (
    rootElement.firstElementChild &&
    prerenderedFor === firstRenderKey(config, initialView, builtInDeck.slides)
  ) {
    hydrateRoot(rootElement, app);
  } else {
    rootElement.replaceChildren();
    createRoot(rootElement).render(app);
  }
}

void start();
