import { OUTCOMES, settle, type Call, type OutcomeProfile } from './call.js';
import type { ComplaintCategory } from './labels.js';
import {
  DOMESTIC_CARRIERS,
  isOnNet,
  onNetOrigin,
  interconnectOrigin,
  rawNumber,
  type Attestation,
  type Origin,
} from './network.js';
import type { Actor, Population, Subscribers } from './population.js';
import type { Rng } from './prng.js';
import { hourlyRate, RHYTHMS, type Rhythm } from './rhythm.js';
import { localMidnight, localWeekday } from './time-format.js';

export interface Complaint {
  time: number;
  reporter: string;
  reported: string;
  category: ComplaintCategory;
  callId: string;
}

/** Everything one time slice's generation writes to. */
export interface SliceContext {
  readonly rng: Rng;
  readonly start: number;
  readonly end: number;
  readonly runStart: number;
  readonly runEnd: number;
  readonly complaintScale: number;
  readonly calls: Call[];
  readonly complaints: Complaint[];
  nextId(): string;
}

const HOUR_MS = 3_600_000;

/** Calls `place` at the arrival times of a Poisson process following `rhythm` within the slice. */
function arrivals(ctx: SliceContext, perDay: number, rhythm: Rhythm, place: (t: number) => void): void {
  const perMs = hourlyRate(rhythm, perDay, ctx.start) / HOUR_MS;
  if (perMs <= 0) return;
  const rng = ctx.rng;
  for (let t = ctx.start + rng.exp(perMs); t < ctx.end; t += rng.exp(perMs)) place(Math.floor(t));
}

function egressFor(callee: string): string {
  if (isOnNet(callee)) return '';
  if (!callee.startsWith('+86')) return 'TG-SH-INTL-OG-01';
  const p = callee.slice(3, 6);
  const ci = DOMESTIC_CARRIERS.findIndex((c) => c.prefixes.includes(p));
  return ci < 0 ? 'TG-GZ-OG-09' : `TG-GZ-OG-0${ci + 1}`;
}

interface CallerSide {
  readonly origin: Origin;
  readonly e164: string;
  /** True for deliberately invalid numbers: signalled exactly as stored. */
  readonly invalid: boolean;
  readonly att: Attestation;
  readonly device: string;
  readonly cell: string;
  /** P-Asserted-Identity that differs from the displayed number (spoofing leaks), else ''. */
  readonly pai: string;
}

function newCall(ctx: SliceContext, c: CallerSide, callee: string, setup: number, video: boolean): Call {
  const rng = ctx.rng;
  const onNet = c.origin.carrier === 'ON-NET';
  return {
    id: ctx.nextId(),
    switchId: c.origin.switchId,
    setup,
    answer: 0,
    release: setup,
    calling: c.invalid ? c.e164 : rawNumber(c.e164, rng.next(), onNet ? 0.2 : 0.6),
    called: rawNumber(callee, rng.next(), 0.85),
    asserted:
      c.pai !== ''
        ? c.pai
        : c.invalid || c.att === 'C' || c.att === ''
          ? ''
          : onNet || rng.chance(0.7)
            ? c.e164
            : '',
    trunk: c.origin.trunk,
    carrier: c.origin.carrier,
    egress: egressFor(callee),
    cause: 16,
    video,
    att: c.att,
    origid: c.origin.origid,
    device: c.device,
    cell: c.cell,
    location: '',
  };
}

function complain(
  ctx: SliceContext,
  call: Call,
  p: number,
  callerE164: string,
  callee: string,
  category: ComplaintCategory,
): void {
  const rng = ctx.rng;
  if (!rng.chance(p * ctx.complaintScale)) return;
  const delay = Math.min(2 * 86_400_000, Math.round(rng.logNormal(30 * 60_000, 1)));
  ctx.complaints.push({
    time: call.release + delay,
    reporter: rng.chance(0.5) ? callee : callee.slice(3),
    reported: callerE164,
    category,
    callId: rng.chance(0.6) ? call.id : '',
  });
}

function place(
  ctx: SliceContext,
  c: CallerSide,
  callee: string,
  known: boolean,
  setup: number,
  outcome: OutcomeProfile,
  video: boolean,
): Call {
  const call = newCall(ctx, c, callee, setup, video);
  settle(ctx.rng, outcome, call, known);
  ctx.calls.push(call);
  return call;
}

