import { RingfenceError } from '@ringfence/common';
import {
  auditLog,
  getCampaign,
  listAlerts,
  listRedressCases,
  type AlertRecord,
  type AuditRecord,
  type RedressCase,
  type StoredCampaign,
} from '@ringfence/store';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ACTIONS, SUBJECT_KINDS, type SubjectKindName } from './actions.js';
import { audit } from './auth.js';
import { campaignReport, type CampaignReport } from './campaign-report.js';
import type { ConsoleContext } from './context.js';
import { investigate, subjectNumber, type Investigation } from './investigation.js';
import { can } from './roles.js';
import { traceback, type TracebackKind, type TracebackReport } from './traceback.js';
import type { Principal } from './users.js';

/*
 * What the pages and the JSON API both do: validate input, check what the role may see, read or
 * write, and audit. Routes only translate HTTP to these calls and render or serialise the result.
 */

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) {
    throw new RingfenceError(
      'INVALID_ARGUMENT',
      r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      { detail: { messageKey: 'invalidInput' } },
    );
  }
  return r.data;
}

const optMs = z.preprocess(
  (v) => (v === undefined || v === '' ? undefined : typeof v === 'string' ? Date.parse(v) || Number(v) : v),
  z.number().int().nonnegative().optional(),
);
const windowSchema = z.object({ from: optMs, to: optMs });

function who(req: FastifyRequest): Principal {
  if (req.principal === undefined) throw new RingfenceError('UNAUTHENTICATED', 'sign in first');
  return req.principal;
}

/** The number investigation (audited as a view of subscriber data). */
export async function investigateOp(
  ctx: ConsoleContext,
  req: FastifyRequest,
  number: string,
  query: unknown,
): Promise<Investigation> {
  const p = who(req);
  if (number.trim() === '' || number.length > 64)
    throw new RingfenceError('INVALID_ARGUMENT', 'number: 1-64 characters', {
      detail: { messageKey: 'numberLength' },
    });
  const w = parse(windowSchema, query);
  const inv = await investigate(ctx.db, number, p.role, {
    region: ctx.config.region,
    days: ctx.config.windowDays,
    ...(w.from === undefined ? {} : { fromMs: w.from }),
    ...(w.to === undefined ? {} : { toMs: w.to }),
  });
  await audit(ctx, req, {
    action: 'view.number',
    subjectKind: 'number',
    subjectId: inv.number,
    detail: { query: number, from: inv.window.fromMs, to: inv.window.toMs, masked: !can(p.role, 'list') },
  });
  return inv;
}

const tracebackKinds = z.enum(['number', 'trunk', 'carrier', 'device']);

/** A traceback report for a number or source (audited). */
export async function tracebackOp(
  ctx: ConsoleContext,
  req: FastifyRequest,
  kindInput: string,
  idInput: string,
  query: unknown,
): Promise<TracebackReport> {
  const p = who(req);
  const kind: TracebackKind = parse(tracebackKinds, kindInput);
  if (idInput.trim() === '' || idInput.length > 128)
    throw new RingfenceError('INVALID_ARGUMENT', 'id: 1-128 characters', {
      detail: { messageKey: 'idLength' },
    });
  const id = kind === 'number' ? subjectNumber(idInput, ctx.config.region) : idInput;
  const w = parse(windowSchema, query);
  const report = await traceback(ctx.db, kind, id, p.role, p.name, {
    days: ctx.config.windowDays,
    onNetCarrier: ctx.config.onNetCarrier,
    onNetPrefixes: ctx.config.onNetPrefixes,
    ...(w.from === undefined ? {} : { fromMs: w.from }),
    ...(w.to === undefined ? {} : { toMs: w.to }),
  });
  await audit(ctx, req, {
    action: 'view.traceback',
    subjectKind: kind,
    subjectId: id,
    detail: { calls: report.totalCalls, cdrs: report.cdrs.length },
  });
  return report;
}

const blankIsUnset = (v: unknown): unknown => (v === '' ? undefined : v);

/**
 * When an allowlist or blocklist lapses: `expiresAt` as ISO 8601 with its offset or Unix ms (API),
 * or `expiresInDays` from now (the pages' selector); neither: it stands until undone.
 */
