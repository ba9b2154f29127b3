import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/atkinson-hyperlegible-next/400.css';
import '@fontsource/atkinson-hyperlegible-next/700.css';
import './styles/player.css';
import { localize, type Slide } from '../../contract';
import { getBridge, loadKioskConfig, reportProblem } from './bridge';
import { loadBuiltInDeck } from './deck/builtInDeck';
import { Player } from './player/Player';
import { LastResortCard } from './player/LastResortCard';

async function start(): Promise<void> {
  const bridge = getBridge();
  const config = await loadKioskConfig(bridge);
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
      kind: 'render-error',
      slideId: slide.id,
      message: `slide could not be shown and was left out: ${String(error)}`,
    });

  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root');
  createRoot(rootElement).render(
    <StrictMode>
      {loaded ? (
        <Player
          deckTitle={localize(loaded.deck.title, config.settings.defaultLanguage)}
          slides={loaded.deck.slides}
          config={config}
          onSlideFailed={onSlideFailed}
          onHeartbeat={bridge ? (beat) => bridge.heartbeat(beat) : undefined}
        />
      ) : (
        <LastResortCard clinic={config.settings.clinic} />
      )}
    </StrictMode>,
  );
}

void start();
