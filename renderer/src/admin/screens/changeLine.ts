import type { TFunction } from 'i18next';
import type { LogEntry } from '../../../../contract';
import { fieldName, staffDetail } from '../staffWords';

const fieldList = (t: TFunction<'admin'>, fields: string) =>
  fields
    .split(', ')
    .filter(Boolean)
    .map((field) => fieldName(t, field))
    .join(', ');

/**
 * One line of Kiosk status's "Recent changes", in the admin's language. Main logs each change
 * for IT in its own terms (field names, file names with content hashes, a language code); staff
 * read the event in words, the files by the names they know, the fields as they call them.
 */
export function describeChange(t: TFunction<'admin'>, entry: LogEntry): string {
  const event = t(`status.event.${entry.event}`, { defaultValue: entry.event });
  const detail = staffDetail(entry.detail);
  const withDetail = (said: string) => (said ? `${event}: ${said}` : event);
  switch (entry.event) {
    case 'setup-imported': {
      // "<file>: <fields>": the file name as it was on the drive, then the settings it replaced.
      const at = detail.lastIndexOf(': ');
      if (at < 0) return withDetail(detail);
      const fields = fieldList(t, detail.slice(at + 2));
      const file = detail.slice(0, at);
      return fields ? `${event}: ${file} (${fields})` : withDetail(file);
    }
    case 'review': {
      // "<language> <version>", as main records it.
      const [language, version] = detail.split(' ');
      return language && version
        ? t('status.reviewLine', {
            event,
            language: t(`languageName.${language}`, { defaultValue: language }),
            version,
          })
        : event;
    }
    case 'fleet-published': {
      const version = /\d+/.exec(detail)?.[0];
      return version ? t('status.publishedLine', { event, version }) : event;
    }
    case 'fleet-screenshots':
      return t(`status.event.fleet-screenshots-${detail === 'on' ? 'on' : 'off'}`);
    // Said by the event alone: an older kiosk wrote an English sentence here; the fleet's ids
    // mean nothing to staff.
    case 'setup-restored':
    case 'fleet-started':
    case 'fleet-joined':
    case 'fleet-left':
      return event;
    case 'setup-exported':
    case 'play-log-exported':
    case 'fleet-key-saved':
      return withDetail(detail);
    default:
      return entry.event.startsWith('media-')
        ? withDetail(detail)
        : withDetail(fieldList(t, detail));
  }
}
