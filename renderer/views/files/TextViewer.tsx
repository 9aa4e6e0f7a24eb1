import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type UIEvent } from 'react';
import { useFileApi, type FileSource } from '../../api/files';
import { InlineError } from '../../components/InlineError';
import { HexView } from './HexView';
import { SearchBar } from './SearchBar';
import { ROW_HEIGHT, TextRows } from './TextRows';
import { useFileSearch } from './use-file-search';
import { useFollow } from './use-follow';
import { ViewerController, type ViewerSource } from './viewer-controller';
import { atLiveEnd, lineNumbers, type Row, type ViewerWindow } from './viewer-window';
import { ViewerToolbar } from './ViewerToolbar';

/** Load more when the screen comes this many rows near an edge of the loaded span. */
const EDGE_ROWS = 60;
const NO_ROWS: readonly Row[] = [];

const atBottom = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * 2;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  live: { alignSelf: 'flex-end' },
});

/** Props of TextViewer. */
export interface TextViewerProps {
  accountId: string;
  source: FileSource;
  path: string;
  /** Poll for appended output and keep the end in view (opens at the end). */
  follow: boolean;
  height: string;
}

/** A text file of any size through a window of loaded rows: scroll, jump, search, follow; binary files as hex. */
export function TextViewer({ accountId, source, path, follow, height }: TextViewerProps) {
  const styles = useStyles();
  const api = useFileApi(accountId, source);
  const reader = useMemo<ViewerSource>(
    () => ({ read: (offset, length) => api.read(path, offset, length), size: async () => ({ size: (await api.properties(path)).size }) }),
    [api, path],
  );
  const controller = useMemo(() => new ViewerController(reader), [reader]);
  const [startAtEnd] = useState(follow);
  useEffect(() => void (startAtEnd ? controller.openEnd() : controller.openStart()), [controller, startAtEnd]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  useFollow(controller, follow);

  const win = state.window;
  const rows = win?.rows ?? NO_ROWS;
  const numbers = useMemo(() => (win ? lineNumbers(win) : undefined), [win]);
  const [wrap, setWrap] = useState(false);
  const [showNumbers, setShowNumbers] = useState(true);
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual mutates its instance; nothing here is memoized across renders.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
    // Ids survive prepending and trimming, so measured heights stay with their rows.
    getItemKey: (index) => (win ? `${win.generation}:${win.origin + index}` : index),
  });
  const first = virtualizer.range?.startIndex ?? 0;
  const last = virtualizer.range?.endIndex ?? -1;
  const visible = { from: rows[first]?.start ?? 0, to: rows[last] ? rows[last].start + rows[last].bytes : 0 };

  // Wrapped rows are measured; unwrapped ones are one line again, so forget the measurements on every switch.
  useEffect(() => virtualizer.measure(), [wrap, virtualizer]);

  // Stick to the end while following, until the user scrolls up.
  const stick = useRef(startAtEnd);
  const topIndex = useRef(0);
  const [detached, setDetached] = useState(false);
  // The virtualizer's range is stale from a window change until the next scroll event; edges wait for a fresh one.
  const rangeFresh = useRef(false);
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    rangeFresh.current = true;
    const bottom = atBottom(event.currentTarget);
    stick.current = bottom;
    topIndex.current = virtualizer.range?.startIndex ?? 0;
    if (detached === bottom) setDetached(!bottom);
  };

  // Keep the same rows on screen when rows are prepended or dropped, or the end in view while following.
  const previous = useRef<ViewerWindow | undefined>(undefined);
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = win;
    const el = scrollRef.current;
    if (before !== win) rangeFresh.current = false;
    if (!win || !before || !el || before === win || before.generation !== win.generation) return;
    if (follow && stick.current) {
      virtualizer.scrollToIndex(win.rows.length - 1, { align: 'end' });
      return;
    }
    const shift = before.origin - win.origin;
    if (shift === 0) return;
    if (wrap) virtualizer.scrollToIndex(Math.max(0, topIndex.current + shift), { align: 'start' });
    else el.scrollTop += shift * ROW_HEIGHT;
    topIndex.current = Math.max(0, topIndex.current + shift);
  }, [win, follow, wrap, virtualizer]);

  // Opens and jumps ask for one row to be brought into view, once.
  const handled = useRef(0);
  useLayoutEffect(() => {
    const target = state.scroll;
    if (!target || !win || target.request === handled.current || target.generation !== win.generation) return;
    handled.current = target.request;
    const index = target.rowId - win.origin;
    if (index >= 0 && index < win.rows.length) virtualizer.scrollToIndex(index, { align: target.align });
    // A short file shown from its start is also at its end: following keeps it there.
    const el = scrollRef.current;
    stick.current = target.align === 'end' || (el !== null && atBottom(el));
  }, [state.scroll, win, virtualizer]);

  // Load more as the screen nears an edge of the loaded span.
  useEffect(() => {
    if (!win || state.opening || state.busy || last < 0 || !rangeFresh.current) return;
    if (first < EDGE_ROWS && win.start > 0) void controller.extend('backward');
    else if (last >= win.rows.length - EDGE_ROWS && !atLiveEnd(win)) void controller.extend('forward');
  }, [first, last, win, state.opening, state.busy, controller]);

  const search = useFileSearch(api, path, controller, state, visible, (index) => virtualizer.scrollToIndex(index, { align: 'center' }));

  const toStart = () => {
    if (win && win.start === 0) virtualizer.scrollToIndex(0, { align: 'start' });
    else void controller.openStart();
  };
  const toEnd = () => {
    stick.current = true;
    setDetached(false);
    if (win && atLiveEnd(win) && state.size <= win.totalSize) virtualizer.scrollToIndex(win.rows.length - 1, { align: 'end' });
    else void controller.openEnd();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    if (event.key === 'Home') toStart();
    else toEnd();
  };

  if (win?.binary) return <HexView accountId={accountId} source={source} path={path} size={state.size} />;
  if (!win) {
    if (state.error) return <InlineError title={`Could not read ${path}`} error={state.error} testId="viewer-error" />;
    return <Spinner label={`Opening ${path}…`} />;
  }
  const behind = follow && (detached || state.size > win.end);
  return (
    <div className={styles.root} data-testid="text-viewer" data-follow={follow || undefined}>
      <ViewerToolbar
        size={state.size}
        span={{ start: win.start, end: win.end }}
        topOffset={visible.from}
        wrap={wrap}
        onWrap={setWrap}
        showNumbers={showNumbers}
        onShowNumbers={setShowNumbers}
        numbersKnown={numbers !== undefined}
        onStart={toStart}
        onEnd={toEnd}
        onJump={(offset) => void controller.jumpTo(offset)}
      />
      <SearchBar search={search} />
      {state.error ? <InlineError title={`Reading ${path} failed (the loaded part stays)`} error={state.error} testId="viewer-read-error" /> : null}
      {state.opening ? <Spinner size="tiny" label="Loading…" /> : null}
      <TextRows
        rows={rows}
        virtualizer={virtualizer}
        scrollRef={scrollRef}
        numbers={numbers}
        showNumbers={showNumbers}
        wrap={wrap}
        byRow={search.byRow}
        current={search.current}
        height={height}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        label={`Contents of ${path}`}
        span={{ start: win.start, end: win.end }}
        emptyText={follow ? 'No output yet: lines show here as the task writes them' : 'This file is empty'}
      />
      {behind ? (
        <Button className={styles.live} appearance="primary" size="small" onClick={toEnd} data-testid="viewer-live-end">
          Jump to live end
        </Button>
      ) : null}
    </div>
  );
}
