// The path to the open folder as a breadcrumb, each part a button that opens it; the node file browser and the Data
// view both show one.
import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem } from '@fluentui/react-components';
import { Fragment } from 'react';

/** Props of FolderBreadcrumb. */
export interface FolderBreadcrumbProps {
  /** From the root to the open folder. */
  crumbs: readonly { folder: string; label: string }[];
  onNavigate: (folder: string) => void;
  testId: string;
}

/** A breadcrumb whose last part is the open folder. */
export function FolderBreadcrumb({ crumbs, onNavigate, testId }: FolderBreadcrumbProps) {
  return (
    <Breadcrumb aria-label="Folder" data-testid={testId}>
      {crumbs.map((crumb, i) => (
        <Fragment key={crumb.folder}>
          <BreadcrumbItem>
            <BreadcrumbButton current={i === crumbs.length - 1} onClick={() => onNavigate(crumb.folder)}>
              {crumb.label}
            </BreadcrumbButton>
          </BreadcrumbItem>
          {i < crumbs.length - 1 ? <BreadcrumbDivider /> : null}
        </Fragment>
      ))}
    </Breadcrumb>
  );
}
