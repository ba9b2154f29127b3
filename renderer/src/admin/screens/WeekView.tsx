import { useTranslation } from 'react-i18next';
import { clockOf, type DayPlan, type Shown } from '../../../../contract';
import { dayName, WEEK } from './ScheduleRuleEditor';
import './WeekView.css';

/**
 * The week at a glance: one row a day, Monday first, each a bar of what plays when and the same
 * in words. A rule that changes nothing leaves it as it was, for all to see.
 */
export function WeekView({
  plan,
  nameOf,
  playlistOrder,
}: {
  plan: readonly DayPlan[];
  nameOf: (shown: Shown) => string;
  /** Playlist ids in the order their colours are given. */
  playlistOrder: readonly string[];
}) {
  const { t, i18n } = useTranslation('admin');
  const colour = (shown: Shown) =>
    shown.kind === 'closed' ? 'closed' : String(playlistOrder.indexOf(shown.playlistId) % 4);
  return (
    <table className="week-view">
      <caption className="admin-field__hint">{t('schedule.weekCaption')}</caption>
      <tbody>
        {WEEK.map((weekday) => {
          const day = plan.find((candidate) => candidate.weekday === weekday);
          if (!day) return null;
          return (
            <tr key={weekday}>
              <th scope="row">{dayName(weekday, i18n.language)}</th>
              <td>
                <div className="week-view__bar" aria-hidden="true">
                  {day.stretches.map((stretch) => (
                    <span
                      key={stretch.start}
                      className="week-view__stretch"
                      data-colour={colour(stretch.shown)}
                      style={{ flexGrow: stretch.end - stretch.start }}
                    />
                  ))}
                </div>
                <p className="week-view__words">
                  {day.stretches
                    .map(
                      (stretch) =>
                        `${clockOf(stretch.start)}–${clockOf(stretch.end)} ${nameOf(stretch.shown)}`,
                    )
                    .join(' · ')}
                </p>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
