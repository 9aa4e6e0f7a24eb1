import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import { useAccountsChangedEvent } from '../api/accounts';
import { useSignInEvents } from '../api/auth';
import { SignInDialog } from '../views/accounts/SignInDialog';
import { AppRoutes } from './AppRoutes';
import { NavBar } from './NavBar';
import { NoticeToaster } from './NoticeToaster';
import { StatusBar } from './StatusBar';
import { useNavigateEvents } from './use-navigate-events';
import { useSectionHotkeys } from './use-section-hotkeys';

// Page-level CSS lives here rather than in index.html: the CSP forbids inline styles in the document.
const useGlobalStyles = makeStaticStyles({
  'html, body': { margin: 0 },
});

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    height: '100vh',
    gridTemplateColumns: 'auto 1fr',
    gridTemplateRows: '1fr auto',
    gridTemplateAreas: '"nav main" "status status"',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  main: { gridArea: 'main', overflow: 'auto', minWidth: 0 },
});

/** The app frame: navigation on the left, the current view in the middle, the status bar at the bottom; app-wide events and the sign-in dialog. */
export function Shell() {
  useGlobalStyles();
  useSectionHotkeys();
  useAccountsChangedEvent();
  useSignInEvents();
  useNavigateEvents();
  const styles = useStyles();
  return (
    <div className={styles.layout}>
      <NavBar />
      <main className={styles.main}>
        <AppRoutes />
      </main>
      <StatusBar />
      <NoticeToaster />
      <SignInDialog />
    </div>
  );
}
