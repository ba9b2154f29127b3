import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/atkinson-hyperlegible-next/400.css';
import '@fontsource/atkinson-hyperlegible-next/700.css';
import './styles/base.css';
import { I18nextProvider } from 'react-i18next';
import type { Slide } from '../../contract';
import { createI18n } from './i18n/i18n';
import { getBridge, loadKioskConfig, reportProblem } from './bridge';
import { loadBuiltInDeck } from './deck/builtInDeck';
import { KioskApp } from './kiosk/KioskApp';
import { LastResortCard } from './player/LastResortCard';
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
  const loaded = loadBuiltInDeck();
  for (const skipped of loaded?.skipped ?? []) {
    reportProblem(bridge, {
      kind: 'slide-skipped',
      slideId: skipped.id,
      message: `slide ${skipped.index + 1} left out: ${skipped.reason}`,
    });
  }
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
  const i18n = createI18n(config.settings.defaultLanguage);
  document.documentElement.lang = config.settings.defaultLanguage;
  createRoot(rootElement).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {loaded ? (
          <KioskApp
            bridge={bridge}
            initialConfig={config}
            deckSlides={loaded.deck.slides}
            player={{
              deckTitle: loaded.deck.title,
              onSlideFailed,
              onHeartbeat: bridge ? (beat) => bridge.heartbeat(beat) : undefined,
              onPlayEvent: plays ? (event) => plays.report(event) : undefined,
              initialView,
              onOpenPresenterWindow: openPresenterWindow,
            }}
          />
        ) : (
          <LastResortCard clinic={config.settings.clinic} />
        )}
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
