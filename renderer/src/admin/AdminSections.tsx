import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  contentNotices,
  daysUntil,
  DEFAULT_WORDS_PER_MINUTE,
  LANGUAGES,
  localize,
  slidePartText,
  slidesAwaitingReview,
  TRANSITION_STYLES,
  type AdminBridge,
  type AdminState,
  type ContentNotice,
  type ContentReview,
  type EditableSettings,
  type Language,
  type LocalizedText,
  type LogEntry,
  type ReviewedContent,
  type Slide,
} from '../../../contract';
import { SafeModeNotice } from './SafeModeNotice';
import { useAdminCall, type CallOutcome } from './useAdminCall';

export interface SectionProps {
  admin: AdminBridge;
  /** The built-in deck's slides (titles, previews). */
  deckSlides: readonly Slide[];
  state: AdminState;
  onState: (state: AdminState) => void;
  onSessionClosed: () => void;
}

const IDLE_CHOICES = [20, 30, 45, 60, 90, 120, 180, 300, 600, 900] as const;
const PACE_CHOICES = [100, 120, 150, 180, 200] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** The fixed choices of a select, plus the current value when it is not one of them, in order. */
export function withCurrent<T extends number | string>(choices: readonly T[], current: T): T[] {
  return [...new Set([...choices, current])].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  );
}

export function editable(state: AdminState): EditableSettings {
  const { idleTimeoutSeconds, defaultLanguage, transition, showProgressBar, mode } = state.settings;
  return {
    idleTimeoutSeconds,
    defaultLanguage,
    transition,
    showProgressBar,
    readingWordsPerMinute: state.settings.readingWordsPerMinute,
    mode,
    nightlyRestartHour: state.settings.nightlyRestartHour,
    clinic: state.settings.clinic,
    playlists: state.settings.playlists,
    defaultPlaylistId: state.settings.defaultPlaylistId,
    customSlides: state.settings.customSlides,
    schedule: state.settings.schedule,
  };
}

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

