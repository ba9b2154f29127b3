import { useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type Language, type MediaLibraryEntry } from '../../../../contract';
import { MediaBaseContext } from '../../slides/SlideMedia';
import { Confirm, Outcome, Section, UndoBar, useUndo } from '../kit';
import './SetupScreen.css';
import { formatBytes, MediaPicker } from '../MediaPicker';
import { useAdminCall } from '../useAdminCall';
import type { ScreenProps } from './ScreenProps';

type Picking = 'export' | 'import';

/**
 * Moving a whole setup between kiosks (one file on a USB drive), the backup an import or a
 * restore keeps, and the media files on this kiosk.
 */
export function SetupScreen({ admin, state, onState, onSessionClosed }: ScreenProps) {
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'es' ? 'es' : 'en';
  const call = useAdminCall(onSessionClosed);
  const library = useAdminCall(onSessionClosed);
  const [picking, setPicking] = useState<Picking | null>(null);
  const [confirm, setConfirm] = useState<{ token: string; name: string } | 'restore' | null>(null);
  const [media, setMedia] = useState<MediaLibraryEntry[] | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const mediaBase = useContext(MediaBaseContext);
  const { offer, offerUndo, undo } = useUndo();

  useEffect(() => {
    void library.run(() => admin.mediaLibrary(), '', setMedia);
  }, [admin, state]); // eslint-disable-line react-hooks/exhaustive-deps

  if (picking) {
    return (
      <Section title={t('setup.title')}>
        <MediaPicker
          admin={admin}
          accept={picking === 'export' ? ['folder'] : ['bundle']}
          title={picking === 'export' ? t('setup.pickFolder') : t('setup.pickFile')}
          onPick={(token, name) => {
            setPicking(null);
            if (picking === 'import') {
              setConfirm({ token, name });
              return;
            }
            void call.run(
              () => admin.setupExport({ token }),
              '',
              (written) =>
                setExported(`${written.fileName} (${formatBytes(written.bytes)}) → ${name}`),
            );
          }}
          onCancel={() => setPicking(null)}
          onSessionClosed={onSessionClosed}
        />
      </Section>
    );
  }

  const titleOf = (id: string) => {
    if (id === 'backup') return t('setup.usedByBackup');
    const slide = state.settings.customSlides.find((candidate) => candidate.id === id);
    return slide ? localize(slide.title, language) : id;
  };
  /** The name the file had on the drive: noted at import, or else the name its slide keeps. */
  const nameOf = (entry: MediaLibraryEntry) => {
    if (entry.sourceName) return entry.sourceName;
    for (const slide of state.settings.customSlides) {
      if (slide.kind !== 'text' && slide.file === entry.file) return slide.sourceName;
    }
    return t('setup.noName');
  };
  const unused = (media ?? []).filter((entry) => entry.usedBy.length === 0);
  /** Deletes an unused file; main holds it a while, so Undo brings it back. */
  const deleteFile = async (entry: MediaLibraryEntry) => {
    const name = nameOf(entry);
    const deleted = await library.run(
      () => admin.mediaDelete({ file: entry.file }),
      // Said once, by the Undo bar below ("“name” was deleted."), not twice.
      '',
      setMedia,
    );
    if (!deleted) return;
    offerUndo({
      text: t('setup.deletedNamed', { name }),
      undo: () =>
        void library.run(
          () => admin.mediaRestore({ file: entry.file }),
          t('setup.fileBack', { name }),
          setMedia,
        ),
    });
  };
  const backup = state.backup;

  return (
    <Section title={t('setup.title')}>
      <h3 className="admin-section__subtitle">{t('setup.moveTitle')}</h3>
      <p className="admin-field__hint">{t('setup.moveHint')}</p>
      <div className="admin-actions">
        {(['export', 'import'] as const).map((what) => (
          <button
            key={what}
            type="button"
            className={`admin-button${what === 'export' ? ' admin-button--primary' : ''}`}
            disabled={call.busy}
            onClick={() => {
              call.clear();
              setExported(null);
              setPicking(what);
            }}
          >
            {t(`setup.${what}`)}
          </button>
        ))}
      </div>
      <p className="admin-message" role="status">
        {exported ? t('setup.exported', { what: exported }) : ''}
      </p>
      <Outcome outcome={call.outcome} />
      {confirm && confirm !== 'restore' ? (
        <Confirm
          id="setup-confirm"
          question={t('setup.confirmImport', { name: confirm.name })}
          yes={t('setup.confirmImportYes')}
          no={t('setup.cancel')}
          busy={call.busy}
          onYes={() => {
            const { token } = confirm;
            setConfirm(null);
            void call.run(() => admin.setupImport({ token }), t('setup.imported'), onState);
          }}
          onNo={() => setConfirm(null)}
        />
      ) : null}

      <h3 className="admin-section__subtitle">{t('setup.backupTitle')}</h3>
      {backup ? (
        <>
          <p>
            {t(`setup.backup.${backup.reason}`, {
              when: new Date(backup.savedAt).toLocaleString(language),
              name: backup.sourceName ?? '',
            })}
          </p>
          {confirm === 'restore' ? (
            <Confirm
              id="restore-confirm"
              question={t('setup.confirmRestore')}
              yes={t('setup.confirmRestoreYes')}
              no={t('setup.cancel')}
              busy={call.busy}
              onYes={() => {
                setConfirm(null);
                void call.run(() => admin.setupRestore(), t('setup.restored'), onState);
              }}
              onNo={() => setConfirm(null)}
            />
          ) : (
            <button
              type="button"
              className="admin-button"
              disabled={call.busy}
              onClick={() => {
                call.clear();
                setConfirm('restore');
              }}
            >
              {t('setup.restore')}
            </button>
          )}
        </>
      ) : (
        <p>{t('setup.noBackup')}</p>
      )}

      <h3 className="admin-section__subtitle">{t('setup.mediaTitle')}</h3>
      {media && media.length === 0 ? <p>{t('setup.noMedia')}</p> : null}
      <ul className="admin-list playlist-add">
        {(media ?? []).map((entry) => (
          <li key={entry.file} className="media-entry">
            {entry.kind === 'image' ? (
              <img className="media-entry__thumbnail" src={`${mediaBase}${entry.file}`} alt="" />
            ) : null}
            <span>
              <span className="media-entry__name">{nameOf(entry)}</span>
              <span className="playlist__tag">
                {' '}
                · {t(`picker.kind.${entry.kind}`)} · {formatBytes(entry.bytes)} ·{' '}
              </span>
              {entry.usedBy.length > 0
                ? t('setup.usedBy', { slides: entry.usedBy.map(titleOf).join(', ') })
                : t('setup.unused')}
            </span>
            {entry.usedBy.length === 0 ? (
              <button
                type="button"
                className="admin-button admin-button--danger"
                disabled={library.busy || call.busy}
                onClick={() => void deleteFile(entry)}
              >
                {t('setup.delete')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {unused.length > 0 ? (
        <p className="admin-field__hint">{t('setup.unusedHint', { count: unused.length })}</p>
      ) : null}
      <Outcome outcome={library.outcome} />
      <UndoBar offer={offer} onUndo={undo} />
    </Section>
  );
}
