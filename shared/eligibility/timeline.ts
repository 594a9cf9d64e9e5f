/**
 * The national rule timeline (全国の既定ルール), as data.
 *
 * Each entry says: for this document, on these dates (both ends inclusive, as the notices word them:
 * 「7月31日まで」), under this condition, online → this outcome, offline → that one. The engine takes the
 * FIRST entry in list order that is in force and whose condition matches. National entries overlap only
 * where a specific row refines a general one with the same action and staff and more guidance (the 後期
 * row before the general expiry row; a test checks this), so order picks wording, never the answer.
 * Overrides are put in front of everything (policy.ts).
 * Source keys [Sn] are those of rules-and-products.md; "seed nnn" are the leaflets in shared/seeds.
 * As of 2026-11-23; re-check against the MHLW 事務連絡 when a notice changes a date.
 *
 * | id                                   | document                | from       | until      | when                 | online                     | offline                      | source |
 * |--------------------------------------|-------------------------|------------|------------|----------------------|----------------------------|------------------------------|--------|
 * | old-card-valid                       | 健康保険証              |            | 2025-12-01 | printed ≥ today/none | verify-numbers             | record-numbers               | [S1][S2]; seeds 000–004 |
 * | old-card-expired                     | 健康保険証              |            | 2025-07-31 | printed passed       | refuse                     | refuse                       | [S1][S2] |
 * | old-card-provisional-kokuho-kouki    | 健康保険証              | 2025-08-01 | 2025-12-01 | printed passed       | verify-numbers, staff      | record-numbers, staff        | 事務連絡 2025-06-27 [S3]; [S6] |
 * | old-card-provisional                 | 健康保険証              | 2025-12-02 | 2026-07-31 | any                  | verify-numbers             | record-numbers, staff        | 事務連絡 2025-11-12 [S3][S4]; 厚労相 2026-03-19 [S5] |
 * | old-card-ended                       | 健康保険証              | 2026-08-01 |            | any                  | refuse                     | refuse                       | [S5] |
 * | eligibility-certificate-valid        | 資格確認書              | 2024-12-02 |            | printed ≥ today      | verify-numbers             | record-numbers               | [S2]; seeds 001, 004 |
 * | eligibility-certificate-no-date      | 資格確認書              | 2024-12-02 |            | printed none         | verify-numbers, staff      | record-numbers, staff        | [S2] |
 * | kouki-certificate-for-all-ended      | 資格確認書              | 2026-08-01 |            | passed, age 75+      | refuse                     | refuse                       | [S6][S7] |
 * | eligibility-certificate-expired      | 資格確認書              | 2024-12-02 |            | printed passed       | refuse                     | refuse                       | [S2] |
 * | myna-card                            | マイナ保険証            |            |            | any                  | read-card                  | self-declaration, staff      | table (b); [S12][S14][S15][S16] |
 * | myna-smartphone                      | スマホのマイナ保険証    | 2025-09-19 |            | smartphone reader    | read-card                  | refuse                       | [S18] |
 * | myna-smartphone-no-reader            | スマホのマイナ保険証    | 2025-09-19 |            | no smartphone reader | refuse                     | refuse                       | [S18] |
 * | portal-screen-with-card              | ポータル画面 + カード   |            |            | any                  | verify-numbers, staff      | record-numbers, staff        | 保発0710第1号 [S15]; [S12][S14]; seed 002 ④ |
 * | portal-pdf-with-card                 | ポータルPDF + カード    |            |            | any                  | verify-numbers, staff      | record-numbers, staff        | [S13] (insurer guidance, verify); seed 002 ⑤ |
 * | notice-with-card                     | お知らせ + カード       |            |            | any                  | verify-numbers, staff      | record-numbers, staff        | [S11][S12]; seeds 002 ⑥, 004 |
 * | notice-only-refused-before           | お知らせのみ            |            | 2025-07-31 | any                  | refuse                     | refuse                       | [S11][S12]; seeds 000, 004 |
 * | notice-only-provisional-kokuho-kouki | お知らせのみ            | 2025-08-01 | 2025-12-01 | any                  | verify-numbers, staff      | refuse                       | 事務連絡 2025-06-27 [S3] |
 * | notice-only-provisional              | お知らせのみ            | 2025-12-02 | 2026-07-31 | any                  | verify-numbers             | refuse                       | [S3][S4][S5] |
 * | notice-only-refused                  | お知らせのみ            | 2026-08-01 |            | any                  | refuse                     | refuse                       | [S5]; seeds 000, 004 |
 * | no-document                          | なし                    |            |            | any                  | self-pay, staff            | self-pay, staff              | [S17] |
 *
 * Notes a reader checking the sources will want:
 * - The 暫定措置 first ran to 2026-03-31 and was extended on 2026-03-19 to 2026-07-31 with "no further
 *   extension" [S5]; the entry carries the final date and says so in `note`.
 * - The 2025-06-27 notice covered only 国保・後期 (whose cards mostly ended 2025-07-31 [S6]). The query
 *   does not say which insurer a card is from, so before 2025-12-02 an expired card or a notice alone goes
 *   to verification *with staff*, who check that it is a 国保 or 後期 document.
 * - 後期高齢者: everyone had a 資格確認書 until 2026-07-31 [S6]; from 2026-08-01 マイナ保険証 holders get the
 *   お知らせ instead [S7]. Nothing changes for a 確認書 still within its printed date; an expired one held
 *   by someone 75 or older gets guidance that says where the new document comes from.
 * - マイナ保険証 validity (e-certificate expiry + 3 months [S1]) is the reader's business, not the kiosk's.
 * - A clinic-side decision on a 申立書 after an online "資格無効" belongs to the check-in flow, not here.
 */
