import type { ICallDetailRecord, IComplaintEvent } from '@ringfence/proto';
import { describe, expect, it } from 'vitest';
import { loadRules, parseRules, type Engine, type Rules, type Verdict } from '../src/index.js';
import { scoreFeatures } from '../src/score.js';
import { HOUR, MIN, ROBO, T0, callee, cdr, complaint, newEngine, robocall } from './cdr-builder.js';

function verdictsOf(latest: Map<string, Verdict>): string {
  return JSON.stringify([...latest.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The codes of the rules that fire for `number` now, scored under `rules`. */
function firedCodes(engine: Engine, rules: Rules, number: string): string[] {
  const stage = engine.numbers[0]!.stage;
  const s = stage.states.get(number);
  if (s === undefined) throw new Error(`no state for ${number}`);
  return scoreFeatures(rules, 'number', stage.features(number, s)).reasons.map((r) => r.code);
}

/** Ordinary attested calls: on a network whose calls carry attestation, a missing one is evidence. */
type Rule = Rules['rules'][number];

/** The rules with rule `code` replaced by `edit(rule)`; throws when no rule has that code. */
function withRule(rules: Rules, code: string, edit: (r: Rule) => Rule): Rules {
  if (!rules.rules.some((r) => r.code === code)) throw new Error(`no rule ${code}`);
  return parseRules({ ...rules, rules: rules.rules.map((r) => (r.code === code ? edit(r) : r)) });
}

function attestedTraffic(engine: Engine): void {
  for (let i = 0; i < 20; i++)
    engine.onCdr(
      cdr({ from: `+86139000${String(i).padStart(5, '0')}`, to: callee(9000 + i), at: T0 - HOUR + i * MIN }),
    );
}

/** 200 own-range caller ids rotating through one source, unanswered: the spoofing pattern. */
function rotateOwnRangeIds(engine: Engine, carrier: string, trunk: string, attestation: number): void {
  for (let i = 0; i < 200; i++)
    engine.onCdr(
      cdr({
        from: `+861380000${String(i).padStart(4, '0')}`,
        to: callee(i * 37),
        at: T0 + i * 30_000,
        answered: false,
        attestation,
        carrier,
        trunk,
      }),
    );
}

/**
 * A thin campaign on `trunk`: 40 numbers, 4 unverified calls each to different people in one number
 * block over a morning, unanswered (or the first answered and hung up on after 6 s).
 */
function thinCampaign(engine: Engine, trunk: string, firstAnswered = false): void {
  for (let k = 0; k < 4; k++)
    for (let i = 0; i < 40; i++)
      engine.onCdr(
        cdr({
          from: `+86158000${String(10_000 + i)}`,
          to: callee(i * 7 + k * 1000),
          at: T0 + k * HOUR + i * 20_000,
          answered: firstAnswered && k === 0,
          talkS: 6,
          attestation: 3,
          carrier: 'CT',
          trunk,
        }),
      );
}

describe('engine verdicts', () => {
  it('raises a robocaller to HIGH with explainable reasons, alerts on each rise and records first-reached', () => {
    const { engine, sink } = newEngine();
    for (let i = 0; i < 60; i++) engine.onCdr(robocall(i));
    const v = sink.latest.get(ROBO)!;
    expect(v.level).toBe('HIGH');
    expect(v.category).toBe('robocall');
    expect(v.score).toBeGreaterThanOrEqual(75);
    const codes = v.reasons.map((r) => r.code);
    expect(codes).toContain('SEQUENTIAL_DIALING');
    for (const r of v.reasons) {
      expect(typeof r.value).toBe('number');
      expect(typeof r.threshold).toBe('number');
      expect(r.points).not.toBe(0);
    }
    expect(v.first.HIGH!.calls).toBeLessThanOrEqual(30);
    expect(v.first.LOW!.timeMs).toBeLessThanOrEqual(v.first.HIGH!.timeMs);
    const rises = sink.alerts.filter((a) => a.id === ROBO).map((a) => a.toLevel);
    expect(rises[rises.length - 1]).toBe('HIGH');
    expect(new Set(sink.alerts.map((a) => a.alertId)).size).toBe(sink.alerts.length);
    expect(sink.alerts.at(-1)!.evidence['sequential_ratio']).toBeGreaterThan(0.5);
    // Verdicts are published on change, not per call.
    expect(sink.verdictCount).toBeLessThan(60);
  });

  it('keeps an attested, answered, business-hours call centre below MEDIUM', () => {
    const { engine, sink } = newEngine();
    for (let i = 0; i < 400; i++) {
      engine.onCdr(
        cdr({
          from: '+862012345678',
          to: callee(i * 7919),
          at: T0 + i * 60_000,
          answered: i % 3 !== 0,
          talkS: 140,
          attestation: 1,
          trunk: 'ENT-1',
        }),
      );
    }
    const v = sink.latest.get('+862012345678');
    expect(v === undefined || v.level === 'NONE' || v.level === 'LOW').toBe(true);
  });

  it('names a source carrying many rotating ON-NET-range caller ids and taints later callers through it', () => {
    const { engine, sink } = newEngine();
    rotateOwnRangeIds(engine, 'VOIP-X', 'TG-SPOOF', 3);
    expect(sink.latest.get('trunk:TG-SPOOF')?.level).toMatch(/MEDIUM|HIGH/);
    expect(sink.latest.get('trunk:TG-SPOOF')?.category).toBe('spoofing');
    // A valid off-net number nobody calls, with C attestation, unanswered twice through the flagged
    // trunk: the route plus the caller's own evidence.
    const through = (from: string, at: number, to = callee(1)): ICallDetailRecord =>
      cdr({ from, to, at, answered: false, attestation: 3, carrier: 'VOIP-X', trunk: 'TG-SPOOF' });
    engine.onCdr(through('+8615512345678', T0 + 3 * HOUR));
    engine.onCdr(through('+8615512345678', T0 + 3 * HOUR + 60_000, callee(2)));
    const v = sink.latest.get('+8615512345678');
    expect(v?.level).toMatch(/MEDIUM|HIGH/);
    expect(v?.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['VIA_SPOOFING_SOURCE', 'VIA_SPOOFING_SOURCE_UNANSWERED']),
    );
    // Calling the same person again is what people do (a retry), not working through a list: the
    // repeat does not count, and the route with one unanswered retry stays below MEDIUM.
    engine.onCdr(through('+8615587654321', T0 + 3 * HOUR));
    engine.onCdr(through('+8615587654321', T0 + 3 * HOUR + 60_000));
    const retry = sink.latest.get('+8615587654321');
    expect(retry?.reasons.map((r) => r.code)).toContain('VIA_SPOOFING_SOURCE');
    expect(retry?.reasons.map((r) => r.code)).not.toContain('VIA_SPOOFING_SOURCE_REPEAT');
    expect(retry?.level).toBe('LOW');
  });

  it('marks a source whose unattested callers stand out among attested calls, not one that attests nothing', () => {
    const { engine, sink } = newEngine();
    // An interconnect trunk: its ordinary callers attested, a spoofing campaign's rotating ids not.
    for (let i = 0; i < 300; i++) {
      engine.onCdr(
        cdr({
          from: `+86155${String(i).padStart(8, '0')}`,
          to: callee(i * 13),
          at: T0 + i * 30_000,
          attestation: 2,
          carrier: 'CU',
          trunk: 'TG-MIXED',
        }),
      );
    }
    rotateOwnRangeIds(engine, 'CU', 'TG-MIXED', 0);
    const mixed = sink.latest.get('trunk:TG-MIXED');
    expect(mixed?.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['SRC_ROTATING_SUSPECT_NUMBERS', 'SRC_UNATTESTED_CALLERS']),
    );
    // A route that attests nothing at all (a legacy interconnect): no call of it stands out by that.
    rotateOwnRangeIds(engine, 'LEGACY', 'TG-LEGACY', 0);
    const legacy = sink.latest.get('trunk:TG-LEGACY');
    expect(legacy?.reasons.map((r) => r.code)).toContain('SRC_ROTATING_SUSPECT_NUMBERS');
    expect(legacy?.reasons.map((r) => r.code)).not.toContain('SRC_UNATTESTED_CALLERS');
  });

  it('implicates no caller by route alone: not one people call, nor a foreign number on an international gateway', () => {
    const { engine, sink } = newEngine();
    attestedTraffic(engine);
    const gateway = 'TG-SH-INTL-01';
    rotateOwnRangeIds(engine, 'INTL-GW-3', gateway, 0);
    expect(sink.latest.get(`trunk:${gateway}`)?.level).toMatch(/MEDIUM|HIGH/);
    const abroad = (from: string, at: number): ICallDetailRecord =>
      cdr({ from, to: callee(2), at, answered: false, attestation: 0, carrier: 'INTL-GW-3', trunk: gateway });
    // Family abroad: a foreign number is what an international gateway carries.
    for (let k = 0; k < 3; k++) engine.onCdr(abroad('+447501234567', T0 + 3 * HOUR + k * 60_000));
    // A subscriber of another network whom people here call: history, not a made-up id.
    engine.onCdr(cdr({ from: callee(5), to: '+8615587654321', at: T0 + 2 * HOUR }));
    for (let k = 0; k < 3; k++) engine.onCdr(abroad('+8615587654321', T0 + 3 * HOUR + k * 60_000));
    for (const n of ['+447501234567', '+8615587654321']) {
      const v = sink.latest.get(n);
      expect(v?.level ?? 'NONE', n).toMatch(/NONE|LOW/);
      expect(v?.reasons.map((r) => r.code) ?? [], n).not.toContain('VIA_SPOOFING_SOURCE');
    }
    // The same pattern from a number nobody calls is implicated.
    for (let k = 0; k < 3; k++) engine.onCdr(abroad('+8615511112222', T0 + 3 * HOUR + k * 60_000));
    expect(sink.latest.get('+8615511112222')?.level).toMatch(/MEDIUM|HIGH/);
  });
});

describe('evidence of the caller’s own', () => {
  it('never implicates a subscriber the location register says is roaming, and does one it says is at home', () => {
    const { engine, sink } = newEngine();
    const gateway = 'TG-SH-INTL-01';
    const abroad = (from: string, at: number, location: number): ICallDetailRecord =>
      cdr({
        from,
        to: callee(3),
        at,
        answered: false,
        attestation: 0,
        carrier: 'INTL-GW-3',
        trunk: gateway,
        location,
      });
    rotateOwnRangeIds(engine, 'INTL-GW-3', gateway, 0);
    expect(sink.latest.get(`trunk:${gateway}`)?.level).toMatch(/MEDIUM|HIGH/);
    for (let k = 0; k < 3; k++) engine.onCdr(abroad('+8613911112222', T0 + 3 * HOUR + k * MIN, 2));
    expect(sink.latest.get('+8613911112222')?.level ?? 'NONE').toMatch(/NONE|LOW/);
    for (let k = 0; k < 3; k++) engine.onCdr(abroad('+8613911113333', T0 + 3 * HOUR + k * MIN, 1));
    expect(sink.latest.get('+8613911113333')?.reasons.map((r) => r.code)).toContain('ONNET_FROM_OUTSIDE');
  });

  it('names a thin campaign by its trunk and flags its members, not the trunk’s ordinary callers', () => {
    const { engine, sink } = newEngine();
    const trunk = 'TG-GZ-IC-01';
    thinCampaign(engine, trunk);
    // An ordinary caller on the same trunk: answered, attested B, calls the same two people.
    for (let k = 0; k < 4; k++)
      engine.onCdr(
        cdr({
          from: '+8618000000001',
          to: callee(k % 2),
          at: T0 + k * HOUR,
          attestation: 2,
          carrier: 'CT',
          trunk,
        }),
      );
    // A subscriber of the trunk whose calls look like a member's (unanswered, unverified, each to
    // someone new) but go to their own contacts, in another number block than the campaign's list.
    for (let k = 0; k < 4; k++)
      engine.onCdr(
        cdr({
          from: '+8618000000003',
          to: callee(k * 17, 13_812_340_000),
          at: T0 + k * HOUR + 10 * MIN,
          answered: false,
          attestation: 3,
          carrier: 'CT',
          trunk,
        }),
      );
    engine.onCdr(cdr({ from: '+8613900000050', at: T0 + 6 * HOUR }));
    engine.flush();
    expect(sink.latest.get(`trunk:${trunk}`)?.reasons.map((r) => r.code)).toContain('SRC_CAMPAIGN');
    const member = sink.latest.get('+8615800010005');
    expect(member?.level).toBe('MEDIUM');
    expect(member?.reasons.map((r) => r.code)).toContain('CAMPAIGN_MEMBER');
    expect(sink.latest.get('+8618000000001')?.level ?? 'NONE').toBe('NONE');
    expect(sink.latest.get('+8618000000003')?.level ?? 'NONE').toBe('NONE');
  });

  it('lets a number with fewer unverified calls join a campaign found on its trunk, not one attested A', () => {
    const { engine, sink } = newEngine();
    const trunk = 'TG-GZ-IC-01';
    thinCampaign(engine, trunk);
    // More numbers dialling the campaign's block, one call in four attested C (below
    // `minUnverifiedShare`): with the rest B, four calls join; one call attested A, or three calls,
    // do not. Two calls join only if both are unverified (and, like every call here, unanswered).
    const dial = (from: string, attestations: number[]): void =>
      attestations.forEach((attestation, k) =>
        engine.onCdr(
          cdr({
            from,
            to: callee(5000 + k * 11),
            at: T0 + k * HOUR + 30 * MIN,
            answered: false,
            attestation,
            carrier: 'CT',
            trunk,
          }),
        ),
      );
    dial('+8615800020001', [3, 2, 2, 2]);
    dial('+8615800020002', [3, 2, 1, 2]);
    dial('+8615800020003', [3, 2, 2]);
    dial('+8615800020004', [3, 3]);
    dial('+8615800020005', [3, 2]);
    engine.onCdr(cdr({ from: '+8613900000050', at: T0 + 6 * HOUR }));
    engine.flush();
    expect(sink.latest.get(`trunk:${trunk}`)?.reasons.map((r) => r.code)).toContain('SRC_CAMPAIGN');
    const joined = sink.latest.get('+8615800020001');
    expect(joined?.level).toBe('MEDIUM');
    expect(joined?.reasons.map((r) => r.code)).toContain('CAMPAIGN_MEMBER');
    expect(sink.latest.get('+8615800020002')?.level ?? 'NONE').toBe('NONE');
    expect(sink.latest.get('+8615800020003')?.level ?? 'NONE').toBe('NONE');
    expect(sink.latest.get('+8615800020004')?.reasons.map((r) => r.code)).toContain('CAMPAIGN_MEMBER');
    expect(sink.latest.get('+8615800020005')?.level ?? 'NONE').toBe('NONE');
  });

  it('counts a thin campaign member whose answered calls are hung up on, not a caller who talked', () => {
    const { engine, sink } = newEngine();
    const trunk = 'TG-GZ-IC-01';
    thinCampaign(engine, trunk, true);
    // The same pattern, but its one answered call was a conversation: a subscriber, not a campaign.
    for (let k = 0; k < 4; k++)
      engine.onCdr(
        cdr({
          from: '+8618000000002',
          to: callee(5000 + k),
          at: T0 + k * HOUR + 30 * MIN,
          answered: k === 0,
          talkS: 200,
          attestation: 3,
          carrier: 'CT',
          trunk,
        }),
      );
    engine.onCdr(cdr({ from: '+8613900000050', at: T0 + 6 * HOUR }));
    engine.flush();
    expect(sink.latest.get('+8615800010005')?.reasons.map((r) => r.code)).toContain('CAMPAIGN_MEMBER');
    expect(sink.latest.get('+8618000000002')?.level ?? 'NONE').toBe('NONE');
  });

  it('keeps an attested reminder line whose answered calls are conversations below MEDIUM, not a short-call dialer', () => {
    // 40 calls at a slow pace (the number is not busy yet: its tiny state counts them), then 260 to
    // different people 90 s apart; 30% answered, `talkS` is how long the answered ones last.
    const line = (from: string, talkS: number): ICallDetailRecord[] =>
      Array.from({ length: 300 }, (_, i) =>
        cdr({
          from,
          to: callee(i * 7919),
          at: i < 40 ? T0 - (40 - i) * 25 * MIN : T0 + (i - 40) * 90_000,
          answered: i % 10 < 3,
          talkS,
          attestation: 1,
          trunk: 'ENT-GZ-31',
        }),
      );
    const run = (rules: Rules, talkS: number): Verdict | undefined => {
      const { engine, sink } = newEngine(rules);
      // An engine that has been watching for a while: the line's first calls are new to the network.
      engine.onCdr(cdr({ at: T0 - 48 * HOUR }));
      for (const c of line('+862000000031', talkS)) engine.onCdr(c);
      engine.flush();
      return sink.latest.get('+862000000031');
    };
    const rules = loadRules();
    expect(run(rules, 70)?.first.MEDIUM).toBeUndefined();
    // What keeps it down is the evidence of conversations on attested calls (the slow start's
    // attested calls included): without that rule, or with answered calls hung up on, it is flagged.
    const without = parseRules({
      ...rules,
      rules: rules.rules.filter((r) => r.code !== 'ATTESTED_CONVERSATIONS'),
    });
    expect(run(without, 70)?.first.MEDIUM).toBeDefined();
    expect(run(rules, 4)?.first.MEDIUM).toBeDefined();
  });

  it('counts five reporters against a number only at a complaint rate its answered calls do not dilute', () => {
    const run = (rules: Rules): { line: string[]; caller: string[] } => {
      const { engine } = newEngine(rules);
      const reported = (number: string, k: number, at: number): IComplaintEvent => ({
        ...complaint(number, at),
        reporter: { raw: callee(900 + k), e164: callee(900 + k), valid: true },
      });
      // A busy notification line: 500 attested calls a morning, 70% answered; five people complain.
      const line = '+862000000040';
      for (let i = 0; i < 500; i++)
        engine.onCdr(
          cdr({ from: line, to: callee(i * 7919), at: T0 + i * 2000, answered: i % 10 < 7, talkS: 35 }),
        );
      // A caller of a dozen calls, a third answered, the same five complaints.
      const caller = '+8613800000041';
      for (let i = 0; i < 12; i++)
        engine.onCdr(cdr({ from: caller, to: callee(i * 31), at: T0 + i * 10 * MIN, answered: i % 3 === 0 }));
      for (let k = 0; k < 5; k++) {
        engine.onComplaint(reported(line, k, T0 + 3 * HOUR + k * MIN));
        engine.onComplaint(reported(caller, k, T0 + 3 * HOUR + k * MIN));
      }
      // Every rule that fires, whether or not the score crosses a level (the line's alone does not).
      const all = parseRules({ ...rules, maxReasons: 32 });
      return { line: firedCodes(engine, all, line), caller: firedCodes(engine, all, caller) };
    };
    const rules = loadRules();
    const shipped = run(rules);
    expect(shipped.line).toContain('MANY_DISTINCT_CALLEES');
    expect(shipped.line).not.toContain('MANY_REPORTERS');
    expect(shipped.caller).toContain('MANY_REPORTERS');
    // Five in 350 answered calls is one in 70: at a bar of one in a hundred they would count.
    const lower = withRule(rules, 'MANY_REPORTERS', (r) => ({
      ...r,
      when: r.when.map((w) => (w.feature === 'complaint_rate' ? { ...w, value: 0.01 } : w)),
    }));
    expect(run(lower).line).toContain('MANY_REPORTERS');
  });

  it('counts one complaint against a line only at one in a hundred of its answered calls', () => {
    const lineCodes = (rules: Rules): string[] => {
      const { engine, sink } = newEngine(rules);
      // An appointment line: 1,000 attested calls a morning, a quarter answered and listened to.
      const line = '+862000000060';
      for (let i = 0; i < 1000; i++) {
        // Someone among the first 125 who answered complains.
        if (i === 500) engine.onComplaint(complaint(line, T0 + i * 10_000));
        engine.onCdr(
          cdr({ from: line, to: callee(i * 7919), at: T0 + i * 10_000, answered: i % 4 === 0, talkS: 70 }),
        );
      }
      return sink.latest.get(line)?.reasons.map((r) => r.code) ?? [];
    };
    const rules = loadRules();
    const shipped = lineCodes(rules);
    expect(shipped).toContain('LOW_ANSWER_RATIO');
    expect(shipped).not.toContain('COMPLAINED_ABOUT');
    // Without the rate condition the same complaint counts against the line.
    const anyRate = withRule(rules, 'COMPLAINED_ABOUT', (r) => ({
      ...r,
      when: r.when.filter((w) => w.feature !== 'complaint_rate'),
    }));
    expect(lineCodes(anyRate)).toContain('COMPLAINED_ABOUT');
  });

  it('adds up a few unanswered calls a night to one person across nights', () => {
    const { engine, sink } = newEngine();
    const pester = '+8613800000077';
    const victim = callee(77);
    // 23:00 local (15:00 UTC) on two nights, two unanswered calls each; an ordinary day between.
    const night = (n: number, k: number): number => Date.UTC(2026, 10, 2 + n, 15, k * 20);
    for (let n = 0; n < 2; n++) {
      for (let k = 0; k < 2; k++)
        engine.onCdr(cdr({ from: pester, to: victim, at: night(n, k), answered: false, cause: 21 }));
      engine.onCdr(cdr({ from: pester, to: callee(5), at: night(n, 0) + 12 * HOUR }));
    }
    const v = sink.latest.get(pester);
    expect(v?.level).toMatch(/MEDIUM|HIGH/);
    expect(v?.category).toBe('targeted_harassment');
    expect(v?.reasons.map((r) => r.code)).toContain('NIGHTLY_REPEATED_CALLEE');
    // A partner rung unanswered at night the same way, but who talks with the caller by day: the
    // two are in touch, which a harasser's target is not.
    const partner = '+8613800000078';
    const other = callee(78);
    for (let n = 0; n < 2; n++) {
      for (let k = 0; k < 2; k++)
        engine.onCdr(cdr({ from: partner, to: other, at: night(n, k), answered: false, cause: 21 }));
      engine.onCdr(cdr({ from: partner, to: other, at: night(n, 0) + 12 * HOUR, talkS: 240 }));
    }
    expect(sink.latest.get(partner)?.reasons.map((r) => r.code) ?? []).not.toContain(
      'NIGHTLY_REPEATED_CALLEE',
    );
    // Family abroad who get through at night do not add up.
    const family = '+447501234567';
    for (let n = 0; n < 2; n++)
      for (let k = 0; k < 3; k++)
        engine.onCdr(
          cdr({ from: family, to: victim, at: night(n, k), answered: k !== 0, carrier: 'INTL-GW-3' }),
        );
    expect(sink.latest.get(family)?.reasons.map((r) => r.code) ?? []).not.toContain(
      'NIGHTLY_REPEATED_CALLEE',
    );
    // An early riser: one call late in the evening, two after 06:00 the next morning, one the next
    // evening, all unanswered. Only the evening calls fall in the night: two over two nights.
    const early = '+8613800000079';
    const contact = callee(79);
    const local = (day: number, h: number, m: number): number => Date.UTC(2026, 10, 2 + day, h - 8, m);
    for (const at of [local(0, 22, 17), local(1, 6, 9), local(1, 6, 18), local(1, 22, 50)])
      engine.onCdr(cdr({ from: early, to: contact, at, answered: false, cause: 19 }));
    expect(sink.latest.get(early)?.reasons.map((r) => r.code) ?? []).not.toContain('NIGHTLY_REPEATED_CALLEE');
    // The same four calls at 05:09 and 05:18 instead are four night calls over two nights.
    const late = '+8613800000080';
    for (const at of [local(0, 22, 17), local(1, 5, 9), local(1, 5, 18), local(1, 22, 50)])
      engine.onCdr(cdr({ from: late, to: contact, at, answered: false, cause: 19 }));
    expect(sink.latest.get(late)?.reasons.map((r) => r.code)).toContain('NIGHTLY_REPEATED_CALLEE');
  });

  it('holds repeated unanswered calls to one person as harassment, not to someone the caller talks with at length', () => {
    const { engine, sink } = newEngine();
    // Sixteen calls to one person within two hours, most rejected, the few answered hung up on.
    const ring = (from: string, to: string, talkS: (i: number) => number): void => {
      for (let i = 0; i < 16; i++) {
        const answered = i % 4 === 3;
        engine.onCdr(
          cdr({ from, to, at: T0 + i * 7 * MIN, answered, talkS: talkS(i), cause: answered ? 16 : 21 }),
        );
      }
    };
    const pester = '+8613800000091';
    ring(pester, callee(91), () => 15);
    const v = sink.latest.get(pester);
    expect(v?.level).toMatch(/MEDIUM|HIGH/);
    expect(v?.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['REPEATED_CALLEE', 'REPEAT_AFTER_REJECT']),
    );
    // The same rhythm to a relative who, when they pick up, talks for four minutes once.
    const family = '+8613800000092';
    ring(family, callee(92), (i) => (i === 11 ? 240 : 15));
    const f = sink.latest.get(family);
    expect(f?.reasons.map((r) => r.code) ?? []).not.toContain('REPEATED_CALLEE');
    expect(f?.level ?? 'NONE').toMatch(/NONE|LOW/);
  });

  it('on a network that attests nothing, judges by what the calls show, not by the attestation they all lack', () => {
    const { engine, sink } = newEngine();
    // A verification-code line late in the evening: many people in a few blocks, most answer, none
    // attested. It entered on the home network, which vouches for it as attestation A would.
    const line = '+861077930656';
    // The same line arriving from another carrier, which vouches for nothing here, is judged on
    // its calls alone.
    const offNet = '+862077930656';
    for (let i = 0; i < 160; i++)
      for (const [from, origin] of [
        [line, {}],
        [offNet, { carrier: 'CT', trunk: 'TG-CT' }],
      ] as const)
        engine.onCdr(
          cdr({
            from,
            to: callee(i * 37),
            at: T0 + 12 * HOUR + i * 30_000,
            answered: i % 5 !== 0,
            talkS: 14,
            attestation: 0,
            ...origin,
          }),
        );
    expect(sink.latest.get(line)?.level).toBe('LOW');
    expect(sink.latest.get(line)?.reasons.map((r) => r.code)).toContain('ATTESTED_A');
    const judged = sink.latest.get(offNet);
    expect(judged).toBeDefined();
    expect(judged?.reasons.map((r) => r.code)).not.toContain('ATTESTED_A');
    // A robocaller on the same network still rises: unanswered, sequential.
    for (let i = 0; i < 60; i++) engine.onCdr(robocall(i));
    expect(sink.latest.get(ROBO)?.level).toMatch(/MEDIUM|HIGH/);
  });

  it('counts a caller id reused through a spoofing source only in a burst, not a subscriber’s calls spread over the day', () => {
    const { engine, sink } = newEngine();
    rotateOwnRangeIds(engine, 'VOIP-X', 'TG-SPOOF', 3);
    const through = (from: string, at: number, to: string): ICallDetailRecord =>
      cdr({ from, to, at, answered: false, attestation: 3, carrier: 'VOIP-X', trunk: 'TG-SPOOF' });
    // A made-up id: used twice within minutes, then dropped.
    engine.onCdr(through('+8615512345678', T0 + 3 * HOUR, callee(1)));
    engine.onCdr(through('+8615512345678', T0 + 3 * HOUR + 10 * MIN, callee(2)));
    const burst = sink.latest.get('+8615512345678');
    expect(burst?.reasons.map((r) => r.code)).toContain('VIA_SPOOFING_SOURCE_REPEAT');
    expect(burst?.level).toMatch(/MEDIUM|HIGH/);
    // The same two calls hours apart: a subscriber of the trunk's carrier going about the day.
    engine.onCdr(through('+8615587654321', T0 + 3 * HOUR, callee(3)));
    engine.onCdr(through('+8615587654321', T0 + 6 * HOUR, callee(4)));
    const spread = sink.latest.get('+8615587654321');
    expect(spread?.reasons.map((r) => r.code)).toContain('VIA_SPOOFING_SOURCE');
    expect(spread?.reasons.map((r) => r.code)).not.toContain('VIA_SPOOFING_SOURCE_REPEAT');
    expect(spread?.level).toBe('LOW');
  });

  it('names a handset that puts two busy, mostly unanswered numbers through in turn, not a dual-SIM phone', () => {
    const { engine, sink } = newEngine();
    /** `calls` calls a minute apart from `from` on `device`, one in `answerEvery` answered. */
    const run = (device: string, from: string, start: number, calls: number, answerEvery: number): void => {
      for (let i = 0; i < calls; i++)
        engine.onCdr(
          cdr({
            from,
            to: callee(i * 101 + start / MIN),
            at: start + i * MIN,
            answered: i % answerEvery === 0,
            device,
          }),
        );
    };
    // A SIM farm handset: one throw-away SIM for an hour, the next one three hours later.
    run('IMEI-FARM', '+8613600000001', T0, 60, 3);
    expect(sink.latest.get('device:IMEI-FARM')?.level ?? 'NONE').toBe('NONE');
    run('IMEI-FARM', '+8613600000002', T0 + 4 * HOUR, 20, 3);
    const farm = sink.latest.get('device:IMEI-FARM');
    expect(farm?.level).toMatch(/MEDIUM|HIGH/);
    expect(farm?.reasons.map((r) => r.code)).toContain('DEVICE_NUMBERS_IN_TURN');
    expect(sink.latest.get('+8613600000002')?.reasons.map((r) => r.code)).toContain('VIA_FLAGGED_DEVICE');
    // As busy, but its calls answered: someone who swapped SIMs and talks to the people they call.
    run('IMEI-SWAP', '+8613600000011', T0, 60, 1);
    run('IMEI-SWAP', '+8613600000012', T0 + 4 * HOUR, 20, 1);
    // A dual-SIM phone: two numbers in everyday use, few calls each, half of them unanswered.
    for (let i = 0; i < 20; i++)
      engine.onCdr(
        cdr({
          from: `+861360000002${i % 2}`,
          to: callee(i % 5),
          at: T0 + i * 30 * MIN,
          answered: i % 4 < 2,
          device: 'IMEI-DUAL',
        }),
      );
    for (const device of ['IMEI-SWAP', 'IMEI-DUAL']) {
      const v = sink.latest.get(`device:${device}`);
      expect(v?.level ?? 'NONE', device).toMatch(/NONE|LOW/);
      expect(v?.reasons.map((r) => r.code) ?? [], device).not.toContain('DEVICE_NUMBERS_IN_TURN');
    }
  });
});

