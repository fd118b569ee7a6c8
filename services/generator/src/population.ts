import { AliasTable } from './alias-table.js';
import type { Label, LabelCategory, LabelClass } from './labels.js';
import {
  DOMESTIC_CARRIERS,
  INTL_CARRIERS,
  foreignMobileNumber,
  ON_NET_PREFIXES,
  OTHER_MOBILE_PREFIXES,
  SWITCHES,
  cellId,
  imei,
  interconnectOrigin,
  invalidNumber,
  landlineNumber,
  mobileNumber,
  onNetOrigin,
  wangiriNumber,
  type Attestation,
  type Origin,
} from './network.js';
import type { PopulationMix, ResolvedOptions } from './options.js';
import { Rng, mixSeed } from './prng.js';
import { RHYTHMS, type Rhythm } from './rhythm.js';

export type ActorKind =
  | 'call_centre'
  | 'courier'
  | 'driver'
  | 'verification'
  | 'notification'
  | 'robocall'
  | 'telemarketing'
  | 'wangiri'
  | 'spoofing'
  | 'scam'
  | 'targeted_harassment'
  | 'device_farm'
  | 'intl_caller'
  | 'roamer'
  | 'dual_sim'
  | 'complained_subscriber'
  | 'reminder_line'
  | 'intl_spoofing'
  | 'snowshoe'
  | 'night_pester';

/** A non-ordinary caller (or campaign) and everything it needs to place calls. */
export interface Actor {
  readonly kind: ActorKind;
  readonly cls: LabelClass;
  readonly category: LabelCategory;
  readonly campaign: string | null;
  /** Caller ids in E.164 (deliberately invalid ones as their raw string). */
  readonly numbers: readonly string[];
  readonly invalid: ReadonlySet<string>;
  readonly origin: Origin;
  readonly attestations: readonly Attestation[];
  readonly devices: readonly string[];
  readonly cell: string;
  readonly perDay: number;
  readonly rhythm: Rhythm;
  /** Subscriber indices: notification list, scam target list, or [victim] for targeted harassment. */
  readonly targets: Int32Array;
  /** Source labels (trunk/carrier/device) emitted once the actor has placed a call. */
  readonly sources: readonly Omit<Label, 'class' | 'category' | 'campaign'>[];
  /** For targeted harassers: the ordinary subscriber index whose identity they use, else -1. */
  readonly subscriber: number;
  /** Robocaller: 7-digit national blocks dialled in sequence. */
  readonly blocks: readonly string[];
  /** Spoofing: the campaign's real (unlabelled) number, leaked in P-Asserted-Identity now and then. */
  readonly pai: string;
  /** Entry points used in turn by the actor's numbers (snowshoe campaigns), else just `origin`. */
  readonly origins: readonly Origin[];
  /** Event-time span in which the actor calls (a roamer's trip), epoch ms. */
  readonly from: number;
  readonly to: number;
  // Mutable per-run state.
  cursor: number;
  /** Notification: time of the next call of a running burst. */
  nextAt: number;
  callCount: number;
  readonly used: Set<string>;
}

export interface Subscribers {
  readonly count: number;
  readonly e164: string[];
  /** 0 = ON-NET, else 1 + index into DOMESTIC_CARRIERS. */
  readonly carrier: Uint8Array;
  readonly homeSwitch: Uint8Array;
  readonly trunk: string[];
  readonly device: string[];
  readonly cell: string[];
  readonly perDay: Float32Array;
  /** Draws a caller in proportion to perDay. */
  readonly callers: AliasTable;
  readonly contactStart: Int32Array;
  readonly contacts: Int32Array;
  /** Indices of ON-NET subscribers: the callees reachable from interconnect callers. */
  readonly onNet: Int32Array;
  readonly index: Map<string, number>;
  /** 7-digit national number blocks holding ON-NET subscribers. */
  readonly blocks: readonly string[];
}

export interface Population {
  readonly subs: Subscribers;
  readonly actors: readonly Actor[];
}

const ON_NET_SHARE = 0.85;
const BLOCK_FILL = 4000;