import type { StaffLocale } from '../i18n/locales';
import type { AgeBracket } from '../insurance/age';
import type { IsoDate } from '../insurance/dates';
import { isWithin } from '../insurance/dates';
import type { EligibilityAction, PresentedDocument } from './index';
import type { AlsoNeededCode, ReasonCode } from './reasons';

/**
 * What the printed expiry says on `today`: 'current' (today or later), 'passed', or 'missing'. An
 * unreadable printed date counts as missing, with staff asked to read the card (engine.ts).
 */
export type PrintedDateState = 'current' | 'passed' | 'missing';

/** When an entry applies, beyond its dates. An absent field matches anything. */
export interface RuleCondition {
  readonly printed?: readonly PrintedDateState[];
  readonly smartphoneReader?: boolean;
  readonly age?: readonly AgeBracket[];
}

export interface RuleOutcome {
  readonly action: EligibilityAction;
  readonly staff: boolean;
  readonly reasons: readonly ReasonCode[];
  readonly alsoNeeded?: readonly AlsoNeededCode[];
}

/** Extra documents to ask about when the outcome accepts and the patient's age bracket matches. */
export interface AgeHint {
  readonly age: readonly AgeBracket[];
  readonly alsoNeeded: readonly AlsoNeededCode[];
}

/** Who approved a loosening; present only on entries that came from an `EligibilityOverride`. */
export interface OverrideStamp {
  readonly id: string;
  readonly reason: string;
  readonly approvedBy: string;
  readonly approvedOn?: IsoDate;
}

export interface RuleEntry {
  readonly id: string;
  readonly document: PresentedDocument;
  /** First day in force, inclusive; null: since before the kiosk matters. */
  readonly from: IsoDate | null;
  /** Last day in force, inclusive; null: open-ended. */
  readonly until: IsoDate | null;
  readonly when?: RuleCondition;
  readonly online: RuleOutcome;
  readonly offline: RuleOutcome;
  readonly ageHints?: readonly AgeHint[];
  /** One line for the admin screen, in every locale. */
  readonly summary: { readonly [L in StaffLocale]: string };
  /** Where the rule comes from: notice, date, source keys. */
  readonly source: string;
  readonly note?: string;
  readonly override?: OverrideStamp;
  /** The clinic-policy switches that made this entry stricter than the one it came from. */
  readonly tightenedBy?: readonly string[];
}

