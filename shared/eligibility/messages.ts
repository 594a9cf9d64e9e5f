/**
 * What the kiosk says for each reason code and each extra document, in every locale. Patient texts are
 * written for an elderly person at a touch screen: calm, short, concrete (what to show, who helps), no
 * jargon beyond the names printed on the documents. Staff labels are short, for the console and the audit
 * log. A decision shows the messages of its reasons in order; `{…}` placeholders are not used here.
 */
import type { Messages } from '../i18n/locales';
import type { AlsoNeededCode, ReasonCode } from './reasons';

export const REASON_MESSAGES: Messages<ReasonCode> = {
  ja: {
    'invalid-input': 'うまく確認できませんでした。受付の者がお手伝いしますので、少しお待ちください。',
    'unknown-document': 'お持ちの書類を確認できませんでした。受付の者がお手伝いします。',
    'no-rule-in-force': 'この書類については、受付の者が確認します。少しお待ちください。',
    'printed-date-unreadable': '有効期限の日付を、受付の者がカードで確認します。',
    'printed-date-implausible': '有効期限の日付をもう一度確かめるため、受付の者がカードを拝見します。',
    'birth-date-unreadable': '生年月日を、受付の者が確認します。',
    'old-card-valid': 'この保険証をお使いいただけます。保険証の番号を確認します。',
    'old-card-expired':
      'この保険証は有効期限が過ぎています。マイナ保険証か資格確認書をお出しください。受付の者がお手伝いします。',
    'old-card-provisional-kokuho-kouki':
      'この保険証は有効期限が過ぎていますが、国民健康保険か後期高齢者医療の保険証なら、番号で確認できればお使いいただけます。受付の者が確認します。',
    'old-card-provisional':
      'この保険証は有効期限が過ぎていますが、2026年7月31日までは、番号で確認できればお使いいただけます。次からは、マイナ保険証か資格確認書をお持ちください。',
    'old-card-ended':
      'この保険証は 2026年8月1日から使えません。マイナ保険証、資格確認書、または資格情報のお知らせとマイナンバーカードをお出しください。受付の者がお手伝いします。',
    'eligibility-certificate-valid': '資格確認書をお使いいただけます。書いてある番号を確認します。',
    'eligibility-certificate-check-printed-date': '資格確認書の有効期限を、受付の者が確認します。',
    'eligibility-certificate-expired':
      'この資格確認書は有効期限が過ぎています。新しい資格確認書か、マイナ保険証をお出しください。お持ちでなければ、受付の者にお声がけください。',
    'kouki-certificate-for-all-ended':
      '後期高齢者医療では、2026年8月から、マイナ保険証をお持ちの方には資格確認書のかわりに「資格情報のお知らせ」が届いています。マイナ保険証か、新しく届いた書類をお出しください。',
    'myna-card-read': 'マイナ保険証をカードリーダーに置いてください。顔認証か暗証番号で確認します。',
    'myna-card-offline-self-declaration':
      'いまはカードで確認ができません。資格情報のお知らせか、マイナポータルの画面があればお見せください。なければ、保険の内容を申立書にご記入いただき、あとで確認します。',
    'smartphone-read': 'スマートフォンを、スマートフォン用の読み取り機にかざしてください。',
    'smartphone-reader-unavailable':
      'この医院では、スマートフォンのマイナ保険証はお使いいただけません。マイナンバーカードそのものをお出しください。',
    'smartphone-needs-online':
      'いまはスマートフォンで確認ができません。マイナンバーカードそのものをお出しください。資格情報のお知らせがあれば、一緒にお出しください。',
    'portal-screen-with-card': 'マイナポータルの資格情報の画面と、マイナンバーカードを、受付にお見せください。',
    'portal-pdf-with-card':
      'マイナポータルの資格情報（PDF）と、マイナンバーカードを、受付にお見せください。いつ発行されたものかも確認します。',
    'notice-with-card': '資格情報のお知らせと、マイナンバーカードを、受付にお見せください。',
    'staff-confirms-card-holder': '受付の者が、カードのお写真とご本人を確認します。',
    'notice-alone-not-accepted':
      '資格情報のお知らせだけでは受診できません。マイナンバーカードと一緒にお出しください。資格確認書があれば、それをお使いいただけます。',
    'notice-alone-provisional-kokuho-kouki':
      '国民健康保険か後期高齢者医療のお知らせなら、番号で確認できればお使いいただけます。受付の者が確認します。',
    'notice-alone-provisional':
      '2026年7月31日までは、番号で確認できれば、資格情報のお知らせだけでもお使いいただけます。次からは、マイナンバーカードと一緒にお持ちください。',
    'notice-alone-needs-online':
      'いまは番号を確認できないため、お知らせだけではお受けできません。マイナンバーカードと一緒にお出しください。',
    'numbers-recorded-offline': 'いまはオンラインで確認ができないため、番号を控えておき、あとで確認します。',
    'no-document-self-pay':
      '保険の書類がないときは、いったん全額（10割）をお支払いいただきます。あとで領収書を添えて保険者に申請すると、療養費として払い戻しを受けられます。受付の者がご説明します。',
    'clinic-policy-staff-confirmation': '受付の者が確認しますので、少しお待ちください。',
    'clinic-policy-refusal': 'この医院では、いまはこの書類でお受けできません。受付の者が、ほかの方法をご案内します。',
    'clinic-override': 'この医院の取り扱いにより、お受けします。受付の者が確認します。',
  },
  en: {
    'invalid-input': 'We could not check this. A receptionist will help you; please wait a moment.',
    'unknown-document': 'We could not tell which document this is. A receptionist will help you.',
    'no-rule-in-force': 'A receptionist will check this document. Please wait a moment.',
    'printed-date-unreadable': 'A receptionist will read the expiry date on your card.',
    'printed-date-implausible': 'A receptionist will look at your card to check the expiry date again.',
    'birth-date-unreadable': 'A receptionist will check your date of birth.',
    'old-card-valid': 'You can use this health insurance card. We will check its numbers.',
    'old-card-expired':
      'This health insurance card has expired. Please show your My Number insurance card or your eligibility certificate (資格確認書). A receptionist can help.',
    'old-card-provisional-kokuho-kouki':
      'This card has expired, but if it is a National Health Insurance or late-stage elderly card, it can be used when its numbers are confirmed. A receptionist will check.',
    'old-card-provisional':
      'This card has expired, but until 31 July 2026 it can be used when its numbers are confirmed. Next time, please bring your My Number insurance card or your eligibility certificate.',
    'old-card-ended':
      'Old health insurance cards cannot be used from 1 August 2026. Please show your My Number insurance card, your eligibility certificate (資格確認書), or the eligibility notice (資格情報のお知らせ) together with your My Number Card. A receptionist can help.',
    'eligibility-certificate-valid': 'You can use your eligibility certificate. We will check the numbers on it.',
    'eligibility-certificate-check-printed-date':
      'A receptionist will check the expiry date on your eligibility certificate.',
    'eligibility-certificate-expired':
      'This eligibility certificate has expired. Please show a new certificate or your My Number insurance card. If you have neither, please speak to a receptionist.',
    'kouki-certificate-for-all-ended':
      'For late-stage elderly insurance, people with a My Number insurance card have received an eligibility notice instead of a certificate since August 2026. Please show your My Number insurance card or the new document you received.',
    'myna-card-read': 'Please place your My Number Card on the card reader. It will check you by face or PIN.',
    'myna-card-offline-self-declaration':
      'We cannot check your card right now. If you have the eligibility notice or the My Number Portal screen, please show it. If not, you will fill in a short declaration form, and we will check it later.',
    'smartphone-read': 'Please hold your smartphone over the smartphone reader.',
    'smartphone-reader-unavailable':
      'This clinic cannot read My Number insurance on a smartphone. Please show the My Number Card itself.',
    'smartphone-needs-online':
      'We cannot check your smartphone right now. Please show the My Number Card itself, and the eligibility notice if you have it.',
    'portal-screen-with-card':
      'Please show the eligibility screen in My Number Portal and your My Number Card at the desk.',
    'portal-pdf-with-card':
      'Please show the eligibility PDF from My Number Portal and your My Number Card at the desk. We will also check when it was issued.',
    'notice-with-card': 'Please show the eligibility notice and your My Number Card at the desk.',
    'staff-confirms-card-holder': 'A receptionist will compare the photo on the card with you.',
    'notice-alone-not-accepted':
      'The eligibility notice alone cannot be used. Please show it together with your My Number Card. If you have an eligibility certificate, you can use that.',
    'notice-alone-provisional-kokuho-kouki':
      'A National Health Insurance or late-stage elderly notice can be used when its numbers are confirmed. A receptionist will check.',
    'notice-alone-provisional':
      'Until 31 July 2026, the eligibility notice alone can be used when its numbers are confirmed. Next time, please bring it with your My Number Card.',
    'notice-alone-needs-online':
      'We cannot confirm the numbers right now, so the notice alone cannot be used. Please show it together with your My Number Card.',
    'numbers-recorded-offline': 'We cannot check online right now, so we will note the numbers and check them later.',
    'no-document-self-pay':
      'Without an insurance document, you pay the full cost (100%) today. Later you can apply to your insurer with the receipt and get the insured part back (療養費). A receptionist will explain.',
    'clinic-policy-staff-confirmation': 'A receptionist will check this. Please wait a moment.',
    'clinic-policy-refusal':
      'This clinic cannot accept this document right now. A receptionist will show you another way.',
    'clinic-override': 'The clinic accepts this under a special arrangement. A receptionist will check.',
  },
};