function buildSubscribers(o: ResolvedOptions, rng: Rng, taken: Set<string>): Subscribers {
  const n = o.subscribers;
  const e164 = new Array<string>(n);
  const carrier = new Uint8Array(n);
  const homeSwitch = new Uint8Array(n);
  const trunk = new Array<string>(n);
  const device = new Array<string>(n);
  const cell = new Array<string>(n);
  const perDay = new Float32Array(n);
  const index = new Map<string, number>();
  const onNetCount = Math.round(n * ON_NET_SHARE);
  // Operators hand out numbers in blocks; dense blocks are what sequential dialers sweep through.
  const blocks: string[] = [];
  for (let b = 0; b < Math.max(2, Math.ceil(onNetCount / BLOCK_FILL)); b++) {
    let block: string;
    do block = `${rng.pick(ON_NET_PREFIXES)}${String(rng.int(10_000)).padStart(4, '0')}`;
    while (blocks.includes(block));
    blocks.push(block);
  }
  const onNet: number[] = [];
  for (let i = 0; i < n; i++) {
    let num: string;
    if (i < onNetCount) {
      const block = blocks[i % blocks.length] as string;
      do num = `+86${block}${String(rng.int(10_000)).padStart(4, '0')}`;
      while (taken.has(num));
      carrier[i] = 0;
      homeSwitch[i] = rng.int(SWITCHES.length);
      trunk[i] = '';
      device[i] = imei(rng);
      cell[i] = cellId(rng, homeSwitch[i] ?? 0);
      onNet.push(i);
    } else {
      const ci = rng.int(DOMESTIC_CARRIERS.length);
      const c = DOMESTIC_CARRIERS[ci]!;
      do num = mobileNumber(rng, c.prefixes);
      while (taken.has(num));
      carrier[i] = ci + 1;
      trunk[i] = rng.pick(c.trunks);
      device[i] = '';
      cell[i] = '';
    }
    taken.add(num);
    e164[i] = num;
    index.set(num, i);
    perDay[i] = Math.min(80, rng.logNormal(o.ordinaryCallsPerDay * 0.75, 0.75));
  }
  // Small circles of contacts, mostly nearby (same family/workplace cluster), a few hubs that
  // many people call (shops, popular relatives), so some subscribers receive a lot of calls.
  const hubs = Math.max(1, Math.round(n / 200));
  const contactStart = new Int32Array(n + 1);
  const flat: number[] = [];
  for (let i = 0; i < n; i++) {
    contactStart[i] = flat.length;
    const k = rng.between(4, 18);
    for (let j = 0; j < k; j++) {
      let c: number;
      const x = rng.next();
      if (x < 0.12) c = (rng.int(hubs) * 199) % n;
      else if (x < 0.85) c = (i + rng.between(-150, 150) + n) % n;
      else c = rng.int(n);
      if (c !== i) flat.push(c);
    }
  }
  contactStart[n] = flat.length;
  return {
    count: n,
    e164,
    carrier,
    homeSwitch,
    trunk,
    device,
    cell,
    perDay,
    callers: new AliasTable(perDay),
    contactStart,
    contacts: Int32Array.from(flat),
    onNet: Int32Array.from(onNet),
    index,
    blocks,
  };
}

function count(per10k: number, subscribers: number): number {
  if (per10k <= 0) return 0;
  return Math.max(1, Math.round((per10k * subscribers) / 10_000));
}

interface ActorInit {
  kind: ActorKind;
  cls: LabelClass;
  category: LabelCategory;
  numbers: string[];
  origin: Origin;
  attestations: Attestation[];
  perDay: number;
  rhythm: Rhythm;
  campaign?: string | null;
  invalid?: Set<string>;
  devices?: string[];
  cell?: string;
  targets?: Int32Array;
  sources?: Omit<Label, 'class' | 'category' | 'campaign'>[];
  subscriber?: number;
  blocks?: string[];
  cursor?: number;
  pai?: string;
  origins?: Origin[];
  from?: number;
  to?: number;
}

function actor(a: ActorInit): Actor {
  return {
    campaign: null,
    invalid: new Set(),
    devices: [],
    cell: '',
    targets: new Int32Array(0),
    sources: [],
    subscriber: -1,
    blocks: [],
    pai: '',
    origins: [a.origin],
    from: -Infinity,
    to: Infinity,
    ...a,
    cursor: a.cursor ?? 0,
    nextAt: 0,
    callCount: 0,
    used: new Set(),
  };
}