describe('allowlist and operator feedback', () => {
  it('holds allowlisted numbers at NONE', () => {
    const { engine, sink } = newEngine(
      parseRules({ ...loadRules(), allowlist: { numbers: [ROBO], prefixes: [] } }),
    );
    for (let i = 0; i < 60; i++) engine.onCdr(robocall(i));
    expect(sink.latest.get(ROBO)?.level ?? 'NONE').toBe('NONE');
  });

  it('applies FALSE_POSITIVE, BLOCKLIST and UNDO in order', () => {
    const { engine, sink } = newEngine();
    for (let i = 0; i < 60; i++) engine.onCdr(robocall(i));
    const at = T0 + HOUR;
    engine.onFeedback({ feedbackId: 'f1', timeMs: at, kind: 'number', id: ROBO, action: 'FALSE_POSITIVE' });
    expect(sink.latest.get(ROBO)).toMatchObject({ level: 'NONE', override: 'false_positive' });
    engine.onFeedback({
      feedbackId: 'f2',
      timeMs: at + 1,
      kind: 'number',
      id: ROBO,
      action: 'UNDO',
      undoes: 'f1',
    });
    expect(sink.latest.get(ROBO)).toMatchObject({ level: 'HIGH', override: '' });
    engine.onFeedback({
      feedbackId: 'f3',
      timeMs: at + 2,
      kind: 'number',
      id: '+8613911111111',
      action: 'BLOCKLIST',
    });
    expect(sink.latest.get('+8613911111111')).toMatchObject({
      level: 'HIGH',
      score: 100,
      override: 'blocklist',
    });
    engine.onFeedback({ feedbackId: 'f4', timeMs: at + 3, kind: 'trunk', id: 'TG-1', action: 'CONFIRM' });
    expect(sink.latest.get('trunk:TG-1')).toMatchObject({ level: 'HIGH', override: 'confirm' });
  });
});

