import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  customSlideToSlide,
  localize,
  MAX_PLAYLISTS,
  safetyEntries,
  slideSeconds,
  slidesAwaitingReview,
  type Language,
  type Playlist,
  type PlaylistEntry,
  type Slide,
} from '../../../../contract';
import { SlideThumbnail } from '../../presenting/SlideThumbnail';
import { Confirm, SaveBar, Section, TextField, UndoBar, useUndo, withCurrent } from '../kit';
import { newId } from '../newId';
import { reviewedContentOf } from '../review/reviewedContent';
import { useSettingsDraft } from '../useSettingsDraft';
import { PLAYLIST_NAME_MAX_LENGTH } from '../fieldLimits';
import type { ScreenProps } from './ScreenProps';
import { useDragToReorder } from './useDragToReorder';
import './PlaylistsScreen.css';
import { playlistName } from '../staffWords';

const TIME_CHOICES = [5, 8, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600] as const;

/** Every slide staff can put in a playlist: the built-in deck, then the clinic's own. */
function slideCatalogue(props: ScreenProps): Map<string, Slide> {
  const catalogue = new Map<string, Slide>(props.deckSlides.map((slide) => [slide.id, slide]));
  for (const custom of props.state.settings.customSlides) {
    catalogue.set(custom.id, customSlideToSlide(custom));
  }
  return catalogue;
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/**
 * Playlists: choose one to edit, rename, duplicate, delete (never the last), mark it as the one
 * playing; inside, switch entries on and off, give one its own time, reorder them by dragging
 * with a finger or with the arrow buttons, preview a slide, add or remove slides. Saving sends
 * the whole list to main, which checks it and tells the running player.
 */
export function PlaylistsScreen(props: ScreenProps) {
  const { state } = props;
  const { t, i18n } = useTranslation('admin');
  const language = (i18n.language === 'es' ? 'es' : 'en') satisfies Language;
  const playlistsDraft = useSettingsDraft(
    props,
    () => ({ playlists: state.settings.playlists, playingId: state.settings.defaultPlaylistId }),
    ({ playlists, playingId }, saved) => ({ ...saved, playlists, defaultPlaylistId: playingId }),
    { done: () => t('playlists.saved') },
  );
  const savedPlayingId = state.settings.defaultPlaylistId;
  const { offer, offerUndo, undo } = useUndo();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const { playlists, playingId } = playlistsDraft.draft;
  const setPlaylists = (change: (current: Playlist[]) => Playlist[]) =>
    playlistsDraft.change((draft) => ({ ...draft, playlists: change(draft.playlists) }));
  const setPlayingId = (id: string) =>
    playlistsDraft.change((draft) => ({ ...draft, playingId: id }));
  const [editingId, setEditingId] = useState(state.settings.defaultPlaylistId);
  const [preview, setPreview] = useState<Slide | null>(null);
  /** A safety slide about to be switched off or removed, waiting for staff to confirm. */
  const [confirming, setConfirming] = useState<{
    slideId: string;
    action: 'off' | 'remove';
  } | null>(null);
  const awaitingReview = slidesAwaitingReview(reviewedContentOf(state, props.deckSlides));
  const { clinic, readingWordsPerMinute } = state.settings;
  const readingTime = (slide: Slide) => ({
    en: slideSeconds(slide, 'en', clinic, readingWordsPerMinute),
    es: slideSeconds(slide, 'es', clinic, readingWordsPerMinute),
  });
  const catalogue = slideCatalogue(props);
  const editing = playlists.find((playlist) => playlist.id === editingId) ?? playlists[0]!;
  /** A delete staff can take back for a while: the draft and the playlist shown as they were. */
  const deleted = (text: string) => {
    const before = playlistsDraft.draft;
    const shown = editing.id;
    offerUndo({
      text,
      undo: () => {
        playlistsDraft.change(() => before);
        setEditingId(shown);
      },
    });
  };
  const deletePlaylist = () => {
    setConfirmingDelete(false);
    deleted(t('keepWork.deletedPlaylist', { name: playlistName(editing.name, t) }));
    const rest = playlists.filter((playlist) => playlist.id !== editing.id);
    setPlaylists(() => rest);
    setEditingId(rest[0]!.id);
    if (playingId === editing.id) setPlayingId(rest[0]!.id);
  };
  const removeEntry = (index: number, title: string) => {
    deleted(t('keepWork.removedSlide', { title }));
    changeEntries((entries) => entries.filter((_, at) => at !== index));
  };
  /** What patients see changes with this playlist's delete: the one playing (saved or chosen). */
  const deleteShows = editing.id === savedPlayingId || editing.id === playingId;
  const nothingPlays =
    playlistsDraft.outcome?.kind === 'problem' &&
    playlistsDraft.outcome.text === t('keepWork.nothingPlays') &&
    editing.id === playingId;
  const titleOf = (slideId: string) => {
    const slide = catalogue.get(slideId);
    return slide ? localize(slide.title, language) : slideId;
  };

  const changeEditing = (change: (playlist: Playlist) => Playlist) =>
    setPlaylists((current) =>
      current.map((playlist) => (playlist.id === editing.id ? change(playlist) : playlist)),
    );
  const changeEntries = (change: (entries: PlaylistEntry[]) => PlaylistEntry[]) =>
    changeEditing((playlist) => ({ ...playlist, entries: change(playlist.entries) }));
  const changeEntry = (index: number, patch: Partial<PlaylistEntry>) =>
    changeEntries((entries) =>
      entries.map((entry, at) => (at === index ? { ...entry, ...patch } : entry)),
    );
  const addPlaylist = (playlist: Playlist) => {
    setConfirming(null);
    setPlaylists((current) => [...current, playlist]);
    setEditingId(playlist.id);
  };

  const {
    listRef,
    draggingIndex,
    start: startDrag,
  } = useDragToReorder((from, to) => changeEntries((entries) => move(entries, from, to)));
  const notInPlaylist = [...catalogue.keys()].filter(
    (slideId) => !editing.entries.some((entry) => entry.slideId === slideId),
  );
  const chooseId = useId();

  return (
    <Section title={t('playlists.title')}>
      <p className="admin-field__hint">{t('playlists.hint')}</p>
      <div className="admin-field">
        <label htmlFor={chooseId}>{t('playlists.choose')}</label>
        <select
          id={chooseId}
          className="admin-input"
          value={editing.id}
          onChange={(event) => {
            setConfirming(null);
            setConfirmingDelete(false);
            setEditingId(event.target.value);
          }}
        >
          {playlists.map((playlist) => (
            <option key={playlist.id} value={playlist.id}>
              {playlist.id === savedPlayingId
                ? t('playlists.playing', { name: playlistName(playlist.name, t) })
                : playlist.id === playingId
                  ? t('keepWork.playingOnceSaved', { name: playlistName(playlist.name, t) })
                  : playlistName(playlist.name, t)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={t('playlists.name')}
        value={playlistName(editing.name, t)}
        maxLength={PLAYLIST_NAME_MAX_LENGTH}
        onChange={(name) => changeEditing((playlist) => ({ ...playlist, name }))}
      />
      <div className="admin-actions">
        {editing.id === playingId && editing.id === savedPlayingId ? (
          <p className="admin-message admin-badge">✓ {t('playlists.isPlaying')}</p>
        ) : editing.id === playingId ? (
          // Chosen, not saved: it is not playing yet, and does not say it is.
          <p className="admin-message admin-badge">{t('keepWork.playsOnceSaved')}</p>
        ) : (
          <button type="button" className="admin-button" onClick={() => setPlayingId(editing.id)}>
            {t('playlists.play')}
          </button>
        )}
        <button
          type="button"
          className="admin-button"
          disabled={playlists.length >= MAX_PLAYLISTS}
          onClick={() =>
            addPlaylist({
              id: newId(
                'playlist',
                playlists.map((playlist) => playlist.id),
              ),
              name: t('playlists.newName'),
              // The safety slides are in every playlist until staff confirm taking them out.
              entries: safetyEntries(),
            })
          }
        >
          {t('playlists.new')}
        </button>
        <button
          type="button"
          className="admin-button"
          disabled={playlists.length >= MAX_PLAYLISTS}
          onClick={() =>
            addPlaylist({
              ...editing,
              id: newId(
                'playlist',
                playlists.map((playlist) => playlist.id),
              ),
              name: t('playlists.copyName', { name: playlistName(editing.name, t) }).slice(
                0,
                PLAYLIST_NAME_MAX_LENGTH,
              ),
            })
          }
        >
          {t('playlists.duplicate')}
        </button>
        <button
          type="button"
          className="admin-button admin-button--danger"
          disabled={playlists.length <= 1}
          title={playlists.length <= 1 ? t('playlists.deleteLast') : undefined}
          onClick={() => (deleteShows ? setConfirmingDelete(true) : deletePlaylist())}
        >
          {t('playlists.delete')}
        </button>
      </div>
      {confirmingDelete ? (
        <Confirm
          id="confirm-delete-playlist"
          question={t('keepWork.deletePlayingQuestion', {
            name: playlistName(editing.name, t),
            next: playlistName(
              playlists.find((playlist) => playlist.id !== editing.id)?.name ?? '',
              t,
            ),
          })}
          yes={t('keepWork.yesDelete')}
          no={t('keepWork.noKeep')}
          busy={false}
          onYes={deletePlaylist}
          onNo={() => setConfirmingDelete(false)}
        />
      ) : null}
      {nothingPlays ? (
        <p
          className="admin-message admin-message--problem playlist__problem"
          role="alert"
          ref={(element) => element?.scrollIntoView({ block: 'nearest' })}
        >
          {t('keepWork.nothingPlays')}
        </p>
      ) : null}

      <h3 className="admin-section__subtitle">
        {t('playlists.slides', { name: playlistName(editing.name, t) })}
      </h3>
      {editing.entries.length === 0 ? <p>{t('playlists.empty')}</p> : null}
      <ol className="playlist" ref={listRef}>
        {editing.entries.map((entry, index) => {
          const title = titleOf(entry.slideId);
          const slide = catalogue.get(entry.slideId);
          const safety = slide?.safety === true;
          const asking = confirming?.slideId === entry.slideId ? confirming : null;
          const what = t(`playlists.safetyWhat.${slide?.kind === 'crisis' ? 'crisis' : 'safety'}`);
          return (
            <li
              key={entry.slideId}
              className={
                draggingIndex === index ? 'playlist__entry is-dragging' : 'playlist__entry'
              }
              data-slide-id={entry.slideId}
            >
              <div
                className="playlist__handle"
                role="img"
                aria-label={t('playlists.drag', { title })}
                onPointerDown={(event) => startDrag(event, index)}
              >
                ≡
              </div>
              <div className="playlist__what">
                <span className="playlist__position">
                  {t('playlists.position', { position: index + 1 })}
                </span>{' '}
                <span className="playlist__title">{title}</span>{' '}
                <span className="playlist__tag">
                  {entry.slideId.startsWith('custom-')
                    ? t('playlists.clinicSlide')
                    : t('playlists.builtIn')}
                  {safety ? ` · ${t('playlists.safety')}` : ''}
                </span>
                {awaitingReview.has(entry.slideId) ? (
                  <>
                    {' '}
                    <span className="playlist__tag playlist__tag--attention">
                      ! {t('playlists.needsReview')}
                    </span>
                  </>
                ) : null}
              </div>
              <div className="playlist__controls">
                <label className="admin-choice__option">
                  <input
                    type="checkbox"
                    checked={entry.enabled}
                    onChange={(event) => {
                      if (safety && !event.target.checked) {
                        setConfirming({ slideId: entry.slideId, action: 'off' });
                        return;
                      }
                      changeEntry(index, { enabled: event.target.checked });
                    }}
                  />
                  <span>{t('playlists.plays')}</span>
                </label>
                {slide?.kind === 'video' ? (
                  // A video plays to its end (or the limit set on its clinic slide).
                  <span className="playlist__time">
                    <span>{t('playlists.time')}</span>
                    <span>{t('playlists.videoTime')}</span>
                  </span>
                ) : (
                  <label className="playlist__time">
                    <span>{t('playlists.time')}</span>
                    <select
                      className="admin-input"
                      value={entry.durationSeconds ?? ''}
                      onChange={(event) =>
                        changeEntry(index, {
                          durationSeconds:
                            event.target.value === '' ? null : Number(event.target.value),
                        })
                      }
                    >
                      <option value="">
                        {slide && slide.durationSeconds === undefined
                          ? t('playlists.readingTime', readingTime(slide))
                          : t('playlists.ownTime', { seconds: slide?.durationSeconds ?? '—' })}
                      </option>
                      {withCurrent(TIME_CHOICES, entry.durationSeconds ?? 5).map((seconds) => (
                        <option key={seconds} value={seconds}>
                          {t('playlists.secondsShort', { count: seconds })}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                <button
                  type="button"
                  className="admin-button admin-button--icon"
                  aria-label={t('playlists.moveUp', { title })}
                  disabled={index === 0}
                  onClick={() => changeEntries((entries) => move(entries, index, index - 1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="admin-button admin-button--icon"
                  aria-label={t('playlists.moveDown', { title })}
                  disabled={index === editing.entries.length - 1}
                  onClick={() => changeEntries((entries) => move(entries, index, index + 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="admin-button"
                  disabled={!slide}
                  onClick={() => setPreview(slide ?? null)}
                >
                  {t('playlists.preview')}
                </button>
                <button
                  type="button"
                  className="admin-button"
                  aria-label={t('playlists.removeNamed', { title })}
                  onClick={() =>
                    safety
                      ? setConfirming({ slideId: entry.slideId, action: 'remove' })
                      : removeEntry(index, title)
                  }
                >
                  {t('playlists.remove')}
                </button>
              </div>
              {asking ? (
                <Confirm
                  id={`confirm-${entry.slideId}`}
                  question={t(
                    asking.action === 'off' ? 'playlists.confirmOff' : 'playlists.confirmRemove',
                    { title, what },
                  )}
                  yes={t(
                    asking.action === 'off'
                      ? 'playlists.confirmOffYes'
                      : 'playlists.confirmRemoveYes',
                  )}
                  no={t('playlists.confirmNo')}
                  busy={false}
                  onYes={() => {
                    setConfirming(null);
                    if (asking.action === 'off') changeEntry(index, { enabled: false });
                    else removeEntry(index, title);
                  }}
                  onNo={() => setConfirming(null)}
                />
              ) : null}
            </li>
          );
        })}
      </ol>

      <h3 className="admin-section__subtitle">{t('playlists.add')}</h3>
      {notInPlaylist.length === 0 ? <p>{t('playlists.nothingToAdd')}</p> : null}
      <ul className="admin-list playlist-add">
        {notInPlaylist.map((slideId) => (
          <li key={slideId}>
            <span>{titleOf(slideId)}</span>
            <button
              type="button"
              className="admin-button"
              aria-label={t('playlists.addNamed', { title: titleOf(slideId) })}
              onClick={() =>
                changeEntries((entries) => [
                  ...entries,
                  { slideId, enabled: true, durationSeconds: null },
                ])
              }
            >
              {t('playlists.addButton')}
            </button>
          </li>
        ))}
      </ul>

      <SaveBar draft={playlistsDraft} onSave={() => void playlistsDraft.save()}>
        <UndoBar offer={offer} onUndo={undo} />
      </SaveBar>
      {preview ? (
        <div
          className="admin-preview"
          role="dialog"
          aria-modal="true"
          aria-label={t('playlists.previewTitle', { title: localize(preview.title, language) })}
        >
          <SlideThumbnail
            slide={preview}
            step={preview.buildSteps.length}
            language={language}
            clinic={state.settings.clinic}
          />
          <button
            type="button"
            className="admin-button admin-button--primary"
            autoFocus
            onClick={() => setPreview(null)}
          >
            {t('playlists.closePreview')}
          </button>
        </div>
      ) : null}
    </Section>
  );
}
