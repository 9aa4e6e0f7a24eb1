import type {
  DiscoveredBatchAccount,
  DiscoveredSubscription,
  DiscoveredTenant,
  DiscoveryProblem,
  DiscoveryResult,
} from '../../../shared/models';

/** A discovered account as the picker offers it. */
export interface PickableAccount {
  account: DiscoveredBatchAccount;
  /** Already in the account list (same URL): shown, but cannot be picked again. */
  alreadyAdded: boolean;
}

/** The accounts of one subscription. */
export interface SubscriptionGroup {
  subscriptionId: string;
  label: string;
  accounts: PickableAccount[];
}

/** The subscriptions of one tenant that hold accounts. */
export interface TenantGroup {
  tenantId: string;
  label: string;
  subscriptions: SubscriptionGroup[];
}

/** The canonical form of an account URL (lower-case origin), or the trimmed text when it does not parse. */
export function canonicalUrl(url: string): string {
  try {
    return new URL(url.trim()).origin.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

function tenantLabel(tenant: DiscoveredTenant | undefined, tenantId: string): string {
  const name = tenant?.displayName ?? tenant?.defaultDomain;
  return name ? `${name} (${tenantId})` : tenantId;
}

function subscriptionLabel(subscription: DiscoveredSubscription | undefined, subscriptionId: string): string {
  return subscription?.displayName ? `${subscription.displayName} (${subscriptionId})` : subscriptionId;
}

const byLabel = <T extends { label: string }>(a: T, b: T) => a.label.localeCompare(b.label);

/** Groups the discovered accounts by tenant, then subscription, each sorted by name; groups without accounts are left out. */
export function groupDiscovery(result: DiscoveryResult, existingUrls: readonly string[]): TenantGroup[] {
  const existing = new Set(existingUrls.map(canonicalUrl));
  const tenants = new Map<string, Map<string, PickableAccount[]>>();
  for (const account of result.accounts) {
    const subscriptions = tenants.get(account.tenantId) ?? new Map<string, PickableAccount[]>();
    tenants.set(account.tenantId, subscriptions);
    const list = subscriptions.get(account.subscriptionId) ?? [];
    subscriptions.set(account.subscriptionId, list);
    list.push({ account, alreadyAdded: existing.has(canonicalUrl(account.url)) });
  }
  return [...tenants.entries()]
    .map(([tenantId, subscriptions]) => ({
      tenantId,
      label: tenantLabel(result.tenants.find((t) => t.tenantId === tenantId), tenantId),
      subscriptions: [...subscriptions.entries()]
        .map(([subscriptionId, accounts]) => ({
          subscriptionId,
          label: subscriptionLabel(result.subscriptions.find((s) => s.subscriptionId === subscriptionId), subscriptionId),
          accounts: [...accounts].sort((a, b) => a.account.name.localeCompare(b.account.name)),
        }))
        .sort(byLabel),
    }))
    .sort(byLabel);
}

/** One line describing something discovery could not list, naming where and the service's code. */
export function problemText(problem: DiscoveryProblem, result: Pick<DiscoveryResult, 'tenants' | 'subscriptions'>): string {
  let where = 'Tenants';
  if (problem.scope === 'subscription' && problem.subscriptionId) {
    where = `Subscription ${subscriptionLabel(result.subscriptions.find((s) => s.subscriptionId === problem.subscriptionId), problem.subscriptionId)}`;
  } else if (problem.tenantId) {
    where = `Tenant ${tenantLabel(result.tenants.find((t) => t.tenantId === problem.tenantId), problem.tenantId)}`;
  }
  return `${where}: ${problem.code}: ${problem.message}`;
}

/** True when the account accepts only Microsoft Entra ID on its data plane (no shared keys at all). */
export function isEntraOnly(account: Pick<DiscoveredBatchAccount, 'allowedAuthenticationModes'>): boolean {
  const modes = account.allowedAuthenticationModes;
  return modes !== undefined && modes.length > 0 && !modes.some((m) => m.toLowerCase() === 'sharedkey');
}

/** The picked set with one resource id added or removed. */
export function togglePick(picked: ReadonlySet<string>, resourceId: string, on: boolean): Set<string> {
  const next = new Set(picked);
  if (on) next.add(resourceId);
  else next.delete(resourceId);
  return next;
}