export function Choice<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="admin-field admin-choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="admin-choice__option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function TextField({
  label,
  value,
  onChange,
  maxLength,
  type = 'text',
  numeric = false,
  multiline = false,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  type?: 'text' | 'password';
  numeric?: boolean;
  /** Several lines (a textarea); the on-screen keyboard gets a "new line" key. */
  multiline?: boolean;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="admin-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea
          id={id}
          className="admin-input admin-input--lines"
          value={value}
          maxLength={maxLength}
          rows={5}
          inputMode="none"
          data-osk-mode="lines"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          id={id}
          type={type}
          className="admin-input"
          value={value}
          maxLength={maxLength}
          // The admin brings its own keyboard; "none" keeps the system's from covering the form.
          inputMode={numeric ? 'numeric' : 'none'}
          data-osk-mode={numeric ? 'numeric' : 'text'}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
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

export function SaveBar({
  busy,
  dirty,
  onSave,
  outcome,
}: {
  busy: boolean;
  dirty: boolean;
  onSave: () => void;
  outcome: CallOutcome | null;
}) {
  const { t } = useTranslation('admin');
  return (
    <div className="admin-savebar">
      <button
        type="button"
        className="admin-button admin-button--primary"
        disabled={busy}
        onClick={onSave}
      >
        {t('settings.save')}
      </button>
      {dirty && !outcome ? <p className="admin-message">{t('settings.unsaved')}</p> : null}
      <Outcome outcome={outcome} />
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="admin-section" aria-labelledby="admin-section-title">
      <h2 id="admin-section-title" className="admin-section__title" tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function SettingsSection({
  admin,
  deckSlides,
  state,
  onState,
  onSessionClosed,
}: SectionProps) {
  const { t } = useTranslation('admin');
  const [draft, setDraft] = useState(() => editable(state));
  const call = useAdminCall(onSessionClosed);
  const dirty = JSON.stringify(draft) !== JSON.stringify(editable(state));
  const update = (patch: Partial<EditableSettings>) => {
    call.clear();
    setDraft((current) => ({ ...current, ...patch }));
  };
  const idleLabel = (seconds: number) =>
    seconds < 120
      ? t('settings.seconds', { count: seconds })
      : t('settings.minutes', { count: seconds / 60 });
  const idleId = useId();
  const restartId = useId();
  const paceId = useId();
  return (
    <Section title={t('settings.title')}>
      <ContentNotices state={state} deckSlides={deckSlides} />
      <div className="admin-field">
        <label htmlFor={idleId}>{t('settings.idleTimeout')}</label>
        <select
          id={idleId}
          className="admin-input"
          value={draft.idleTimeoutSeconds}
          onChange={(event) => update({ idleTimeoutSeconds: Number(event.target.value) })}
        >
          {withCurrent(IDLE_CHOICES, draft.idleTimeoutSeconds).map((seconds) => (
            <option key={seconds} value={seconds}>
              {idleLabel(seconds)}
            </option>
          ))}
        </select>
      </div>
      <Choice<Language>
        legend={t('settings.defaultLanguage')}
        name="defaultLanguage"
        value={draft.defaultLanguage}
        options={LANGUAGES.map((language) => ({
          value: language,
          label: t(`languageName.${language}`),
        }))}
        onChange={(defaultLanguage) => update({ defaultLanguage })}
      />
      <Choice
        legend={t('settings.transition')}
        name="transition"
        value={draft.transition}
        options={TRANSITION_STYLES.map((style) => ({
          value: style,
          label: t(`settings.transition${style[0]?.toUpperCase()}${style.slice(1)}`),
        }))}
        onChange={(transition) => update({ transition })}
      />
      <div className="admin-field">
        <label className="admin-choice__option">
          <input
            type="checkbox"
            checked={draft.showProgressBar}
            onChange={(event) => update({ showProgressBar: event.target.checked })}
          />
          <span>{t('settings.progressBar')}</span>
        </label>
      </div>
      <div className="admin-field">
        <label htmlFor={paceId}>{t('settings.readingPace')}</label>
        <p className="admin-field__hint" id={`${paceId}-hint`}>
          {t('settings.readingPaceHint')}
        </p>
        <select
          id={paceId}
          className="admin-input"
          aria-describedby={`${paceId}-hint`}
          value={draft.readingWordsPerMinute}
          onChange={(event) => update({ readingWordsPerMinute: Number(event.target.value) })}
        >
          {withCurrent(PACE_CHOICES, draft.readingWordsPerMinute).map((pace) => (
            <option key={pace} value={pace}>
              {t(
                pace === DEFAULT_WORDS_PER_MINUTE
                  ? 'settings.wordsPerMinuteDefault'
                  : 'settings.wordsPerMinute',
                { count: pace },
              )}
            </option>
          ))}
        </select>
      </div>
      <Choice
        legend={t('settings.mode')}
        name="mode"
        value={draft.mode}
        options={[
          { value: 'loop', label: t('settings.modeLoop') },
          { value: 'present', label: t('settings.modePresent') },
        ]}
        onChange={(mode) => update({ mode })}
      />
      <p className="admin-field__hint">{t('settings.modeNote')}</p>
      <div className="admin-field">
        <label htmlFor={restartId}>{t('settings.nightlyRestart')}</label>
        <select
          id={restartId}
          className="admin-input"
          value={draft.nightlyRestartHour ?? ''}
          onChange={(event) =>
            update({
              nightlyRestartHour: event.target.value === '' ? null : Number(event.target.value),
            })
          }
        >
          <option value="">{t('settings.never')}</option>
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>
              {t('settings.atHour', { hour: `${String(hour).padStart(2, '0')}:00` })}
            </option>
          ))}
        </select>
      </div>
      <SaveBar
        busy={call.busy}
        dirty={dirty}
        outcome={call.outcome}
        onSave={() =>
          void call.run(() => admin.saveSettings({ settings: draft }), t('settings.saved'), onState)
        }
      />
    </Section>
  );
}

/** Lines typed one per line in English and Spanish, paired by position (Spanish optional). */
export function pairLines(english: string, spanish: string): LocalizedText[] {
  const split = (text: string) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  const es = split(spanish);
  return split(english).map((en, index) => (es[index] ? { en, es: es[index] } : { en }));
}

export function ClinicSection({ admin, state, onState, onSessionClosed }: SectionProps) {
  const { t } = useTranslation('admin');
  const [clinic, setClinic] = useState(state.settings.clinic);
  const [crisisEn, setCrisisEn] = useState(() =>
    state.settings.clinic.crisisLines.map((line) => line.en).join('\n'),
  );
  const [crisisEs, setCrisisEs] = useState(() =>
    state.settings.clinic.crisisLines.map((line) => line.es ?? '').join('\n'),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const call = useAdminCall(onSessionClosed);
  const crisisLines = pairLines(crisisEn, crisisEs);
  const dirty =
    JSON.stringify({ ...clinic, crisisLines }) !== JSON.stringify(state.settings.clinic);
  const field = (key: 'name' | 'location' | 'phone' | 'webAddress', maxLength: number) => (
    <TextField
      label={t(`clinic.${key}`)}
      value={clinic[key]}
      maxLength={maxLength}
      onChange={(value) => {
        call.clear();
        setClinic((current) => ({ ...current, [key]: value }));
      }}
    />
  );
  return (
    <Section title={t('clinic.title')}>
      <p className="admin-field__hint">{t('clinic.hint')}</p>
      {field('name', 120)}
      {field('location', 160)}
      {field('phone', 40)}
      {field('webAddress', 300)}
      <h3 className="admin-section__subtitle">{t('clinic.crisisTitle')}</h3>
      <p className="admin-field__hint">{t('clinic.crisisHint')}</p>
      <TextField
        label={t('clinic.crisisEn')}
        value={crisisEn}
        maxLength={1200}
        multiline
        onChange={(value) => {
          call.clear();
          setCrisisEn(value);
        }}
      />
      <TextField
        label={t('clinic.crisisEs')}
        value={crisisEs}
        maxLength={1200}
        multiline
        onChange={(value) => {
          call.clear();
          setCrisisEs(value);
        }}
      />
      <Problem text={problem} />
      <SaveBar
        busy={call.busy}
        dirty={dirty}
        outcome={call.outcome}
        onSave={() => {
          if (crisisLines.length === 0) return setProblem(t('clinic.crisisNeeded'));
          if (crisisLines.length > 5) return setProblem(t('clinic.crisisTooMany'));
          setProblem(null);
          const crisisChanged =
            JSON.stringify(crisisLines) !== JSON.stringify(state.settings.clinic.crisisLines);
          void call.run(
            () =>
              admin.saveSettings({
                settings: { ...editable(state), clinic: { ...clinic, crisisLines } },
              }),
            crisisChanged
              ? `${t('clinic.saved')} ${t('clinic.crisisReviewAgain')}`
              : t('clinic.saved'),
            onState,
          );
        }}
      />
    </Section>
  );
}

function localDate(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function reviewSummary(
  reviews: readonly ContentReview[],
  language: Language,
  contentVersion: string,
): { kind: 'current' | 'outdated' | 'none'; review?: ContentReview } {
  const ofLanguage = reviews.filter((review) => review.language === language);
  const current = ofLanguage.filter((review) => review.contentVersion === contentVersion).at(-1);
  if (current) return { kind: 'current', review: current };
  const last = ofLanguage.at(-1);
  return last ? { kind: 'outdated', review: last } : { kind: 'none' };
}

export function ReviewList({ state }: { state: AdminState }) {
  const { t } = useTranslation('admin');
  return (
    <ul className="admin-list">
      {LANGUAGES.map((language) => {
        const summary = reviewSummary(
          state.settings.contentReviews,
          language,
          state.deckContentVersion,
        );
        const name = t(`languageName.${language}`);
        const review = summary.review;
        const text = review
          ? t(summary.kind === 'current' ? 'review.latest' : 'review.outdated', {
              language: name,
              reviewer: review.reviewer,
              date: review.reviewedOn,
              version: review.contentVersion,
            })
          : t('review.none', { language: name });
        return (
          <li
            key={language}
            className={summary.kind === 'current' ? undefined : 'admin-list__attention'}
          >
            {summary.kind === 'current' ? '✓ ' : '! '}
            {text}
          </li>
        );
      })}
    </ul>
  );
}

export function ReviewSection({
  admin,
  deckSlides,
  state,
  onState,
  onSessionClosed,
}: SectionProps) {
  const { t } = useTranslation('admin');
  const [language, setLanguage] = useState<Language>('en');
  const [reviewer, setReviewer] = useState('');
  const [reviewedOn, setReviewedOn] = useState(localDate);
  const call = useAdminCall(onSessionClosed);
  return (
    <Section title={t('review.title')}>
      <p className="admin-field__hint">{t('review.hint')}</p>
      <p>{t('review.contentVersion', { version: state.deckContentVersion })}</p>
      <ReviewList state={state} />
      <AwaitingReview state={state} deckSlides={deckSlides} />
      <h3 className="admin-section__subtitle">{t('review.recordTitle')}</h3>
      <Choice<Language>
        legend={t('review.language')}
        name="reviewLanguage"
        value={language}
        options={LANGUAGES.map((value) => ({ value, label: t(`languageName.${value}`) }))}
        onChange={setLanguage}
      />
      <TextField
        label={t('review.reviewer')}
        value={reviewer}
        maxLength={80}
        onChange={setReviewer}
      />
      <TextField
        label={t('review.date')}
        value={reviewedOn}
        maxLength={10}
        numeric
        onChange={setReviewedOn}
      />
      <div className="admin-savebar">
        <button
          type="button"
          className="admin-button admin-button--primary"
          disabled={call.busy}
          onClick={() =>
            void call.run(
              () => admin.recordReview({ language, reviewer: reviewer.trim(), reviewedOn }),
              t('review.recorded'),
              (next) => {
                setReviewer('');
                onState(next);
              },
            )
          }
        >
          {t('review.record')}
        </button>
        <Outcome outcome={call.outcome} />
      </div>
    </Section>
  );
}

/** The kiosk's local calendar date, YYYY-MM-DD. */
export function localToday(date = new Date()): string {
  return localDate(date);
}

/** What the review and expiry checks need from the admin's state. */
export function reviewedContentOf(
  state: AdminState,
  deckSlides: readonly Slide[],
): ReviewedContent {
  return {
    deckSlides,
    contentVersion: state.deckContentVersion,
    reviews: state.settings.contentReviews,
    crisisLines: state.settings.clinic.crisisLines,
    customSlides: state.settings.customSlides,
  };
}

/**
 * Reviews due within 30 days or overdue, the crisis line changed since its review, slides
 * past their expiry date: on the admin's first screen and on Kiosk status.
 */
export function ContentNotices({
  state,
  deckSlides,
  showNone = false,
}: {
  state: AdminState;
  deckSlides: readonly Slide[];
  showNone?: boolean;
}) {
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'es' ? 'es' : 'en';
  const today = localToday();
  const notices = contentNotices(reviewedContentOf(state, deckSlides), today);
  const titles = new Map<string, LocalizedText>(deckSlides.map((slide) => [slide.id, slide.title]));
  for (const custom of state.settings.customSlides) titles.set(custom.id, custom.title);
  const crisisTitle = deckSlides.find((slide) => slide.kind === 'crisis')?.title;
  const titleOf = (id: string) => {
    const title = titles.get(id);
    return title ? localize(title, language) : id;
  };
  const describe = (notice: ContentNotice): string => {
    switch (notice.kind) {
      case 'deck-not-reviewed':
        return t('notices.deckNotReviewed', {
          language: t(`languageName.${notice.language}`),
          version: notice.version,
        });
      case 'deck-review-due':
        return notice.overdue
          ? t('notices.deckReviewOverdue', {
              language: t(`languageName.${notice.language}`),
              date: notice.due,
            })
          : t('notices.deckReviewDue', {
              language: t(`languageName.${notice.language}`),
              date: notice.due,
              count: daysUntil(today, notice.due),
            });
      case 'crisis-lines-not-reviewed':
        return t('notices.crisisLines', {
          language: t(`languageName.${notice.language}`),
          title: crisisTitle ? localize(crisisTitle, language) : '',
        });
      case 'slide-review-due':
        return notice.overdue
          ? t('notices.slideReviewOverdue', { title: titleOf(notice.slideId), date: notice.due })
          : t('notices.slideReviewDue', {
              title: titleOf(notice.slideId),
              date: notice.due,
              count: daysUntil(today, notice.due),
            });
      case 'slide-expired':
        return t(notice.builtIn ? 'notices.builtInSlideExpired' : 'notices.clinicSlideExpired', {
          title: titleOf(notice.slideId),
          date: notice.on,
        });
    }
  };
  if (notices.length === 0) {
    return showNone ? <p className="admin-notices__none">✓ {t('notices.none')}</p> : null;
  }
  return (
    <section className="admin-notices" aria-labelledby="admin-notices-title">
      <h3 id="admin-notices-title" className="admin-section__subtitle">
        {t('notices.title')}
      </h3>
      <ul className="admin-list">
        {notices.map((notice, index) => (
          <li key={index} className="admin-list__attention">
            ! {describe(notice)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The name of a part of a slide on the review screen ("Point 2", "Picture caption"). */
function usePartName() {
  const { t } = useTranslation('admin');
  return (part: string): string => {
    const [head, second, third, fourth] = part.split('.');
    const n = Number(second) + 1;
    switch (head) {
      case 'points':
        return t('review.part.point', { n });
      case 'buildSteps':
        return t('review.part.buildStep', { n });
      case 'columns':
        return third === 'heading'
          ? t('review.part.heading', { n })
          : t('review.part.columnPoint', { n, m: Number(fourth) + 1 });
      case 'illustration':
        return second === 'caption' || second === 'description'
          ? t(`review.part.${second}`)
          : t('review.part.label');
      default:
        return t(`review.part.${head}`, { defaultValue: part });
    }
  };
}

/** New and changed wording of this content version, and a changed crisis line, for the clinician. */
export function AwaitingReview({
  state,
  deckSlides,
}: {
  state: AdminState;
  deckSlides: readonly Slide[];
}) {
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'es' ? 'es' : 'en';
  const partName = usePartName();
  const marks = slidesAwaitingReview(reviewedContentOf(state, deckSlides));
  if (marks.size === 0) return null;
  const say = (text: LocalizedText | undefined) => (text ? localize(text, language) : '');
  return (
    <section className="admin-awaiting" aria-labelledby="admin-awaiting-title">
      <h3 id="admin-awaiting-title" className="admin-section__subtitle">
        {t('review.waitingTitle')}
      </h3>
      <p className="admin-field__hint">{t('review.waitingHint')}</p>
      <ul className="admin-list admin-awaiting__slides">
        {deckSlides
          .filter((slide) => marks.has(slide.id))
          .map((slide) => {
            const mark = marks.get(slide.id);
            const parts =
              slide.review?.change === 'changed' && mark === 'changed' ? slide.review.parts : [];
            return (
              <li key={slide.id} data-slide-id={slide.id}>
                <p className="admin-awaiting__slide">
                  <strong>{say(slide.title)}</strong>{' '}
                  <span className="playlist__tag">
                    {mark === 'crisis-lines'
                      ? t('review.crisisLines')
                      : t(mark === 'new' ? 'review.newSlide' : 'review.changedSlide')}
                  </span>
                </p>
                <ul>
                  {mark === 'crisis-lines' || (slide.kind === 'crisis' && mark === 'new')
                    ? state.settings.clinic.crisisLines.map((line, index) => (
                        <li key={index}>{say(line)}</li>
                      ))
                    : null}
                  {mark === 'new' && slide.kind !== 'crisis'
                    ? slide.points.map((point, index) => <li key={index}>{say(point.text)}</li>)
                    : null}
                  {parts.map((part) => (
                    <li key={part}>
                      {partName(part)}: “{say(slidePartText(slide, part))}”
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
      </ul>
    </section>
  );
}

function when(at: string, language: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return date.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}

function LogList({
  entries,
  empty,
  describe,
}: {
  entries: readonly LogEntry[];
  empty: string;
  describe: (entry: LogEntry) => string;
}) {
  const { i18n } = useTranslation('admin');
  if (entries.length === 0) return <p>{empty}</p>;
  return (
    <ul className="admin-list admin-log">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`}>
          <time dateTime={entry.at} className="admin-log__time">
            {when(entry.at, i18n.language)}
          </time>{' '}
          <span>{describe(entry)}</span>
        </li>
      ))}
    </ul>
  );
}

export function StatusSection({
  admin,
  deckSlides,
  state,
  onState,
  onSessionClosed,
}: SectionProps) {
  const { t, i18n } = useTranslation('admin');
  const eventName = (event: string) => t(`status.event.${event}`, { defaultValue: event });
  const notice = state.settingsNotice;
  return (
    <Section title={t('status.title')}>
      <SafeModeNotice
        admin={admin}
        state={state}
        onState={onState}
        onSessionClosed={onSessionClosed}
      />
      <ul className="admin-list">
        <li>{t('status.appVersion', { version: state.appVersion })}</li>
        <li>{t('status.contentVersion', { version: state.deckContentVersion })}</li>
      </ul>
      <ReviewList state={state} />
      <ContentNotices state={state} deckSlides={deckSlides} showNone />
      {notice ? (
        <div className="admin-message admin-message--problem" role="alert">
          <p>
            {t(
              notice.restoredFrom === 'good-copy'
                ? 'status.settingsRestored'
                : 'status.settingsDefaults',
              {
                date: when(notice.at, i18n.language),
                detail: notice.detail,
              },
            )}
          </p>
          {notice.keptAs ? <p>{t('status.keptAs', { file: notice.keptAs })}</p> : null}
          {notice.notWritten ? (
            <p>{t('status.notWritten', { cause: t(`writeCause.${notice.notWritten.cause}`) })}</p>
          ) : null}
        </div>
      ) : null}
      <h3 className="admin-section__subtitle">{t('status.recoveries')}</h3>
      <LogList
        entries={state.recoveries}
        empty={t('status.noRecoveries')}
        describe={(entry) => `${eventName(entry.event)}${entry.detail ? `: ${entry.detail}` : ''}`}
      />
      <h3 className="admin-section__subtitle">{t('status.changes')}</h3>
      <LogList
        entries={state.changes}
        empty={t('status.noChanges')}
        describe={(entry) => {
          const fields = entry.detail
            .split(', ')
            .filter(Boolean)
            .map((field) => t(`field.${field}`, { defaultValue: field }))
            .join(', ');
          return fields ? `${eventName(entry.event)}: ${fields}` : eventName(entry.event);
        }}
      />
    </Section>
  );
}

export function PinSection({ admin, onSessionClosed }: SectionProps) {
  const { t } = useTranslation('admin');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [confirmingQuit, setConfirmingQuit] = useState(false);
  const change = useAdminCall(onSessionClosed);
  const quit = useAdminCall(onSessionClosed);
  const digitsOnly = (set: (value: string) => void) => (value: string) => {
    setMismatch(false);
    change.clear();
    set(value.replace(/\D/g, ''));
  };
  return (
    <Section title={t('pinScreen.title')}>
      <TextField
        label={t('pinScreen.current')}
        type="password"
        numeric
        maxLength={8}
        value={current}
        onChange={digitsOnly(setCurrent)}
      />
      <TextField
        label={t('pinScreen.next')}
        type="password"
        numeric
        maxLength={8}
        value={next}
        onChange={digitsOnly(setNext)}
      />
      <TextField
        label={t('pinScreen.confirm')}
        type="password"
        numeric
        maxLength={8}
        value={confirm}
        onChange={digitsOnly(setConfirm)}
      />
      <div className="admin-savebar">
        <button
          type="button"
          className="admin-button admin-button--primary"
          disabled={change.busy}
          onClick={() => {
            if (next !== confirm) {
              setMismatch(true);
              return;
            }
            void change.run(
              () => admin.changePin({ current, next }),
              t('pinScreen.changed'),
              () => {
                setCurrent('');
                setNext('');
                setConfirm('');
              },
            );
          }}
        >
          {t('pinScreen.change')}
        </button>
        {mismatch ? (
          <p className="admin-message admin-message--problem" role="alert">
            {t('pinScreen.mismatch')}
          </p>
        ) : (
          <Outcome outcome={change.outcome} />
        )}
      </div>
      <h3 className="admin-section__subtitle">{t('pinScreen.quitTitle')}</h3>
      <p className="admin-field__hint">{t('pinScreen.quitHint')}</p>
      {confirmingQuit ? (
        <div className="admin-savebar" role="group" aria-label={t('pinScreen.quitConfirm')}>
          <p className="admin-message">{t('pinScreen.quitConfirm')}</p>
          <button
            type="button"
            className="admin-button admin-button--danger"
            disabled={quit.busy}
            onClick={() => void quit.run(() => admin.quitKiosk(), '')}
          >
            {t('pinScreen.quitYes')}
          </button>
          <button type="button" className="admin-button" onClick={() => setConfirmingQuit(false)}>
            {t('pinScreen.quitNo')}
          </button>
          <Outcome outcome={quit.outcome} />
        </div>
      ) : (
        <button
          type="button"
          className="admin-button admin-button--danger"
          onClick={() => setConfirmingQuit(true)}
        >
          {t('pinScreen.quit')}
        </button>
      )}
    </Section>
  );
}
