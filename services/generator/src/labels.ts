/** Ground-truth label for one non-ordinary subject (shared contract: `<out>.labels.jsonl`). */
export type LabelKind = 'number' | 'trunk' | 'carrier' | 'device';
export type LabelClass = 'harasser' | 'legit_high_volume';
export const HARASSER_CATEGORIES = [
  'robocall',
  'wangiri',
  'spoofing',
  'scam',
  'targeted_harassment',
  'telemarketing',
] as const;
export const LEGIT_CATEGORIES = ['call_centre', 'courier', 'verification', 'notification', 'driver'] as const;
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