function fresh(rng: Rng, taken: Set<string>, make: (r: Rng) => string): string {
  let n: string;
  do n = make(rng);
  while (taken.has(n));
  taken.add(n);
  return n;
}

function sample(rng: Rng, from: Int32Array, k: number): Int32Array {
  const out = new Int32Array(Math.min(k, from.length));
  const seen = new Set<number>();
  for (let i = 0; i < out.length; i++) {
    let v: number;
    do v = from[rng.int(from.length)] ?? 0;
    while (seen.has(v));
    seen.add(v);
    out[i] = v;
  }
  return out;
}

function randomInterconnect(rng: Rng): Origin {
  const c = rng.pick(DOMESTIC_CARRIERS);
  return interconnectOrigin(c.name, rng.pick(c.trunks));
}

const ANY_MOBILE = [
  ...ON_NET_PREFIXES,
  ...OTHER_MOBILE_PREFIXES,
  ...DOMESTIC_CARRIERS.flatMap((c) => c.prefixes),
];

function buildActors(o: ResolvedOptions, rng: Rng, subs: Subscribers, taken: Set<string>): Actor[] {
  const m: PopulationMix = o.mix;
  const n = o.subscribers;
  const actors: Actor[] = [];
  const mobile = (prefixes: readonly string[]) => fresh(rng, taken, (r) => mobileNumber(r, prefixes));
  const landline = () => fresh(rng, taken, landlineNumber);
  const enterprise = (i: number): Origin => {
    const sw = SWITCHES[i % SWITCHES.length] as string;
    return {
      carrier: 'ON-NET',
      trunk: `ENT-${sw.slice(3, 5)}-${String(i + 1).padStart(2, '0')}`,
      switchId: sw,
      origid: `SBC-${sw.slice(3, 5)}-1`,
    };
  };

  for (let i = 0; i < count(m.callCentres, n); i++) {
    const viaCt = rng.chance(0.5);
    actors.push(
      actor({
        kind: 'call_centre',
        cls: 'legit_high_volume',
        category: 'call_centre',
        numbers: [landline()],
        origin: viaCt ? interconnectOrigin('CT', 'TG-GZ-IC-01') : enterprise(i),
        attestations: ['A'],
        perDay: rng.between(300, 900),
        rhythm: RHYTHMS.business,
      }),
    );
  }
  for (const [kind, per10k] of [
    ['courier', m.couriers],
    ['driver', m.drivers],
  ] as const) {
    for (let i = 0; i < count(per10k, n); i++) {
      const onNet = rng.chance(0.7);
      const sw = rng.int(SWITCHES.length);
      actors.push(
        actor({
          kind,
          cls: 'legit_high_volume',
          category: kind,
          numbers: [onNet ? mobile(ON_NET_PREFIXES) : mobile(DOMESTIC_CARRIERS[0]!.prefixes)],
          origin: onNet ? onNetOrigin(sw) : interconnectOrigin('CT', 'TG-GZ-IC-02'),
          attestations: onNet ? ['A'] : ['B', 'A'],
          devices: onNet ? [imei(rng)] : [],
          cell: onNet ? cellId(rng, sw) : '',
          perDay: kind === 'courier' ? rng.between(60, 160) : rng.between(30, 90),
          rhythm: RHYTHMS.daytime,
        }),
      );
    }
  }
  for (let i = 0; i < count(m.verification, n); i++) {
    actors.push(
      actor({
        kind: 'verification',
        cls: 'legit_high_volume',
        category: 'verification',
        numbers: [landline()],
        origin: enterprise(10 + i),
        attestations: ['A'],
        perDay: rng.between(1500, 4000),
        rhythm: RHYTHMS.verification,
      }),
    );
  }
  for (let i = 0; i < count(m.notification, n); i++) {
    const targets = sample(rng, subs.onNet, rng.between(150, 450));
    actors.push(
      actor({
        kind: 'notification',
        cls: 'legit_high_volume',
        category: 'notification',
        numbers: [landline()],
        origin: enterprise(20 + i),
        attestations: ['A'],
        perDay: 0,
        rhythm: RHYTHMS.business,
        targets,
        cursor: targets.length, // no burst running
        // Bursts: schools at 07:30 and 16:30 on weekdays (cursor 0), hospitals 09:00 and 14:00 (1).
        blocks: i % 2 === 0 ? ['07:30', '16:30'] : ['09:00', '14:00'],
      }),
    );
  }
  for (let i = 0; i < count(m.robocallers, n); i++) {
    const simBox = rng.chance(0.5);
    const sw = rng.int(SWITCHES.length);
    const start = rng.int(subs.blocks.length);
    actors.push(
      actor({
        kind: 'robocall',
        cls: 'harasser',
        category: 'robocall',
        numbers: [simBox ? mobile(ON_NET_PREFIXES) : mobile(ANY_MOBILE)],
        origin: simBox ? onNetOrigin(sw) : randomInterconnect(rng),
        attestations: simBox ? ['A'] : ['B', 'C', 'C'],
        devices: simBox ? [imei(rng)] : [],
        cell: simBox ? cellId(rng, sw) : '',
        perDay: rng.between(800, 2500),
        rhythm: RHYTHMS.dialer,
        blocks: [0, 1, 2].map((k) => subs.blocks[(start + k) % subs.blocks.length] as string),
        cursor: rng.int(5000),
      }),
    );
  }
  for (let i = 0; i < count(m.telemarketers, n); i++) {
    actors.push(
      actor({
        kind: 'telemarketing',
        cls: 'harasser',
        category: 'telemarketing',
        numbers: [rng.chance(0.5) ? landline() : mobile(ANY_MOBILE)],
        origin: randomInterconnect(rng),
        attestations: ['B', 'B', 'C'],
        perDay: rng.between(120, 300),
        rhythm: RHYTHMS.dialer,
      }),
    );
  }
  for (let i = 0; i < count(m.wangiri, n); i++) {
    const gw = rng.pick(INTL_CARRIERS);
    const numbers = Array.from({ length: rng.between(1, 3) }, () => fresh(rng, taken, wangiriNumber));
    actors.push(
      actor({
        kind: 'wangiri',
        cls: 'harasser',
        category: 'wangiri',
        campaign: `wangiri-${String(i + 1).padStart(3, '0')}`,
        numbers,
        origin: interconnectOrigin(gw.name, gw.trunk),
        attestations: [''],
        perDay: rng.between(400, 1500),
        rhythm: RHYTHMS.night,
      }),
    );
  }
  const expectedDays = o.hours / 24;
  for (let i = 0; i < count(m.spoofCampaigns, n); i++) {
    const campaign = `spoof-${String(i + 1).padStart(3, '0')}`;
    const perDay = rng.between(800, 2000);
    // Even campaigns hide in a shared interconnect trunk; odd ones come through a small upstream carrier.
    const sharedTrunk = i % 2 === 0;
    const cu = DOMESTIC_CARRIERS[1]!;
    // Each campaign gets its own trunk so a trunk label names one campaign.
    const k = i / 2;
    const origin = sharedTrunk
      ? interconnectOrigin(
          cu.name,
          k < cu.trunks.length ? (cu.trunks[(2 + k) % cu.trunks.length] as string) : `TG-GZ-IC-${30 + k}`,
        )
      : interconnectOrigin(`VOIP-HK-${i + 1}`, `TG-SZ-IC-${11 + i}`);
    const sources: Omit<Label, 'class' | 'category' | 'campaign'>[] = sharedTrunk
      ? [{ kind: 'trunk', id: origin.trunk }]
      : [
          { kind: 'carrier', id: origin.carrier },
          { kind: 'trunk', id: origin.trunk },
        ];
    const poolSize = Math.max(100, Math.round((perDay * Math.max(expectedDays, 0.5)) / 3.5));
    const invalid = new Set<string>();
    const numbers: string[] = [];
    for (let k = 0; k < poolSize; k++) {
      const x = rng.next();
      if (x < 0.08) {
        const v = fresh(rng, taken, invalidNumber);
        invalid.add(v);
        numbers.push(v);
      } else if (x < 0.25) numbers.push(mobile(ON_NET_PREFIXES));
      else if (x < 0.3) numbers.push(landline());
      else numbers.push(mobile(ANY_MOBILE));
    }
    actors.push(
      actor({
        kind: 'spoofing',
        cls: 'harasser',
        category: 'spoofing',
        campaign,
        numbers,
        invalid,
        origin,
        attestations: ['C', 'C', 'C', ''],
        pai: landline(),
        perDay,
        rhythm: RHYTHMS.dialer,
        sources,
      }),
    );
  }
  for (let i = 0; i < count(m.scammers, n); i++) {
    actors.push(
      actor({
        kind: 'scam',
        cls: 'harasser',
        category: 'scam',
        campaign: `scam-${String(i + 1).padStart(3, '0')}`,
        numbers: Array.from({ length: rng.between(1, 3) }, () =>
          mobile(ANY_MOBILE.filter((p) => p < '134' || p > '139')),
        ),
        origin: randomInterconnect(rng),
        attestations: ['B', 'C'],
        perDay: rng.between(80, 250),
        rhythm: RHYTHMS.dialer,
        targets: sample(rng, subs.onNet, rng.between(150, 400)),
      }),
    );
  }
  for (let i = 0; i < count(m.targetedHarassers, n); i++) {
    // The harasser is an ordinary subscriber with a normal life besides the one victim.
    const who = rng.int(n);
    let victim = subs.onNet[rng.int(subs.onNet.length)] ?? 0;
    if (victim === who) victim = subs.onNet[0] === who ? (subs.onNet[1] ?? 0) : (subs.onNet[0] ?? 0);
    actors.push(
      ownLineHarasser(subs, who, victim, 'targeted_harassment', rng.between(20, 60), RHYTHMS.pester),
    );
  }
  for (let i = 0; i < count(m.deviceFarms, n); i++) {
    // Throw-away ON-NET SIMs cycled through a few handsets: each number lives a few hours.
    const devices = Array.from({ length: rng.between(2, 3) }, () => imei(rng));
    const perDay = rng.between(300, 700);
    const simCount = Math.max(6, Math.round(Math.max(expectedDays, 0.25) * rng.between(8, 14)));
    const sw = rng.int(SWITCHES.length);
    actors.push(
      actor({
        kind: 'device_farm',
        cls: 'harasser',
        category: 'scam',
        campaign: `farm-${String(i + 1).padStart(3, '0')}`,
        numbers: Array.from({ length: simCount }, () => mobile(ON_NET_PREFIXES)),
        origin: onNetOrigin(sw),
        attestations: ['A'],
        devices,
        cell: cellId(rng, sw),
        perDay,
        rhythm: RHYTHMS.dialer,
        sources: devices.map((d) => ({ kind: 'device' as const, id: d })),
      }),
    );
  }
  lookalikes(o, rng, subs, actors, {
    mobile,
    landline,
    enterprise,
    foreign: () => fresh(rng, taken, foreignMobileNumber),
  });
  thinAndSlowHarassers(o, rng, subs, actors, mobile);
  return actors;
}

