import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** How long a delete can be undone. */
export const UNDO_MS = 10_000;

export interface UndoOffer {
  /** What was deleted, in a sentence ("“Parking” was deleted."). */
  text: string;
  undo: () => void;
}

/** The last delete, undoable for a short time. */
export function useUndo() {
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  useEffect(() => {
    if (!offer) return;
    const timer = setTimeout(() => setOffer(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [offer]);
  return {
    offer,
    offerUndo: setOffer,
    /** Undoes the last delete, once. */
    undo: () => {
      setOffer(null);
      offer?.undo();
    },
  };
}

/** "“Parking” was deleted. [Undo]", while it can be undone. */
export function UndoBar({ offer, onUndo }: { offer: UndoOffer | null; onUndo: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <div className="admin-undo" role="status">
      {offer ? (
        <>
          <span>{offer.text}</span>
          <button type="button" className="admin-button" onClick={onUndo}>
            {t('keepWork.undo')}
          </button>
        </>
      ) : null}
    </div>
  );
}
