import { ident } from '@ringfence/common';
import { testStack } from '@ringfence/common/testing';
import { FeedbackAction, SubjectKind } from '@ringfence/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, feedbackFor, feedbackRow, migrate, type StoreDb } from '../src/index.js';

const stack = testStack();
const target = { url: stack.clickhouseUrl, database: stack.database };
const db: StoreDb = { ch: stack.clickhouse(), database: stack.database };
const T0 = Date.UTC(2026, 11, 3, 10, 0, 0);

describe('feedback expiry column', () => {
  beforeAll(async () => {
    await migrate(target);
  });
  afterAll(async () => {
    await db.ch.close();
    await stack.dropDatabase();
  });

  it('keeps a decision’s expiry, and 0 for one without', async () => {
    const base = { timeMs: T0, kind: SubjectKind.SUBJECT_KIND_NUMBER, id: '+8613800000001', operator: 'sup' };
    await db.ch.insert({
      table: ident(db.database, 'feedback').text,
      format: 'JSONEachRow',
      values: [
        feedbackRow({
          ...base,
          feedbackId: 'b1',
          action: FeedbackAction.FEEDBACK_ACTION_BLOCKLIST,
          expiresMs: T0 + 86_400_000,
        }),
        feedbackRow({
          ...base,
          feedbackId: 'a1',
          timeMs: T0 + 1,
          action: FeedbackAction.FEEDBACK_ACTION_ALLOWLIST,
        }),
      ],
    });
    const got = await feedbackFor(db, 'number', '+8613800000001');
    expect(got.map((f) => [f.feedbackId, f.expiresMs])).toEqual([
      ['b1', T0 + 86_400_000],
      ['a1', 0],
    ]);
  });

  it('adds a column only when it is missing, so an interrupted migration re-runs cleanly', async () => {
    // The same column again under a new version: what a re-run after a crash between the ALTER and
    // the bookkeeping insert does. ClickHouse 18.16 would refuse a second ADD COLUMN.
    const again = [
      ...MIGRATIONS,
      {
        version: 1000,
        name: 'feedback_expiry_again',
        statements: () => [],
        addColumns: [{ table: 'feedback', column: 'expires_ms', type: 'UInt64 DEFAULT 0' }],
      },
    ];
    expect(await migrate(target, again)).toEqual([1000]);
  });
});
