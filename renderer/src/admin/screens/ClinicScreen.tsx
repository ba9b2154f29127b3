import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editable } from '../editable';
import { Problem, SaveBar, Section, TextField } from '../kit';
import { pairLines } from '../lines';
import { useAdminCall } from '../useAdminCall';
import type { ScreenProps } from './ScreenProps';

export function ClinicScreen({ admin, state, onState, onSessionClosed }: ScreenProps) {
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
