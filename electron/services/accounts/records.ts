import { join } from 'node:path';
import { z } from 'zod';
import { JsonFileStore } from '../settings/json-file-store';

/** The account list file inside the data folder: names, URLs and references only, never keys or tokens. */
export const ACCOUNTS_FILE = 'accounts.json';

const quotasSchema = z
  .object({
    dedicatedCores: z.number().optional(),
    lowPriorityCores: z.number().optional(),
    pools: z.number().optional(),
    activeJobsAndJobSchedules: z.number().optional(),
    dedicatedCoresPerVmFamilyEnforced: z.boolean().optional(),
    dedicatedCoresPerVmFamily: z.array(z.object({ name: z.string(), coreQuota: z.number() })).optional(),
  })
  .optional();

const recordSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['sharedKey', 'entra']),
  displayName: z.string().min(1),
  accountName: z.string().min(1),
  url: z.string().min(1),
  favourite: z.boolean().default(false),
  createdAt: z.string(),
  entra: z
    .object({
      identityId: z.string(),
      username: z.string(),
      tenantId: z.string(),
      cloud: z.enum(['public', 'usGovernment', 'china']),
      subscriptionId: z.string().optional(),
      resourceGroup: z.string().optional(),
      resourceId: z.string().optional(),
    })
    .optional(),
  quotas: quotasSchema,
});

export const accountsFileSchema = z.object({
  accounts: z.array(recordSchema).default([]),
  localFavourite: z.boolean().default(true),
});

export type AccountRecord = z.infer<typeof recordSchema>;
export type AccountsFile = z.infer<typeof accountsFileSchema>;

/** The validated account list store for a data folder. */
export function accountsStore(dataDir: string, now?: () => Date): JsonFileStore<AccountsFile> {
  return new JsonFileStore<AccountsFile>({
    path: join(dataDir, ACCOUNTS_FILE),
    schema: accountsFileSchema,
    defaults: () => ({ accounts: [], localFavourite: true }),
    ...(now ? { now } : {}),
  });
}
