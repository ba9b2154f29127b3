import { customSlideToSlide, type Slide } from '../../../contract';
import type { ScreenProps } from './screens/ScreenProps';

/** Every slide staff can name: the built-in deck's and the clinic's own, by id. */
export function slideCatalogue(
  props: Pick<ScreenProps, 'deckSlides' | 'state'>,
): Map<string, Slide> {
  const catalogue = new Map<string, Slide>(props.deckSlides.map((slide) => [slide.id, slide]));
  for (const custom of props.state.settings.customSlides) {
    catalogue.set(custom.id, customSlideToSlide(custom));
  }
  return catalogue;
}
