import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** A Fluent link to a hash route, so it opens in place, can be bookmarked and opens in a new tab too. */
export function AppLink({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  return (
    <Link as="a" href={`#${to}`} data-testid={testId}>
      {children}
    </Link>
  );
}
