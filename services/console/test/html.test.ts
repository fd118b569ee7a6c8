import { describe, expect, it } from 'vitest';
import type { AlertRecord, AuditRecord, RedressCase } from '@ringfence/store';
import { timelineSvg } from '../src/chart.js';
import { escapeHtml, html } from '../src/html.js';
import { i18nFor } from '../src/i18n/index.js';
import type { Investigation } from '../src/investigation.js';
import type { TracebackReport } from '../src/traceback.js';
import { alertsPage } from '../src/views/alerts-view.js';
import { auditPage } from '../src/views/audit-view.js';
import type { PageContext } from '../src/views/layout.js';
import { loginPage } from '../src/views/login-view.js';
import { numberPage } from '../src/views/number-view.js';
import { redressPage } from '../src/views/redress-view.js';
import { tracebackPage } from '../src/views/traceback-view.js';

const X = `"'><script>alert(1)</script><img src=x onerror=alert(2)>`;
const i18n = i18nFor('zh-CN', 'Asia/Shanghai');
const ctx: PageContext = { i18n, path: X, principal: { name: 'alice', role: 'supervisor' }, csrf: X };

/** The only script tag a page may carry is the console's own. */
function assertNoInjectedMarkup(page: string): void {
  const scripts = page.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.map((s) => s.replace(/\s+/g, ' '))).toEqual(['<script src="/static/console.js">']);
  expect(page).not.toContain('<img');
  expect(page).not.toMatch(/\son[a-z]+=/i);
  expect(page).toContain('&lt;script&gt;');
}

const action = {
  feedbackId: X,
  timeMs: 1,
  kind: 'number' as const,
  id: X,
  action: 'confirm',
  operator: X,
  note: X,
  undoes: X,
  caseId: X,
  expiresMs: 0,
  undone: false,
};

describe('HTML escaping', () => {
  it('escapes every markup character and leaves SafeHtml alone', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`=`)).toBe(
      '&lt;a href&#61;&quot;x&quot; onclick&#61;&#39;y&#39;&gt;&amp;&#96;&#61;',
    );
    expect(html`<p>${X}</p>`.text).not.toContain('<script>');
    expect(html`<div>${html`<b>${'<i>'}</b>`}</div>`.text).toBe('<div><b>&lt;i&gt;</b></div>');
    expect(html`${[X, 1, null, undefined, false]}`.text).toBe(`${escapeHtml(X)}1`);
  });

  it('never renders an injected value as markup on the number page', () => {
    const inv: Investigation = {
      query: X,
      number: X,
      window: { fromMs: 0, toMs: 3_600_000 * 5 },
      verdict: {
        kind: 'number',
        id: X,
        updatedMs: 1,
        score: 1,
        level: 'HIGH',
        category: X,
        reasonCodes: [X],
        reasons: [{ code: X, value: 1, threshold: 1, window: X, points: 1 }],
        calls: 1,
        override: X,
        expired: false,
      },
      scores: [{ timeMs: 1, score: 10, level: X }],
      hourly: [{ hourMs: 0, calls: 3, answered: 0, distinctCalled: 1 }],
      summary: {
        number: X,
        calls: 1,
        answered: 1,
        shortCalls: 0,
        distinctCalled: 1,
        totalDurationMs: 0,
        videoCalls: 0,
        firstMs: 1,
        lastMs: 1,
        carriers: [X],
        trunks: [X],
        devices: [X],
      },
      evidence: { [X]: 1 },
      evidenceMs: 1,
      callees: [{ called: X, calls: 1, lastMs: 1 }],
      complaints: [{ complaintId: X, timeMs: 1, reporter: X, category: X, callId: X }],
      actions: [action],
      decision: action,
    };
    assertNoInjectedMarkup(numberPage(ctx, inv));
  });

  it('never renders an injected value as markup on the traceback, alerts, redress, audit and login pages', () => {
    const share = { id: X, calls: 1, share: 1, firstMs: 1, lastMs: 1 };
    const report: TracebackReport = {
      subject: { kind: 'trunk', id: X },
      window: { fromMs: 0, toMs: 1 },
      generatedMs: 1,
      generatedBy: X,
      verdict: null,
      decision: action,
      actions: [action],
      totalCalls: 1,
      firstMs: 1,
      lastMs: 1,
      path: [
        {
          switchId: X,
          ingressCarrier: X,
          ingressTrunk: X,
          attestation: X,
          calls: 1,
          firstMs: 1,
          lastMs: 1,
          share: 1,
        },
      ],
      providers: { carriers: [share], trunks: [share], switches: [share] },
      attestationMix: { [X]: 1 },
      signalling: {
        calls: 1,
        assertedMismatch: 0,
        invalidCalling: 0,
        onNetFromOffNet: 0,
        distinctCalling: 1,
        distinctCalled: 1,
        answered: 0,
        shortAnswered: 0,
      },
      anomalyFacts: [{ kind: 'weak_attestation', calls: 1, of: 2 }],
      anomalies: [X],
      sameWay: [{ number: X, calls: 1, firstMs: 1, lastMs: 1 }],
      cdrs: [
        {
          callId: X,
          setupMs: 1,
          answerMs: 0,
          releaseMs: 1,
          calling: X,
          called: X,
          asserted: X,
          switchId: X,
          ingressCarrier: X,
          ingressTrunk: X,
          attestation: X,
          releaseCause: 16,
          deviceId: X,
        },
      ],
    };
    assertNoInjectedMarkup(tracebackPage(ctx, report, false));
    assertNoInjectedMarkup(tracebackPage(ctx, report, true));
    const alert: AlertRecord = {
      alertId: X,
      timeMs: 1,
      kind: 'number',
      id: X,
      fromLevel: 'LOW',
      toLevel: 'HIGH',
      score: 1,
      category: X,
      reasonCodes: [X],
      evidence: {},
    };
    assertNoInjectedMarkup(alertsPage(ctx, [alert]));
    const rc: RedressCase = {
      caseId: X,
      kind: 'number',
      id: X,
      status: 'open',
      openedMs: 1,
      updatedMs: 1,
      channel: X,
      contact: X,
      description: X,
      resolution: X,
      operator: X,
    };
    assertNoInjectedMarkup(redressPage(ctx, [rc]));
    const ar: AuditRecord = {
      eventId: X,
      timeMs: 1,
      actor: X,
      action: X,
      subjectKind: X,
      subjectId: X,
      detail: { x: X },
      sourceIp: X,
      userAgent: X,
      outcome: 'ok',
    };
    assertNoInjectedMarkup(auditPage(ctx, [ar]));
    assertNoInjectedMarkup(loginPage(ctx, X, X, X));
  });

  it('draws the timeline as SVG with one bar per hour and the score as a line', () => {
    const svg = timelineSvg(
      i18nFor('en', 'UTC'),
      { fromMs: 0, toMs: 4 * 3_600_000 },
      [
        { hourMs: 0, calls: 2 },
        { hourMs: 3_600_000, calls: 4 },
      ],
      [{ timeMs: 1_800_000, score: 50 }],
    ).text;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<rect\s+class="bar"/g)).toHaveLength(2);
    expect(svg).toMatch(/<polyline\s+class="score"/);
    expect(svg).toContain('4 calls');
  });
});