const expiryShape = {
  expiresAt: z.preprocess(
    blankIsUnset,
    z
      .union([z.number().int().positive(), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))])
      .optional(),
  ),
  expiresInDays: z.preprocess(blankIsUnset, z.coerce.number().positive().max(3650).optional()),
};

function expiryOf(e: {
  expiresAt?: number | undefined;
  expiresInDays?: number | undefined;
}): number | undefined {
  if (e.expiresAt !== undefined && e.expiresInDays !== undefined)
    throw new RingfenceError('INVALID_ARGUMENT', 'give expiresAt or expiresInDays, not both', {
      detail: { messageKey: 'invalidInput' },
    });
  if (e.expiresInDays !== undefined) return Date.now() + Math.round(e.expiresInDays * 86_400_000);
  return e.expiresAt;
}

const actionSchema = z.object({
  kind: z.enum(SUBJECT_KINDS),
  id: z.string().min(1).max(128),
  action: z.enum(ACTIONS),
  note: z.string().max(2000).optional(),
  ...expiryShape,
});

/** Records an operator action (allow/block lists need the supervisor's permission). */
export async function actionOp(
  ctx: ConsoleContext,
  req: FastifyRequest,
  body: unknown,
): Promise<{ feedbackId: string; kind: SubjectKindName; id: string; action: string; expiresMs: number }> {
  const p = who(req);
  const a = parse(actionSchema, body);
  const expiresMs = expiryOf(a);
  if ((a.action === 'allowlist' || a.action === 'blocklist') && !can(p.role, 'list')) {
    await audit(ctx, req, {
      action: `action.${a.action}`,
      subjectKind: a.kind,
      subjectId: a.id,
      outcome: 'denied',
    });
    throw new RingfenceError('PERMISSION_DENIED', `role ${p.role} may not ${a.action}`, {
      detail: { messageKey: 'roleMayNot', role: p.role, action: a.action },
    });
  }
  const id = a.kind === 'number' ? subjectNumber(a.id, ctx.config.region) : a.id;
  const fb = await ctx.actions.record({
    kind: a.kind,
    id,
    action: a.action,
    operator: p.name,
    ...(a.note === undefined ? {} : { note: a.note }),
    ...(expiresMs === undefined ? {} : { expiresMs }),
  });
  await audit(ctx, req, {
    action: `action.${a.action}`,
    subjectKind: a.kind,
    subjectId: id,
    detail: { feedbackId: fb.feedbackId ?? '', note: a.note ?? '', expiresMs: expiresMs ?? 0 },
  });
  return { feedbackId: fb.feedbackId ?? '', kind: a.kind, id, action: a.action, expiresMs: expiresMs ?? 0 };
}

const undoSchema = z.object({
  kind: z.enum(SUBJECT_KINDS),
  id: z.string().min(1).max(128),
  feedbackId: z.string().min(1).max(64),
});

/** Withdraws an earlier action with an UNDO feedback that names it. */
export async function undoOp(
  ctx: ConsoleContext,
  req: FastifyRequest,
  body: unknown,
): Promise<{ feedbackId: string; undoes: string }> {
  const p = who(req);
  const u = parse(undoSchema, body);
  const id = u.kind === 'number' ? subjectNumber(u.id, ctx.config.region) : u.id;
  const fb = await ctx.actions.record({
    kind: u.kind,
    id,
    action: 'undo',
    operator: p.name,
    undoes: u.feedbackId,
  });
  await audit(ctx, req, {
    action: 'action.undo',
    subjectKind: u.kind,
    subjectId: id,
    detail: { feedbackId: fb.feedbackId ?? '', undoes: u.feedbackId },
  });
  return { feedbackId: fb.feedbackId ?? '', undoes: u.feedbackId };
}

const alertsSchema = z.object({ since: optMs, limit: z.coerce.number().int().min(1).max(1000).optional() });

