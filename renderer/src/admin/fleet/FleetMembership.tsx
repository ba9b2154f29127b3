import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Choice, Confirm, Outcome } from '../kit';
import { MediaPicker } from '../MediaPicker';
import type { ScreenProps } from '../screens/ScreenProps';
import { useAdminCall } from '../useAdminCall';

type Saving = 'invite' | 'key';
const SWITCH_MINUTES = ['0', '5', '15', '60'] as const;

/** This kiosk's place in the fleet: what it publishes or takes, and the ways out. */
export function FleetMembership({ admin, state, onState, onSessionClosed }: ScreenProps) {
  const { t, i18n } = useTranslation('admin');
  const call = useAdminCall(onSessionClosed);
  const [saving, setSaving] = useState<Saving | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [minutes, setMinutes] = useState<(typeof SWITCH_MINUTES)[number]>('5');
  const [newKey, setNewKey] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const fleet = state.fleet;
  const publisher = fleet.role === 'publisher';
  const consultation = state.settings.mode === 'present';
  const time = (at: string) =>
    new Date(at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  if (saving) {
    return (
      <MediaPicker
        admin={admin}
        accept={['folder']}
        title={saving === 'invite' ? t('fleet.pickInviteFolder') : t('fleet.pickKeyFolder')}
        onPick={(token, drive) => {
          setSaving(null);
          void call.run(
            () =>
              saving === 'invite' ? admin.fleetInvite({ token }) : admin.fleetKeyBackup({ token }),
            '',
            ({ fileName }) =>
              setSaid(
                t(saving === 'invite' ? 'fleet.invited' : 'fleet.keySaved', {
                  file: fileName,
                  drive,
                }),
              ),
          );
        }}
        onCancel={() => setSaving(null)}
        onSessionClosed={onSessionClosed}
      />
    );
  }

  const startSaving = (what: Saving) => {
    call.clear();
    setSaid(null);
    setSaving(what);
  };

  return (
    <>
      <h3 className="admin-section__subtitle">
        {publisher ? t('fleet.publisherTitle') : t('fleet.memberTitle')}
      </h3>
      {!publisher ? <p className="fleet-notice">{t('fleet.memberNotice')}</p> : null}
      <ul className="admin-list">
        <li>
          {fleet.room
            ? t('fleet.thisScreenInRoom', { name: fleet.name, room: fleet.room })
            : t('fleet.thisScreen', { name: fleet.name })}
        </li>
        <li>{t('fleet.fleetId', { id: fleet.fleetId })}</li>
        <li className="fleet-path">
          {t('fleet.folders', { setup: fleet.setupFolder, status: fleet.statusFolder })}
        </li>
        <li>
          {fleet.setupVersion === 0
            ? t('fleet.noSetupYet')
            : t(publisher ? 'fleet.publishedVersion' : 'fleet.setupVersion', {
                version: fleet.setupVersion,
              })}
        </li>
        {fleet.staged ? (
          <li>
            {t('fleet.staged', {
              version: fleet.staged.version,
              at: time(fleet.staged.activateAt),
            })}
          </li>
        ) : null}
      </ul>
      {fleet.lastRefusal ? (
        <p className="admin-message admin-message--problem">
          {t('fleet.refused', { reason: fleet.lastRefusal })}
        </p>
      ) : null}

      <h3 className="admin-section__subtitle">{t('fleet.keyTitle')}</h3>
      <p>{publisher ? t('fleet.keyFingerprint') : t('fleet.trusted')}</p>
      {(publisher ? [fleet.keyFingerprint ?? ''] : fleet.trustedFingerprints).map((print) => (
        <p key={print} className="fleet-fingerprint">
          {print}
        </p>
      ))}
      {publisher ? (
        <>
          <div className="admin-actions">
            <button
              type="button"
              className="admin-button"
              disabled={call.busy}
              onClick={() => startSaving('invite')}
            >
              {t('fleet.invite')}
            </button>
            <button
              type="button"
              className="admin-button"
              disabled={call.busy}
              onClick={() => startSaving('key')}
            >
              {t('fleet.keyBackup')}
            </button>
          </div>
          <p className="admin-field__hint">{t('fleet.keyBackupHint')}</p>

          <h3 className="admin-section__subtitle">{t('fleet.publishTitle')}</h3>
          <p className="admin-field__hint">{t('fleet.publishHint')}</p>
          <Choice
            legend={t('fleet.switchWhen')}
            name="fleet-switch"
            value={minutes}
            options={SWITCH_MINUTES.map((value) => ({
              value,
              label:
                value === '0'
                  ? t('fleet.switchNow')
                  : t('fleet.switchIn', { count: Number(value) }),
            }))}
            onChange={setMinutes}
          />
          <div className="admin-field">
            <label className="admin-choice__option">
              <input
                type="checkbox"
                checked={newKey}
                onChange={(event) => setNewKey(event.target.checked)}
              />
              <span>{t('fleet.newKey')}</span>
            </label>
          </div>
          <button
            type="button"
            className="admin-button admin-button--primary"
            disabled={call.busy}
            onClick={() => {
              setSaid(null);
              void call.run(
                () =>
                  admin.fleetPublish({
                    activateInMinutes: Number(minutes),
                    announceNewKey: newKey,
                  }),
                '',
                (published) => {
                  setNewKey(false);
                  setSaid(
                    t('fleet.published', {
                      version: published.version,
                      at: time(published.activateAt),
                    }),
                  );
                  void admin.getState().then((next) => next.ok && onState(next.value));
                },
              );
            }}
          >
            {t('fleet.publish')}
          </button>
        </>
      ) : null}
      <p className="admin-message" role="status">
        {said ?? ''}
      </p>
      <Outcome outcome={call.outcome} />

      <h3 className="admin-section__subtitle">{t('fleet.pictureTitle')}</h3>
      {consultation ? (
        <p>{t('fleet.pictureConsultation')}</p>
      ) : (
        <>
          <div className="admin-field">
            <label className="admin-choice__option">
              <input
                type="checkbox"
                checked={fleet.screenshots}
                disabled={call.busy}
                onChange={(event) => {
                  const on = event.target.checked;
                  setSaid(null);
                  void call.run(
                    () => admin.fleetScreenshots({ on }),
                    t(on ? 'fleet.pictureTurnedOn' : 'fleet.pictureTurnedOff'),
                    onState,
                  );
                }}
              />
              <span>{t('fleet.pictureOn')}</span>
            </label>
          </div>
          <p className="admin-field__hint">{t('fleet.pictureHint')}</p>
        </>
      )}

      {leaving ? (
        <Confirm
          id="fleet-leave"
          question={t('fleet.leaveQuestion')}
          yes={t('fleet.leaveYes')}
          no={t('fleet.cancel')}
          busy={call.busy}
          onYes={() => {
            setLeaving(false);
            void call.run(() => admin.fleetLeave(), t('fleet.left'), onState);
          }}
          onNo={() => setLeaving(false)}
        />
      ) : (
        <button
          type="button"
          className="admin-button admin-button--danger"
          disabled={call.busy}
          onClick={() => setLeaving(true)}
        >
          {t('fleet.leave')}
        </button>
      )}
    </>
  );
}