/** Short labels for the staff console and the audit log. */
export const REASON_STAFF_LABELS: Messages<ReasonCode> = {
  ja: {
    'invalid-input': '入力不備（日付など）',
    'unknown-document': '不明な書類種別',
    'no-rule-in-force': 'この日付に該当ルールなし',
    'printed-date-unreadable': '有効期限が読めない',
    'printed-date-implausible': '有効期限が5年超先',
    'birth-date-unreadable': '生年月日が不正',
    'old-card-valid': '健康保険証（有効期限内）',
    'old-card-expired': '健康保険証（期限切れ）',
    'old-card-provisional-kokuho-kouki': '期限切れ保険証・国保/後期の暫定（6/27事務連絡）',
    'old-card-provisional': '期限切れ保険証・暫定措置（〜2026/7/31）',
    'old-card-ended': '健康保険証・2026/8/1以降使用不可',
    'eligibility-certificate-valid': '資格確認書（有効期限内）',
    'eligibility-certificate-check-printed-date': '資格確認書・有効期限を目視確認',
    'eligibility-certificate-expired': '資格確認書（期限切れ）',
    'kouki-certificate-for-all-ended': '後期・確認書一律交付の終了（2026/7/31）',
    'myna-card-read': 'マイナ保険証・リーダーで確認',
    'myna-card-offline-self-declaration': 'マイナ保険証・通信不可→申立書',
    'smartphone-read': 'スマホ保険証・リーダーで確認',
    'smartphone-reader-unavailable': 'スマホ対応リーダーなし',
    'smartphone-needs-online': 'スマホ保険証・通信不可',
    'portal-screen-with-card': 'ポータル画面＋カード',
    'portal-pdf-with-card': 'ポータルPDF＋カード・発行日確認',
    'notice-with-card': 'お知らせ＋カード',
    'staff-confirms-card-holder': 'カードと本人の照合',
    'notice-alone-not-accepted': 'お知らせのみ・不可',
    'notice-alone-provisional-kokuho-kouki': 'お知らせのみ・国保/後期の暫定',
    'notice-alone-provisional': 'お知らせのみ・暫定措置',
    'notice-alone-needs-online': 'お知らせのみ・通信不可のため不可',
    'numbers-recorded-offline': '番号を記録・回復後に照会',
    'no-document-self-pay': '書類なし・10割（療養費）',
    'clinic-policy-staff-confirmation': '院内設定により職員確認',
    'clinic-policy-refusal': '院内設定により受付不可',
    'clinic-override': '院内特例（承認済み）',
  },
  en: {
    'invalid-input': 'Invalid input (date etc.)',
    'unknown-document': 'Unknown document type',
    'no-rule-in-force': 'No rule in force for this date',
    'printed-date-unreadable': 'Printed expiry unreadable',
    'printed-date-implausible': 'Printed expiry over 5 years ahead',
    'birth-date-unreadable': 'Birth date invalid',
    'old-card-valid': 'Old card, within expiry',
    'old-card-expired': 'Old card, expired',
    'old-card-provisional-kokuho-kouki': 'Expired card, 国保/後期 provisional (notice of 2025-06-27)',
    'old-card-provisional': 'Expired card, provisional measure (to 2026-07-31)',
    'old-card-ended': 'Old card, not usable from 2026-08-01',
    'eligibility-certificate-valid': '資格確認書, within expiry',
    'eligibility-certificate-check-printed-date': '資格確認書, read printed expiry',
    'eligibility-certificate-expired': '資格確認書, expired',
    'kouki-certificate-for-all-ended': '後期: certificate-for-all ended 2026-07-31',
    'myna-card-read': 'マイナ保険証 on the reader',
    'myna-card-offline-self-declaration': 'マイナ保険証 offline: self-declaration',
    'smartphone-read': 'Smartphone on the reader',
    'smartphone-reader-unavailable': 'No smartphone reader',
    'smartphone-needs-online': 'Smartphone offline',
    'portal-screen-with-card': 'Portal screen + card',
    'portal-pdf-with-card': 'Portal PDF + card, check issue date',
    'notice-with-card': 'Notice + card',
    'staff-confirms-card-holder': 'Match card to person',
    'notice-alone-not-accepted': 'Notice alone: refused',
    'notice-alone-provisional-kokuho-kouki': 'Notice alone, 国保/後期 provisional',
    'notice-alone-provisional': 'Notice alone, provisional measure',
    'notice-alone-needs-online': 'Notice alone offline: refused',
    'numbers-recorded-offline': 'Numbers recorded, verify when online',
    'no-document-self-pay': 'No document: self-pay, 療養費 later',
    'clinic-policy-staff-confirmation': 'Staff check by clinic setting',
    'clinic-policy-refusal': 'Refused by clinic setting',
    'clinic-override': 'Clinic override (approved)',
  },
};

