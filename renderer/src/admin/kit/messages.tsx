import type { CallOutcome } from '../useAdminCall';

/** What came of the last admin call, in a status line that is always there (read when it changes). */
export function Outcome({ outcome }: { outcome: CallOutcome | null }) {
  return (
    <p
      className={
        outcome?.kind === 'problem' ? 'admin-message admin-message--problem' : 'admin-message'
      }
      role="status"
    >
      {outcome?.text ?? ''}
    </p>
  );
}

/** A plain sentence about what went wrong, read out at once. Nothing when there is none. */
export function Problem({ text }: { text: string | null }) {
  return text ? (
    <p className="admin-message admin-message--problem" role="alert">
      {text}
    </p>
  ) : null;
}
