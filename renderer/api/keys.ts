// Query-key factories, one per resource: hierarchical arrays so a whole resource can be invalidated by its prefix.

/** Keys for app-level calls. */
export const appKeys = {
  all: ['app'] as const,
  info: () => [...appKeys.all, 'info'] as const,
};
