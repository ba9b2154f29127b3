import { describe, expect, it } from 'vitest';
import { settingsProblem } from '../../../../renderer/src/admin/settingsProblem';
import { adminT } from '../../electron/main/fixtures/adminWords';
import { DEFAULT_SETTINGS, type EditableSettings } from '../../../../contract';

const playlist = (id: string, enabled: boolean) => ({
  id,
  name: id,
  entries: [{ slideId: 'welcome', enabled, durationSeconds: null }],
});
const settings = (playing: string, enabled: boolean) =>
  ({
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
});
