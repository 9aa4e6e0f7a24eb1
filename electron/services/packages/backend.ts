// What `packages.*` needs from wherever an account's application packages live: the local account's linked
// storage (Azurite) or Azure Resource Manager for Entra ID accounts.
import type { Readable } from 'node:stream';
import type { ApplicationView } from '../../../shared/models';

/** One account's application packages, whichever service keeps them. */
export interface PackagesBackend {
  /** Every application with its versions, pending ones included. */
  list(): Promise<ApplicationView[]>;
  /** True when the application already has this version (ids and versions compare case-insensitively). */
  hasVersion(applicationId: string, version: string): Promise<boolean>;
  /** Streams a zip in as a new pending version, creating the application when it is new. */
  upload(applicationId: string, version: string, zip: Readable, size: number, signal: AbortSignal): Promise<void>;
  /** Makes a pending version usable by pools and tasks. */
  activate(applicationId: string, version: string): Promise<void>;
  /** Makes a version the one references without a version use. */
  setDefault(applicationId: string, version: string): Promise<void>;
  /** Deletes one version. */
  deleteVersion(applicationId: string, version: string): Promise<void>;
}

/** Strings that must never reach a message (a storage key); the backend's own errors are mapped with them. */
export interface ResolvedBackend {
  backend: PackagesBackend;
  secrets: readonly string[];
  /** The service behind it, as a timeout names it. */
  service: string;
}
