import { useTranslation } from 'react-i18next';
import { Section } from '../kit';
import type { ScreenProps } from '../screens/ScreenProps';
import { FleetMembership } from './FleetMembership';
import { FleetSetup } from './FleetSetup';
import { ScreensList } from './ScreensList';
import './fleet.css';

/**
 * The clinic's fleet: start one or join one (not in a fleet yet); publish, invite and save the
 * key (the publishing kiosk); what comes from the fleet (a member); every screen's health.
 */
export function ScreensScreen(props: ScreenProps) {
  const { t } = useTranslation('admin');
  if (props.state.fleet.role === null) return <FleetSetup {...props} />;
  return (
    <Section title={t('fleet.title')}>
      <ScreensList {...props} />
      <FleetMembership {...props} />
    </Section>
  );
}

/** Above the screens whose changes the next publish replaces, on a kiosk that takes its setup. */
export function FleetMemberNotice({ role }: { role: 'publisher' | 'member' | null }) {
  const { t } = useTranslation('admin');
  return role === 'member' ? (
    <p className="fleet-notice" role="note">
      {t('fleet.memberNotice')}
    </p>
  ) : null;
}
