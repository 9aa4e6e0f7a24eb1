import { applySelect, type FilterFields } from '../odata/index.js';
import type { RequestContext } from '../http/context.js';
import { decodeSkipToken, encodeSkipToken, filterParam, maxResults, refuseExpand, selectParam } from '../http/query.js';

/** How one list operation reads its entities. */
export interface ListSource<T> {
  /** Entries in a stable order, after a continuation key (exclusive). */
  entries(after?: string): Iterable<[string, T]>;
  /** Filterable properties and their kinds. */
  fields: FilterFields;
  /** The object $filter is evaluated on (defaults to the wire form). */
  filterView?: (item: T) => object;
  /** The wire form of one entity. */
  toWire(item: T): Record<string, unknown>;
  /** The OData metadata fragment of the entity set, e.g. `tasks`. */
  entitySet: string;
  /** Whether $expand is refused (true for all but a few lists). */
  refusesExpand?: boolean;
}

/** Builds the absolute odata.nextLink for the next page of the current request. */
function nextLink(ctx: RequestContext, afterKey: string): string {
  const params: string[] = [];
  for (const [name, value] of ctx.query) {
    // '$' stays literal in parameter names, as the service writes them.
    if (name !== '$skiptoken') params.push(`${encodeURIComponent(name).replace(/^%24/, '$')}=${encodeURIComponent(value)}`);
  }
  params.push(`$skiptoken=${encodeSkipToken(afterKey)}`);
  return `${ctx.base}${ctx.path}?${params.join('&')}`;
}

/**
 * Answers a list request: maxresults, $filter, $select and continuation through an absolute
 * odata.nextLink. Pages are built synchronously, so a page is a consistent view of the entities.
 */
export function sendList<T>(ctx: RequestContext, source: ListSource<T>): void {
  const limit = maxResults(ctx.query);
  const filter = filterParam(ctx.query, source.fields);
  const select = selectParam(ctx.query);
  if (source.refusesExpand !== false) refuseExpand(ctx.query);
  const after = decodeSkipToken(ctx.query);
  const value: Record<string, unknown>[] = [];
  let lastKey: string | undefined;
  let more = false;
  const view = source.filterView;
  for (const [key, item] of source.entries(after)) {
    if (value.length === limit) {
      more = true;
      break;
    }
    const wire = view ? undefined : source.toWire(item);
    if (filter && !filter(view ? view(item) : (wire as object))) continue;
    const full = wire ?? source.toWire(item);
    value.push(select ? applySelect(full, select) : full);
    lastKey = key;
  }
  const body: Record<string, unknown> = { 'odata.metadata': `${ctx.base}/$metadata#${source.entitySet}`, value };
  if (more && lastKey !== undefined) body['odata.nextLink'] = nextLink(ctx, lastKey);
  ctx.json(200, body);
}
