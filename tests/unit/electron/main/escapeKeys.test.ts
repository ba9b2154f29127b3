import { describe, expect, it } from 'vitest';
import { isEscapeShortcut, type KeyInput } from '../../../../electron/main/escapeKeys';

const key = (name: string, modifiers: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: name,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...modifiers,
});

describe('escape keys are refused', () => {
  it.each([
    ['reload (F5)', key('F5')],
    ['reload (Ctrl+R)', key('r', { control: true })],
    ['hard reload (Ctrl+Shift+R)', key('R', { control: true, shift: true })],
    ['reload (Cmd+R)', key('r', { meta: true })],
    ['devtools (F12)', key('F12')],
    ['devtools (Ctrl+Shift+I)', key('I', { control: true, shift: true })],
    ['devtools (Cmd+Alt+I)', key('i', { meta: true, alt: true })],
    ['inspect element (Ctrl+Shift+C)', key('C', { control: true, shift: true })],
    ['zoom in (Ctrl+=)', key('=', { control: true })],
    ['zoom in (Ctrl+Shift++)', key('+', { control: true, shift: true })],
    ['zoom out (Ctrl+-)', key('-', { control: true })],
    ['zoom reset (Ctrl+0)', key('0', { control: true })],
    ['leave fullscreen (F11)', key('F11')],
    ['close window (Alt+F4)', key('F4', { alt: true })],
    ['close window (Ctrl+W)', key('w', { control: true })],
    ['quit (Cmd+Q)', key('q', { meta: true })],
    ['new window (Ctrl+N)', key('n', { control: true })],
    ['print (Ctrl+P)', key('p', { control: true })],
    ['save (Ctrl+S)', key('s', { control: true })],
    ['open file (Ctrl+O)', key('o', { control: true })],
    ['history back (Alt+Left)', key('ArrowLeft', { alt: true })],
    ['browser back key', key('BrowserBack')],
    ['menu bar (Alt)', key('Alt', { alt: true })],
  ])('%s', (_name, input) => {
    expect(isEscapeShortcut(input)).toBe(true);
  });
});

describe('keys the kiosk needs pass through', () => {
  it.each([
    ['next', key('ArrowRight')],
    ['previous', key('ArrowLeft')],
    ['clicker next', key('PageDown')],
    ['clicker previous', key('PageUp')],
    ['play/pause', key(' ')],
    ['home', key('Home')],
    ['end', key('End')],
    ['typing a letter', key('a')],
    ['the staff shortcut (Ctrl+Alt+A)', key('a', { control: true, alt: true })],
    ['Escape (closes the overview)', key('Escape')],
    ['a key release', { ...key('F5'), type: 'keyUp' }],
  ])('%s', (_name, input) => {
    expect(isEscapeShortcut(input)).toBe(false);
  });
});