describe('event time mechanics', () => {
  it('applies late records whose bucket still exists, counts them, and drops ones older than the window', () => {
    const { engine } = newEngine(parseRules({ ...loadRules(), promoteCallsPerHour: 1 }));
    const from = '+8613811111111';
    engine.onCdr(cdr({ from, at: T0 + 2 * HOUR, to: callee(1) }));
    engine.onCdr(cdr({ from, at: T0 + HOUR, to: callee(2) })); // late by 1h: still in the 24h window
    engine.onCdr(cdr({ from, at: T0 - 30 * HOUR, to: callee(3) })); // before the window: dropped
    const s = engine.numbers[0]!.stage.states.get(from)!;
    expect(s.rich!.qTotal[0]).toBe(2);
    expect(s.rich!.tooLate).toBe(1);
    expect(engine.lateRecords).toBe(2);
  });

  it('evicts idle subjects by event time and tombstones expired risk', () => {
    const { engine, sink } = newEngine();
    for (let i = 0; i < 60; i++) engine.onCdr(robocall(i));
    expect(engine.numbers[0]!.stage.states.has(ROBO)).toBe(true);
    // Other traffic moves event time on by more than a day plus the allowed lateness.
    for (let h = 1; h <= 27; h++)
      engine.onCdr(cdr({ from: '+8613822222222', to: callee(h), at: T0 + h * HOUR }));
    expect(engine.numbers[0]!.stage.states.has(ROBO)).toBe(false);
    expect(sink.tombstones).toBeGreaterThan(0);
    expect(sink.latest.get(ROBO)?.level).toBe('NONE');
  });

  it('keeps an operator’s blocklist published after the number goes quiet, and names a redress', () => {
    const { engine, sink } = newEngine();
    const quiet = '+8613811110000';
    engine.onCdr(cdr({ from: quiet, at: T0 }));
    engine.onFeedback({ feedbackId: 'b1', timeMs: T0 + 1, kind: 'number', id: quiet, action: 'BLOCKLIST' });
    // An appeal upheld for a number never flagged: published, as a redress, not as nothing.
    const appealed = '+8613822220000';
    engine.onFeedback({
      feedbackId: 'r1',
      timeMs: T0 + 2,
      kind: 'number',
      id: appealed,
      action: 'ALLOWLIST',
      caseId: 'case-7',
    });
    expect(sink.latest.get(appealed)).toMatchObject({ level: 'NONE', override: 'redress' });
    for (let h = 1; h <= 27; h++)
      engine.onCdr(cdr({ from: '+8613822222222', to: callee(h), at: T0 + h * HOUR }));
    expect(engine.numbers[0]!.stage.states.has(quiet)).toBe(false);
    expect(sink.latest.get(quiet)).toMatchObject({ level: 'HIGH', override: 'blocklist' });
    expect(sink.latest.get(appealed)).toMatchObject({ override: 'redress' });
  });

  it('replays identically from a snapshot taken mid-stream', () => {
    const stream = [
      ...Array.from({ length: 80 }, (_, i) => robocall(i)),
      ...Array.from({ length: 80 }, (_, i) =>
        cdr({
          from: `+861380000${String(i).padStart(4, '0')}`,
          to: callee(i * 41),
          at: T0 + i * 30_000,
          answered: i % 3 === 0,
          attestation: i % 2 === 0 ? 0 : 3,
          carrier: 'VOIP-X',
          trunk: 'TG-SPOOF',
          device: `D${i % 3}`,
        }),
      ),
    ].sort((a, b) => Number(a.setupTimeMs) - Number(b.setupTimeMs));
    const whole = newEngine();
    for (const c of stream) whole.engine.onCdr(c);

    const first = newEngine();
    for (const c of stream.slice(0, 90)) first.engine.onCdr(c);
    const snap = first.engine.snapshot();
    const resumed = newEngine();
    resumed.engine.restore(snap);
    for (const [k, v] of first.sink.latest) resumed.sink.latest.set(k, v);
    for (const c of stream.slice(90)) resumed.engine.onCdr(c);

    expect(verdictsOf(resumed.sink.latest)).toBe(verdictsOf(whole.sink.latest));
    expect(resumed.engine.snapshot().equals(whole.engine.snapshot())).toBe(true);
  });

  it('refuses a corrupt snapshot with INTEGRITY', () => {
    const { engine } = newEngine();
    engine.onCdr(robocall(1));
    const snap = engine.snapshot();
    expect(() => newEngine().engine.restore(snap.subarray(0, snap.length - 7))).toThrow(
      /truncated|trailing|snapshot/,
    );
  });
});