/** Recent alerts (newest first); `since` for polling. Alerts name subjects, not callees: no masking. */
export async function alertsOp(
  ctx: ConsoleContext,
  req: FastifyRequest,
  query: unknown,
): Promise<AlertRecord[]> {
  who(req);
  const q = parse(alertsSchema, query);
  const now = Date.now();
  const alerts = await listAlerts(ctx.db, {
    from: q.since ?? Math.max(0, now - 30 * 24 * 3_600_000),
    to: now + 24 * 3_600_000,
    limit: q.limit ?? 100,
  });
  await audit(ctx, req, { action: 'view.alerts', detail: { alerts: alerts.length } });
  return alerts;
}

const redressOpenSchema = z.object({
  kind: z.enum(SUBJECT_KINDS).default('number'),
  id: z.string().min(1).max(128),
  channel: z.string().min(1).max(64),
  contact: z.string().min(1).max(256),
  description: z.string().min(1).max(4000),
});

export async function redressOpenOp(
  ctx: ConsoleContext,
  req: FastifyRequest,
  body: unknown,
): Promise<RedressCase> {
  const p = who(req);
  const b = parse(redressOpenSchema, body);
  const id = b.kind === 'number' ? subjectNumber(b.id, ctx.config.region) : b.id;
  const c = await ctx.actions.openCase({
    kind: b.kind,
    id,
    channel: b.channel,
    contact: b.contact,
    description: b.description,
    operator: p.name,
  });
  await audit(ctx, req, {
    action: 'redress.open',
    subjectKind: b.kind,
    subjectId: id,
    detail: { caseId: c.caseId },
  });
  return c;
}

const redressDecideSchema = z.object({
  decision: z.enum(['upheld', 'rejected']),
  resolution: z.string().min(1).max(4000),
  /** Extra numbers of the business to protect, comma or space separated (forms) or a list (API). */
  protect: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter((s) => s !== '') : v),
      z.array(z.string().min(1).max(64)).max(1000),
    )
    .optional(),
  /** An upheld case's allowlist may lapse (a seasonal campaign's numbers, a trial period). */
  ...expiryShape,
});

export async function redressDecideOp(
  ctx: ConsoleContext,
  req: FastifyRequest,
  caseId: string,
  body: unknown,
): Promise<{ case: RedressCase; feedbackIds: string[] }> {
  const p = who(req);
  const b = parse(redressDecideSchema, body);
  const protect = (b.protect ?? []).map((n) => subjectNumber(n, ctx.config.region));
  const expiresMs = expiryOf(b);
  const r = await ctx.actions.decideCase(caseId, b.decision, b.resolution, p.name, protect, expiresMs);
  const feedbackIds = r.feedback.map((f) => f.feedbackId ?? '');
  await audit(ctx, req, {
    action: `redress.${b.decision}`,
    subjectKind: r.case.kind,
    subjectId: r.case.id,
    detail: { caseId, protect, feedbackIds },
  });
  return { case: r.case, feedbackIds };
}

export async function redressListOp(ctx: ConsoleContext, req: FastifyRequest): Promise<RedressCase[]> {
  const p = who(req);
  const cases = await listRedressCases(ctx.db, { limit: 200 });
  await audit(ctx, req, { action: 'view.redress', detail: { cases: cases.length } });
  // Appellants' contact details are personal data: only roles that decide cases see them.
  return can(p.role, 'redress.decide') ? cases : cases.map((c) => ({ ...c, contact: '(hidden)' }));
}

const auditSchema = z.object({
  from: optMs,
  to: optMs,
  actor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});

export async function auditOp(
  ctx: ConsoleContext,
  req: FastifyRequest,
  query: unknown,
): Promise<AuditRecord[]> {
  who(req);
  const q = parse(auditSchema, query);
  const now = Date.now();
  const records = await auditLog(ctx.db, {
    from: q.from ?? now - 7 * 24 * 3_600_000,
    to: q.to ?? now + 60_000,
    ...(q.actor === undefined || q.actor === '' ? {} : { actor: q.actor }),
    limit: q.limit ?? 500,
  });
  await audit(ctx, req, { action: 'view.audit', detail: { entries: records.length } });
  return records;
}

