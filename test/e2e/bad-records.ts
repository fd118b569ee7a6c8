/** Event time of the first generated record: inside the plausible window (2000–2100). */
export const T0 = Date.parse('2026-11-02T09:00:00+08:00');

/** A valid CDR in the input format; `i` makes the call id and times unique. */
export function goodCdr(i: number, prefix = 'ok'): Record<string, unknown> {
  const setup = T0 + i * 1_000;
  return {
    call_id: `${prefix}-${i}`,
    switch_id: 'SW-1',
    setup_time: setup,
    answer_time: setup + 2_000,
    release_time: setup + 30_000,
    calling: `+86138${String(10_000_000 + (i % 5_000)).slice(-8)}`,
    called: '+8613912345678',
    ingress_trunk: 'TR-1',
    ingress_carrier: 'ON-NET',
    release_cause: 16,
    media: 'audio',
  };
}

/**
 * Records with times no call can have, each with the reason ingest must give: out of order, outside
 * 2000–2100, or not a time at all. Indexes start at `from` so call ids stay unique.
 */
export function impossibleTimes(from: number): { record: Record<string, unknown>; reason: string }[] {
  const g = (k: number, over: Record<string, unknown>): Record<string, unknown> => ({
    ...goodCdr(from + k, 'time'),
    ...over,
  });
  const setup = T0 + from * 1_000;
  return [
    { record: g(0, { release_time: setup - 1 }), reason: 'IMPOSSIBLE_TIME' },
    { record: g(8, { release_time: setup + 3 * 86_400_000 }), reason: 'IMPOSSIBLE_TIME' },
    { record: g(1, { answer_time: setup + 60_000 }), reason: 'IMPOSSIBLE_TIME' },
    { record: g(2, { answer_time: setup - 5_000 }), reason: 'IMPOSSIBLE_TIME' },
    { record: g(3, { setup_time: 0, answer_time: null, release_time: 1_000 }), reason: 'IMPOSSIBLE_TIME' },
    {
      record: g(4, {
        setup_time: '1999-12-31T23:59:59Z',
        answer_time: null,
        release_time: '2000-01-01T00:00:10Z',
      }),
      reason: 'IMPOSSIBLE_TIME',
    },
    {
      record: g(5, {
        setup_time: '2200-01-01T00:00:00Z',
        answer_time: null,
        release_time: '2200-01-01T00:01:00Z',
      }),
      reason: 'IMPOSSIBLE_TIME',
    },
    { record: g(6, { setup_time: -1_000 }), reason: 'BAD_TIME' },
    { record: g(7, { setup_time: 1e20 }), reason: 'BAD_TIME' },
    { record: g(9, { setup_time: '2026-11-02T25:61:00+08:00' }), reason: 'BAD_TIME' },
    { record: g(10, { setup_time: '2026-11-02 10:00:00' }), reason: 'BAD_TIME' },
    { record: g(11, { setup_time: 'yesterday' }), reason: 'BAD_TIME' },
    { record: g(12, { setup_time: 'NaN' }), reason: 'BAD_TIME' },
    { record: g(13, { setup_time: 1.5 }), reason: 'BAD_TIME' },
  ];
}

/**
 * Calls on days that do not exist (30 February, 31 April, 29 February of a common year), each
 * otherwise consistent: the times must be refused, not rolled over into March or May.
 */
export function nonexistentDates(from: number): Record<string, unknown>[] {
  return ['2026-02-30', '2026-02-31', '2026-04-31', '2026-02-29', '2026-06-31'].map((day, k) => ({
    ...goodCdr(from + k, 'date'),
    setup_time: `${day}T10:00:00+08:00`,
    answer_time: null,
    release_time: `${day}T10:00:30+08:00`,
  }));
}
