/** The parts of Electron's `Input` (before-input-event) this filter reads. */
export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const FUNCTION_KEYS = new Set([
  'F1', // help
  'F3', // find
  'F5', // reload
  'F6', // address bar
  'F7', // caret browsing
  'F10', // menu
  'F11', // leave fullscreen
  'F12', // devtools
]);

/** With Ctrl (or Cmd): reload, close, quit, new window/tab, print, save, open, find, zoom … */
const MODIFIED_KEYS = new Set([
  'r',
  'w',
  'q',
  'n',
  't',
  'p',
  's',
  'o',
  'f',
  'g',
  'h',
  'i',
  'j',
  'l',
  'u',
  'd',
  'e',
  'k',
  '+',
  '=',
  '-',
  '_',
  '0',
  'Add',
  'Subtract',
]);

/**
 * Keys that would let someone out of the kiosk or into the browser's insides: reload,
 * devtools, zoom, fullscreen toggling, closing, history navigation, printing. The staff
 * shortcut Ctrl+Alt+A is never refused.
 */
export function isEscapeShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const command = input.control || input.meta;
  if (command && input.alt && key === 'a') return false; // staff: open the PIN pad
  if (FUNCTION_KEYS.has(input.key)) return true;
  if (
    input.alt &&
    (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')
  ) {
    return true;
  }
  if (input.alt && !command && (key === 'Alt' || key === 'f' || key === 'e')) return true; // menus
  if (command && MODIFIED_KEYS.has(key)) return true;
  if (command && input.shift && (key === 'i' || key === 'c' || key === 'm' || key === 'delete')) {
    return true;
  }
  if (key === 'BrowserBack' || key === 'BrowserForward' || key === 'BrowserRefresh') return true;
  if (key === 'ZoomIn' || key === 'ZoomOut' || key === 'ContextMenu') return true;
  return false;
}
