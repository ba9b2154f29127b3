import { describe, expect, it } from 'vitest';
import { createAdminI18n } from '../../../../renderer/src/admin/adminI18n';
import { playlistName, staffDetail } from '../../../../renderer/src/admin/staffWords';

const HASH = '5b305e84aa0c4e3b9d1f2c7a8e6b4d2f1a3c5e7b9d0f2a4c6e8b1d3f5a7c9e0b';

describe('staffDetail', () => {
  it('leaves a file by the name staff gave it, without the content hash or "as"', () => {
    expect(staffDetail(`Big poster.png as ${HASH}.png`)).toBe('Big poster.png');
    expect(staffDetail(`${HASH}.webm`)).toBe('');
  });

  it('leaves other details as they are', () => {
    expect(staffDetail('clinic.name, playlists')).toBe('clinic.name, playlists');
    expect(staffDetail('Notes as of May.png')).toBe('Notes as of May.png');
  });
});

describe('playlistName', () => {
  it('shows names the kiosk gave in the admin’s language, in either direction', () => {
    const es = createAdminI18n('es').getFixedT('es', 'admin');
    const en = createAdminI18n('en').getFixedT('en', 'admin');
    expect(playlistName('Waiting room', es)).toBe('Sala de espera');
    expect(playlistName('Sala de espera', en)).toBe('Waiting room');
    expect(playlistName('New playlist', es)).toBe('Nueva lista');
  });

  it('keeps a name staff wrote as they wrote it', () => {
    const es = createAdminI18n('es').getFixedT('es', 'admin');
    expect(playlistName('Waiting room mornings', es)).toBe('Waiting room mornings');
  });
});
