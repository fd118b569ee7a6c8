import { randomUUID } from 'node:crypto';
import { RingfenceError, topicName } from '@ringfence/common';
import { FeedbackAction, SubjectKind, feedbackv1, type IFeedback } from '@ringfence/proto';
import {
  feedbackFor,
  feedbackRow,
  getRedressCase,
  saveRedressCase,
  table,
  type RedressCase,
  type StoreDb,
} from '@ringfence/store';
import type { Producer } from 'kafkajs';

export const ACTIONS = ['confirm', 'false_positive', 'allowlist', 'blocklist', 'note'] as const;
export type ActionName = (typeof ACTIONS)[number] | 'undo';
export const SUBJECT_KINDS = ['number', 'trunk', 'carrier', 'device'] as const;
export type SubjectKindName = (typeof SUBJECT_KINDS)[number];

const ACTION_CODE: Record<ActionName, FeedbackAction> = {
  confirm: FeedbackAction.FEEDBACK_ACTION_CONFIRM,
  false_positive: FeedbackAction.FEEDBACK_ACTION_FALSE_POSITIVE,
  allowlist: FeedbackAction.FEEDBACK_ACTION_ALLOWLIST,
  blocklist: FeedbackAction.FEEDBACK_ACTION_BLOCKLIST,
  note: FeedbackAction.FEEDBACK_ACTION_NOTE,
  undo: FeedbackAction.FEEDBACK_ACTION_UNDO,
};

const KIND_CODE: Record<SubjectKindName, SubjectKind> = {
  number: SubjectKind.SUBJECT_KIND_NUMBER,
  trunk: SubjectKind.SUBJECT_KIND_TRUNK,
  carrier: SubjectKind.SUBJECT_KIND_CARRIER,
  device: SubjectKind.SUBJECT_KIND_DEVICE,
};

/** The feedback.v1 key: the number itself, or `<kind>:<id>` for a source (as on the risk topics). */
export function feedbackKey(kind: SubjectKindName, id: string): string {
  return kind === 'number' ? id : `${kind}:${id}`;
}

export interface ActionRequest {
  kind: SubjectKindName;
  id: string;
  action: ActionName;
  operator: string;
  note?: string;
  undoes?: string;
  caseId?: string;
  /** When an allowlist or blocklist lapses (Unix ms, in the future); unset: it stands until undone. */
  expiresMs?: number;
}

/**
 * Publishes operator decisions to feedback.v1 (what the scorer acts on) and records them in the
 * feedback table at once, so the console shows them without waiting for the sink; the sink's copy of
 * the same feedback_id collapses with this one.
 */
export class ActionRecorder {
  constructor(
    private readonly db: StoreDb,
    private readonly producer: Producer,
    private readonly topicPrefix: string,
  ) {}

  async record(req: ActionRequest): Promise<IFeedback> {
    const [fb] = await this.recordMany([req]);
    if (fb === undefined) throw new RingfenceError('INTERNAL', 'no feedback recorded');
    return fb;
  }

  /**
   * Records several decisions at once (a campaign's members): each is checked as `record` checks it,
   * then all go out in one produce and one insert.
   */
  async recordMany(reqs: readonly ActionRequest[]): Promise<IFeedback[]> {
    const now = Date.now();
    const all: IFeedback[] = [];
    const keys: string[] = [];
    for (const req of reqs) {
      all.push(await this.build(req, now));
      keys.push(feedbackKey(req.kind, req.id));
    }
    if (all.length === 0) return all;
    await this.producer.send({
      topic: topicName(this.topicPrefix, 'feedback'),
      messages: all.map((fb, i) => ({
        key: keys[i] ?? '',
        value: Buffer.from(feedbackv1.Feedback.encode(feedbackv1.Feedback.create(fb)).finish()),
        timestamp: String(fb.timeMs),
      })),
    });
    await this.db.ch.insert({
      table: table(this.db, 'feedback').text,
      format: 'JSONEachRow',
      values: all.map(feedbackRow),
    });
    return all;
  }