function subscriberSide(subs: Subscribers, i: number, rng: Rng): CallerSide {
  const ci = subs.carrier[i] ?? 0;
  if (ci === 0)
    return {
      origin: onNetOrigin(subs.homeSwitch[i] ?? 0),
      e164: subs.e164[i] as string,
      invalid: false,
      att: 'A',
      device: subs.device[i] as string,
      // Mostly at home, sometimes elsewhere in the city.
      cell: rng.chance(0.8)
        ? (subs.cell[i] as string)
        : `${(subs.cell[i] as string).slice(0, 12)}${rng.between(1000, 65000)}`,
      pai: '',
    };
  const carrier = DOMESTIC_CARRIERS[ci - 1]!;
  return {
    origin: interconnectOrigin(carrier.name, subs.trunk[i] as string),
    e164: subs.e164[i] as string,
    invalid: false,
    att: rng.chance(0.7) ? 'B' : rng.chance(0.5) ? 'A' : 'C',
    device: '',
    cell: '',
    pai: '',
  };
}

function unknownMobile(rng: Rng): string {
  return `+86${rng.pick(['135', '136', '139', '150', '158', '186', '189'])}${String(rng.int(100_000_000)).padStart(8, '0')}`;
}

/** Ordinary subscribers calling their circles, the odd unknown number, and noise complaints. */
export function ordinarySlice(ctx: SliceContext, subs: Subscribers): void {
  const rng = ctx.rng;
  // The superposition of every subscriber's Poisson process: one merged process whose events
  // pick their caller in proportion to the caller's own rate.
  const perMs = (hourlyRate(RHYTHMS.personal, 1, ctx.start) / HOUR_MS) * subs.callers.total;
  if (perMs <= 0) return;
  for (let t = ctx.start + rng.exp(perMs); t < ctx.end; t += rng.exp(perMs)) {
    const i = subs.callers.draw(rng);
    const x = rng.next();
    let callee: string;
    let known = true;
    if (x < 0.9) {
      const from = subs.contactStart[i] ?? 0;
      const k = (subs.contactStart[i + 1] ?? from) - from;
      if (k === 0) continue;
      // Favour the first contacts: a few people get most of one's calls.
      const j = subs.contacts[from + Math.floor(k * rng.next() * rng.next())] ?? 0;
      callee = subs.e164[j] as string;
    } else if (x < 0.96) callee = subs.e164[rng.int(subs.count)] as string;
    else {
      callee = unknownMobile(rng);
      known = subs.index.has(callee);
    }
    // Traffic between two other networks never touches our switches.
    if ((subs.carrier[i] ?? 0) !== 0 && !isOnNet(callee)) continue;
    if (callee === subs.e164[i]) continue;
    const side = subscriberSide(subs, i, rng);
    const call = place(ctx, side, callee, known, Math.floor(t), OUTCOMES.ordinary, rng.chance(0.03));
    if (call.answer === 0) complain(ctx, call, 0.0001, side.e164, callee, 'harassment');
  }
}

function actorSide(a: Actor, rng: Rng, number: string, device: string, origin = a.origin): CallerSide {
  a.used.add(number);
  return {
    origin,
    e164: number,
    invalid: a.invalid.has(number),
    att: rng.pick(a.attestations),
    device,
    cell: a.cell,
    // Some spoofed calls leak the campaign's real trunk number in P-Asserted-Identity.
    pai: a.pai !== '' && rng.chance(0.25) ? a.pai : '',
  };
}

/**
 * The HLR/HSS location the switch stamps on a spoofed call: for an own-range number the lookup finds
 * an assigned subscriber at home; an unassigned one answers home or nothing, and not every carrier's
 * mediation has HLR data, so half of those numbers (by the last digit: no draw, so every other
 * call stays the same) carry none. Other carriers' numbers are never looked up.
 */
function spoofedLocation(subs: Subscribers, number: string): Call['location'] {
  if (!isOnNet(number)) return '';
  if (subs.index.has(number)) return 'home';
  return (number.charCodeAt(number.length - 1) & 1) === 0 ? 'home' : '';
}

function onNetSub(subs: Subscribers, rng: Rng): string {
  return subs.e164[subs.onNet[rng.int(subs.onNet.length)] ?? 0] as string;
}

const LEGIT_NOISE: Partial<Record<Actor['kind'], [number, ComplaintCategory]>> = {
  call_centre: [0.002, 'marketing'],
  courier: [0.0005, 'other'],
  driver: [0.0005, 'other'],
  verification: [0.0003, 'other'],
  notification: [0.001, 'other'],
};

