// Typed hooks for an account's application packages: the list, uploading a version, activate, set default, delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { AppError } from '../../shared/errors';
import type { TransferProgress } from '../../shared/models';
import { useClient } from './client-context';
import { useContractEvent } from './events';
import { packageKeys } from './keys';
import { cancelUpload, newStorageOperationId } from './storage';

/** Error codes that mean the account has no packages backend at all (rather than a failed call). */
const UNAVAILABLE_CODES: ReadonlySet<string> = new Set(['PackagesUnavailable', 'StorageUnavailable']);

/** True when an error says the account cannot have application packages here, so the page shows why instead of a failure. */
export function packagesUnavailable(error: unknown): error is AppError {
  return typeof error === 'object' && error !== null && UNAVAILABLE_CODES.has((error as { code?: unknown }).code as string);
}

/** The account's applications with their versions. */
export function usePackages(accountId: string) {
  const client = useClient();
  return useQuery({ queryKey: packageKeys.list(accountId), queryFn: () => client.call('packages.list', { accountId }) });
}

/** What a version action names. */
export interface VersionRef {
  applicationId: string;
  version: string;
}

/** Activate, set default and delete; each refreshes the list. */
export function usePackageActions(accountId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: packageKeys.list(accountId) });
  const activate = useMutation({ mutationFn: (ref: VersionRef) => client.call('packages.activate', { accountId, ...ref }), onSettled: refresh });
  const setDefault = useMutation({ mutationFn: (ref: VersionRef) => client.call('packages.setDefault', { accountId, ...ref }), onSettled: refresh });
  const remove = useMutation({ mutationFn: (ref: VersionRef) => client.call('packages.deleteVersion', { accountId, ...ref }), onSettled: refresh });
  return { activate, setDefault, remove };
}

/** Where a package upload stands. */
export interface PackageUploadState {
  operationId: string | undefined;
  running: boolean;
  bytesTotal: number;
  progress: TransferProgress | undefined;
  outcome: 'done' | 'cancelled' | 'failed' | undefined;
  error: AppError | null;
}

const idle: PackageUploadState = { operationId: undefined, running: false, bytesTotal: 0, progress: undefined, outcome: undefined, error: null };

/** Uploads one zip as a new version: main checks the version is new and hands out one URL, the renderer PUTs the file there. */
export function usePackageUpload(accountId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [state, setState] = useState<PackageUploadState>(idle);
  const abort = useRef<AbortController | null>(null);
  useContractEvent('storage.transferProgress', (payload) => {
    setState((s) => (s.operationId === payload.operationId ? { ...s, progress: payload } : s));
  });

  const start = async (ref: VersionRef, file: Blob): Promise<boolean> => {
    if (abort.current) return false;
    const operationId = newStorageOperationId('up');
    const controller = new AbortController();
    abort.current = controller;
    setState({ ...idle, operationId, running: true, bytesTotal: file.size });
    let outcome: PackageUploadState['outcome'] = 'done';
    let error: AppError | null = null;
    try {
      const plan = await client.call('packages.beginUpload', { accountId, ...ref, size: file.size, operationId });
      const url = plan.uploads[0]?.url;
      if (!url) throw new AppError({ code: 'UploadFailed', message: 'Main gave no upload link for the package', status: 0 });
      await client.upload(url, file, controller.signal);
    } catch (e) {
      outcome = controller.signal.aborted ? 'cancelled' : 'failed';
      if (outcome === 'failed') error = e instanceof AppError ? e : new AppError({ code: 'UploadFailed', message: String(e), status: 0 });
    } finally {
      abort.current = null;
      setState((s) => (s.operationId === operationId ? { ...s, running: false, outcome, error } : s));
      void queryClient.invalidateQueries({ queryKey: packageKeys.list(accountId) });
    }
    return outcome === 'done';
  };

  const cancel = () => cancelUpload(client, abort.current, state.operationId);
  const reset = () => setState((s) => (s.running ? s : idle));
  return { state, start, cancel, reset };
}
