/** A moment from main's logs (ISO 8601) as staff read it: "3 Mar 2026, 09:15". */
export function formatWhen(at: string, language: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return date.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}