export interface RuleTimeline {
  /** 'national', or derived ids such as 'national+overrides+policy'. */
  readonly id: string;
  /** When the entries were last checked against their sources. */
  readonly checkedOn: IsoDate;
  readonly entries: readonly RuleEntry[];
}

/** A 資格確認書 is valid for at most five years, set by the insurer [S2]; seed 004 (有効期限は「5年」). */
export const CERTIFICATE_MAX_VALIDITY_YEARS = 5;

const IF_HELD: readonly AlsoNeededCode[] = [
  'limit-certificate',
  'specific-disease-certificate',
  'public-expense-certificate',
];
const ASK_ELDERLY_70_74: readonly AgeHint[] = [{ age: ['70-74'], alsoNeeded: ['elderly-recipient-certificate'] }];

const refuse = (...reasons: ReasonCode[]): RuleOutcome => ({ action: 'refuse', staff: false, reasons });

// The old card and the 資格確認書 share two shapes: number verification online, number recording offline.
const verify = (staff: boolean, reasons: ReasonCode[], alsoNeeded: readonly AlsoNeededCode[] = []): RuleOutcome => ({
  action: 'verify-numbers',
  staff,
  reasons,
  alsoNeeded,
});
const record = (staff: boolean, reasons: ReasonCode[], alsoNeeded: readonly AlsoNeededCode[] = []): RuleOutcome => ({
  action: 'record-numbers',
  staff,
  reasons: [...reasons, 'numbers-recorded-offline'],
  alsoNeeded,
});

