import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../../../renderer/src/player/keyboard';

describe('keys and clickers', () => {
  it.each([
    ['ArrowRight', 'next'],
    ['PageDown', 'next'],
    ['ArrowLeft', 'previous'],
    ['PageUp', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    [' ', 'toggle-rotation'],
  ])('%j means %s', (key, command) => {
    expect(commandForKey(key)).toBe(command);
  });

  it('ignores other keys', () => {
    expect(commandForKey('a')).toBeNull();
    expect(commandForKey('F5')).toBeNull();
  });
});
