import { describe, expect, it } from 'vitest';
import { ComplaintCategory } from '@ringfence/proto';
import { parseComplaint, type RejectReason } from '@ringfence/cdr';

const good = {
  time: '2026-11-25T12:00:00+08:00',
  reporter: '13812345678',
  reported: '+86 170 0000 1234',
  category: 'fraud',
  call_id: 'c-9',
};

describe('parseComplaint', () => {
  it('maps every field', () => {
    const r = parseComplaint(good);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      timeMs: Date.UTC(2026, 10, 25, 4),
      reporter: { raw: '13812345678', e164: '+8613812345678', valid: true },
      reported: { raw: '+86 170 0000 1234', e164: '+8617000001234' },
      category: ComplaintCategory.COMPLAINT_CATEGORY_FRAUD,
      callId: 'c-9',
      ingestTimeMs: 0,
    });
    expect(r.value.complaintId).toMatch(/^[0-9a-f]{20}$/);
  });

  it('derives a stable id from the content, and keeps a given one', () => {
    const a = parseComplaint(good);
    const b = parseComplaint({ ...good });
    const c = parseComplaint({ ...good, reporter: '13900000000' });
    expect(a.ok && b.ok && a.value.complaintId === b.value.complaintId).toBe(true);
    expect(a.ok && c.ok && a.value.complaintId !== c.value.complaintId).toBe(true);
    const d = parseComplaint({ ...good, complaint_id: 'X-1' });
    expect(d.ok && d.value.complaintId).toBe('X-1');
  });

  it.each(['harassment', 'fraud', 'marketing', 'other', 'Harassment '])('accepts category %j', (category) => {
    expect(parseComplaint({ ...good, category }).ok).toBe(true);
  });

  it('takes call_id as optional', () => {
    const r = parseComplaint({ ...good, call_id: undefined });
    expect(r.ok && r.value.callId).toBe('');
  });

  const cases: [string, unknown, RejectReason][] = [
    ['not an object', 'x', 'MALFORMED'],
    ['no time', { ...good, time: null }, 'MISSING_FIELD'],
    ['bad time', { ...good, time: 'noon' }, 'BAD_TIME'],
    ['old time', { ...good, time: 5 }, 'IMPOSSIBLE_TIME'],
    ['no reporter', { ...good, reporter: '' }, 'MISSING_FIELD'],
    ['no reported', { ...good, reported: undefined }, 'MISSING_FIELD'],
    ['no category', { ...good, category: '' }, 'MISSING_FIELD'],
    ['bad category', { ...good, category: 'spam' }, 'BAD_CATEGORY'],
    ['numeric category', { ...good, category: 1 }, 'BAD_CATEGORY'],
    ['category constructor', { ...good, category: 'constructor' }, 'BAD_CATEGORY'],
    ['category __proto__', { ...good, category: '__proto__' }, 'BAD_CATEGORY'],
    ['object reporter', { ...good, reporter: {} }, 'BAD_FIELD'],
    ['huge reported', { ...good, reported: '1'.repeat(1000) }, 'OVERSIZED_FIELD'],
  ];
  it.each(cases)('rejects %s', (_n, obj, expected) => {
    const r = parseComplaint(obj);
    expect(!r.ok && r.reason).toBe(expected);
  });
});
