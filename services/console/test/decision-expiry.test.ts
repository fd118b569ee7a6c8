import type { FeedbackRecord } from '@ringfence/store';
import type { Producer } from 'kafkajs';
import type { StoreDb } from '@ringfence/store';
import { describe, expect, it } from 'vitest';
import { ActionRecorder } from '../src/actions.js';
import { decisionInForce, withUndo } from '../src/decisions.js';
import { i18nFor } from '../src/i18n/index.js';
import { actionsPanel } from '../src/views/actions-view.js';
import type { PageContext } from '../src/views/layout.js';

const NOW = Date.parse('2026-12-03T10:00:00Z');
const DAY = 86_400_000;

function fb(feedbackId: string, action: string, timeMs: number, expiresMs = 0): FeedbackRecord {
  return {
    feedbackId,
    timeMs,
    kind: 'number',
    id: '+8613800000001',
    action,
    operator: 'sup',
    note: '',
    undoes: '',
    caseId: '',
    expiresMs,
  };
}

describe('decision expiry in the console', () => {
  it('shows the decision in force at the wall time, a lapsed one uncovering the one before', () => {
    const history = [fb('a', 'allowlist', NOW - 2 * DAY), fb('b', 'blocklist', NOW - DAY, NOW + DAY)];
    expect(decisionInForce(history, NOW)?.feedbackId).toBe('b');
    expect(decisionInForce(history, NOW + DAY)?.feedbackId).toBe('a');
  });

  it('renders the expiry selector, the expiry of the decision in force and of lapsed ones', () => {
    const ctx: PageContext = {
      i18n: i18nFor('en', 'UTC'),
      path: '/',
      principal: { name: 'sup', role: 'supervisor' },
      csrf: 'x',
    };
    const until = Date.now() + DAY;
    const history = [fb('a', 'blocklist', NOW - 3 * DAY, NOW - 2 * DAY), fb('b', 'allowlist', NOW, until)];
    const page = actionsPanel(
      ctx,
      'number',
      '+8613800000001',
      '/',
      withUndo(history),
      decisionInForce(history) ?? null,
    ).text;
    expect(page).toContain('name="expiresInDays"');
    expect(page).toContain(`until ${ctx.i18n.time(until)}`);
    expect(page).toContain(`lapsed ${ctx.i18n.time(NOW - 2 * DAY)}`);
  });

  it('refuses an expiry in the past or on anything but an allowlist or blocklist', async () => {
    // Checked before anything is written: the recorder never reaches Kafka or ClickHouse.
    const recorder = new ActionRecorder({} as StoreDb, {} as Producer, 'p');
    const base = { kind: 'number' as const, id: '+8613800000001', operator: 'sup' };
    await expect(
      recorder.record({ ...base, action: 'blocklist', expiresMs: Date.now() - 1 }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', detail: { messageKey: 'expiryInvalid' } });
    await expect(
      recorder.record({ ...base, action: 'confirm', expiresMs: Date.now() + DAY }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', detail: { messageKey: 'expiryNotAllowed' } });
  });
});
