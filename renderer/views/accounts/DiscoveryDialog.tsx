import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { DiscoveryResult, EntraIdentitySummary } from '../../../shared/models';
import { useAddEntraAccounts } from '../../api/accounts';
import { useDiscovery } from '../../api/auth';
import { InlineError } from '../../components/InlineError';
import { groupDiscovery, isEntraOnly, problemText, togglePick, type TenantGroup } from './discovery-groups';
import { identityLabel } from './sign-in-text';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxHeight: '60vh', overflowY: 'auto' },
  tenant: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  subscription: { display: 'flex', flexDirection: 'column', paddingLeft: tokens.spacingHorizontalL },
  subscriptionName: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  account: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Props of DiscoveryDialog. */
export interface DiscoveryDialogProps {
  identity: EntraIdentitySummary;
  /** URLs already in the account list, so those accounts are shown but cannot be picked twice. */
  existingUrls: string[];
  onClose(): void;
}

function Problems({ result }: { result: DiscoveryResult }) {
  const styles = useStyles();
  if (result.problems.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Some places could not be searched</MessageBarTitle>
        <ul className={styles.list}>
          {result.problems.map((problem, index) => (
            <li key={index}>{problemText(problem, result)}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function Groups({ groups, picked, onPick }: { groups: TenantGroup[]; picked: ReadonlySet<string>; onPick(id: string, on: boolean): void }) {
  const styles = useStyles();
  return groups.map((tenant) => (
    <section key={tenant.tenantId} className={styles.tenant} aria-label={`Tenant ${tenant.label}`}>
      <Subtitle2 as="h3">Tenant {tenant.label}</Subtitle2>
      {tenant.subscriptions.map((subscription) => (
        <div key={subscription.subscriptionId} className={styles.subscription} role="group" aria-label={`Subscription ${subscription.label}`}>
          <Caption1 className={styles.subscriptionName}>Subscription {subscription.label}</Caption1>
          {subscription.accounts.map(({ account, alreadyAdded }) => (
            <div key={account.id} className={styles.account}>
              <Checkbox
                label={`${account.name}${account.location ? ` (${account.location})` : ''}`}
                checked={alreadyAdded || picked.has(account.id)}
                disabled={alreadyAdded}
                onChange={(_event, data) => onPick(account.id, data.checked === true)}
              />
              {alreadyAdded ? <Badge appearance="outline">Already added</Badge> : null}
              {isEntraOnly(account) ? <Badge appearance="tint" color="informative">Entra ID only</Badge> : null}
              <Caption1 className={styles.muted}>{account.accountEndpoint}</Caption1>
            </div>
          ))}
        </div>
      ))}
    </section>
  ));
}

/** "Add accounts from Azure": searches the identity's tenants and subscriptions, then adds the accounts picked. */
export function DiscoveryDialog({ identity, existingUrls, onClose }: DiscoveryDialogProps) {
  const styles = useStyles();
  const discovery = useDiscovery(identity.id, true);
  const add = useAddEntraAccounts();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const groups = discovery.data ? groupDiscovery(discovery.data, existingUrls) : [];
  const submit = () =>
    add.mutate({ identityId: identity.id, accounts: [...picked].map((resourceId) => ({ resourceId })) }, { onSuccess: onClose });

  let body;
  if (discovery.isFetching && !discovery.data) {
    body = <Spinner size="small" label="Looking through your tenants and subscriptions for Batch accounts…" labelPosition="after" />;
  } else if (discovery.isError) {
    body = <InlineError title="Could not list your Batch accounts" error={discovery.error} />;
  } else if (discovery.data) {
    body = (
      <>
        <Problems result={discovery.data} />
        {groups.length === 0 ? (
          <Body1>No Batch accounts were found for {identityLabel(identity)}.</Body1>
        ) : (
          <Groups groups={groups} picked={picked} onPick={(id, on) => setPicked((current) => togglePick(current, id, on))} />
        )}
      </>
    );
  }

  return (
    <Dialog
      open
      onOpenChange={(_event, data) => {
        if (!data.open && !add.isPending) onClose();
      }}
    >
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Add accounts from Azure</DialogTitle>
          <DialogContent className={styles.content}>
            <Caption1 className={styles.muted}>Signed in as {identityLabel(identity)}</Caption1>
            {body}
            {add.isError ? <InlineError title="The accounts were not added" error={add.error} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={picked.size === 0 || add.isPending} onClick={submit}>
              {add.isPending ? 'Adding…' : `Add ${picked.size} account${picked.size === 1 ? '' : 's'}`}
            </Button>
            <Button disabled={discovery.isFetching} onClick={() => void discovery.refetch()}>
              Search again
            </Button>
            <Button onClick={onClose} disabled={add.isPending}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
