import { describe, expect, it } from 'vitest';
import { SessionStore } from '../src/sessions.js';

describe('SessionStore.peek', () => {
  it('sees a live session without keeping it alive', () => {
    let now = 0;
    const s = new SessionStore({ idleMs: 10_000, absoluteMs: 60_000, now: () => now });
    const a = s.create('alice');
    now += 6_000;
    expect(s.peek(a.id)?.user).toBe('alice');
    now += 6_000; // 12 s since the last request: peeking did not count as one
    expect(s.peek(a.id)).toBeUndefined();
    expect(s.get(a.id)).toBeUndefined();
    const b = s.create('bob');
    s.destroy(b.id);
    expect(s.peek(b.id)).toBeUndefined();
  });
});
