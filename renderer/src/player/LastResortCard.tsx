import type { ClinicDetails } from '../../../contract';

/** Shown only when no slide can be played: never a blank or broken screen. */
export function LastResortCard({ clinic }: { clinic: ClinicDetails }) {
  return (
    <main className="last-resort" role="status">
      <p className="last-resort__name">{clinic.name}</p>
      <p className="last-resort__message">Please ask the front desk.</p>
      {clinic.phone ? <p className="last-resort__phone">{clinic.phone}</p> : null}
    </main>
  );
}