describe('a new busy number', () => {
  const BUSY = '+8617700000001';
  /** 40 unanswered calls to different people, 30 s apart, from `at`. */
  const busyDay = (engine: Engine, at: number): void => {
    for (let i = 0; i < 40; i++)
      engine.onCdr(
        cdr({ from: BUSY, to: callee((i * 7919) % 100_000), at: at + i * 30_000, answered: false }),
      );
    engine.flush();
  };
  const reasonsOf = (latest: Map<string, Verdict>): string[] =>
    (latest.get(BUSY)?.reasons ?? []).map((r) => r.code);

  it('is new only once the engine has watched for a day before its first call', () => {
    const cold = newEngine();
    busyDay(cold.engine, T0);
    expect(reasonsOf(cold.sink.latest)).toContain('LOW_ANSWER_RATIO');
    expect(reasonsOf(cold.sink.latest)).not.toContain('NEW_BUSY_NUMBER');

    const warm = newEngine();
    warm.engine.onCdr(cdr({ at: T0 }));
    busyDay(warm.engine, T0 + 25 * HOUR);
    expect(reasonsOf(warm.sink.latest)).toContain('NEW_BUSY_NUMBER');
  });

  it('keeps how long the engine has watched across a snapshot', () => {
    const first = newEngine();
    first.engine.onCdr(cdr({ at: T0 }));
    const resumed = newEngine();
    resumed.engine.restore(first.engine.snapshot());
    busyDay(resumed.engine, T0 + 25 * HOUR);
    expect(reasonsOf(resumed.sink.latest)).toContain('NEW_BUSY_NUMBER');

    const fresh = newEngine();
    fresh.engine.restore(newEngine().engine.snapshot());
    busyDay(fresh.engine, T0 + 25 * HOUR);
    expect(reasonsOf(fresh.sink.latest)).not.toContain('NEW_BUSY_NUMBER');
  });
});
