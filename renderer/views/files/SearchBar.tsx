import { Button, Caption1, Checkbox, ProgressBar, SearchBox, makeStyles, tokens } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import { MAX_MATCHES } from './search-model';
import { formatBytes } from './text-bytes';
import type { FileSearch } from './use-file-search';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  box: { width: '260px' },
  progress: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: '260px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The viewer's search box: Enter / Shift+Enter step through matches, scanning the unloaded file when needed. */
export function SearchBar({ search }: { search: FileSearch }) {
  const styles = useStyles();
  const { query, setQuery, matchCase, setMatchCase, matches, scanning, message, step, stop } = search;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    step(event.shiftKey ? 'backward' : 'forward');
  };
  const count = matches.length >= MAX_MATCHES ? `${MAX_MATCHES}+` : String(matches.length);
  return (
    <div className={styles.bar} role="search">
      <SearchBox
        className={styles.box}
        size="small"
        value={query}
        onChange={(_e, d) => setQuery(d.value)}
        onKeyDown={onKeyDown}
        placeholder="Find in file (Enter, Shift+Enter)"
        aria-label="Find in file"
        data-testid="viewer-search"
      />
      <Checkbox checked={matchCase} onChange={(_e, d) => setMatchCase(d.checked === true)} label="Match case" />
      <Button size="small" onClick={() => step('backward')} disabled={!query || scanning !== undefined} data-testid="search-previous">
        Previous
      </Button>
      <Button size="small" onClick={() => step('forward')} disabled={!query || scanning !== undefined} data-testid="search-next">
        Next
      </Button>
      {query ? (
        <Caption1 className={styles.muted} data-testid="search-count">
          {count} in the loaded part
        </Caption1>
      ) : null}
      {scanning ? (
        <span className={styles.progress} data-testid="search-progress">
          <ProgressBar value={scanning.total ? scanning.scanned / scanning.total : undefined} thickness="large" />
          <Caption1>
            Searched {formatBytes(scanning.scanned)} of {formatBytes(scanning.total)}
          </Caption1>
          <Button size="small" onClick={stop} data-testid="search-stop">
            Stop
          </Button>
        </span>
      ) : null}
      {message ? (
        <Caption1 role="status" data-testid="search-message">
          {message}
        </Caption1>
      ) : null}
    </div>
  );
}