function notificationBursts(ctx: SliceContext, a: Actor, subs: Subscribers): void {
  const rng = ctx.rng;
  const school = a.blocks[0] === '07:30';
  for (let day = localMidnight(ctx.start); day < ctx.end; day += 86_400_000) {
    const wd = localWeekday(day + HOUR_MS);
    if (school && (wd === 0 || wd === 6)) continue;
    for (const hhmm of a.blocks) {
      const t = day + Number(hhmm.slice(0, 2)) * HOUR_MS + Number(hhmm.slice(3)) * 60_000;
      if (t >= ctx.start && t < ctx.end) {
        a.cursor = 0;
        a.nextAt = t;
      }
    }
  }
  // A burst may run on into the next slices; it resumes from cursor/nextAt.
  while (a.cursor < a.targets.length && a.nextAt < ctx.end) {
    const callee = subs.e164[a.targets[a.cursor++] ?? 0] as string;
    const side = actorSide(a, rng, a.numbers[0] as string, '');
    const call = place(ctx, side, callee, true, a.nextAt, OUTCOMES.notification, false);
    complain(ctx, call, LEGIT_NOISE.notification?.[0] ?? 0, side.e164, callee, 'other');
    // A few parallel channels: the next call starts 0.3-3 s later.
    a.nextAt += rng.between(300, 3000);
  }
}

