import { describe, expect, it } from 'vitest';
import {
  looksLikeWebAddress,
  settingsProblem,
} from '../../../../renderer/src/admin/settingsProblem';
import { adminT } from '../../electron/main/fixtures/adminWords';
import {
  DEFAULT_SETTINGS,
  SaveSettingsRequestSchema,
  WebAddressSchema,
  type EditableSettings,
  type LocalizedText,
} from '../../../../contract';
import { editable } from '../../../../renderer/src/admin/editable';

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

  it('asks for clinic text kept longer than its field takes to be shortened, as main refuses it', () => {
    // Kept from before main held it to the field's length (an old settings file or setup): any
    // screen's save carries it, so staff are told where to shorten it, in their words.
    const withClinic = (patch: { about?: LocalizedText[]; crisisLines?: LocalizedText[] }) =>
      ({
        ...editable({ settings: DEFAULT_SETTINGS } as Parameters<typeof editable>[0]),
        clinic: { ...DEFAULT_SETTINGS.clinic, ...patch },
      }) satisfies EditableSettings;
    const cases = [
      {
        settings: withClinic({ about: [{ en: 'a'.repeat(1500) }, { en: 'b' }] }),
        en: 'English: the about text on Clinic details is longer than 1500 characters. Shorten it there, please.',
      },
      {
        settings: withClinic({ crisisLines: [{ en: 'Call 911.', es: 'c'.repeat(1201) }] }),
        es: 'Español: la línea de crisis en Datos de la clínica tiene más de 1200 caracteres. Acórtela allí, por favor.',
      },
    ];
    for (const { settings, en, es } of cases) {
      if (en) expect(settingsProblem(adminT('en'), settings)).toBe(en);
      if (es) expect(settingsProblem(adminT('es'), settings)).toBe(es);
      // What is said here is what main refuses.
      expect(SaveSettingsRequestSchema.safeParse({ settings }).success).toBe(false);
    }
    const atTheLimit = withClinic({
      about: [{ en: 'a'.repeat(1498) }, { en: 'b' }],
      crisisLines: [{ en: 'Call 911.', es: 'c'.repeat(1200) }],
    });
    expect(settingsProblem(adminT('en'), atTheLimit)).toBeNull();
    expect(SaveSettingsRequestSchema.safeParse({ settings: atTheLimit }).success).toBe(true);
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
