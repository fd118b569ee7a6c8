/** Ground-truth label for one non-ordinary subject (shared contract: `<out>.labels.jsonl`). */
export type LabelKind = 'number' | 'trunk' | 'carrier' | 'device';
/**
 * `legit_high_volume`: busy legitimate lines (call centres, couriers…); `legit_lookalike`: ordinary
 * people whose traffic shares a trait with abuse (international callers, roamers, dual-SIM phones,
 * subscribers complained about by mistake, reminder lines with a low answer ratio).
 */
export type LabelClass = 'harasser' | 'legit_high_volume' | 'legit_lookalike';
export const LABEL_CLASSES: readonly LabelClass[] = ['harasser', 'legit_high_volume', 'legit_lookalike'];
export const HARASSER_CATEGORIES = [
  'robocall',
  'wangiri',
  'spoofing',
  'scam',
  'targeted_harassment',
  'telemarketing',
] as const;
export const LEGIT_CATEGORIES = [
  'call_centre',
  'courier',
  'verification',
  'notification',
  'driver',
  'intl_caller',
  'roamer',
  'dual_sim',
  'complained_subscriber',
  'reminder_line',
] as const;
export type HarasserCategory = (typeof HARASSER_CATEGORIES)[number];
export type LegitCategory = (typeof LEGIT_CATEGORIES)[number];
export type LabelCategory = HarasserCategory | LegitCategory;

export interface Label {
  readonly kind: LabelKind;
  /** E.164 number (or the exact raw string for deliberately invalid numbers), or the source id. */
  readonly id: string;
  readonly class: LabelClass;
  readonly category: LabelCategory;
  readonly campaign: string | null;
}

export type ComplaintCategory = 'harassment' | 'fraud' | 'marketing' | 'other';

/** Serialises a label as one JSONL line with the contract's key order. */
export function labelLine(l: Label): string {
  return `${JSON.stringify({ kind: l.kind, id: l.id, class: l.class, category: l.category, campaign: l.campaign })}\n`;
}
