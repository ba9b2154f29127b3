import { describe, expect, it } from 'vitest';
import {
  looksLikeWebAddress,
  settingsProblem,
} from '../../../../renderer/src/admin/settingsProblem';
import { adminT } from '../../electron/main/fixtures/adminWords';
import { DEFAULT_SETTINGS, WebAddressSchema, type EditableSettings } from '../../../../contract';

const playlist = (id: string, enabled: boolean) => ({
  id,
  name: id,
  entries: [{ slideId: 'welcome', enabled, durationSeconds: null }],
});
const settings = (playing: string, enabled: boolean) =>
  ({
    ...DEFAULT_SETTINGS,
    playlists: [playlist('waiting-room', true), playlist('new', enabled)],
    defaultPlaylistId: playing,
  }) as unknown as EditableSettings;

describe('settingsProblem', () => {
  it('says in staff words that the playing playlist needs a slide switched on', () => {
    expect(settingsProblem(adminT('en'), settings('new', false))).toBe(
      'Turn on at least one slide before this playlist can play.',
    );
    expect(settingsProblem(adminT('es'), settings('new', false))).toBe(
      'Active al menos una diapositiva para que esta lista se pueda reproducir.',
    );
  });

  it('has nothing to say when the playing playlist has a slide on, whatever the others hold', () => {
    expect(settingsProblem(adminT('en'), settings('new', true))).toBeNull();
    expect(settingsProblem(adminT('en'), settings('waiting-room', false))).toBeNull();
  });

  it('names a refused web address or an empty clinic name plainly, never by its field path', () => {
    const clinic = (patch: object) => ({
      ...DEFAULT_SETTINGS,
      clinic: { ...DEFAULT_SETTINGS.clinic, ...patch },
    });
    expect(settingsProblem(adminT('en'), clinic({ webAddress: 'javascript:alert(1)' }))).toMatch(
      /^The web address needs to start with https:\/\//,
    );
    expect(settingsProblem(adminT('en'), clinic({ name: '' }))).toBe('The clinic needs a name.');
    expect(settingsProblem(adminT('en'), clinic({ webAddress: 'https://clinic.example/' }))).toBe(
      null,
    );
  });

  it('judges a web address as the contract does (main checks the schema itself on save)', () => {
    for (const text of [
      '',
      'https://clinic.example',
      'https://clinic.example/about?x=1#top',
      'http://www.clinic.example.org/',
      'https://clinic',
      'javascript:alert(1)',
      'ftp://clinic.example',
      'clinic.example',
      'https://',
      'https://192.168.1.10/',
      `https://clinic.example/${'a'.repeat(300)}`,
    ]) {
      expect(looksLikeWebAddress(text), text).toBe(WebAddressSchema.safeParse(text).success);
    }
  });
});
