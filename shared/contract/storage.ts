import { z } from 'zod';

/** Most files one upload may carry. */
export const MAX_UPLOAD_FILES = 10_000;
/** Most blob names one `storage.deleteBlobs` call takes. */
export const MAX_DELETE_BLOBS = 1000;
/** Longest SAS lifetime the app issues: 30 days. */
export const MAX_SAS_MINUTES = 30 * 24 * 60;

/** A blob container name as Azure Storage allows it. */
export const containerName = z
  .string()
  .regex(
    /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/,
    'Container names are 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit',
  );

/** A blob name (or a folder prefix ending in `/`). */
export const blobName = z
  .string()
  .min(1, 'The blob name is empty')
  .max(1024, 'Blob names are at most 1024 characters')
  .refine((v) => !v.includes('\0'), 'Blob names must not contain NUL characters');

/** A virtual-folder prefix inside a container ('' is the root). */
export const blobPrefix = z.string().max(1024, 'The prefix is longer than 1024 characters');

/** A relative file path inside an upload (folder uploads keep their structure). */
export const uploadPath = blobName.refine(
  (v) => !v.startsWith('/') && !v.split('/').some((s) => s === '..' || s === '.' || s === ''),
  'Upload paths are relative, without empty, "." or ".." segments',
);

/** SAS permissions, in the service's canonical order: read, add, create, write, delete, list. */
export const sasPermissions = z
  .string()
  .regex(/^r?a?c?w?d?l?$/, 'Permissions are a subset of "racwdl" in that order')
  .min(1, 'Pick at least one permission');

/** An application id and a package version, as ARM allows them. */
export const applicationId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Application ids are 1-64 letters, digits, hyphens and underscores');
export const packageVersion = z
  .string()
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}$/, 'Versions are 1-64 letters, digits, hyphens, underscores and periods, not starting with a period');
