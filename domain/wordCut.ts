/**
 * Text cut to at most `max` characters at a word boundary: never half a word ("…photo ID ready
 * f"). A cut keeps every whole word that fits and drops the trailing space; a single word
 * longer than the limit (a web address, say) is cut where the limit falls, as nothing better
 * fits. Text within the limit comes back as it is, trailing space and all, so typing a space
 * between words is never undone.
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  // The limit falls between words: everything before it is whole.
  if (/\s/.test(text.charAt(max))) return head.trimEnd();
  const lastSpace = head.search(/\s\S*$/);
  if (lastSpace <= 0) return head;
  return head.slice(0, lastSpace).trimEnd();
}
