import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationView } from '../../../../contract';
import { Outcome, Section, TextField } from '../kit';
import { MediaPicker } from '../MediaPicker';
import type { ScreenProps } from '../screens/ScreenProps';
import { useUnsavedWork } from '../unsavedWork';
import { useAdminCall } from '../useAdminCall';

const NAME_MAX = 80;
const FOLDER_MAX = 500;

interface Place {
  name: string;
  room: string;
  setupFolder: string;
  statusFolder: string;
}

function PlaceFields({ place, onChange }: { place: Place; onChange: (place: Place) => void }) {
  const { t } = useTranslation('admin');
  return (
    <>
      <TextField
        label={t('fleet.name')}
        value={place.name}
        maxLength={NAME_MAX}
        onChange={(name) => onChange({ ...place, name })}
      />
      <TextField
        label={t('fleet.room')}
        value={place.room}
        maxLength={NAME_MAX}
        onChange={(room) => onChange({ ...place, room })}
      />
      <TextField
        label={t('fleet.setupFolder')}
        hint={t('fleet.folderHint')}
        value={place.setupFolder}
        maxLength={FOLDER_MAX}
        onChange={(setupFolder) => onChange({ ...place, setupFolder })}
      />
      <TextField
        label={t('fleet.statusFolder')}
        value={place.statusFolder}
        maxLength={FOLDER_MAX}
        onChange={(statusFolder) => onChange({ ...place, statusFolder })}
      />
    </>
  );
}

/** Not in a fleet yet: start one from this kiosk, or join one with an invitation. */
export function FleetSetup({ admin, state, onState, onSessionClosed, keptDraft }: ScreenProps) {
  const { t } = useTranslation('admin');
  const call = useAdminCall(onSessionClosed);
  // What the screen filled in itself (this kiosk's name, an invitation's folders): not staff's
  // typing, so not what leaving asks about.
  const [filledIn, setFilledIn] = useState<Place>(() => ({
    name: state.fleet.name,
    room: state.fleet.room,
    setupFolder: '',
    statusFolder: '',
  }));
  const [place, setPlace] = useState<Place>(() => (keptDraft as Place | undefined) ?? filledIn);
  const [picking, setPicking] = useState(false);
  const [invitation, setInvitation] = useState<(InvitationView & { token: string }) | null>(null);
  // What staff typed here is used only by Start or Join: leaving asks before it is dropped, and
  // there is nothing to "Save" from the question.
  useUnsavedWork({
    dirty: JSON.stringify(place) !== JSON.stringify(filledIn),
    canSave: () => false,
    snapshot: place,
    discardNote: t('fleet.typedNote'),
  });

  if (picking) {
    return (
      <Section title={t('fleet.title')}>
        <MediaPicker
          admin={admin}
          accept={['invitation']}
          title={t('fleet.pickInvitation')}
          onPick={(token) => {
            setPicking(false);
            void call.run(
              () => admin.fleetInspect({ token }),
              '',
              (seen) => {
                setInvitation({ ...seen, token });
                const fill = (current: Place) => ({
                  ...current,
                  setupFolder: current.setupFolder || seen.setupFolder,
                  statusFolder: current.statusFolder || seen.statusFolder,
                });
                setPlace(fill);
                setFilledIn(fill);
              },
            );
          }}
          onCancel={() => setPicking(false)}
          onSessionClosed={onSessionClosed}
        />
      </Section>
    );
  }

  if (invitation) {
    return (
      <Section title={t('fleet.joinTitle')}>
        <h3 className="admin-section__subtitle">{t('fleet.compareTitle')}</h3>
        <p className="admin-field__hint">{t('fleet.compareHint')}</p>
        <p className="fleet-fingerprint">{invitation.fingerprint}</p>
        <PlaceFields place={place} onChange={setPlace} />
        <div className="admin-actions">
          <button
            type="button"
            className="admin-button admin-button--primary"
            disabled={call.busy}
            onClick={() =>
              void call.run(
                () =>
                  admin.fleetJoin({
                    token: invitation.token,
                    ...place,
                    // What staff compared aloud: main joins only on the invitation's own.
                    fingerprint: invitation.fingerprint,
                  }),
                t('fleet.joined'),
                onState,
              )
            }
          >
            {t('fleet.sameJoin')}
          </button>
          <button type="button" className="admin-button" onClick={() => setInvitation(null)}>
            {t('fleet.cancel')}
          </button>
        </div>
        <Outcome outcome={call.outcome} />
      </Section>
    );
  }

  return (
    <Section title={t('fleet.title')}>
      <p className="admin-field__hint">{t('fleet.hint')}</p>
      <p>{t('fleet.notInFleet')}</p>
      <Outcome outcome={call.outcome} />
      <h3 className="admin-section__subtitle">{t('fleet.joinTitle')}</h3>
      <p className="admin-field__hint">{t('fleet.joinHint')}</p>
      <button
        type="button"
        className="admin-button admin-button--primary"
        disabled={call.busy}
        onClick={() => {
          call.clear();
          setPicking(true);
        }}
      >
        {t('fleet.chooseInvitation')}
      </button>
      <h3 className="admin-section__subtitle">{t('fleet.startTitle')}</h3>
      <p className="admin-field__hint">{t('fleet.startHint')}</p>
      <PlaceFields place={place} onChange={setPlace} />
      <button
        type="button"
        className="admin-button"
        disabled={call.busy}
        onClick={() => void call.run(() => admin.fleetStart(place), t('fleet.started'), onState)}
      >
        {t('fleet.start')}
      </button>
    </Section>
  );
}
