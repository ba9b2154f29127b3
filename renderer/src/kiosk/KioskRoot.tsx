import type { Deck, KioskBridge, KioskConfig } from '../../../contract';
import { LanguageContext } from '../i18n/strings';
import { LastResortCard } from '../player/LastResortCard';
import type { PlayerProps } from '../player/Player';
import { KioskApp } from './KioskApp';

export interface KioskRootProps {
  bridge: KioskBridge | null;
  config: KioskConfig;
  deck: Deck;
  player: Omit<PlayerProps, 'config' | 'suspended' | 'slides' | 'playlistId' | 'deckTitle'>;
}

/**
 * What #root holds: the kiosk app, or the last-resort card when the deck has no slide. The same
 * component renders at build time (scripts/prerender.js, into index.html) and in the page, so the
 * page can take the prerendered markup over node for node (main.tsx).
 */
export function KioskRoot({ bridge, config, deck, player }: KioskRootProps) {
  return (
    <LanguageContext.Provider value={config.settings.defaultLanguage}>
      {deck.slides.length > 0 ? (
        <KioskApp
          bridge={bridge}
          initialConfig={config}
          deckSlides={deck.slides}
          player={{ ...player, deckTitle: deck.title }}
        />
      ) : (
        <LastResortCard clinic={config.settings.clinic} />
      )}
    </LanguageContext.Provider>
  );
}