/** What to ask for besides the document, as a sentence for the patient. */
export const ALSO_NEEDED_MESSAGES: Messages<AlsoNeededCode> = {
  ja: {
    'elderly-recipient-certificate':
      '70歳から74歳の方は、高齢受給者証もお出しください。資格確認書に一緒に書かれている場合は、いりません。',
    'limit-certificate': '限度額適用認定証をお持ちでしたら、一緒にお出しください。',
    'specific-disease-certificate': '特定疾病療養受療証をお持ちでしたら、一緒にお出しください。',
    'public-expense-certificate': '医療費助成の受給者証（こども医療証など）をお持ちでしたら、一緒にお出しください。',
    'my-number-card': 'マイナンバーカードと一緒にお出しください。',
  },
  en: {
    'elderly-recipient-certificate':
      'If you are 70 to 74, please also show your elderly recipient certificate (高齢受給者証), unless it is printed on your eligibility certificate.',
    'limit-certificate': 'If you have a limit certificate (限度額適用認定証), please show it too.',
    'specific-disease-certificate':
      'If you have a specific disease certificate (特定疾病療養受療証), please show it too.',
    'public-expense-certificate':
      'If you have a medical subsidy certificate (for example for children), please show it too.',
    'my-number-card': 'Please show it together with your My Number Card.',
  },
};
