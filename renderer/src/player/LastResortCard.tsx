import { useStrings } from '../i18n/strings';
import type { ClinicDetails } from '../../../contract';
import './LastResortCard.css';

/** Shown only when no slide can be played: never a blank or broken screen. */
export function LastResortCard({ clinic }: { clinic: ClinicDetails }) {
  const t = useStrings();
  return (
    <main className="last-resort" role="status">
      <p className="last-resort__name">{clinic.name}</p>
      <p className="last-resort__message">{t('lastResort.message')}</p>
      {clinic.phone ? <p className="last-resort__phone">{clinic.phone}</p> : null}
    </main>
  );
}
