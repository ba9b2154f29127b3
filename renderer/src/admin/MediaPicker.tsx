import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AdminBridge,
  ImportSource,
  PickerEntry,
  PickerEntryKind,
  PickerFolder,
} from '../../../contract';
import { announceBusy } from './busyPulse';
import { Problem } from './kit';
import { useAdminCall } from './useAdminCall';
import './MediaPicker.css';

export interface MediaPickerProps {
  admin: AdminBridge;
  /** What can be chosen: files of these kinds, or (`folder`) the folder being shown. */
  accept: readonly Exclude<PickerEntryKind, 'other'>[];
  title: string;
  onPick: (token: string, name: string) => void;
  onCancel: () => void;
  onSessionClosed: () => void;
}

/**
 * The in-app file picker. Main lists the USB drives and the import folder and hands out a
 * token for every folder and file; the page shows names and sends tokens back, never a path.
 * There is no operating-system file dialog: it would open a way into the whole machine.
 */
export function MediaPicker({
  admin,
  accept,
  title,
  onPick,
  onCancel,
  onSessionClosed,
}: MediaPickerProps) {
  const { t } = useTranslation('admin');
  const call = useAdminCall(onSessionClosed);
  const [sources, setSources] = useState<ImportSource[] | null>(null);
  const [folder, setFolder] = useState<PickerFolder | null>(null);
  const pickFolder = accept.includes('folder');

  const lookForSources = () =>
    call.run(
      () => admin.mediaSources(),
      '',
      (found) => {
        setFolder(null);
        setSources(found);
      },
    );
  const open = (token: string) => call.run(() => admin.mediaBrowse({ token }), '', setFolder);

  useEffect(() => {
    void lookForSources();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const choosable = (entry: PickerEntry) =>
    entry.kind !== 'folder' && entry.kind !== 'other' && accept.includes(entry.kind);

  return (
    <div className="media-picker" role="region" aria-labelledby="media-picker-title">
      <h3 id="media-picker-title" className="admin-section__subtitle">
        {title}
      </h3>
      {folder ? (
        <>
          <p className="media-picker__trail">
            <span className="visually-hidden">{t('picker.youAreIn')} </span>
            {folder.trail.join(' › ')}
          </p>
          <div className="admin-actions">
            <button
              type="button"
              className="admin-button"
              disabled={call.busy}
              onClick={() => (folder.parent ? void open(folder.parent) : void lookForSources())}
            >
              {folder.parent ? t('picker.up') : t('picker.allDrives')}
            </button>
            {pickFolder ? (
              <button
                type="button"
                className="admin-button admin-button--primary"
                disabled={call.busy}
                onClick={() => onPick(folder.token, folder.trail.join(' › '))}
              >
                {t('picker.saveHere')}
              </button>
            ) : null}
          </div>
          {folder.entries.length === 0 ? <p>{t('picker.emptyFolder')}</p> : null}
          <ul className="media-picker__list">
            {folder.entries.map((entry) => {
              const canPick = choosable(entry);
              const isFolder = entry.kind === 'folder';
              return (
                <li key={entry.token}>
                  <button
                    type="button"
                    className="media-picker__entry"
                    data-kind={entry.kind}
                    disabled={call.busy || (!isFolder && !canPick)}
                    onClick={() =>
                      isFolder ? void open(entry.token) : onPick(entry.token, entry.name)
                    }
                  >
                    <span className="media-picker__name">{entry.name}</span>
                    <span className="media-picker__about">
                      {isFolder
                        ? t('picker.folder')
                        : `${t(`picker.kind.${entry.kind}`)} · ${formatBytes(entry.bytes ?? 0)}`}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          {folder.truncated ? <p className="admin-field__hint">{t('picker.truncated')}</p> : null}
        </>
      ) : (
        <>
          <p className="admin-field__hint">{t('picker.hint')}</p>
          {sources && sources.length === 0 ? <p role="status">{t('picker.noSources')}</p> : null}
          <ul className="media-picker__list">
            {(sources ?? []).map((source) => (
              <li key={source.token}>
                <button
                  type="button"
                  className="media-picker__entry"
                  data-kind="folder"
                  disabled={call.busy}
                  onClick={() => void open(source.token)}
                >
                  <span className="media-picker__name">{source.label}</span>
                  <span className="media-picker__about">{t(`picker.source.${source.kind}`)}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="admin-actions">
            <button
              type="button"
              className="admin-button"
              disabled={call.busy}
              onClick={() => void lookForSources()}
            >
              {t('picker.lookAgain')}
            </button>
          </div>
        </>
      )}
      <div className="admin-actions">
        <button type="button" className="admin-button" onClick={onCancel}>
          {t('picker.cancel')}
        </button>
      </div>
      <Problem text={call.outcome?.kind === 'problem' ? call.outcome.text : null} />
    </div>
  );
}

/** "3.4 MB", "820 kB": sizes as staff read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} B`;
}

/** A bar for a long copy, fed by main's progress messages for this token. */
export function ImportProgressBar({ admin, token }: { admin: AdminBridge; token: string }) {
  const { t } = useTranslation('admin');
  const [progress, setProgress] = useState({ copied: 0, total: 0 });
  useEffect(
    () =>
      admin.onImportProgress((update) => {
        if (update.token !== token) return;
        setProgress({ copied: update.copiedBytes, total: update.totalBytes });
        // A long copy is staff at work: the admin must not time out under it.
        announceBusy();
      }),
    [admin, token],
  );
  const percent = progress.total > 0 ? Math.round((progress.copied / progress.total) * 100) : 0;
  return (
    <div className="import-progress">
      <label htmlFor={`progress-${token}`}>
        {t('picker.copying', {
          copied: formatBytes(progress.copied),
          total: formatBytes(progress.total),
        })}
      </label>
      <progress id={`progress-${token}`} max={100} value={percent}>
        {percent}%
      </progress>
    </div>
  );
}
