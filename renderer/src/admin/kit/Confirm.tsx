/** "Are you sure?" in place: the question, a button that does it, and one that does not. */
export function Confirm({
  id,
  question,
  yes,
  no,
  busy,
  onYes,
  onNo,
}: {
  id: string;
  question: string;
  yes: string;
  no: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
}) {
  return (
    <div className="admin-confirm" role="alertdialog" aria-labelledby={id}>
      <p id={id}>{question}</p>
      <div className="admin-actions">
        <button
          type="button"
          className="admin-button admin-button--primary"
          disabled={busy}
          onClick={onYes}
        >
          {yes}
        </button>
        <button type="button" className="admin-button" onClick={onNo}>
          {no}
        </button>
      </div>
    </div>
  );
}
