import { randomBytes } from 'node:crypto';
import { AppError } from '../../../../shared/errors';

/** How long a browser download link stays valid: long enough to start, short enough to be useless if leaked. */
export const TICKET_TTL_MS = 60_000;
/** Links handed out but not yet used; more means something is asking without downloading. */
export const MAX_OUTSTANDING_TICKETS = 32;

/** One-time download tickets: random, single use, short-lived and bounded in number. */
export class TicketStore<T> {
  private readonly tickets = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = TICKET_TTL_MS,
    private readonly max = MAX_OUTSTANDING_TICKETS,
  ) {}

  /** Registers `value` and returns its ticket (32 random bytes, base64url). */
  issue(value: T): string {
    this.sweep();
    if (this.tickets.size >= this.max) {
      throw new AppError({ code: 'TooManyDownloads', message: 'Too many downloads are waiting to start; try again in a minute', status: 429 });
    }
    const ticket = randomBytes(32).toString('base64url');
    this.tickets.set(ticket, { value, expires: this.now() + this.ttlMs });
    return ticket;
  }

  /** Uses a ticket up: its value when it exists and has not expired, else undefined. */
  take(ticket: string): T | undefined {
    const entry = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    return entry && entry.expires > this.now() ? entry.value : undefined;
  }

  /** Tickets still outstanding (expired ones are dropped first). */
  get size(): number {
    this.sweep();
    return this.tickets.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [ticket, entry] of this.tickets) if (entry.expires <= now) this.tickets.delete(ticket);
  }
}
