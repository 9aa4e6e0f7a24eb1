import { describe, expect, it } from 'vitest';
import { TicketStore } from './tickets';

describe('one-time download tickets', () => {
  it('issues random 32-byte base64url tickets that work once', () => {
    const store = new TicketStore<string>();
    const a = store.issue('a');
    const b = store.issue('b');
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(store.take(a)).toBe('a');
    expect(store.take(a)).toBeUndefined();
    expect(store.take('made-up')).toBeUndefined();
    expect(store.size).toBe(1);
  });

  it('expires tickets after their time to live', () => {
    let now = 1_000;
    const store = new TicketStore<string>(() => now, 60_000);
    const ticket = store.issue('x');
    const kept = store.issue('y');
    now += 59_999;
    expect(store.take(kept)).toBe('y');
    now += 1;
    expect(store.take(ticket)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('bounds how many are outstanding, counting only live ones', () => {
    let now = 0;
    const store = new TicketStore<number>(() => now, 1_000, 3);
    store.issue(1);
    store.issue(2);
    store.issue(3);
    expect(() => store.issue(4)).toThrow(expect.objectContaining({ code: 'TooManyDownloads', status: 429 }));
    now = 1_000;
    expect(store.issue(5)).toBeTypeOf('string');
    expect(store.size).toBe(1);
  });
});
