import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { DEFAULT_SECTION_PATH } from '../../app/sections';

/** Shown for any address that matches no section. */
export function NotFoundView() {
  return (
    <Page title="Page not found">
      <EmptyState
        title="Nothing lives at this address"
        description="The link may be from an older version of Batch Lens, or mistyped."
        action={<Link to={DEFAULT_SECTION_PATH}>Go to Pools</Link>}
      />
    </Page>
  );
}
