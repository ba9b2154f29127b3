import { describe, expect, it } from 'vitest';
import { describeChange } from '../../../../renderer/src/admin/screens/changeLine';
import { adminT } from '../../electron/main/fixtures/adminWords';

const HASH = '5b305e84aa0c4e3b9d1f2c7a8e6b4d2f1a3c5e7b9d0f2a4c6e8b1d3f5a7c9e0b';
const at = '2026-03-02T09:00:00.000Z';

/**
 * Every change main notes (adminService.ts, media/mediaAdmin.ts, playLogAdmin.ts, fleetAdmin.ts),
 * as it notes it; the file names here have no English words of their own.
 */
const LOGGED: [event: string, detail: string][] = [
  ['settings', 'idleTimeoutSeconds, clinic.phone, playLogRetentionDays'],
  ['review', 'es 1.4.0'],
  ['pin-set', ''],
  ['pin-changed', ''],
  ['quit', ''],
  ['media-imported', `Big poster.png as ${HASH}.png`],
  ['media-deleted', `Big poster.png as ${HASH}.png`],
  ['media-restored', `Big poster.png as ${HASH}.png`],
  ['setup-exported', 'clínica-marzo.zip'],
  ['setup-imported', 'clínica-marzo.zip: idleTimeoutSeconds, schedule'],
  // As kiosks before this change wrote it.
  ['setup-restored', 'the previous setup is back; the replaced one is the backup now'],
  ['setup-restored', ''],
  ['safe-mode-left', ''],
  ['play-log-exported', 'play-log-2026-03-02'],
  ['fleet-started', 'f0e1d2c3'],
  ['fleet-key-saved', 'clinic-fleet-key.json'],
  ['fleet-joined', 'f0e1d2c3'],
  ['fleet-published', 'setup 3'],
  ['fleet-screenshots', 'on'],
  ['fleet-screenshots', 'off'],
  ['fleet-left', ''],
];

describe('describeChange', () => {
  it('reads a loaded setup as its file and the settings it replaced, in staff words', () => {
    const line = (language: 'en' | 'es') =>
      describeChange(adminT(language), {
        at,
        event: 'setup-imported',
        detail: 'clinic-kiosk-setup.zip: idleTimeoutSeconds, schedule',
      });
    expect(line('en')).toBe(
      'Setup loaded from a file: clinic-kiosk-setup.zip (idle time, schedule)',
    );
    expect(line('es')).toBe(
      'Configuración cargada desde un archivo: clinic-kiosk-setup.zip (tiempo de inactividad, horario)',
    );
  });

  it.each(LOGGED)('says %s (%s) with no programmer words in Spanish', (event, detail) => {
    const line = describeChange(adminT('es'), { at, event, detail });
    // No event key, field name, hash, language code or English sentence.
    expect(line).not.toContain(event);
    expect(line).not.toMatch(/[a-z][A-Z]|[0-9a-f]{64}|\bes\b|\bsetup\b|\b(on|off|the|as)\b/);
  });
});
