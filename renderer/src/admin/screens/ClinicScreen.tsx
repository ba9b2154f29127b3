import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CLINIC, type ClinicDetails, type EditableSettings } from '../../../../contract';
import {
  ABOUT_TEXT_MAX_LENGTH,
  CLINIC_LOCATION_MAX_LENGTH,
  CLINIC_NAME_MAX_LENGTH,
  CLINIC_PHONE_MAX_LENGTH,
  CRISIS_TEXT_MAX_LENGTH,
  MAX_ABOUT_LINES,
  MAX_CRISIS_LINES,
  WEB_ADDRESS_MAX_LENGTH,
} from '../fieldLimits';
import { Confirm, SaveBar, Section, TextField } from '../kit';
import { pairLines } from '../lines';
import { useSettingsDraft } from '../useSettingsDraft';
import type { ScreenProps } from './ScreenProps';

interface ClinicDraft {
  clinic: ClinicDetails;
  crisisEn: string;
  crisisEs: string;
  aboutEn: string;
  aboutEs: string;
}

const clinicOf = ({
  clinic,
  crisisEn,
  crisisEs,
  aboutEn,
  aboutEs,
}: ClinicDraft): ClinicDetails => ({
  ...clinic,
  crisisLines: pairLines(crisisEn, crisisEs),
  about: pairLines(aboutEn, aboutEs),
});

const linesOf = (lines: ClinicDetails['about'], language: 'en' | 'es') =>
  lines.map((line) => line[language] ?? '').join('\n');

/** Whether the about text is still the built-in clinic's (it names that clinic's doctor). */
const isBuiltInAbout = (draft: ClinicDraft) =>
  JSON.stringify(pairLines(draft.aboutEn, draft.aboutEs)) === JSON.stringify(DEFAULT_CLINIC.about);

/** Name, location, phone, web address (the QR code), and the crisis slide's lines. */
export function ClinicScreen(props: ScreenProps) {
  const { t } = useTranslation('admin');
  const saved = props.state.settings.clinic;
  const clinicDraft = useSettingsDraft(
    props,
    (): ClinicDraft => ({
      clinic: saved,
      crisisEn: saved.crisisLines.map((line) => line.en).join('\n'),
      crisisEs: saved.crisisLines.map((line) => line.es ?? '').join('\n'),
      aboutEn: linesOf(saved.about, 'en'),
      aboutEs: linesOf(saved.about, 'es'),
    }),
    (draft, settings): EditableSettings => ({ ...settings, clinic: clinicOf(draft) }),
    {
      check: (current) => {
        const { crisisLines, about } = clinicOf(current);
        if (crisisLines.length === 0) return t('clinic.crisisNeeded');
        if (crisisLines.length > MAX_CRISIS_LINES) return t('clinic.crisisTooMany');
        if (about.length > MAX_ABOUT_LINES) return t('clinic.aboutTooMany');
        // Then settingsProblem: text longer than the fields take, kept from before main's limit.
        return null;
      },
      done: (current) =>
        JSON.stringify(clinicOf(current).crisisLines) !== JSON.stringify(saved.crisisLines)
          ? `${t('clinic.saved')} ${t('clinic.crisisReviewAgain')}`
          : t('clinic.saved'),
    },
  );
  const { draft, change } = clinicDraft;
  /** Staff answered "keep it" for this name: not asked again until the name changes again. */
  const [keptAboutFor, setKeptAboutFor] = useState<string | null>(null);
  const askAboutAbout =
    draft.clinic.name.trim() !== saved.name.trim() &&
    draft.clinic.name.trim() !== DEFAULT_CLINIC.name &&
    keptAboutFor !== draft.clinic.name &&
    isBuiltInAbout(draft);
  const field = (key: 'name' | 'location' | 'phone' | 'webAddress', maxLength: number) => (
    <TextField
      label={t(`clinic.${key}`)}
      value={draft.clinic[key]}
      maxLength={maxLength}
      url={key === 'webAddress'}
      onChange={(value) =>
        change((current) => ({ ...current, clinic: { ...current.clinic, [key]: value } }))
      }
    />
  );
  return (
    <Section title={t('clinic.title')}>
      <p className="admin-field__hint">{t('clinic.hint')}</p>
      {field('name', CLINIC_NAME_MAX_LENGTH)}
      {askAboutAbout ? (
        <Confirm
          id="clinic-about-confirm"
          question={t('clinic.aboutAsk', { name: DEFAULT_CLINIC.name })}
          yes={t('clinic.aboutClear')}
          no={t('clinic.aboutKeep')}
          busy={false}
          onYes={() => change((current) => ({ ...current, aboutEn: '', aboutEs: '' }))}
          onNo={() => setKeptAboutFor(draft.clinic.name)}
        />
      ) : null}
      {field('location', CLINIC_LOCATION_MAX_LENGTH)}
      {field('phone', CLINIC_PHONE_MAX_LENGTH)}
      {field('webAddress', WEB_ADDRESS_MAX_LENGTH)}
      <h3 className="admin-section__subtitle">{t('clinic.aboutTitle')}</h3>
      <p className="admin-field__hint">{t('clinic.aboutHint')}</p>
      <TextField
        label={t('clinic.aboutEn')}
        value={draft.aboutEn}
        maxLength={ABOUT_TEXT_MAX_LENGTH}
        multiline
        onChange={(aboutEn) => change((current) => ({ ...current, aboutEn }))}
      />
      <TextField
        label={t('clinic.aboutEs')}
        value={draft.aboutEs}
        maxLength={ABOUT_TEXT_MAX_LENGTH}
        multiline
        onChange={(aboutEs) => change((current) => ({ ...current, aboutEs }))}
      />
      <h3 className="admin-section__subtitle">{t('clinic.crisisTitle')}</h3>
      <p className="admin-field__hint">{t('clinic.crisisHint')}</p>
      <TextField
        label={t('clinic.crisisEn')}
        value={draft.crisisEn}
        maxLength={CRISIS_TEXT_MAX_LENGTH}
        multiline
        onChange={(crisisEn) => change((current) => ({ ...current, crisisEn }))}
      />
      <TextField
        label={t('clinic.crisisEs')}
        value={draft.crisisEs}
        maxLength={CRISIS_TEXT_MAX_LENGTH}
        multiline
        onChange={(crisisEs) => change((current) => ({ ...current, crisisEs }))}
      />
      <SaveBar draft={clinicDraft} onSave={() => void clinicDraft.save()} />
    </Section>
  );
}
