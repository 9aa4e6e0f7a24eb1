import { makeStyles, tokens } from '@fluentui/react-components';
import { NavLink } from 'react-router-dom';
import { AccountSwitcher } from './AccountSwitcher';
import { sectionShortcut } from './section-hotkeys';
import { SECTIONS } from './sections';

const useStyles = makeStyles({
  nav: {
    gridArea: 'nav',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: '180px',
  },
  brand: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    marginBottom: tokens.spacingVerticalS,
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  link: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textDecoration: 'none',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
    '&[aria-current="page"]': {
      backgroundColor: tokens.colorSubtleBackgroundSelected,
      color: tokens.colorNeutralForeground1Selected,
      fontWeight: tokens.fontWeightSemibold,
    },
  },
});

/** The left navigation: the account switcher, then one real link per section; NavLink sets aria-current="page" on the active one. */
export function NavBar() {
  const styles = useStyles();
  return (
    <nav className={styles.nav} aria-label="Sections">
      <div className={styles.brand}>Batch Lens</div>
      <AccountSwitcher />
      <ul className={styles.list}>
        {SECTIONS.map((section, index) => (
          <li key={section.path}>
            <NavLink
              to={section.path}
              className={styles.link}
              aria-keyshortcuts={sectionShortcut(index)}
              title={`${section.label} (Alt+${index + 1})`}
            >
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