/** An ordinary subscriber `who` harassing one `victim` from their own line, with a normal life besides. */
function ownLineHarasser(
  subs: Subscribers,
  who: number,
  victim: number,
  kind: 'targeted_harassment' | 'night_pester',
  perDay: number,
  rhythm: Rhythm,
): Actor {
  const onNet = subs.carrier[who] === 0;
  const carrier = DOMESTIC_CARRIERS[(subs.carrier[who] ?? 1) - 1];
  return actor({
    kind,
    cls: 'harasser',
    category: 'targeted_harassment',
    numbers: [subs.e164[who] as string],
    origin: onNet
      ? onNetOrigin(subs.homeSwitch[who] ?? 0)
      : interconnectOrigin(carrier?.name ?? 'CT', subs.trunk[who] ?? 'TG-GZ-IC-01'),
    attestations: onNet ? ['A'] : ['A', 'B'],
    devices: onNet ? [subs.device[who] as string] : [],
    cell: subs.cell[who] ?? '',
    perDay,
    rhythm,
    targets: Int32Array.of(victim),
    subscriber: who,
  });
}

/** The contacts of subscriber `i` (indices into the population). */
function contactsOf(subs: Subscribers, i: number): Int32Array {
  return subs.contacts.subarray(subs.contactStart[i] ?? 0, subs.contactStart[i + 1] ?? 0);
}

