import { useMemo, useRef, useState } from 'react';
import type { FileApi } from '../../api/files';
import { errorLine } from '../../components/error-text';
import { useDebounced } from '../../components/use-now';
import { findMatches, matchesByRow, nextLoadedMatch, scanFile, type Match, type ScanProgress } from './search-model';
import type { ViewerController, ViewerState } from './viewer-controller';

/** The viewer's search: matches among the loaded rows, the current one, and scans of the rest of the file. */
export interface FileSearch {
  query: string;
  setQuery: (query: string) => void;
  matchCase: boolean;
  setMatchCase: (matchCase: boolean) => void;
  matches: Match[];
  byRow: Map<number, Match[]>;
  /** Byte offset of the current match. */
  current: number | undefined;
  /** Progress of a scan through the unloaded part of the file, while one runs. */
  scanning: ScanProgress | undefined;
  message: string | undefined;
  step: (direction: 'forward' | 'backward') => void;
  stop: () => void;
}

/**
 * Search state for one viewer. `visibleFrom`/`visibleTo` are the byte offsets on screen, where a first search starts;
 * `reveal` scrolls a loaded row into view.
 */
export function useFileSearch(
  api: FileApi,
  path: string,
  controller: ViewerController,
  state: ViewerState,
  visible: { from: number; to: number },
  reveal: (index: number) => void,
): FileSearch {
  const [query, setQueryState] = useState('');
  const [matchCase, setMatchCaseState] = useState(false);
  const [current, setCurrent] = useState<number | undefined>(undefined);
  const [scanning, setScanning] = useState<ScanProgress | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const abort = useRef<AbortController | undefined>(undefined);
  const settledQuery = useDebounced(query, 200);
  const rows = state.window?.rows;
  const matches = useMemo(() => (rows ? findMatches(rows, settledQuery, matchCase) : []), [rows, settledQuery, matchCase]);
  const byRow = useMemo(() => matchesByRow(matches), [matches]);

  const reset = () => {
    abort.current?.abort();
    setCurrent(undefined);
    setMessage(undefined);
  };
  const setQuery = (next: string) => {
    setQueryState(next);
    reset();
  };
  const setMatchCase = (next: boolean) => {
    setMatchCaseState(next);
    reset();
  };

  const scan = async (direction: 'forward' | 'backward', start: number) => {
    const signal = new AbortController();
    abort.current = signal;
    setScanning({ scanned: 0, total: direction === 'forward' ? Math.max(0, state.size - start) : start });
    try {
      const find = (fromOffset: number) => api.find(path, { query, fromOffset, direction, matchCase });
      const result = await scanFile(find, start, direction, { signal: signal.signal, onProgress: setScanning });
      if (result.kind === 'found') {
        setCurrent(result.offset);
        await controller.jumpTo(result.offset);
      } else if (result.kind === 'stopped') setMessage('Search stopped');
      else setMessage(matches.length ? `No more matches ${direction === 'forward' ? 'below' : 'above'}` : `"${query}" was not found`);
    } catch (error) {
      setMessage(`Search failed: ${errorLine(error)}`);
    } finally {
      if (abort.current === signal) abort.current = undefined;
      setScanning(undefined);
    }
  };

  const step = (direction: 'forward' | 'backward') => {
    const win = state.window;
    if (!win || !query || scanning) return;
    setMessage(undefined);
    // Typing may be ahead of the debounced highlights; search what is typed.
    const loaded = settledQuery === query ? matches : findMatches(win.rows, query, matchCase);
    const from = current ?? (direction === 'forward' ? visible.from : visible.to);
    const local = nextLoadedMatch(loaded, from, direction, current === undefined);
    if (local) {
      setCurrent(local.offset);
      reveal(local.index);
      return;
    }
    const start = direction === 'forward' ? win.end : win.start;
    const atEdge = direction === 'forward' ? start >= state.size : start <= 0;
    if (atEdge) {
      setMessage(loaded.length ? `No more matches ${direction === 'forward' ? 'below' : 'above'}` : `"${query}" was not found`);
      return;
    }
    void scan(direction, start);
  };

  const stop = () => abort.current?.abort();
  return { query, setQuery, matchCase, setMatchCase, matches, byRow, current, scanning, message, step, stop };
}
