import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { EntraIdentitySummary } from '../../../shared/models';
import { useIdentities, useSignIn, useSignOut } from '../../api/auth';
import { InlineError } from '../../components/InlineError';
import { DiscoveryDialog } from './DiscoveryDialog';
import { identityLabel, isSignInCancelled, tenantsText } from './sign-in-text';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

function IdentityRow({ identity, onDiscover }: { identity: EntraIdentitySummary; onDiscover(identity: EntraIdentitySummary): void }) {
  const styles = useStyles();
  const signOut = useSignOut();
  return (
    <TableRow data-testid="identity-row">
      <TableCell>{identityLabel(identity)}</TableCell>
      <TableCell>
        <Caption1 className={styles.muted}>{tenantsText(identity)}</Caption1>
      </TableCell>
      <TableCell>
        <div className={styles.buttons}>
          <Button size="small" appearance="primary" onClick={() => onDiscover(identity)}>
            Add accounts from Azure
          </Button>
          <Button size="small" disabled={signOut.isPending} onClick={() => signOut.mutate(identity.id)}>
            {signOut.isPending ? 'Signing out…' : 'Sign out'}
          </Button>
        </div>
        {signOut.isError ? <InlineError title="Sign-out failed" error={signOut.error} /> : null}
      </TableCell>
    </TableRow>
  );
}

/** Microsoft Entra ID: the signed-in identities, sign-in (browser or device code), sign-out, and adding accounts found in Azure. */
export function EntraSection({ existingUrls }: { existingUrls: string[] }) {
  const styles = useStyles();
  const identities = useIdentities();
  const signIn = useSignIn();
  const [discovering, setDiscovering] = useState<EntraIdentitySummary | undefined>();

  let list;
  if (identities.isPending) list = <Spinner size="tiny" label="Loading signed-in identities…" labelPosition="after" />;
  else if (identities.isError) list = <InlineError title="Could not list the signed-in identities" error={identities.error} />;
  else if (identities.data.length === 0) list = <Body1 className={styles.muted}>No one is signed in. Sign in to find the Batch accounts you can reach.</Body1>;
  else {
    list = (
      <Table aria-label="Signed-in identities">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Identity</TableHeaderCell>
            <TableHeaderCell>Tenants</TableHeaderCell>
            <TableHeaderCell>Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {identities.data.map((identity) => (
            <IdentityRow key={identity.id} identity={identity} onDiscover={setDiscovering} />
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <section className={styles.section} aria-labelledby="accounts-entra">
      <Subtitle2 as="h2" id="accounts-entra">
        Microsoft Entra ID
      </Subtitle2>
      <div className={styles.buttons}>
        <Button disabled={signIn.isPending} onClick={() => signIn.mutate({ method: 'browser' })}>
          Sign in with browser
        </Button>
        <Button disabled={signIn.isPending} onClick={() => signIn.mutate({ method: 'deviceCode' })}>
          Sign in with device code
        </Button>
      </div>
      {signIn.isError && isSignInCancelled(signIn.error) ? (
        <MessageBar intent="info">
          <MessageBarBody>Sign-in was cancelled.</MessageBarBody>
        </MessageBar>
      ) : null}
      {signIn.isError && !isSignInCancelled(signIn.error) ? <InlineError title="Sign-in failed" error={signIn.error} /> : null}
      {list}
      {discovering ? <DiscoveryDialog identity={discovering} existingUrls={existingUrls} onClose={() => setDiscovering(undefined)} /> : null}
    </section>
  );
}
