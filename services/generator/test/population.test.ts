import { beforeAll, describe, expect, it } from 'vitest';
import type { Label } from '../src/index.js';
import { groupBy, lines, median, run, toCdr, toLabels, type Cdr, type Output } from './fixture.js';

const HOUR = 3_600_000;
const localHour = (ms: number): number => Math.floor((ms + 8 * HOUR) / HOUR) % 24;

let out: Output;
let cdrs: Cdr[];
let labels: Label[];
let byCaller: Map<string, Cdr[]>;

function numbersOf(category: string, cls?: string): Label[] {
  return labels.filter(
    (l) => l.kind === 'number' && l.category === category && (cls === undefined || l.class === cls),
  );
}

function callsOf(ls: readonly Label[]): Cdr[] {
  return ls.flatMap((l) => byCaller.get(l.id) ?? []);
}

function answerRatio(cs: readonly Cdr[]): number {
  return cs.filter((c) => c.answer !== null).length / cs.length;
}

function talkSeconds(cs: readonly Cdr[]): number[] {
  return cs.filter((c) => c.answer !== null).map((c) => (c.release - (c.answer ?? 0)) / 1000);
}

beforeAll(async () => {
  out = await run({ subscribers: 3000, hours: 48, seed: 42 });
  cdrs = lines(out.cdrText).map(toCdr);
  labels = toLabels(out.labelText);
  byCaller = groupBy(cdrs, (c) => c.calling);
});

