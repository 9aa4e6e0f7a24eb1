import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { Page } from '../../components/Page';
import { AppInfoPanel } from './AppInfoPanel';
import { EntraSettingsSection } from './EntraSettingsSection';
import { SecretStorageSection } from './SecretStorageSection';
import { ThemePicker } from './ThemePicker';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '640px' },
});

/** Settings: appearance (theme), how secrets are stored, Microsoft Entra ID, and information about the running app. */
export function SettingsView() {
  const styles = useStyles();
  return (
    <Page title="Settings">
      <section className={styles.section} aria-labelledby="settings-appearance">
        <Subtitle2 as="h2" id="settings-appearance">
          Appearance
        </Subtitle2>
        <ThemePicker />
      </section>
      <SecretStorageSection />
      <EntraSettingsSection />
      <section className={styles.section} aria-labelledby="settings-about">
        <Subtitle2 as="h2" id="settings-about">
          About
        </Subtitle2>
        <AppInfoPanel />
      </section>
    </Page>
  );
}
