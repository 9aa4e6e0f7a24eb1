// The keys every folder listing (node files, blobs) answers the same way; each listing adds its own.

/** Arrows move, Home/End jump, Enter opens, Backspace goes up a folder. */
export const LISTING_KEYS = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
  Enter: 'open',
  Backspace: 'up',
} as const;

/** What one of the shared listing keys does. */
export type ListingKeyAction = (typeof LISTING_KEYS)[keyof typeof LISTING_KEYS];
