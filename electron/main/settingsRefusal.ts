import type { SettingsRefusal } from '../../contract';

/** One problem the settings' schema found, as zod reports it. */
export interface SettingsIssue {
  /** Where, from the settings down (`['clinic', 'name']`, `['playlists', 0, 'name']`). */
  path: readonly PropertyKey[];
  code?: string;
  params?: Record<string, unknown> | undefined;
}

const KNOWN: ReadonlySet<string> = new Set<SettingsRefusal>([
  'nothing-plays',
  'playing-gone',
  'slide-gone',
  'duplicate-id',
]);

/**
 * Why settings were refused, for the admin to say in staff words: a SettingsRefusal, or
 * `field:<field>` naming the settings field the problem is in (the clinic's by detail,
 * "field:clinic.location"), never a path into lists. The first problem decides.
 */
export function settingsRefusal(
  issues: readonly SettingsIssue[],
): SettingsRefusal | `field:${string}` {
  const issue = issues[0];
  if (!issue) return 'settings';
  const refusal = issue.params?.['refusal'];
  if (typeof refusal === 'string' && KNOWN.has(refusal)) return refusal as SettingsRefusal;
  const [top, second, third, fourth] = issue.path.map(String);
  switch (top) {
    case undefined:
      return 'settings';
    case 'clinic':
      if (second === 'name') return 'clinic-name';
      if (second === 'webAddress') return 'web-address';
      if (second === 'crisisLines') return 'crisis-line';
      return second ? `field:clinic.${second}` : 'field:clinic';
    case 'playlists':
      // ['playlists']: how many; ['playlists', n]: the playlist itself (a slide in it twice).
      if (second === undefined) return 'playlists-count';
      if (third === 'name') return 'playlist-name';
      if (third === undefined) return 'playlist-twice';
      return 'field:playlists';
    case 'schedule':
      if (second === 'weekly' && fourth === 'days') return 'weekly-days';
      if (second === 'dateRanges' && (fourth === 'from' || fourth === 'to')) return 'dates';
      return 'field:schedule';
    default:
      return `field:${top}`;
  }
}

/**
 * Why a request was refused before it was looked at, when the refusal is one staff can put
 * right: the settings of a save, a review's name or date. Null for the rest (a programming
 * error, or a renderer that is not the app's).
 */
export function requestRefusal(
  issues: readonly SettingsIssue[],
): SettingsRefusal | `field:${string}` | null {
  const issue = issues[0];
  if (!issue) return null;
  const [top] = issue.path.map(String);
  if (top === 'settings') return settingsRefusal([{ ...issue, path: issue.path.slice(1) }]);
  if (top === 'reviewer') return 'review-reviewer';
  if (top === 'reviewedOn') return 'review-date';
  return null;
}
