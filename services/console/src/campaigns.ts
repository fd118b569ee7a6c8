/**
 * Groups flagged numbers into campaigns: two numbers belong together when they share an off-net
 * source (trunk or carrier), a device, much of their callee set, or their hour-by-hour timing.
 * Connected components of those links (union-find) are the campaigns.
 */

export interface FlaggedNumber {
  number: string;
  score: number;
  level: string;
  category: string;
  calls: number;
  complaints: number;
  trunks: string[];
  carriers: string[];
  devices: string[];
  callees: string[];
  /** Calls per epoch hour. */
  hours: Record<string, number>;
}

export interface Campaign {
  id: string;
  numbers: {
    number: string;
    score: number;
    level: string;
    category: string;
    calls: number;
    complaints: number;
  }[];
  /** Why the numbers were grouped, e.g. "trunk tr-9", "device 3569…", "callees", "timing". */
  links: string[];
  calls: number;
  complaints: number;
  /** Score-weighted calls plus complaints: what ranks campaigns. */
  harm: number;
  maxScore: number;
  categories: string[];
  trunks: string[];
  carriers: string[];
  devices: string[];
}

export interface GroupOptions {
  onNetCarrier: string;
  /** Jaccard similarity of callee sets that links two numbers (with at least `minSharedCallees`). */
  calleeJaccard?: number;
  minSharedCallees?: number;
  /** Cosine similarity of hourly call vectors that links two numbers (each active ≥ `minActiveHours`). */
  timingCosine?: number;
  minActiveHours?: number;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] ?? r;
    let c = i;
    while (c !== r) {
      const next = this.parent[c] ?? r;
      this.parent[c] = r;
      c = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function cosine(a: Record<string, number>, b: Record<string, number>): { sim: number; overlap: number } {
  let dot = 0;
  let na = 0;
  let nb = 0;
  let overlap = 0;
  for (const [h, v] of Object.entries(a)) {
    na += v * v;
    const w = b[h];
    if (w !== undefined) {
      dot += v * w;
      overlap++;
    }
  }
  for (const v of Object.values(b)) nb += v * v;
  return { sim: na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0, overlap };
}

/** Campaigns of two or more numbers, most harmful first (singletons are not campaigns). */
export function groupCampaigns(numbers: readonly FlaggedNumber[], options: GroupOptions): Campaign[] {
  const jaccard = options.calleeJaccard ?? 0.3;
  const minShared = options.minSharedCallees ?? 3;
  const cos = options.timingCosine ?? 0.9;
  const minHours = options.minActiveHours ?? 3;
  const uf = new UnionFind(numbers.length);
  const links = new Map<number, Set<string>>();
  const link = (a: number, b: number, why: string): void => {
    uf.union(a, b);
    for (const i of [a, b]) {
      const s = links.get(i) ?? new Set<string>();
      s.add(why);
      links.set(i, s);
    }
  };

  // Shared sources and devices: an inverted index, so only numbers that share something are compared.
  const bySource = new Map<string, number[]>();
  numbers.forEach((n, i) => {
    const offNet = n.carriers.some((c) => c !== options.onNetCarrier);
    const keys = [
      ...(offNet ? n.trunks.map((t) => `trunk ${t}`) : []),
      ...n.carriers.filter((c) => c !== options.onNetCarrier).map((c) => `carrier ${c}`),
      ...n.devices.map((d) => `device ${d}`),
    ];
    for (const k of keys) bySource.set(k, [...(bySource.get(k) ?? []), i]);
  });
  for (const [key, members] of bySource) {
    const first = members[0];
    if (first === undefined) continue;
    for (const m of members.slice(1)) link(first, m, key);
  }

  // Overlapping callee sets.
  const byCallee = new Map<string, number[]>();
  numbers.forEach((n, i) => n.callees.forEach((c) => byCallee.set(c, [...(byCallee.get(c) ?? []), i])));
  const shared = new Map<string, number>();
  for (const members of byCallee.values()) {
    if (members.length > 50) continue; // a callee everyone rings says nothing about who works together
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const k = `${members[x]},${members[y]}`;
        shared.set(k, (shared.get(k) ?? 0) + 1);
      }
    }
  }
  for (const [k, n] of shared) {
    const [a, b] = k.split(',').map(Number) as [number, number];
    const union = (numbers[a]?.callees.length ?? 0) + (numbers[b]?.callees.length ?? 0) - n;
    if (n >= minShared && union > 0 && n / union >= jaccard) link(a, b, 'overlapping callees');
  }

  // Synchronised timing.
  const active = numbers
    .map((n, i) => ({ i, hours: n.hours }))
    .filter((x) => Object.keys(x.hours).length >= minHours);
  for (let x = 0; x < active.length; x++) {
    for (let y = x + 1; y < active.length; y++) {
      const a = active[x];
      const b = active[y];
      if (a === undefined || b === undefined) continue;
      const c = cosine(a.hours, b.hours);
      if (c.overlap >= minHours && c.sim >= cos) link(a.i, b.i, 'synchronised timing');
    }
  }

  const groups = new Map<number, number[]>();
  numbers.forEach((_, i) => {
    const r = uf.find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  const campaigns: Campaign[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const ns = members.map((i) => numbers[i]).filter((n): n is FlaggedNumber => n !== undefined);
    const uniq = (f: (n: FlaggedNumber) => string[]): string[] => [...new Set(ns.flatMap(f))].sort();
    const calls = ns.reduce((s, n) => s + n.calls, 0);
    const complaints = ns.reduce((s, n) => s + n.complaints, 0);
    const sorted = [...ns].sort(
      (a, b) => b.score - a.score || b.calls - a.calls || a.number.localeCompare(b.number),
    );
    campaigns.push({
      id: `CMP-${[...ns.map((n) => n.number)].sort()[0] ?? ''}`,
      numbers: sorted.map((n) => ({
        number: n.number,
        score: n.score,
        level: n.level,
        category: n.category,
        calls: n.calls,
        complaints: n.complaints,
      })),
      links: [...new Set(members.flatMap((i) => [...(links.get(i) ?? [])]))].sort(),
      calls,
      complaints,
      harm: Math.round(ns.reduce((s, n) => s + (n.score / 100) * n.calls, 0) + 10 * complaints),
      maxScore: Math.max(...ns.map((n) => n.score)),
      categories: uniq((n) => (n.category === '' ? [] : [n.category])),
      trunks: uniq((n) => n.trunks),
      carriers: uniq((n) => n.carriers),
      devices: uniq((n) => n.devices),
    });
  }
  return campaigns.sort((a, b) => b.harm - a.harm || b.calls - a.calls || a.id.localeCompare(b.id));
}
