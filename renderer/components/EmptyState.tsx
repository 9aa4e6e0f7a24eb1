import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXXL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    maxWidth: '640px',
  },
  body: { color: tokens.colorNeutralForeground2 },
});

/** Props of EmptyState. */
export interface EmptyStateProps {
  /** What is missing, stated plainly. */
  title: string;
  /** Why, and what will fill it. */
  description: string;
  /** An optional next step (a link or a button). */
  action?: ReactNode;
}

/** The shared "nothing here yet" block, so every empty view says the same kind of thing the same way. */
export function EmptyState({ title, description, action }: EmptyStateProps) {
  const styles = useStyles();
  return (
    <div className={styles.box} data-testid="empty-state">
      <Subtitle2 as="h2">{title}</Subtitle2>
      <Body1 className={styles.body}>{description}</Body1>
      {action}
    </div>
  );
}