  private async build(req: ActionRequest, now: number): Promise<IFeedback> {
    if (req.id === '')
      throw new RingfenceError('INVALID_ARGUMENT', 'subject id is empty', {
        detail: { messageKey: 'subjectEmpty' },
      });
    if ((req.note ?? '').length > 2000)
      throw new RingfenceError('INVALID_ARGUMENT', 'note: at most 2000 chars', {
        detail: { messageKey: 'noteTooLong' },
      });
    if (req.expiresMs !== undefined) {
      if (req.action !== 'allowlist' && req.action !== 'blocklist')
        throw new RingfenceError('INVALID_ARGUMENT', 'expiry: only an allowlist or blocklist lapses', {
          detail: { messageKey: 'expiryNotAllowed' },
        });
      if (!Number.isSafeInteger(req.expiresMs) || req.expiresMs <= now)
        throw new RingfenceError('INVALID_ARGUMENT', 'expiry: must be in the future', {
          detail: { messageKey: 'expiryInvalid' },
        });
    }
    if (req.action === 'undo') {
      const original = (await feedbackFor(this.db, req.kind, req.id)).find(
        (f) => f.feedbackId === req.undoes,
      );
      if (original === undefined) {
        throw new RingfenceError('NOT_FOUND', 'undo: no such action on this subject', {
          detail: { messageKey: 'undoNotFound', undoes: req.undoes ?? '' },
        });
      }
      if (original.action === 'undo')
        throw new RingfenceError('INVALID_ARGUMENT', 'an undo cannot be undone', {
          detail: { messageKey: 'undoOfUndo' },
        });
    }
    return {
      feedbackId: randomUUID(),
      timeMs: now,
      kind: KIND_CODE[req.kind],
      id: req.id,
      action: ACTION_CODE[req.action],
      operator: req.operator,
      note: req.note ?? '',
      undoes: req.undoes ?? '',
      caseId: req.caseId ?? '',
      expiresMs: req.expiresMs ?? 0,
    };
  }

  /** Opens a redress case (an appeal by the holder of a flagged number or source). */
  async openCase(
    c: Omit<RedressCase, 'caseId' | 'status' | 'openedMs' | 'updatedMs' | 'resolution'>,
  ): Promise<RedressCase> {
    const now = Date.now();
    const rc: RedressCase = {
      ...c,
      caseId: `RC-${randomUUID()}`,
      status: 'open',
      openedMs: now,
      updatedMs: now,
      resolution: '',
    };
    await saveRedressCase(this.db, rc);
    return rc;
  }

  /**
   * Decides a case. Upheld clears the subject: an allowlist decision for it and for every extra number
   * named as the business's own, each tied to the case. Rejected just closes it with the reason.
   */
  async decideCase(
    caseId: string,
    decision: 'upheld' | 'rejected',
    resolution: string,
    operator: string,
    protect: readonly string[] = [],
    /** When the upheld case's allowlist decisions lapse (Unix ms); unset: they stand until undone. */
    expiresMs?: number,
  ): Promise<{ case: RedressCase; feedback: IFeedback[] }> {
    const c = await getRedressCase(this.db, caseId);
    if (c === undefined)
      throw new RingfenceError('NOT_FOUND', `no redress case ${caseId}`, {
        detail: { messageKey: 'caseNotFound', caseId },
      });
    if (c.status === 'upheld' || c.status === 'rejected' || c.status === 'closed') {
      throw new RingfenceError('CONFLICT', `case ${caseId} is already ${c.status}`, {
        detail: { messageKey: 'caseDecided', caseId, status: c.status },
      });
    }
    const feedback: IFeedback[] = [];
    if (decision === 'upheld') {
      const kind: SubjectKindName = c.kind === 'unspecified' ? 'number' : c.kind;
      const subjects = [
        { kind, id: c.id },
        ...protect.filter((p) => p !== c.id).map((id) => ({ kind: 'number' as const, id })),
      ];
      for (const s of subjects) {
        feedback.push(
          await this.record({
            ...s,
            action: 'allowlist',
            operator,
            note: `redress ${caseId}: ${resolution}`,
            caseId,
            ...(expiresMs === undefined ? {} : { expiresMs }),
          }),
        );
      }
    }
    const updated: RedressCase = {
      ...c,
      status: decision,
      resolution,
      operator,
      updatedMs: Math.max(Date.now(), c.updatedMs + 1),
    };
    await saveRedressCase(this.db, updated);
    return { case: updated, feedback };
  }
}
