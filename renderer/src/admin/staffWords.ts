import type { TFunction } from 'i18next';
import { DEFAULT_PLAYLIST } from '../../../contract';
import en from './i18n/en.json';
import es from './i18n/es.json';

/**
 * Names the kiosk itself gives playlists, in either language. A playlist still called by one of
 * them shows it in the admin's language; once staff rename it, their name is kept as written.
 */
const GIVEN_NAMES: ReadonlyArray<{ key: string; names: readonly string[] }> = [
  {
    key: 'playlists.defaultName',
    names: [DEFAULT_PLAYLIST.name, en.playlists.defaultName, es.playlists.defaultName],
  },
  { key: 'playlists.newName', names: [en.playlists.newName, es.playlists.newName] },
];

export function playlistName(name: string, t: TFunction<'admin'>): string {
  const given = GIVEN_NAMES.find((entry) => entry.names.includes(name));
  return given ? t(given.key) : name;
}

/** A media file's name in the kiosk: its content's SHA-256 and an extension. */
const CONTENT_NAME = /\s*(?:as\s+)?\(?\b[0-9a-f]{64}\.[a-z0-9]+\)?/g;

/**
 * A change-log detail as staff read it: the file names they know (“Big poster.png”), never the
 * content hash the kiosk stores a file under, nor the English words joining the two. The log
 * file itself keeps both, for IT.
 */
export function staffDetail(detail: string): string {
  return detail.replace(CONTENT_NAME, '').trim();
}

/** A settings field as staff know it ("idle time"), or its name when there is no word for it. */
export function fieldName(t: TFunction<'admin'>, field: string): string {
  return t(`field.${field}`, { defaultValue: field });
}
