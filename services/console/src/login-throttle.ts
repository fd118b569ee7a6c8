/**
 * Fixed-window limits on logins: attempts per client IP and failures per user name, so neither one
 * address nor a distributed guess at one account gets far. Memory is bounded by sweeping old windows.
 */
export class LoginThrottle {
  private readonly ip = new Map<string, { start: number; n: number }>();
  private readonly user = new Map<string, { start: number; n: number }>();

  constructor(
    private readonly options: {
      maxPerIp: number;
      maxFailuresPerUser: number;
      windowMs: number;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private count(map: Map<string, { start: number; n: number }>, key: string): number {
    const w = map.get(key);
    if (w === undefined || this.now() - w.start >= this.options.windowMs) return 0;
    return w.n;
  }

  private bump(map: Map<string, { start: number; n: number }>, key: string): void {
    const t = this.now();
    const w = map.get(key);
    if (w === undefined || t - w.start >= this.options.windowMs) map.set(key, { start: t, n: 1 });
    else w.n++;
    if (map.size > 100_000) {
      for (const [k, v] of map) if (t - v.start >= this.options.windowMs) map.delete(k);
    }
  }

  /** Records an attempt from `ip` for `userName`; false when either limit is already reached. */
  attempt(ip: string, userName: string): boolean {
    if (this.count(this.ip, ip) >= this.options.maxPerIp) return false;
    if (this.count(this.user, userName) >= this.options.maxFailuresPerUser) return false;
    this.bump(this.ip, ip);
    return true;
  }

  failed(userName: string): void {
    this.bump(this.user, userName);
  }

  succeeded(userName: string): void {
    this.user.delete(userName);
  }
}