describe('generated population', () => {
  it('labels every non-ordinary subject that called, and each labelled number calls', () => {
    expect(out.summary.records).toBe(cdrs.length);
    const kinds = new Set(labels.map((l) => l.kind));
    expect([...kinds].sort()).toEqual(['carrier', 'device', 'number', 'trunk']);
    for (const l of labels.filter((x) => x.kind === 'number')) expect(byCaller.has(l.id), l.id).toBe(true);
    const cats = new Set(labels.map((l) => `${l.class}/${l.category}`));
    for (const c of ['robocall', 'wangiri', 'spoofing', 'scam', 'targeted_harassment', 'telemarketing'])
      expect(cats.has(`harasser/${c}`), c).toBe(true);
    for (const c of ['call_centre', 'courier', 'verification', 'notification', 'driver'])
      expect(cats.has(`legit_high_volume/${c}`), c).toBe(true);
    for (const c of ['intl_caller', 'roamer', 'dual_sim', 'complained_subscriber', 'reminder_line'])
      expect(cats.has(`legit_lookalike/${c}`), c).toBe(true);
  });

  it('keeps setup_time order and complaint time order', () => {
    for (let i = 1; i < cdrs.length; i++) expect(cdrs[i]!.setup >= cdrs[i - 1]!.setup).toBe(true);
    const times = lines(out.complaintText).map((l) => Date.parse((JSON.parse(l) as { time: string }).time));
    expect(times.length).toBeGreaterThan(20);
    for (let i = 1; i < times.length; i++) expect(times[i]! >= times[i - 1]!).toBe(true);
  });

  it('routes each spoofing campaign through its labelled trunk/carrier only', () => {
    const sources = labels.filter((l) => l.kind !== 'number' && l.category === 'spoofing');
    expect(sources.length).toBeGreaterThan(0);
    for (const [campaign, ls] of groupBy(numbersOf('spoofing'), (l) => l.campaign ?? '')) {
      expect(campaign).toMatch(/^(intl-)?spoof-/);
      expect(ls.length).toBeGreaterThanOrEqual(100);
      const calls = callsOf(ls);
      const mine = sources.filter((s) => s.campaign === campaign);
      expect(mine.length).toBeGreaterThan(0);
      for (const s of mine) {
        const field = s.kind === 'trunk' ? 'trunk' : 'carrier';
        expect(new Set(calls.map((c) => c[field]))).toEqual(new Set([s.id]));
      }
      // Caller ids rotate: each is used only a few times.
      expect(Math.max(...ls.map((l) => byCaller.get(l.id)?.length ?? 0))).toBeLessThanOrEqual(15);
      expect(calls.every((c) => c.attestation === undefined || c.attestation === 'C')).toBe(true);
      if (campaign.startsWith('intl-')) {
        // Domestic-format caller ids arriving from abroad, unattested.
        expect(calls.every((c) => c.trunk.startsWith('TG-SH-INTL-') && c.attestation === undefined)).toBe(
          true,
        );
        expect(ls.every((l) => l.id.startsWith('+86'))).toBe(true);
        continue;
      }
      expect(calls.some((c) => !c.callingValid)).toBe(true);
      // Some spoofed ids are in our own ranges but arrive from outside.
      expect(calls.some((c) => /^\+8613[4-9]/.test(c.calling) && c.carrier !== 'ON-NET')).toBe(true);
    }
  });

  it("stamps the HLR/HSS location on roamers' calls home and on spoofed own-range numbers only", () => {
    const ownRange = (e164: string): boolean => /^\+8613[4-9]/.test(e164);
    const roamers = new Set(numbersOf('roamer').map((l) => l.id));
    const spoofed = new Set(numbersOf('spoofing').map((l) => l.id));
    const located = cdrs.filter((c) => c.location !== undefined);
    // Through the gateway a roamer is ROAMING; at home on our network the switch stamps nothing.
    const roaming = cdrs.filter((c) => roamers.has(c.calling) && c.trunk.startsWith('TG-SH-INTL-'));
    expect(roaming.length).toBeGreaterThan(0);
    expect(roaming.every((c) => c.location === 'roaming')).toBe(true);
    expect(located.filter((c) => c.location === 'roaming')).toEqual(roaming);
    // A spoofed own-range number: the HLR says its subscriber is at home (or, unassigned, home or
    // nothing), decided per number; other carriers' numbers are never looked up.
    const home = located.filter((c) => c.location === 'home');
    expect(home.length).toBeGreaterThan(0);
    expect(home.every((c) => spoofed.has(c.calling) && ownRange(c.calling) && c.carrier !== 'ON-NET')).toBe(
      true,
    );
    expect(located.every((c) => c.location === 'home' || c.location === 'roaming')).toBe(true);
    const spoofedOwnRange = cdrs.filter((c) => spoofed.has(c.calling) && ownRange(c.calling));
    expect(spoofedOwnRange.some((c) => c.location === undefined)).toBe(true);
    for (const calls of groupBy(spoofedOwnRange, (c) => c.calling).values()) {
      expect(new Set(calls.map((c) => c.location)).size).toBe(1);
    }
  });

  it('shares a few handsets between throw-away numbers, and labels those devices', () => {
    const devices = labels.filter((l) => l.kind === 'device');
    expect(devices.length).toBeGreaterThanOrEqual(2);
    for (const d of devices) {
      const calls = cdrs.filter((c) => c.device === d.id);
      const numbers = new Set(calls.map((c) => c.calling));
      expect(numbers.size).toBeGreaterThanOrEqual(2);
      const farmNumbers = new Set(
        numbersOf('scam')
          .filter((l) => l.campaign === d.campaign)
          .map((l) => l.id),
      );
      for (const n of numbers) expect(farmNumbers.has(n)).toBe(true);
    }
  });

  it('makes robocallers sweep number blocks sequentially with few answers', () => {
    for (const l of numbersOf('robocall')) {
      const calls = byCaller.get(l.id) ?? [];
      expect(calls.length).toBeGreaterThan(500);
      expect(answerRatio(calls)).toBeLessThan(0.25);
      const callees = calls.map((c) => Number(c.called.slice(-4)));
      let sequential = 0;
      for (let i = 1; i < callees.length; i++) {
        const d = (callees[i]! - callees[i - 1]! + 10_000) % 10_000;
        if (d >= 1 && d <= 4) sequential++;
      }
      expect(sequential / (callees.length - 1)).toBeGreaterThan(0.9);
      expect(new Set(calls.map((c) => c.called.slice(0, 10))).size).toBeLessThanOrEqual(3);
      expect(new Set(calls.map((c) => c.called)).size / calls.length).toBeGreaterThan(0.95);
    }
  });

  it('makes wangiri calls ring briefly from international numbers and hang up', () => {
    const calls = callsOf(numbersOf('wangiri'));
    expect(calls.length).toBeGreaterThan(300);
    const short = calls.filter((c) => c.answer === null && c.release - c.setup <= 3500);
    expect(short.length / calls.length).toBeGreaterThan(0.9);
    expect(calls.every((c) => !c.calling.startsWith('+86') && c.carrier.startsWith('INTL-'))).toBe(true);
  });

  it('makes scammers call target lists, often by video, with long answered calls', () => {
    const calls = callsOf(numbersOf('scam').filter((l) => l.campaign?.startsWith('scam-')));
    expect(calls.filter((c) => c.media === 'video').length / calls.length).toBeGreaterThan(0.4);
    expect(median(talkSeconds(calls))).toBeGreaterThan(200);
  });

  it('makes targeted harassers call one victim again and again, mostly rejected, or a few times each night', () => {
    let nightly = 0;
    for (const l of numbersOf('targeted_harassment')) {
      const calls = byCaller.get(l.id) ?? [];
      const top = [...groupBy(calls, (c) => c.called).values()].sort((a, b) => b.length - a.length)[0] ?? [];
      expect(answerRatio(top)).toBeLessThan(0.25);
      if (top.every((c) => localHour(c.setup) >= 22 || localHour(c.setup) < 2)) {
        // Slow: a handful of calls a night, night after night, lost among an ordinary life.
        nightly++;
        const nights = new Set(top.map((c) => Math.floor((c.setup + 10 * HOUR) / (24 * HOUR))));
        expect(nights.size).toBeGreaterThanOrEqual(2);
        expect(top.length / nights.size).toBeLessThanOrEqual(8);
        continue;
      }
      expect(top.length / calls.length).toBeGreaterThan(0.6);
      expect(top.length / 2).toBeGreaterThanOrEqual(10);
      expect(top.filter((c) => c.cause === 21).length / top.length).toBeGreaterThan(0.35);
    }
    expect(nightly).toBeGreaterThan(0);
  });

  it('gives look-alikes the one trait they share with abuse, and nothing else of it', () => {
    const intl = callsOf(numbersOf('intl_caller'));
    expect(intl.every((c) => !c.calling.startsWith('+86') && c.trunk.startsWith('TG-SH-INTL-'))).toBe(true);
    expect(intl.every((c) => c.callingValid)).toBe(true);
    // Family here calls them back.
    const abroad = new Set(numbersOf('intl_caller').map((l) => l.id));
    expect(cdrs.some((c) => abroad.has(c.called))).toBe(true);
    const roamers = numbersOf('roamer');
    expect(roamers.length).toBeGreaterThan(0);
    for (const l of roamers) {
      const calls = byCaller.get(l.id) ?? [];
      // Our own number, at home on our network and, on the trip, arriving through a gateway.
      expect(calls.some((c) => c.carrier === 'ON-NET')).toBe(true);
      expect(calls.some((c) => c.trunk.startsWith('TG-SH-INTL-'))).toBe(true);
    }
    for (const l of numbersOf('dual_sim')) {
      const device = byCaller.get(l.id)?.[0]?.device;
      expect(device).toBeTruthy();
      expect(cdrs.some((c) => c.device === device && c.calling !== l.id)).toBe(true);
    }
    const complaints = lines(out.complaintText).map(
      (x) => JSON.parse(x) as { reported: string; reporter: string },
    );
    for (const l of numbersOf('complained_subscriber')) {
      const reporters = new Set(
        complaints.filter((c) => c.reported === l.id).map((c) => c.reporter.slice(-10)),
      );
      expect(reporters.size).toBeGreaterThan(0);
      expect(reporters.size).toBeLessThanOrEqual(2);
    }
    const reminders = callsOf(numbersOf('reminder_line'));
    expect(reminders.every((c) => c.attestation === 'A')).toBe(true);
    expect(answerRatio(reminders)).toBeLessThan(0.4);
  });

  it('spreads a snowshoe campaign thin: hundreds of numbers, a handful of calls each a day', () => {
    const members = labels.filter((l) => l.kind === 'number' && (l.campaign ?? '').startsWith('snowshoe-'));
    expect(members.length).toBeGreaterThanOrEqual(100);
    const perNumberPerDay = callsOf(members).length / members.length / 2;
    expect(perNumberPerDay).toBeLessThan(10);
    const trunks = new Set(
      labels.filter((l) => l.kind === 'trunk' && (l.campaign ?? '').startsWith('snowshoe-')).map((l) => l.id),
    );
    expect(trunks.size).toBe(2);
    expect(callsOf(members).every((c) => trunks.has(c.trunk))).toBe(true);
    // Their trunks carry far more ordinary traffic than the campaign's.
    const onTrunks = cdrs.filter((c) => trunks.has(c.trunk)).length;
    expect(callsOf(members).length / onTrunks).toBeLessThan(0.5);
  });

  it('gives legitimate high-volume callers their legitimate shapes', () => {
    const verification = callsOf(numbersOf('verification', 'legit_high_volume'));
    expect(verification.length).toBeGreaterThan(1000);
    expect(verification.every((c) => c.attestation === 'A')).toBe(true);
    expect(median(talkSeconds(verification))).toBeLessThan(25);
    expect(answerRatio(verification)).toBeGreaterThan(0.7);

    const centre = callsOf(numbersOf('call_centre'));
    expect(centre.every((c) => c.attestation === 'A')).toBe(true);
    expect(answerRatio(centre)).toBeGreaterThan(0.55);
    expect(centre.every((c) => localHour(c.setup) >= 8 && localHour(c.setup) < 19)).toBe(true);
    expect(new Set(centre.map((c) => c.called)).size / centre.length).toBeGreaterThan(0.5);

    const couriers = callsOf([...numbersOf('courier'), ...numbersOf('driver')]);
    expect(median(talkSeconds(couriers))).toBeLessThan(60);
    expect(answerRatio(couriers)).toBeGreaterThan(0.75);
    expect(couriers.every((c) => localHour(c.setup) >= 6 && localHour(c.setup) < 23)).toBe(true);

    // Notifications come in bursts at fixed times: almost every call within 20 minutes of one.
    const notify = callsOf(numbersOf('notification'));
    const minuteOfDay = (ms: number): number => Math.floor((ms + 8 * HOUR) / 60_000) % 1440;
    const slots = [7 * 60 + 30, 16 * 60 + 30, 9 * 60, 14 * 60];
    const inBurst = notify.filter((c) =>
      slots.some((s) => minuteOfDay(c.setup) - s >= 0 && minuteOfDay(c.setup) - s < 20),
    );
    expect(notify.length).toBeGreaterThan(100);
    expect(inBurst.length).toBe(notify.length);
  });

  it('keeps ordinary subscribers ordinary', () => {
    const labelled = new Set(labels.map((l) => l.id));
    const ordinary = cdrs.filter((c) => !labelled.has(c.calling));
    expect(ordinary.length).toBeGreaterThan(cdrs.length * 0.4);
    const ratio = answerRatio(ordinary);
    expect(ratio).toBeGreaterThan(0.65);
    expect(ratio).toBeLessThan(0.9);
    expect(ordinary.filter((c) => localHour(c.setup) < 6).length / ordinary.length).toBeLessThan(0.05);
    const talk = median(talkSeconds(ordinary));
    expect(talk).toBeGreaterThan(20);
    expect(talk).toBeLessThan(300);
    expect(new Set(ordinary.map((c) => c.carrier)).size).toBeGreaterThan(1);
    // Some ordinary people receive a lot of calls.
    const received = [...groupBy(ordinary, (c) => c.called).values()]
      .map((x) => x.length)
      .sort((a, b) => b - a);
    expect(received[0]!).toBeGreaterThan(5 * median(received));
  });

  it('raises complaints mostly about harassers, a few about legitimate callers', () => {
    const cls = new Map(labels.filter((l) => l.kind === 'number').map((l) => [l.id, l.class]));
    const reported = lines(out.complaintText).map((l) => (JSON.parse(l) as { reported: string }).reported);
    const harassers = reported.filter((r) => cls.get(r) === 'harasser').length;
    expect(harassers / reported.length).toBeGreaterThan(0.8);
  });
});
