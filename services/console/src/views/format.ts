/** Display helpers shared by the views; their output still goes through `html` (escaped). */
import { html, type SafeHtml } from '../html.js';
import { phoneForms, type I18n } from '../i18n/index.js';

export function fmtPct(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

export function fmtNum(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/\.?0+$/, '');
}

/**
 * A phone number as operators read it, national format first with the E.164 form beside it
 * (`139 1234 0001 +8613912340001`); raw or masked values that are not E.164 appear as they are.
 */
export function tel(n: string): SafeHtml {
  const f = phoneForms(n);
  return f === undefined
    ? html`${n}`
    : html`<span class="tel"
        ><span class="nat">${f.national}</span> <span class="e164">${f.e164}</span></span
      >`;
}

/** A subject id: numbers as `tel`, sources as they are. */
export function subjectText(kind: string, id: string): SafeHtml {
  return kind === 'number' ? tel(id) : html`${id}`;
}

/** A subject kind in words (unknown kinds as they are). */
export function kindText(i18n: I18n, kind: string): string {
  return word(i18n.t.kinds, kind);
}

/** A rule code with its description, the code kept visible because operators quote it. */
export function reasonText(i18n: I18n, code: string): SafeHtml {
  const d = i18n.reason(code);
  return d === undefined ? html`<code>${code}</code>` : html`<code>${code}</code> ${d}`;
}

/** A value from a small closed set (levels, actions, statuses) in words, else as stored. */
export function word(table: Readonly<Record<string, string>>, value: string): string {
  return table[value] ?? value;
}

/** Path of a subject's page (ids are URL-encoded; they may be raw non-E.164 strings). */
export function subjectHref(kind: string, id: string): string {
  return kind === 'number'
    ? `/numbers/${encodeURIComponent(id)}`
    : `/traceback/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`;
}

export function tracebackHref(kind: string, id: string, suffix = ''): string {
  return `/traceback/${encodeURIComponent(kind)}/${encodeURIComponent(id)}${suffix}`;
}