function intlGateway(rng: Rng): Origin {
  const gw = rng.pick(INTL_CARRIERS);
  return interconnectOrigin(gw.name, gw.trunk);
}

/** An ON-NET subscriber who has contacts (every subscriber index draw retried a few times). */
function onNetWithContacts(rng: Rng, subs: Subscribers): number {
  let who = subs.onNet[rng.int(subs.onNet.length)] ?? 0;
  for (let k = 0; k < 8 && contactsOf(subs, who).length === 0; k++)
    who = subs.onNet[rng.int(subs.onNet.length)] ?? 0;
  return who;
}

interface NumberMakers {
  mobile(prefixes: readonly string[]): string;
  landline(): string;
  foreign(): string;
  enterprise(i: number): Origin;
}

/**
 * Legitimate people whose traffic shares one trait with abuse: what a detector tuned on clean
 * traffic gets wrong first. Appended after the other actors so their draws leave those unchanged.
 */
function lookalikes(
  o: ResolvedOptions,
  rng: Rng,
  subs: Subscribers,
  actors: Actor[],
  make: NumberMakers,
): void {
  const m = o.mix;
  const n = o.subscribers;
  for (let i = 0; i < count(m.intlCallers, n); i++) {
    // Family abroad: a few contacts here, who call back now and then.
    const number = make.foreign();
    actors.push(
      actor({
        kind: 'intl_caller',
        cls: 'legit_lookalike',
        category: 'intl_caller',
        numbers: [number],
        origin: intlGateway(rng),
        attestations: [''],
        perDay: rng.between(2, 8),
        rhythm: RHYTHMS.abroad,
        targets: sample(rng, subs.onNet, rng.between(2, 6)),
      }),
    );
  }
  for (let i = 0; i < count(m.roamers, n); i++) {
    // Our own subscriber on a trip: calls home arrive through an international gateway.
    const who = onNetWithContacts(rng, subs);
    const from = o.startMs + Math.floor(rng.next() * (o.endMs - o.startMs) * 0.5);
    actors.push(
      actor({
        kind: 'roamer',
        cls: 'legit_lookalike',
        category: 'roamer',
        numbers: [subs.e164[who] as string],
        origin: intlGateway(rng),
        attestations: ['', '', 'C'],
        perDay: rng.between(3, 10),
        rhythm: RHYTHMS.personal,
        targets: contactsOf(subs, who).slice(),
        subscriber: who,
        from,
        to: from + rng.between(1, 5) * 86_400_000,
      }),
    );
  }
  for (let i = 0; i < count(m.dualSims, n); i++) {
    // A second SIM (work line) in a subscriber's own handset.
    const who = onNetWithContacts(rng, subs);
    const sw = subs.homeSwitch[who] ?? 0;
    actors.push(
      actor({
        kind: 'dual_sim',
        cls: 'legit_lookalike',
        category: 'dual_sim',
        numbers: [make.mobile(ON_NET_PREFIXES)],
        origin: onNetOrigin(sw),
        attestations: ['A'],
        devices: [subs.device[who] as string],
        cell: subs.cell[who] ?? '',
        perDay: rng.between(3, 12),
        rhythm: RHYTHMS.personal,
        targets: contactsOf(subs, who).slice(),
        subscriber: who,
      }),
    );
  }
  for (let i = 0; i < count(m.complainedSubscribers, n); i++) {
    // An ordinary subscriber reported by one or two people (a feud, a mistaken number).
    const who = rng.int(n);
    actors.push(
      actor({
        kind: 'complained_subscriber',
        cls: 'legit_lookalike',
        category: 'complained_subscriber',
        numbers: [subs.e164[who] as string],
        origin: onNetOrigin(0),
        attestations: ['A'],
        perDay: rng.between(1, 2),
        rhythm: RHYTHMS.personal,
        targets: sample(rng, subs.onNet, rng.between(1, 2)),
        subscriber: who,
      }),
    );
  }
  for (let i = 0; i < count(m.reminderLines, n); i++) {
    actors.push(
      actor({
        kind: 'reminder_line',
        cls: 'legit_lookalike',
        category: 'reminder_line',
        numbers: [make.landline()],
        origin: make.enterprise(30 + i),
        attestations: ['A'],
        perDay: rng.between(150, 350),
        rhythm: RHYTHMS.business,
        targets: sample(rng, subs.onNet, rng.between(400, 900)),
      }),
    );
  }
}

