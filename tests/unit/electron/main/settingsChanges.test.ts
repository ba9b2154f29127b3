import { describe, expect, it } from 'vitest';
import { DEFAULT_CLINIC, DEFAULT_SETTINGS, type Settings } from '../../../../contract';
import { changedFieldPaths, changedSettings } from '../../../../electron/main/settingsChanges';

const after: Settings = {
  ...DEFAULT_SETTINGS,
  transition: 'cut',
  audienceDisplayId: 3,
  clinic: { ...DEFAULT_CLINIC, name: 'Elsewhere', about: [] },
};

describe('changedFieldPaths (a save on the settings screens)', () => {
  it('names top-level and clinic fields, in settings order', () => {
    expect(changedFieldPaths(DEFAULT_SETTINGS, after)).toEqual([
      'transition',
      'audienceDisplayId',
      'clinic.name',
      'clinic.about',
    ]);
    expect(changedFieldPaths(DEFAULT_SETTINGS, structuredClone(DEFAULT_SETTINGS))).toEqual([]);
  });
});

describe('changedSettings (a whole setup loaded)', () => {
  it('names the settings that differ by their top-level names, in settings order', () => {
    expect(changedSettings(DEFAULT_SETTINGS, after)).toEqual([
      'transition',
      'audienceDisplayId',
      'clinic',
    ]);
    expect(changedSettings(DEFAULT_SETTINGS, structuredClone(DEFAULT_SETTINGS))).toEqual([]);
  });
});
