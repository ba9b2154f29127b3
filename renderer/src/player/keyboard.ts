export type SlideshowCommand = 'next' | 'previous' | 'first' | 'last' | 'toggle-rotation';

/** Keys of a keyboard or a presentation clicker (which sends PageUp/PageDown). */
const commandsByKey: Readonly<Record<string, SlideshowCommand>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  ' ': 'toggle-rotation',
};

export function commandForKey(key: string): SlideshowCommand | null {
  return commandsByKey[key] ?? null;
}