/** Abuse that per-number rates miss: spoofing through an international gateway, thin campaigns, night pestering. */
function thinAndSlowHarassers(
  o: ResolvedOptions,
  rng: Rng,
  subs: Subscribers,
  actors: Actor[],
  mobile: (prefixes: readonly string[]) => string,
): void {
  const m = o.mix;
  const n = o.subscribers;
  const days = Math.max(o.hours / 24, 0.5);
  for (let i = 0; i < count(m.intlSpoofCampaigns, n); i++) {
    // Domestic-format caller ids (ours and other carriers') arriving from abroad, unattested.
    const origin = interconnectOrigin(INTL_CARRIERS[i % 2]!.name, INTL_CARRIERS[i % 2]!.trunk);
    const perDay = rng.between(500, 1200);
    const numbers = Array.from({ length: Math.max(80, Math.round((perDay * days) / 3)) }, () =>
      mobile(rng.chance(0.4) ? ON_NET_PREFIXES : ANY_MOBILE),
    );
    actors.push(
      actor({
        kind: 'intl_spoofing',
        cls: 'harasser',
        category: 'spoofing',
        campaign: `intl-spoof-${String(i + 1).padStart(3, '0')}`,
        numbers,
        origin,
        attestations: [''],
        perDay,
        rhythm: RHYTHMS.dialer,
        sources: [
          { kind: 'carrier', id: origin.carrier },
          { kind: 'trunk', id: origin.trunk },
        ],
      }),
    );
  }
  for (let i = 0; i < count(m.snowshoeCampaigns, n); i++) {
    // Hundreds of numbers, each a handful of calls a day, through two busy interconnect trunks.
    const ct = DOMESTIC_CARRIERS[0]!;
    const cu = DOMESTIC_CARRIERS[1]!;
    const origins = [
      interconnectOrigin(ct.name, ct.trunks[i % ct.trunks.length] as string),
      interconnectOrigin(cu.name, cu.trunks[(i + 1) % cu.trunks.length] as string),
    ];
    const size = rng.between(150, 300);
    const start = rng.int(subs.blocks.length);
    actors.push(
      actor({
        kind: 'snowshoe',
        cls: 'harasser',
        category: 'telemarketing',
        campaign: `snowshoe-${String(i + 1).padStart(3, '0')}`,
        numbers: Array.from({ length: size }, () => mobile([...OTHER_MOBILE_PREFIXES, ...ct.prefixes])),
        origin: origins[0]!,
        origins,
        attestations: ['B', 'C', 'C'],
        perDay: size * rng.between(3, 6),
        rhythm: RHYTHMS.dialer,
        blocks: [0, 1].map((k) => subs.blocks[(start + k) % subs.blocks.length] as string),
        sources: origins.map((x) => ({ kind: 'trunk' as const, id: x.trunk })),
      }),
    );
  }
  for (let i = 0; i < count(m.nightPesters, n); i++) {
    const who = rng.int(n);
    const victim = subs.onNet[rng.int(subs.onNet.length)] ?? 0;
    actors.push(
      ownLineHarasser(
        subs,
        who,
        victim === who ? (subs.onNet[0] ?? 0) : victim,
        'night_pester',
        rng.between(3, 6),
        RHYTHMS.latenight,
      ),
    );
  }
}

/** Builds the whole population for a run; deterministic in the options' seed. */
export function buildPopulation(o: ResolvedOptions): Population {
  const rng = new Rng(mixSeed(o.seed, 0x505));
  const taken = new Set<string>();
  const subs = buildSubscribers(o, rng, taken);
  return { subs, actors: buildActors(o, rng, subs, taken) };
}
