import { randomBytes } from 'node:crypto';

export interface Session {
  readonly id: string;
  readonly user: string;
  readonly createdMs: number;
  lastSeenMs: number;
  /** Synchronizer token every state-changing request of this session must carry. */
  readonly csrf: string;
}

export interface SessionOptions {
  idleMs: number;
  absoluteMs: number;
  now?: () => number;
}

/**
 * Server-side sessions: the cookie carries only a random id (signed by the cookie layer); everything
 * else stays here. A session ends after `idleMs` without a request or `absoluteMs` after login.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly now: () => number;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now;
  }

  private expired(s: Session, t: number): boolean {
    return t - s.lastSeenMs > this.options.idleMs || t - s.createdMs > this.options.absoluteMs;
  }

  create(user: string): Session {
    this.sweep();
    const t = this.now();
    const s: Session = {
      id: randomBytes(32).toString('base64url'),
      user,
      createdMs: t,
      lastSeenMs: t,
      csrf: randomBytes(32).toString('base64url'),
    };
    this.sessions.set(s.id, s);
    return s;
  }

  /** The live session for an id (touching it), or undefined when unknown or expired. */
  get(id: string): Session | undefined {
    const s = this.sessions.get(id);
    if (s === undefined) return undefined;
    const t = this.now();
    if (this.expired(s, t)) {
      this.sessions.delete(id);
      return undefined;
    }
    s.lastSeenMs = t;
    return s;
  }

  /**
   * The live session for an id without touching it: a check made on the user's behalf (a live
   * stream's) is no activity of theirs, and must not keep an idle session alive.
   */
  peek(id: string): Session | undefined {
    const s = this.sessions.get(id);
    if (s === undefined) return undefined;
    return this.expired(s, this.now()) ? undefined : s;
  }

  destroy(id: string): void {
    this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Drops expired sessions so abandoned ones do not accumulate. */
  sweep(): void {
    const t = this.now();
    for (const [id, s] of this.sessions) {
      if (this.expired(s, t)) this.sessions.delete(id);
    }
  }
}
