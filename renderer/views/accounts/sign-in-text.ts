import type { EntraIdentitySummary } from '../../../shared/models';
import { isAppErrorShape } from '../../../shared/errors';

/** True when a sign-in ended because the user (or this page) cancelled it: not an error worth a red bar. */
export function isSignInCancelled(error: unknown): boolean {
  return isAppErrorShape(error) && error.code === 'SignInCancelled';
}

/** How long a device code stays valid, in words: "Expires in 14 minutes", "Expires in less than a minute", "Expired". */
export function expiryText(expiresOn: number, now: number): string {
  const minutes = Math.floor((expiresOn - now) / 60_000);
  if (expiresOn <= now) return 'Expired';
  if (minutes < 1) return 'Expires in less than a minute';
  return `Expires in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** How an identity is named in lists: "Name (user@domain)", or the user name alone. */
export function identityLabel(identity: Pick<EntraIdentitySummary, 'username' | 'name'>): string {
  const name = identity.name?.trim();
  return name && name !== identity.username ? `${name} (${identity.username})` : identity.username;
}

/** The tenants line of an identity: its home tenant, plus how many others it can reach. */
export function tenantsText(identity: Pick<EntraIdentitySummary, 'homeTenantId' | 'tenantIds'>): string {
  const others = identity.tenantIds.filter((t) => t !== identity.homeTenantId).length;
  return others === 0 ? identity.homeTenantId : `${identity.homeTenantId} and ${others} other tenant${others === 1 ? '' : 's'}`;
}