/** One non-ordinary actor's calls within the slice. */
export function actorSlice(ctx: SliceContext, a: Actor, pop: Population): void {
  const rng = ctx.rng;
  const subs = pop.subs;
  const single = a.numbers[0] as string;
  const device = a.devices[0] ?? '';
  switch (a.kind) {
    case 'call_centre':
    case 'courier':
    case 'driver':
    case 'verification': {
      const outcome =
        a.kind === 'call_centre'
          ? OUTCOMES.callCentre
          : a.kind === 'verification'
            ? OUTCOMES.verification
            : OUTCOMES.courier;
      const [pNoise, cat] = LEGIT_NOISE[a.kind] ?? [0, 'other'];
      arrivals(ctx, a.perDay, a.rhythm, (t) => {
        const callee = onNetSub(subs, rng);
        const side = actorSide(a, rng, single, device);
        const call = place(ctx, side, callee, true, t, outcome, false);
        if (call.answer > 0) complain(ctx, call, pNoise, single, callee, cat);
      });
      return;
    }
    case 'notification':
      notificationBursts(ctx, a, subs);
      return;
    case 'robocall': {
      arrivals(ctx, a.perDay, a.rhythm, (t) => {
        const span = a.blocks.length * 10_000;
        a.cursor = (a.cursor + (rng.chance(0.9) ? 1 : rng.between(2, 4))) % span;
        const block = a.blocks[Math.floor(a.cursor / 10_000)] as string;
        const callee = `+86${block}${String(a.cursor % 10_000).padStart(4, '0')}`;
        const side = actorSide(a, rng, single, device);
        const call = place(ctx, side, callee, subs.index.has(callee), t, OUTCOMES.robocall, false);
        complain(ctx, call, call.answer > 0 ? 0.04 : 0.002, single, callee, 'marketing');
      });
      return;
    }
    case 'telemarketing':
    case 'wangiri': {
      const wangiri = a.kind === 'wangiri';
      arrivals(ctx, a.perDay, a.rhythm, (t) => {
        const number = a.numbers[rng.int(a.numbers.length)] as string;
        const callee = onNetSub(subs, rng);
        const side = actorSide(a, rng, number, '');
        const call = place(
          ctx,
          side,
          callee,
          true,
          t,
          wangiri ? OUTCOMES.wangiri : OUTCOMES.telemarketing,
          false,
        );
        if (wangiri) complain(ctx, call, 0.004, number, callee, 'fraud');
        else if (call.answer > 0) complain(ctx, call, 0.03, number, callee, 'marketing');
      });
      return;
    }
    case 'spoofing': {
      arrivals(ctx, a.perDay, a.rhythm, (t) => {
        // A window sliding through the pool: each caller id is used a few times, then dropped.
        const idx = (Math.floor(a.callCount++ / 3) + rng.int(12)) % a.numbers.length;
        const number = a.numbers[idx] as string;
        const callee = onNetSub(subs, rng);
        const call = place(
          ctx,
          actorSide(a, rng, number, ''),
          callee,
          true,
          t,
          OUTCOMES.spoofing,
          rng.chance(0.05),
        );
        call.location = spoofedLocation(subs, number);
        if (call.answer > 0) complain(ctx, call, 0.06, number, callee, 'fraud');
      });
      return;
    }
    case 'scam': {
      arrivals(ctx, a.perDay, a.rhythm, (t) => {
        const number = a.numbers[rng.int(a.numbers.length)] as string;
        const callee = rng.chance(0.8)
          ? (subs.e164[a.targets[rng.int(a.targets.length)] ?? 0] as string)
          : onNetSub(subs, rng);
        const call = place(
          ctx,
          actorSide(a, rng, number, ''),
          callee,
          true,
          t,
          OUTCOMES.scam,
          rng.chance(0.6),
        );
        if (call.answer > 0) complain(ctx, call, 0.12, number, callee, 'fraud');
      });
      return;
    }
    case 'intl_caller': {
      const number = single;
      arrivals(ctx, a.perDay, a.rhythm, (t) => {
        const callee = subs.e164[a.targets[rng.int(a.targets.length)] ?? 0] as string;
        place(ctx, actorSide(a, rng, number, ''), callee, true, t, OUTCOMES.ordinary, rng.chance(0.1));
      });
      // Family here calls back.
      arrivals(ctx, a.perDay * 0.6, RHYTHMS.personal, (t) => {
        const who = a.targets[rng.int(a.targets.length)] ?? 0;
        place(ctx, subscriberSide(subs, who, rng), number, true, t, OUTCOMES.ordinary, false);
      });
      return;
    }
    case 'roamer':
    case 'dual_sim': {
      if (a.targets.length === 0) return;
      arrivals(ctx, a.perDay, a.rhythm, (t) => {
        if (t < a.from || t >= a.to) return;
        const callee = subs.e164[a.targets[rng.int(a.targets.length)] ?? 0] as string;
        // Abroad, only calls to our own subscribers reach our network.
        if (a.kind === 'roamer' && !isOnNet(callee)) return;
        const call = place(
          ctx,
          actorSide(a, rng, single, device),
          callee,
          true,
          t,
          OUTCOMES.ordinary,
          rng.chance(0.03),
        );
        // The HLR knows the trip: the gateway's switch stamps the roamer's calls home.
        if (a.kind === 'roamer') call.location = 'roaming';
      });
      return;
    }
    case 'complained_subscriber': {
      if (ctx.complaintScale <= 0) return;
      arrivals(ctx, a.perDay, a.rhythm, (t) => {
        const reporter = subs.e164[a.targets[rng.int(a.targets.length)] ?? 0] as string;
        ctx.complaints.push({
          time: t,
          reporter: rng.chance(0.5) ? reporter : reporter.slice(3),
          reported: single,
          category: 'harassment',
          callId: '',
        });
        a.used.add(single);
      });
      return;
    }
    case 'reminder_line': {
      arrivals(ctx, a.perDay, a.rhythm, (t) => {
        const callee = subs.e164[a.targets[a.cursor++ % a.targets.length] ?? 0] as string;
        const call = place(ctx, actorSide(a, rng, single, ''), callee, true, t, OUTCOMES.reminder, false);
        complain(ctx, call, 0.0005, single, callee, 'other');
      });
      return;
    }
    case 'intl_spoofing': {
      arrivals(ctx, a.perDay, a.rhythm, (t) => {
        const idx = (Math.floor(a.callCount++ / 3) + rng.int(12)) % a.numbers.length;
        const number = a.numbers[idx] as string;
        const callee = onNetSub(subs, rng);
        const call = place(ctx, actorSide(a, rng, number, ''), callee, true, t, OUTCOMES.spoofing, false);
        call.location = spoofedLocation(subs, number);
        if (call.answer > 0) complain(ctx, call, 0.06, number, callee, 'fraud');
      });
      return;
    }
    case 'snowshoe': {
      arrivals(ctx, a.perDay, a.rhythm, (t) => {
        const idx = rng.int(a.numbers.length);
        const number = a.numbers[idx] as string;
        const block = a.blocks[rng.int(a.blocks.length)] as string;
        const callee = `+86${block}${String(rng.int(10_000)).padStart(4, '0')}`;
        const origin = a.origins[idx % a.origins.length] ?? a.origin;
        const side = actorSide(a, rng, number, '', origin);
        const call = place(ctx, side, callee, subs.index.has(callee), t, OUTCOMES.snowshoe, false);
        if (call.answer > 0) complain(ctx, call, 0.01, number, callee, 'marketing');
      });
      return;
    }
    case 'night_pester':
    case 'targeted_harassment': {
      const victim = subs.e164[a.targets[0] ?? 0] as string;
      arrivals(ctx, a.perDay, a.rhythm, (t) => {
        const call = place(ctx, actorSide(a, rng, single, device), victim, true, t, OUTCOMES.pester, false);
        complain(ctx, call, 0.03, single, victim, 'harassment');
      });
      return;
    }
    case 'device_farm': {
      const life = Math.max(1, (ctx.runEnd - ctx.runStart) / a.numbers.length);
      arrivals(ctx, a.perDay, a.rhythm, (t) => {
        const sim = Math.min(a.numbers.length - 1, Math.floor((t - ctx.runStart) / life));
        const number = a.numbers[sim] as string;
        const handset = a.devices[sim % a.devices.length] as string;
        const callee = onNetSub(subs, rng);
        const call = place(
          ctx,
          actorSide(a, rng, number, handset),
          callee,
          true,
          t,
          OUTCOMES.scam,
          rng.chance(0.3),
        );
        if (call.answer > 0) complain(ctx, call, 0.08, number, callee, 'fraud');
      });
      return;
    }
  }
}
