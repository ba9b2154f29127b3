/**
 * Build time only (scripts/prerender.js): the first slide of the built-in deck as static HTML,
 * written into index.html so the screen shows it before any script has run. The markup is
 * the player's own (same classes, same grid, an empty control bar holding its place), so
 * when React takes over a moment later nothing moves.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import {
  DEFAULT_SETTINGS,
  playlistToPlay,
  PRERENDER_END,
  PRERENDER_START,
  resolvePlaylist,
} from '../../contract';
import { loadBuiltInDeck } from './deck/builtInDeck';
import { createI18n } from './i18n/i18n';
import { SlideView } from './slides/SlideView';

export function renderFirstSlideHtml(): string {
  const loaded = loadBuiltInDeck();
  const playlist = playlistToPlay(DEFAULT_SETTINGS.playlists, DEFAULT_SETTINGS.defaultPlaylistId);
  if (!loaded || !playlist) return '';
  // No clinic slides at build time, so nothing can have expired: any date will do.
  const [first] = resolvePlaylist(playlist, loaded.deck.slides, [], '2000-01-01').slides;
  if (!first) return '';
  const language = DEFAULT_SETTINGS.defaultLanguage;
  // Between markers: the kiosk serves index.html without it when its settings show another
  // first screen (domain/firstScreen.ts).
  const markup = renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <main
        className="player"
        data-transition={DEFAULT_SETTINGS.transition}
        data-text-size="normal"
        data-prerendered=""
      >
        <section className="carousel">
          <div className="carousel__slides">
            <div
              className="carousel__slide is-current"
              data-slide-id={first.id}
              data-arrival="start"
            >
              <SlideView
                slide={first}
                step={first.buildSteps.length}
                language={language}
                clinic={DEFAULT_SETTINGS.clinic}
              />
            </div>
          </div>
          <div className="controls" aria-hidden="true" />
        </section>
      </main>
    </I18nextProvider>,
  );
  return `${PRERENDER_START}${markup}${PRERENDER_END}`;
}