export const NATIONAL_TIMELINE: RuleTimeline = {
  id: 'national',
  checkedOn: '2026-11-23',
  entries: [
    // ---- 健康保険証 (old card) -------------------------------------------------------------------------
    {
      id: 'old-card-valid',
      document: 'insurance-card',
      from: null,
      until: '2025-12-01',
      when: { printed: ['current', 'missing'] },
      online: verify(false, ['old-card-valid'], IF_HELD),
      offline: record(false, ['old-card-valid'], IF_HELD),
      ageHints: ASK_ELDERLY_70_74,
      summary: {
        ja: '健康保険証は印字の有効期限まで、ただし2025年12月1日まで使える（期限の印字がない保険証も同日まで）',
        en: 'Old health insurance card: valid to its printed expiry, never after 2025-12-01 (cards without a printed expiry too)',
      },
      source:
        'Not issued since 2024-12-02, usable to its own expiry, never after 2025-12-01 [S1][S2]; seeds 000, 001, 003, 004 (令和7年12月1日まで)',
    },
    {
      id: 'old-card-expired',
      document: 'insurance-card',
      from: null,
      until: '2025-07-31',
      when: { printed: ['passed'] },
      online: refuse('old-card-expired'),
      offline: refuse('old-card-expired'),
      summary: {
        ja: '有効期限の過ぎた健康保険証は使えない',
        en: 'An old card past its printed expiry is not accepted',
      },
      source: '[S1][S2]',
    },
    {
      id: 'old-card-provisional-kokuho-kouki',
      document: 'insurance-card',
      from: '2025-08-01',
      until: '2025-12-01',
      when: { printed: ['passed'] },
      online: verify(true, ['old-card-provisional-kokuho-kouki'], IF_HELD),
      offline: record(true, ['old-card-provisional-kokuho-kouki'], IF_HELD),
      ageHints: ASK_ELDERLY_70_74,
      summary: {
        ja: '期限切れの国保・後期の保険証は、番号をオンラインで確認できれば使える（受付が国保・後期であることを確認）',
        en: 'Expired 国保/後期 card: accepted when its numbers verify online; staff check it is a 国保 or 後期 card',
      },
      source: '事務連絡 2025-06-27 (国保・後期) [S3]; most 国保/後期 cards ended 2025-07-31 [S6]',
      note: 'The query does not name the insurer, so staff confirm the card is 国保 or 後期. Offline: numbers recorded, staff confirm.',
    },
    {
      id: 'old-card-provisional',
      document: 'insurance-card',
      from: '2025-12-02',
      until: '2026-07-31',
      online: verify(false, ['old-card-provisional'], IF_HELD),
      offline: record(true, ['old-card-provisional'], IF_HELD),
      ageHints: ASK_ELDERLY_70_74,
      summary: {
        ja: '暫定措置: 期限切れの健康保険証は、番号をオンラインで確認できれば使える（通信不可なら番号を控え、受付が確認）',
        en: 'Provisional measure: an expired old card is accepted when its numbers verify online (offline: numbers recorded, staff confirm)',
      },
      source:
        '事務連絡 2025-11-12 (all insurers), to 2026-03-31 [S3][S4]; extended by the 厚労相 on 2026-03-19 to 2026-07-31 [S5]',
      note: 'Originally until 2026-03-31; extended once, "no further extension" [S5].',
    },
    {
      id: 'old-card-ended',
      document: 'insurance-card',
      from: '2026-08-01',
      until: null,
      online: refuse('old-card-ended'),
      offline: refuse('old-card-ended'),
      summary: {
        ja: '2026年8月1日から健康保険証は使えない（マイナ保険証・資格確認書・お知らせ＋カードを案内）',
        en: 'From 2026-08-01 no old card is accepted (guide to マイナ保険証, 資格確認書, or the notice with the card)',
      },
      source: '暫定措置 ended 2026-07-31, no further extension [S5]',
    },

    // ---- 資格確認書 (eligibility certificate) -----------------------------------------------------------
    {
      id: 'eligibility-certificate-valid',
      document: 'eligibility-certificate',
      from: '2024-12-02',
      until: null,
      when: { printed: ['current'] },
      online: verify(false, ['eligibility-certificate-valid'], IF_HELD),
      offline: record(false, ['eligibility-certificate-valid'], IF_HELD),
      ageHints: ASK_ELDERLY_70_74,
      summary: {
        ja: '資格確認書は印字の有効期限（最長5年）まで使える。70〜74歳は高齢受給者証も確認',
        en: '資格確認書: valid to its printed date (5 years at most); ages 70–74: also ask for the 高齢受給者証',
      },
      source:
        'Valid to the printed date, ≤5 years [S2]; 高齢受給者証 unless merged [S9]; 限度額 [S8]; 特定疾病 [S10]; 公費 [S29]; seeds 001, 004',
    },
    {
      id: 'eligibility-certificate-no-date',
      document: 'eligibility-certificate',
      from: '2024-12-02',
      until: null,
      when: { printed: ['missing'] },
      online: verify(true, ['eligibility-certificate-check-printed-date'], IF_HELD),
      offline: record(true, ['eligibility-certificate-check-printed-date'], IF_HELD),
      ageHints: ASK_ELDERLY_70_74,
      summary: {
        ja: '資格確認書の有効期限が分からないときは、受付が印字を確認する',
        en: '資格確認書 without a known printed date: staff read the date on the certificate',
      },
      source: '[S2]',
    },
    {
      id: 'kouki-certificate-for-all-ended',
      document: 'eligibility-certificate',
      from: '2026-08-01',
      until: null,
      when: { printed: ['passed'], age: ['75-plus'] },
      online: refuse('eligibility-certificate-expired', 'kouki-certificate-for-all-ended'),
      offline: refuse('eligibility-certificate-expired', 'kouki-certificate-for-all-ended'),
      summary: {
        ja: '後期高齢者の期限切れ資格確認書: 全員交付は2026年7月31日まで。以後はマイナ保険証の方にはお知らせが届く',
        en: 'Expired 後期 certificate: the "certificate for everyone" period ended 2026-07-31; card holders now get the notice',
      },
      source:
        '後期 暫定運用 until 2026-07-31 [S6]; from 2026-08-01 certificates only for non-holders and 要配慮者 [S7]',
    },
    {
      id: 'eligibility-certificate-expired',
      document: 'eligibility-certificate',
      from: '2024-12-02',
      until: null,
      when: { printed: ['passed'] },
      online: refuse('eligibility-certificate-expired'),
      offline: refuse('eligibility-certificate-expired'),
      summary: { ja: '有効期限の過ぎた資格確認書は使えない', en: 'An expired 資格確認書 is not accepted' },
      source: '[S2]',
    },

    // ---- マイナ保険証 -------------------------------------------------------------------------------
    {
      id: 'myna-card',
      document: 'myna-card',
      from: null,
      until: null,
      online: { action: 'read-card', staff: false, reasons: ['myna-card-read'] },
      offline: { action: 'self-declaration', staff: true, reasons: ['myna-card-offline-self-declaration'] },
      summary: {
        ja: 'マイナ保険証はカードリーダーで確認。通信不可なら、カード＋被保険者資格申立書を記録し、後で確認',
        en: 'マイナ保険証: read on the reader; offline, the card plus a self-declaration (申立書) recorded and verified later',
      },
      source:
        'Table (b); fallbacks with the card [S12][S13][S14]; outage: note 4情報, verify after recovery [S15]; 申立書 billing [S16]',
    },
    {
      id: 'myna-smartphone',
      document: 'myna-smartphone',
      from: '2025-09-19',
      until: null,
      when: { smartphoneReader: true },
      online: { action: 'read-card', staff: false, reasons: ['smartphone-read'] },
      offline: refuse('smartphone-needs-online'),
      summary: {
        ja: 'スマホのマイナ保険証は、スマホ対応リーダーがありオンラインのときだけ使える',
        en: 'Smartphone マイナ保険証: only with a smartphone-capable reader and online verification',
      },
      source: 'Live since 2025-09-19; most readers need an external smartphone reader [S18]',
    },
    {
      id: 'myna-smartphone-no-reader',
      document: 'myna-smartphone',
      from: '2025-09-19',
      until: null,
      when: { smartphoneReader: false },
      online: refuse('smartphone-reader-unavailable'),
      offline: refuse('smartphone-reader-unavailable'),
      summary: {
        ja: 'スマホ対応リーダーがないので、スマホのマイナ保険証は使えない（カードを案内）',
        en: 'No smartphone-capable reader: the smartphone is refused, guide to the physical card',
      },
      source: '[S18]',
    },

    // ---- with the physical card --------------------------------------------------------------------
    {
      id: 'portal-screen-with-card',
      document: 'portal-screen-with-card',
      from: null,
      until: null,
      online: verify(true, ['portal-screen-with-card', 'staff-confirms-card-holder']),
      offline: record(true, ['portal-screen-with-card', 'staff-confirms-card-holder']),
      summary: {
        ja: 'マイナポータルの資格情報画面＋カード: 番号を確認（通信不可なら記録）。受付がカードと本人を照合',
        en: 'Portal screen + card: numbers verified online (recorded offline); staff match the card to the person',
      },
      source: '保発0710第1号 [S15]; [S12][S14]; seed 002 ④ (スマホのみでの受診は不可)',
    },
    {
      id: 'portal-pdf-with-card',
      document: 'portal-pdf-with-card',
      from: null,
      until: null,
      online: verify(true, ['portal-pdf-with-card', 'staff-confirms-card-holder']),
      offline: record(true, ['portal-pdf-with-card', 'staff-confirms-card-holder']),
      summary: {
        ja: 'マイナポータルのPDF＋カード: 番号を確認（通信不可なら記録）。受付が発行日とカードの本人を確認',
        en: 'Portal PDF + card: numbers verified online (recorded offline); staff check the issue date and the card holder',
      },
      source: 'Insurer guidance: the notice may be replaced by the downloaded screen [S13] (verify); seed 002 ⑤',
    },
    {
      id: 'notice-with-card',
      document: 'notice-with-card',
      from: null,
      until: null,
      online: verify(true, ['notice-with-card', 'staff-confirms-card-holder']),
      offline: record(true, ['notice-with-card', 'staff-confirms-card-holder']),
      summary: {
        ja: '資格情報のお知らせ＋カード: 番号を確認（通信不可なら記録）。受付がカードと本人を照合',
        en: 'Notice + card: numbers verified online (recorded offline); staff match the card to the person',
      },
      source: 'Only with the physical card [S11][S12]; seeds 002 ⑥, 004',
    },

    // ---- 資格情報のお知らせ alone ------------------------------------------------------------------------
    {
      id: 'notice-only-refused-before',
      document: 'notice-only',
      from: null,
      until: '2025-07-31',
      online: { ...refuse('notice-alone-not-accepted'), alsoNeeded: ['my-number-card'] },
      offline: { ...refuse('notice-alone-not-accepted'), alsoNeeded: ['my-number-card'] },
      summary: { ja: 'お知らせだけでは受診できない', en: 'The notice alone is not a document' },
      source: 'Never alone [S11][S12]; seeds 000 (お知らせ単独では受診できません), 004',
    },
    {
      id: 'notice-only-provisional-kokuho-kouki',
      document: 'notice-only',
      from: '2025-08-01',
      until: '2025-12-01',
      online: verify(true, ['notice-alone-provisional-kokuho-kouki']),
      offline: { ...refuse('notice-alone-needs-online'), alsoNeeded: ['my-number-card'] },
      summary: {
        ja: '国保・後期のお知らせだけ: オンラインで番号を確認できれば使える（受付が国保・後期であることを確認）',
        en: '国保/後期 notice alone: accepted when its numbers verify online; staff check it is 国保 or 後期',
      },
      source: '事務連絡 2025-06-27 (国保・後期) [S3]',
    },
    {
      id: 'notice-only-provisional',
      document: 'notice-only',
      from: '2025-12-02',
      until: '2026-07-31',
      online: verify(false, ['notice-alone-provisional']),
      offline: { ...refuse('notice-alone-needs-online'), alsoNeeded: ['my-number-card'] },
      summary: {
        ja: '暫定措置: お知らせだけでも、オンラインで番号を確認できれば使える',
        en: 'Provisional measure: the notice alone is accepted when its numbers verify online',
      },
      source: '事務連絡 2025-11-12 [S3][S4]; extended to 2026-07-31 [S5]',
    },
    {
      id: 'notice-only-refused',
      document: 'notice-only',
      from: '2026-08-01',
      until: null,
      online: { ...refuse('notice-alone-not-accepted'), alsoNeeded: ['my-number-card'] },
      offline: { ...refuse('notice-alone-not-accepted'), alsoNeeded: ['my-number-card'] },
      summary: {
        ja: 'お知らせだけでは受診できない（マイナンバーカードと一緒なら可）',
        en: 'The notice alone is refused (it works with the card)',
      },
      source: 'Provisional measure ended 2026-07-31 [S5]; never alone [S11][S12]; seeds 000, 004',
    },

    // ---- nothing -----------------------------------------------------------------------------------
    {
      id: 'no-document',
      document: 'nothing',
      from: null,
      until: null,
      online: { action: 'self-pay', staff: true, reasons: ['no-document-self-pay'] },
      offline: { action: 'self-pay', staff: true, reasons: ['no-document-self-pay'] },
      summary: {
        ja: '書類なし: 10割負担。後日、保険者に療養費を請求できる',
        en: 'No document: self-pay (10割); the patient claims 療養費 from the insurer later',
      },
      source: '[S17]',
    },
  ],
};

/** The entries in force on `date` (inclusive bounds), in list order: what the admin screen shows for a day. */
export function entriesInForce(timeline: RuleTimeline, date: IsoDate): readonly RuleEntry[] {
  return timeline.entries.filter((e) => isWithin(date, e.from, e.until));
}
