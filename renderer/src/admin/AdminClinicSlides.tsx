import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localize,
  MAX_CUSTOM_LINES,
  MAX_CUSTOM_SLIDES,
  type CustomSlide,
  type EditableSettings,
  type Language,
} from '../../../contract';
import {
  editable,
  Outcome,
  Section,
  TextField,
  type SectionProps,
  withCurrent,
} from './AdminSections';
import { newId } from './AdminPlaylists';
import { useAdminCall } from './useAdminCall';

const TIME_CHOICES = [8, 10, 15, 20, 25, 30, 45, 60, 90, 120] as const;

interface Draft {
  id: string | null;
  titleEn: string;
  titleEs: string;
  linesEn: string;
  linesEs: string;
  durationSeconds: number;
}

const EMPTY: Draft = {
  id: null,
  titleEn: '',
  titleEs: '',
  linesEn: '',
  linesEs: '',
  durationSeconds: 20,
};

function toDraft(slide: CustomSlide): Draft {
  return {
    id: slide.id,
    titleEn: slide.title.en,
    titleEs: slide.title.es ?? '',
    linesEn: slide.lines.map((line) => line.en).join('\n'),
    linesEs: slide.lines.map((line) => line.es ?? '').join('\n'),
    durationSeconds: slide.durationSeconds,
  };
}

const splitLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The slide as main stores it; Spanish lines pair with English ones by position. */
export function fromDraft(draft: Draft, id: string): CustomSlide {
  const english = splitLines(draft.linesEn);
  const spanish = splitLines(draft.linesEs);
  const titleEs = draft.titleEs.trim();
  return {
    id,
    kind: 'text',
    title: { en: draft.titleEn.trim(), ...(titleEs ? { es: titleEs } : {}) },
    lines: english.map((en, index) => {
      const es = spanish[index];
      return es ? { en, es } : { en };
    }),
    durationSeconds: draft.durationSeconds,
  };
}

/** Text slides the clinic writes itself (English, with an optional Spanish version). */
export function ClinicSlidesSection({ admin, state, onState, onSessionClosed }: SectionProps) {
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'es' ? 'es' : 'en';
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const call = useAdminCall(onSessionClosed);
  const slides = state.settings.customSlides;
  const timeId = useId();

  const save = (settings: EditableSettings, done: string) =>
    call.run(
      () => admin.saveSettings({ settings }),
      done,
      (next) => {
        setDraft(null);
        onState(next);
      },
    );

  const saveDraft = (current: Draft) => {
    if (!current.titleEn.trim()) return setProblem(t('clinicSlides.needsTitle'));
    if (splitLines(current.linesEn).length > MAX_CUSTOM_LINES) {
      return setProblem(t('clinicSlides.tooManyLines'));
    }
    setProblem(null);
    const base = editable(state);
    if (current.id) {
      const slide = fromDraft(current, current.id);
      void save(
        {
          ...base,
          customSlides: slides.map((existing) => (existing.id === slide.id ? slide : existing)),
        },
        t('clinicSlides.saved'),
      );
      return;
    }
    const slide = fromDraft(
      current,
      newId(
        'custom',
        slides.map((existing) => existing.id),
      ),
    );
    void save(
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

  const remove = (slide: CustomSlide) => {
    const base = editable(state);
    void save(
      {
        ...base,
        customSlides: slides.filter((existing) => existing.id !== slide.id),
        playlists: base.playlists.map((playlist) => ({
          ...playlist,
          entries: playlist.entries.filter((entry) => entry.slideId !== slide.id),
        })),
      },
      t('clinicSlides.deleted'),
    );
  };

  const field = (key: keyof Omit<Draft, 'id' | 'durationSeconds'>, maxLength: number) =>
    draft ? (
      <TextField
        label={t(`clinicSlides.${key}`)}
        value={draft[key]}
        maxLength={maxLength}
        multiline={key.startsWith('lines')}
        onChange={(value) => {
          call.clear();
          setDraft({ ...draft, [key]: value });
        }}
      />
    ) : null;

  return (
    <Section title={t('clinicSlides.title')}>
      <p className="admin-field__hint">{t('clinicSlides.hint')}</p>
      {slides.length === 0 ? <p>{t('clinicSlides.none')}</p> : null}
      <ul className="admin-list playlist-add">
        {slides.map((slide) => {
          const title = localize(slide.title, language);
          return (
            <li key={slide.id}>
              <span>{title}</span>
              <button
                type="button"
                className="admin-button"
                aria-label={t('clinicSlides.editNamed', { title })}
                onClick={() => {
                  call.clear();
                  setDraft(toDraft(slide));
                }}
              >
                {t('clinicSlides.edit')}
              </button>
              <button
                type="button"
                className="admin-button admin-button--danger"
                aria-label={t('clinicSlides.deleteNamed', { title })}
                disabled={call.busy}
                onClick={() => remove(slide)}
              >
                {t('clinicSlides.delete')}
              </button>
            </li>
          );
        })}
      </ul>
      {draft ? (
        <form
          className="admin-form"
          onSubmit={(event) => {
            event.preventDefault();
            saveDraft(draft);
          }}
        >
          {field('titleEn', 120)}
          {field('titleEs', 120)}
          {field('linesEn', 1200)}
          {field('linesEs', 1200)}
          <div className="admin-field">
            <label htmlFor={timeId}>{t('clinicSlides.time')}</label>
            <select
              id={timeId}
              className="admin-input"
              value={draft.durationSeconds}
              onChange={(event) =>
                setDraft({ ...draft, durationSeconds: Number(event.target.value) })
              }
            >
              {withCurrent(TIME_CHOICES, draft.durationSeconds).map((seconds) => (
                <option key={seconds} value={seconds}>
                  {t('playlists.secondsShort', { count: seconds })}
                </option>
              ))}
            </select>
          </div>
          <div className="admin-savebar">
            <button
              type="submit"
              className="admin-button admin-button--primary"
              disabled={call.busy}
            >
              {t('clinicSlides.save')}
            </button>
            <button type="button" className="admin-button" onClick={() => setDraft(null)}>
              {t('clinicSlides.cancel')}
            </button>
            {problem ? (
              <p className="admin-message admin-message--problem" role="alert">
                {problem}
              </p>
            ) : null}
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="admin-button admin-button--primary"
          disabled={slides.length >= MAX_CUSTOM_SLIDES}
          onClick={() => {
            call.clear();
            setDraft(EMPTY);
          }}
        >
          {t('clinicSlides.new')}
        </button>
      )}
      <Outcome outcome={call.outcome} />
    </Section>
  );
}
