// The Data view's URL state: which container and folder are open, so reload and back/forward restore them.
import { containerName } from '../../../shared/contract';

/** The Data view's route. */
export const DATA_PATH = '/data';

/** The open container ('' = none) and folder prefix ('' = root, otherwise ending in `/`). */
export interface DataLocation {
  container: string;
  folder: string;
}

/** A folder prefix in its one canonical form: no leading slash, no empty segments, a trailing slash unless root. */
export function normalizeFolder(folder: string): string {
  const parts = folder.split('/').filter(Boolean);
  return parts.length ? `${parts.join('/')}/` : '';
}

/** The route of a container and folder. */
export function dataPath(location: Partial<DataLocation> = {}): string {
  const params = new URLSearchParams();
  if (location.container) {
    params.set('container', location.container);
    const folder = normalizeFolder(location.folder ?? '');
    if (folder) params.set('folder', folder);
  }
  const query = params.toString();
  return query ? `${DATA_PATH}?${query}` : DATA_PATH;
}

/** Reads the location from the route's query; a container name the service would refuse opens nothing. */
export function parseDataLocation(params: URLSearchParams): DataLocation {
  const container = params.get('container') ?? '';
  if (!containerName.safeParse(container).success) return { container: '', folder: '' };
  return { container, folder: normalizeFolder(params.get('folder') ?? '') };
}

/** The folder above a prefix, or undefined at the root. */
export function parentPrefix(folder: string): string | undefined {
  const parts = folder.split('/').filter(Boolean);
  if (!parts.length) return undefined;
  return normalizeFolder(parts.slice(0, -1).join('/'));
}

/** One breadcrumb step: its label and the prefix it opens. */
export interface PrefixCrumb {
  label: string;
  folder: string;
}

/** The breadcrumb of a prefix: the container (labelled `rootLabel`), then each folder down to `folder`. */
export function prefixCrumbs(folder: string, rootLabel: string): PrefixCrumb[] {
  const parts = folder.split('/').filter(Boolean);
  return [{ label: rootLabel, folder: '' }, ...parts.map((label, i) => ({ label, folder: `${parts.slice(0, i + 1).join('/')}/` }))];
}
