import { useContext, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  customSlideToSlide,
  hasExpired,
  localize,
  MAX_CUSTOM_SLIDES,
  slideSeconds,
  type EditableSettings,
  type Language,
} from '../../../../contract';
import { MediaBaseContext } from '../../slides/SlideMedia';
import { editable } from '../editable';
import { Confirm, Outcome, Problem, Section, TextField, UndoBar, withCurrent } from '../kit';
import { ImportProgressBar, MediaPicker } from '../MediaPicker';
import { newId } from '../newId';
import { today as localToday } from '../today';
import { useAskBeforeDropping } from '../unsavedWork';
import { useAdminCall } from '../useAdminCall';
import {
  draftProblem,
  EMPTY_TEXT,
  fromDraft,
  TEXT_MAX_LENGTH,
  toDraft,
  type Draft,
  type TextKey,
} from './clinicSlideDraft';
import type { ScreenProps } from './ScreenProps';
import { SlideFitCheck } from './SlideFitCheck';
import { useClinicSlideWork, type Picking } from './useClinicSlideWork';
import { useSlideDelete } from './useSlideDelete';
import './ClinicSlidesScreen.css';

const TIME_CHOICES = [8, 10, 15, 20, 25, 30, 45, 60, 90, 120] as const;
const VIDEO_LIMIT_CHOICES = [15, 30, 60, 90, 120, 180, 300, 600] as const;

