import type { IllustrationId } from '../../../contract';

/**
 * Original SVG drawings shipped in assets/illustrations, inlined so the player's CSS can
 * reveal their parts step by step (they carry no scripts, styles or external references).
 */
const files = import.meta.glob<string>('../../../assets/illustrations/*.svg', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const markupById = new Map<string, string>(
  Object.entries(files).map(([path, markup]) => [
    path.slice(path.lastIndexOf('/') + 1, -'.svg'.length),
    markup,
  ]),
);

export function illustrationMarkup(id: IllustrationId): string | null {
  return markupById.get(id) ?? null;
}
