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

/**
 * The drawing's markup with its words in the slide's language: each
 * `<text data-label="key">` gets the translated label (escaped), or keeps its English.
 */
export function illustrationMarkup(
  id: IllustrationId,
  labels: Readonly<Record<string, string>> = {},
): string | null {
  const markup = markupById.get(id);
  if (!markup) return null;
  return fillLabels(markup, labels);
}

export function fillLabels(markup: string, labels: Readonly<Record<string, string>>): string {
  return markup.replace(
    /(<text\b[^>]*\bdata-label="([a-z0-9-]+)"[^>]*>)([^<]*)(<\/text>)/g,
    (whole, open: string, key: string, _text: string, close: string) => {
      const label = Object.hasOwn(labels, key) ? labels[key] : undefined;
      return label === undefined ? whole : `${open}${escapeText(label)}${close}`;
    },
  );
}

export function labelKeys(markup: string): string[] {
  return [...markup.matchAll(/<text\b[^>]*\bdata-label="([a-z0-9-]+)"/g)].map((match) => match[1]!);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