/** The clinic's own slides: text it writes, pictures and videos it imports. */
export function ClinicSlidesScreen({
  admin,
  state,
  onState,
  onSessionClosed,
  keptDraft,
}: ScreenProps) {
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'es' ? 'es' : 'en';
  const [draft, setDraft] = useState<Draft | null>(() => (keptDraft as Draft | undefined) ?? null);
  const [picking, setPicking] = useState<Picking | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const call = useAdminCall(onSessionClosed);
  const slides = state.settings.customSlides;
  const timeId = useId();
  const mediaBase = useContext(MediaBaseContext);
  const today = localToday();
  /** How long the draft would stay up to be read, in each language. */
  const readingTimes = (current: Exclude<Draft, { kind: 'video' }>) => {
    const slide = customSlideToSlide(fromDraft({ ...current, durationSeconds: null }, 'custom-d'));
    const { clinic, readingWordsPerMinute } = state.settings;
    return {
      en: slideSeconds(slide, 'en', clinic, readingWordsPerMinute),
      es: slideSeconds(slide, 'es', clinic, readingWordsPerMinute),
    };
  };

  // The settings as they are now: a step taken after "Save changes?" saved the form acts on
  // what was just saved, not on what this render was given.
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });
  /** Saves settings; the form stays as it is (a delete, its Undo). */
  const saveSettings = (settings: EditableSettings, done: string, onSaved?: () => void) =>
    call.run(
      () => admin.saveSettings({ settings }),
      done,
      (next) => {
        latest.current = next;
        onSaved?.();
        onState(next);
      },
    );
  /** Saves the form's slide, and closes the form. */
  const save = (settings: EditableSettings, done: string) =>
    saveSettings(settings, done, () => setDraft(null));

  const saveDraft = (current: Draft): Promise<boolean> => {
    const found = draftProblem(t, current);
    setProblem(found);
    if (found) return Promise.resolve(false);
    const base = editable(state);
    if (current.id) {
      const slide = fromDraft(current, current.id);
      return save(
        {
          ...base,
          customSlides: slides.map((existing) => (existing.id === slide.id ? slide : existing)),
        },
        t('clinicSlides.saved'),
      );
    }
    const slide = fromDraft(
      current,
      newId(
        'custom',
        slides.map((existing) => existing.id),
      ),
    );
    return save(
      {
        ...base,
        customSlides: [...slides, slide],
        // New slides join the playlist that is playing, at the end, switched on.
        playlists: base.playlists.map((playlist) =>
          playlist.id === base.defaultPlaylistId
            ? {
                ...playlist,
                entries: [
                  ...playlist.entries,
                  { slideId: slide.id, enabled: true, durationSeconds: null },
                ],
              }
            : playlist,
        ),
      },
      t('clinicSlides.saved'),
    );
  };

  const work = useClinicSlideWork({
    admin,
    slides,
    draft,
    setDraft,
    setProblem,
    saveDraft,
    call,
  });
  const importPicked = (token: string) => {
    const wanted = picking ?? 'image';
    setPicking(null);
    work.startImport(token, wanted);
  };

  const deleting = useSlideDelete({ current: () => latest.current, language, save: saveSettings });
  // Another slide's Edit, or a Delete, while the form has changes: asked first, as leaving is.
  const askFirst = useAskBeforeDropping();
  const savedSlide = (id: string) =>
    latest.current.settings.customSlides.find((slide) => slide.id === id);
  const editSlide = (id: string) => {
    if (draft?.id === id) return;
    askFirst(() => {
      const slide = savedSlide(id);
      if (!slide) return;
      call.clear();
      setProblem(null);
      setDraft(toDraft(slide));
    });
  };
  const deleteSlide = (id: string) =>
    askFirst(() => {
      const slide = savedSlide(id);
      setDraft(null);
      setProblem(null);
      if (slide) deleting.request(slide);
    });
  const cancelDraft = async () => {
    const said = await work.removeCopied(draft);
    setDraft(null);
    setProblem(null);
    if (said) call.tell(said);
  };

  const field = (key: TextKey, hint?: string) => {
    if (!draft || !(key in draft)) return null;
    return (
      <TextField
        label={t(`clinicSlides.${key}`)}
        hint={hint}
        value={(draft as unknown as Record<TextKey, string>)[key]}
        maxLength={TEXT_MAX_LENGTH[key]}
        counter={key.startsWith('title')}
        wholeWords={key.startsWith('title')}
        multiline={key.startsWith('lines')}
        numeric={key === 'reviewDue' || key === 'expiresOn'}
        onChange={(value) => {
          call.clear();
          setDraft({ ...draft, [key]: value });
        }}
      />
    );
  };

  if (picking) {
    return (
      <Section title={t('clinicSlides.title')}>
        <MediaPicker
          admin={admin}
          accept={[picking]}
          title={t(`clinicSlides.pick.${picking}`)}
          onPick={importPicked}
          onCancel={() => setPicking(null)}
          onSessionClosed={onSessionClosed}
        />
      </Section>
    );
  }

  const startPicking = (what: Picking) => {
    call.clear();
    setProblem(null);
    setPicking(what);
  };
  const full = slides.length >= MAX_CUSTOM_SLIDES;

  return (
    <Section title={t('clinicSlides.title')}>
      <p className="admin-field__hint">{t('clinicSlides.hint')}</p>
      {slides.length === 0 ? <p>{t('clinicSlides.none')}</p> : null}
      <ul className="admin-list playlist-add">
        {slides.map((slide) => {
          const title = localize(slide.title, language);
          const failure = state.recoveries.find(
            (entry) => entry.event === 'media-failed' && entry.detail.startsWith(`${slide.id} `),
          );
          const expired = hasExpired(slide, today);
          return (
            <li key={slide.id}>
              <span>
                <span className="playlist__tag">{t(`clinicSlides.kind.${slide.kind}`)} · </span>
                {title}
                {failure ? (
                  <span className="admin-list__attention" role="note">
                    {' '}
                    {t('clinicSlides.couldNotPlay')}
                  </span>
                ) : null}
                {expired ? (
                  <span className="admin-list__attention">
                    {' '}
                    · {t('clinicSlides.expired', { date: slide.expiresOn })}
                  </span>
                ) : slide.reviewDue ? (
                  <span className="playlist__tag">
                    {' '}
                    · {t('clinicSlides.reviewBy', { date: slide.reviewDue })}
                  </span>
                ) : null}
              </span>
              <button
                type="button"
                className="admin-button"
                aria-label={t('clinicSlides.editNamed', { title })}
                onClick={() => editSlide(slide.id)}
              >
                {t('clinicSlides.edit')}
              </button>
              <button
                type="button"
                className="admin-button admin-button--danger"
                aria-label={t('clinicSlides.deleteNamed', { title })}
                disabled={call.busy}
                onClick={() => deleteSlide(slide.id)}
              >
                {t('clinicSlides.delete')}
              </button>
            </li>
          );
        })}
      </ul>
      {deleting.confirming ? (
        <div ref={(element) => element?.scrollIntoView({ block: 'nearest' })}>
          <Confirm
            id="confirm-delete-slide"
            question={t('keepWork.deleteSlideQuestion', {
              title: localize(deleting.confirming.title, language),
            })}
            yes={t('keepWork.yesDelete')}
            no={t('keepWork.noKeep')}
            busy={call.busy}
            onYes={() => deleting.remove(deleting.confirming!)}
            onNo={deleting.cancel}
          />
        </div>
      ) : null}
      {/* Above the form, never under its Save bar. */}
      <UndoBar offer={deleting.offer} onUndo={deleting.undo} />
      {work.importing ? <ImportProgressBar admin={admin} token={work.importing} /> : null}
      {draft ? (
        <form
          className="admin-form"
          onSubmit={(event) => {
            event.preventDefault();
            void saveDraft(draft);
          }}
        >
          {draft.kind === 'image' ? (
            <figure className="media-preview">
              <img src={`${mediaBase}${draft.file}`} alt="" />
              <figcaption>{draft.sourceName}</figcaption>
            </figure>
          ) : null}
          {draft.kind === 'video' ? (
            <p className="media-preview__name">
              {t('clinicSlides.videoFile', { name: draft.sourceName })}
            </p>
          ) : null}
          {field('titleEn', draft.kind === 'text' ? undefined : t('clinicSlides.titleAsk'))}
          {field('titleEs', t('clinicSlides.titleEsFallback'))}
          {field('linesEn')}
          {field('linesEs')}
          {draft.kind === 'text' ? (
            <SlideFitCheck
              slide={customSlideToSlide(fromDraft(draft, 'custom-draft'))}
              clinic={state.settings.clinic}
              languages={draft.titleEs.trim() || draft.linesEs.trim() ? ['en', 'es'] : ['en']}
            />
          ) : null}
          {field('descriptionEn', t('clinicSlides.descriptionHint'))}
          {field('descriptionEs')}
          {draft.kind === 'video' ? (
            <div className="admin-field">
              <p className="admin-field__label">{t('clinicSlides.captions')}</p>
              <p>
                {draft.captions ? t('clinicSlides.captionsOn') : t('clinicSlides.captionsNone')}
              </p>
              <div className="admin-actions">
                <button
                  type="button"
                  className="admin-button"
                  disabled={call.busy}
                  onClick={() => startPicking('captions')}
                >
                  {draft.captions
                    ? t('clinicSlides.replaceCaptions')
                    : t('clinicSlides.addCaptions')}
                </button>
                {draft.captions ? (
                  <button
                    type="button"
                    className="admin-button"
                    onClick={() => setDraft({ ...draft, captions: null })}
                  >
                    {t('clinicSlides.removeCaptions')}
                  </button>
                ) : null}
              </div>
            </div>
          ) : null}
          <div className="admin-field">
            <label htmlFor={timeId}>
              {draft.kind === 'video' ? t('clinicSlides.videoLimit') : t('clinicSlides.time')}
            </label>
            {draft.kind === 'video' ? (
              <select
                id={timeId}
                className="admin-input"
                value={draft.maxSeconds ?? 'whole'}
                onChange={(event) =>
                  setDraft({
                    ...draft,
                    maxSeconds: event.target.value === 'whole' ? null : Number(event.target.value),
                  })
                }
              >
                <option value="whole">{t('clinicSlides.wholeVideo')}</option>
                {withCurrent(VIDEO_LIMIT_CHOICES, draft.maxSeconds ?? VIDEO_LIMIT_CHOICES[0]).map(
                  (seconds) => (
                    <option key={seconds} value={seconds}>
                      {t('clinicSlides.atMost', { count: seconds })}
                    </option>
                  ),
                )}
              </select>
            ) : (
              <select
                id={timeId}
                className="admin-input"
                value={draft.durationSeconds ?? ''}
                onChange={(event) =>
                  setDraft({
                    ...draft,
                    durationSeconds: event.target.value === '' ? null : Number(event.target.value),
                  })
                }
              >
                <option value="">{t('clinicSlides.readingTime', readingTimes(draft))}</option>
                {withCurrent(TIME_CHOICES, draft.durationSeconds ?? TIME_CHOICES[0]).map(
                  (seconds) => (
                    <option key={seconds} value={seconds}>
                      {t('playlists.secondsShort', { count: seconds })}
                    </option>
                  ),
                )}
              </select>
            )}
          </div>
          <p className="admin-field__hint">{t('clinicSlides.datesHint')}</p>
          {field('reviewDue')}
          {field('expiresOn')}
          <div className="admin-savebar admin-savebar--sticky">
            <button
              type="submit"
              className="admin-button admin-button--primary"
              disabled={call.busy}
            >
              {t('clinicSlides.save')}
            </button>
            <button type="button" className="admin-button" onClick={() => void cancelDraft()}>
              {t('clinicSlides.cancel')}
            </button>
            <Problem text={problem} />
          </div>
        </form>
      ) : (
        <div className="admin-actions">
          <button
            type="button"
            className="admin-button admin-button--primary"
            disabled={full || call.busy}
            onClick={() => {
              call.clear();
              setProblem(null);
              setDraft(EMPTY_TEXT);
            }}
          >
            {t('clinicSlides.new')}
          </button>
          {(['image', 'video'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className="admin-button"
              disabled={full || call.busy}
              onClick={() => startPicking(kind)}
            >
              {t(kind === 'image' ? 'clinicSlides.newPicture' : 'clinicSlides.newVideo')}
            </button>
          ))}
          <Problem text={problem} />
        </div>
      )}
      <Outcome outcome={call.outcome} />
    </Section>
  );
}