/** Campaigns and the source leaderboard (audited: it lists flagged subscribers' numbers). */
export async function campaignsOp(ctx: ConsoleContext, req: FastifyRequest): Promise<CampaignReport> {
  who(req);
  const r = await campaignReport(ctx.db, {
    days: ctx.config.windowDays,
    onNetCarrier: ctx.config.onNetCarrier,
  });
  await audit(ctx, req, {
    action: 'view.campaigns',
    detail: { campaigns: r.campaigns.length, flagged: r.flaggedNumbers },
  });
  return r;
}

const campaignIdSchema = z.string().regex(/^CMP-[0-9A-Za-z+]{1,40}$/, 'a campaign id (CMP-…)');

/** One stored campaign: every number and source it has had, when it was first and last seen. */
export async function campaignOp(
  ctx: ConsoleContext,
  req: FastifyRequest,
  id: string,
): Promise<StoredCampaign> {
  who(req);
  const campaignId = parse(campaignIdSchema, id);
  const c = await getCampaign(ctx.db, campaignId);
  if (c === undefined)
    throw new RingfenceError('NOT_FOUND', `no campaign ${campaignId}`, {
      detail: { messageKey: 'campaignNotFound', campaignId },
    });
  await audit(ctx, req, {
    action: 'view.campaign',
    subjectKind: 'campaign',
    subjectId: campaignId,
    detail: { numbers: c.numbers.length },
  });
  return c;
}

const campaignActionSchema = z.object({
  // An allowlist of a whole campaign would be a mistake waiting to happen: a wrongly grouped number
  // is cleared on its own page, or with a false_positive here.
  action: z.enum(['confirm', 'false_positive', 'blocklist', 'note']),
  note: z.string().max(2000).optional(),
  ...expiryShape,
});

/**
 * An operator decision on a whole campaign: recorded on each of its member numbers, and a confirm or
 * note also on its trunks and devices (traceback). A blocklist never reaches a source: a trunk or
 * carrier carries legitimate calls too.
 */
export async function campaignActionOp(
  ctx: ConsoleContext,
  req: FastifyRequest,
  id: string,
  body: unknown,
): Promise<{ campaignId: string; action: string; feedbackIds: string[]; numbers: number; sources: number }> {
  const p = who(req);
  const campaignId = parse(campaignIdSchema, id);
  const a = parse(campaignActionSchema, body);
  const expiresMs = expiryOf(a);
  if (a.action === 'blocklist' && !can(p.role, 'list')) {
    await audit(ctx, req, {
      action: 'campaign.blocklist',
      subjectKind: 'campaign',
      subjectId: campaignId,
      outcome: 'denied',
    });
    throw new RingfenceError('PERMISSION_DENIED', `role ${p.role} may not blocklist`, {
      detail: { messageKey: 'roleMayNot', role: p.role, action: a.action },
    });
  }
  const c = await getCampaign(ctx.db, campaignId);
  if (c === undefined)
    throw new RingfenceError('NOT_FOUND', `no campaign ${campaignId}`, {
      detail: { messageKey: 'campaignNotFound', campaignId },
    });
  const note = `campaign ${campaignId}${a.note === undefined || a.note === '' ? '' : `: ${a.note}`}`.slice(
    0,
    2000,
  );
  const sources =
    a.action === 'confirm' || a.action === 'note'
      ? c.sources.flatMap((s) => {
          const [kind, ...rest] = s.split(':');
          return kind === 'trunk' || kind === 'device' ? [{ kind, id: rest.join(':') } as const] : [];
        })
      : [];
  const fbs = await ctx.actions.recordMany([
    ...c.numbers.map((n) => ({
      kind: 'number' as const,
      id: n,
      action: a.action,
      operator: p.name,
      note,
      ...(expiresMs === undefined ? {} : { expiresMs }),
    })),
    ...sources.map((s) => ({ ...s, action: a.action, operator: p.name, note })),
  ]);
  await audit(ctx, req, {
    action: `campaign.${a.action}`,
    subjectKind: 'campaign',
    subjectId: campaignId,
    detail: {
      numbers: c.numbers.length,
      sources: sources.length,
      note: a.note ?? '',
      expiresMs: expiresMs ?? 0,
    },
  });
  return {
    campaignId,
    action: a.action,
    feedbackIds: fbs.map((f) => f.feedbackId ?? ''),
    numbers: c.numbers.length,
    sources: sources.length,
  };
}
