/** What the called party's handset shows for a labelled call. */
export interface DisplayText {
  readonly zhCn: string;
  readonly en: string;
}

const HARASSMENT: DisplayText = Object.freeze({ zhCn: '疑似骚扰电话', en: 'Suspected harassment' });
const FRAUD: DisplayText = Object.freeze({ zhCn: '疑似诈骗电话', en: 'Suspected fraud' });
const MARKETING: DisplayText = Object.freeze({ zhCn: '疑似营销推广', en: 'Suspected telemarketing' });
const SPOOFING: DisplayText = Object.freeze({ zhCn: '疑似伪冒号码', en: 'Suspected spoofed number' });

const BY_CATEGORY: ReadonlyMap<string, DisplayText> = new Map([
  ['robocall', HARASSMENT],
  ['targeted_harassment', HARASSMENT],
  ['harassment', HARASSMENT],
  ['scam', FRAUD],
  ['fraud', FRAUD],
  ['wangiri', FRAUD],
  ['spoofing', SPOOFING],
  ['telemarketing', MARKETING],
  ['marketing', MARKETING],
]);

/** The display label for a verdict category; unknown categories read as harassment. */
export function displayLabel(category: string): DisplayText {
  return BY_CATEGORY.get(category) ?? HARASSMENT;
}
