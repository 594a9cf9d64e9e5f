/**
 * What the kiosk says for each reason code and each extra document, in every locale. Patient texts are
 * written for an elderly person at a touch screen: calm, short, concrete (what to show, who helps), no
 * jargon beyond the names printed on the documents. Staff labels are short, for the console and the audit
 * log. A decision shows the messages of its reasons in order; `{…}` placeholders are not used here.
 */
import type { Messages, StaffMessages } from '../i18n/locales';
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
      'This health insurance card has expired. Please show your My Number Card health insurance or your eligibility certificate (資格確認書). A receptionist can help.',
    'old-card-provisional-kokuho-kouki':
      'This card has expired, but if it is a National Health Insurance or late-stage elderly card, it can be used when its numbers are confirmed. A receptionist will check.',
    'old-card-provisional':
      'This card has expired, but until 31 July 2026 it can be used when its numbers are confirmed. Next time, please bring your My Number Card health insurance or your eligibility certificate.',
    'old-card-ended':
      'Old health insurance cards cannot be used from 1 August 2026. Please show your My Number Card health insurance, your eligibility certificate (資格確認書), or the eligibility notice (資格情報のお知らせ) together with your My Number Card. A receptionist can help.',
    'eligibility-certificate-valid': 'You can use your eligibility certificate. We will check the numbers on it.',
    'eligibility-certificate-check-printed-date':
      'A receptionist will check the expiry date on your eligibility certificate.',
    'eligibility-certificate-expired':
      'This eligibility certificate has expired. Please show a new certificate or your My Number Card health insurance. If you have neither, please speak to a receptionist.',
    'kouki-certificate-for-all-ended':
      'For late-stage elderly insurance, people with a My Number Card health insurance have received an eligibility notice instead of a certificate since August 2026. Please show your My Number Card health insurance or the new document you received.',
    'myna-card-read': 'Please place your My Number Card on the card reader. It will check you by face or PIN.',
    'myna-card-offline-self-declaration':
      'We cannot check your card right now. If you have the eligibility notice or the Mynaportal screen, please show it. If not, you will fill in a short declaration form, and we will check it later.',
    'smartphone-read': 'Please hold your smartphone over the smartphone reader.',
    'smartphone-reader-unavailable':
      'This clinic cannot read My Number Card health insurance on a smartphone. Please show the My Number Card itself.',
    'smartphone-needs-online':
      'We cannot check your smartphone right now. Please show the My Number Card itself, and the eligibility notice if you have it.',
    'portal-screen-with-card': 'Please show the eligibility screen in Mynaportal and your My Number Card at the desk.',
    'portal-pdf-with-card':
      'Please show the eligibility PDF from Mynaportal and your My Number Card at the desk. We will also check when it was issued.',
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
  'ja-easy': {
    'invalid-input': 'うまく しらべられませんでした。スタッフが てつだいます。すこし まって ください。',
    'unknown-document': 'もって いる 紙が なにか わかりませんでした。スタッフが てつだいます。',
    'no-rule-in-force': 'この 紙は スタッフが しらべます。すこし まって ください。',
    'printed-date-unreadable': '有効期限（ゆうこう きげん）の 日は、スタッフが カードを 見て しらべます。',
    'printed-date-implausible': '有効期限の 日を もう一度 しらべます。スタッフに カードを 見せて ください。',
    'birth-date-unreadable': 'たんじょうびは、スタッフが しらべます。',
    'old-card-valid': 'この 保険証は つかえます。保険証の ばんごうを しらべます。',
    'old-card-expired':
      'この 保険証は 有効期限が すぎて います。マイナ保険証か 資格確認書を 出して ください。スタッフが てつだいます。',
    'old-card-provisional-kokuho-kouki':
      'この 保険証は 有効期限が すぎて います。でも 国民健康保険か 後期高齢者医療の 保険証なら、ばんごうが かくにん できれば つかえます。スタッフが しらべます。',
    'old-card-provisional':
      'この 保険証は 有効期限が すぎて います。でも 2026年7月31日までは、ばんごうが かくにん できれば つかえます。つぎからは マイナ保険証か 資格確認書を もって きて ください。',
    'old-card-ended':
      'この 保険証は 2026年8月1日から つかえません。マイナ保険証か 資格確認書を 出して ください。または 資格情報のお知らせと マイナンバーカードを 出して ください。スタッフが てつだいます。',
    'eligibility-certificate-valid': '資格確認書は つかえます。書いて ある ばんごうを しらべます。',
    'eligibility-certificate-check-printed-date': '資格確認書の 有効期限は、スタッフが しらべます。',
    'eligibility-certificate-expired':
      'この 資格確認書は 有効期限が すぎて います。新しい 資格確認書か マイナ保険証を 出して ください。ない ときは スタッフに 言って ください。',
    'kouki-certificate-for-all-ended':
      '後期高齢者医療の 人へ。2026年8月から、マイナ保険証を もって いる 人には、資格確認書では なく「資格情報のお知らせ」が とどいて います。マイナ保険証か、新しく とどいた 紙を 出して ください。',
    'myna-card-read':
      'マイナ保険証を カードを よむ きかいに のせて ください。かおの しゃしんか あんしょうばんごうで かくにん します。',
    'myna-card-offline-self-declaration':
      'いまは カードで かくにん できません。資格情報のお知らせか マイナポータルの 画面が あれば 見せて ください。ない ときは 保険の ことを 紙に 書いて ください。あとで しらべます。',
    'smartphone-read': 'スマホを スマホ用の きかいに かざして ください。',
    'smartphone-reader-unavailable':
      'この 病院では スマホの マイナ保険証は つかえません。マイナンバーカードを 出して ください。',
    'smartphone-needs-online':
      'いまは スマホで かくにん できません。マイナンバーカードを 出して ください。資格情報のお知らせが あれば いっしょに 出して ください。',
    'portal-screen-with-card': 'マイナポータルの 保険の 画面と マイナンバーカードを うけつけで 見せて ください。',
    'portal-pdf-with-card':
      'マイナポータルの 保険の PDFと マイナンバーカードを うけつけで 見せて ください。いつ 出した PDFか も 見ます。',
    'notice-with-card': '資格情報のお知らせと マイナンバーカードを うけつけで 見せて ください。',
    'staff-confirms-card-holder': 'スタッフが カードの しゃしんと あなたの かおを 見ます。',
    'notice-alone-not-accepted':
      '資格情報のお知らせ だけでは つかえません。マイナンバーカードと いっしょに 出して ください。資格確認書が あれば、それを つかえます。',
    'notice-alone-provisional-kokuho-kouki':
      '国民健康保険か 後期高齢者医療の お知らせなら、ばんごうが かくにん できれば つかえます。スタッフが しらべます。',
    'notice-alone-provisional':
      '2026年7月31日までは、ばんごうが かくにん できれば、お知らせ だけでも つかえます。つぎからは マイナンバーカードと いっしょに もって きて ください。',
    'notice-alone-needs-online':
      'いまは ばんごうを かくにん できません。だから お知らせ だけでは うけつけ できません。マイナンバーカードと いっしょに 出して ください。',
    'numbers-recorded-offline':
      'いまは インターネットで かくにん できません。ばんごうを 書いて おいて、あとで しらべます。',
    'no-document-self-pay':
      '保険の 紙が ない ときは、まず お金を ぜんぶ（10わり）はらいます。あとで りょうしゅうしょを もって 保険の 会社や 市役所に もうしこむと、お金が もどります（療養費）。スタッフが せつめい します。',
    'clinic-policy-staff-confirmation': 'スタッフが しらべます。すこし まって ください。',
    'clinic-policy-refusal':
      'この 病院では いま この 紙で うけつけ できません。スタッフが ほかの やりかたを おしえます。',
    'clinic-override': 'この 病院の きまりで うけつけ します。スタッフが しらべます。',
  },
  'zh-Hans': {
    'invalid-input': '无法顺利确认。工作人员会协助您，请稍候。',
    'unknown-document': '无法判断您带来的是什么证件。工作人员会协助您。',
    'no-rule-in-force': '这种证件由工作人员确认，请稍候。',
    'printed-date-unreadable': '工作人员会查看您卡片上的有效期限。',
    'printed-date-implausible': '为了再次确认有效期限，工作人员会查看您的卡片。',
    'birth-date-unreadable': '工作人员会确认您的出生日期。',
    'old-card-valid': '这张保险证可以使用。我们将确认保险证上的号码。',
    'old-card-expired': '这张保险证已过有效期限。请出示个人编号卡健康保险证或资格确认书。工作人员可以协助您。',
    'old-card-provisional-kokuho-kouki':
      '这张保险证已过有效期限，但如果是国民健康保险或后期高龄者医疗的保险证，确认号码后即可使用。工作人员会进行确认。',
    'old-card-provisional':
      '这张保险证已过有效期限，但在2026年7月31日之前，确认号码后即可使用。下次请带个人编号卡健康保险证或资格确认书来。',
    'old-card-ended':
      '从2026年8月1日起，这种保险证不能再使用。请出示个人编号卡健康保险证、资格确认书，或资格信息通知书和个人编号卡。工作人员可以协助您。',
    'eligibility-certificate-valid': '资格确认书可以使用。我们将确认上面的号码。',
    'eligibility-certificate-check-printed-date': '工作人员会确认资格确认书的有效期限。',
    'eligibility-certificate-expired':
      '这份资格确认书已过有效期限。请出示新的资格确认书或个人编号卡健康保险证。如果都没有，请告诉工作人员。',
    'kouki-certificate-for-all-ended':
      '后期高龄者医疗从2026年8月起，持有个人编号卡健康保险证的人收到的不是资格确认书，而是“资格信息通知书”。请出示个人编号卡健康保险证或新收到的文件。',
    'myna-card-read': '请把个人编号卡健康保险证放在读卡器上。将通过人脸识别或密码进行确认。',
    'myna-card-offline-self-declaration':
      '现在无法用卡片确认。如果有资格信息通知书或Mynaportal的画面，请出示。如果没有，请在申报书上填写保险的内容，以后再确认。',
    'smartphone-read': '请把手机靠近手机专用读卡器。',
    'smartphone-reader-unavailable': '本诊所不能使用手机上的个人编号卡健康保险证。请出示个人编号卡本身。',
    'smartphone-needs-online': '现在无法用手机确认。请出示个人编号卡本身。如果有资格信息通知书，也请一起出示。',
    'portal-screen-with-card': '请在挂号处出示Mynaportal的资格信息画面和个人编号卡。',
    'portal-pdf-with-card': '请在挂号处出示Mynaportal的资格信息PDF和个人编号卡。我们也会确认PDF的发行日期。',
    'notice-with-card': '请在挂号处出示资格信息通知书和个人编号卡。',
    'staff-confirms-card-holder': '工作人员会核对卡片上的照片和您本人。',
    'notice-alone-not-accepted':
      '只有资格信息通知书不能就诊。请和个人编号卡一起出示。如果有资格确认书，可以使用资格确认书。',
    'notice-alone-provisional-kokuho-kouki':
      '如果是国民健康保险或后期高龄者医疗的通知书，确认号码后即可使用。工作人员会进行确认。',
    'notice-alone-provisional':
      '在2026年7月31日之前，确认号码后，只有资格信息通知书也可以使用。下次请和个人编号卡一起带来。',
    'notice-alone-needs-online': '现在无法确认号码，所以只有通知书无法挂号。请和个人编号卡一起出示。',
    'numbers-recorded-offline': '现在无法在线确认，我们会先记下号码，以后再确认。',
    'no-document-self-pay':
      '没有保险证件时，请先支付全额（100%）医疗费。以后带着收据向保险机构申请，可以作为疗养费退还保险负担的部分。工作人员会为您说明。',
    'clinic-policy-staff-confirmation': '工作人员会进行确认，请稍候。',
    'clinic-policy-refusal': '本诊所现在不能用这种证件挂号。工作人员会告诉您其他办法。',
    'clinic-override': '根据本诊所的特别处理予以受理。工作人员会进行确认。',
  },
  ko: {
    'invalid-input': '제대로 확인하지 못했습니다. 직원이 도와드리니 잠시 기다려 주세요.',
    'unknown-document': '가져오신 서류가 무엇인지 확인하지 못했습니다. 직원이 도와드립니다.',
    'no-rule-in-force': '이 서류는 직원이 확인합니다. 잠시 기다려 주세요.',
    'printed-date-unreadable': '직원이 카드의 유효기간을 확인합니다.',
    'printed-date-implausible': '유효기간을 다시 확인하기 위해 직원이 카드를 보겠습니다.',
    'birth-date-unreadable': '직원이 생년월일을 확인합니다.',
    'old-card-valid': '이 보험증을 사용할 수 있습니다. 보험증의 번호를 확인합니다.',
    'old-card-expired':
      '이 보험증은 유효기간이 지났습니다. 마이넘버 카드 건강보험증이나 자격확인서를 내 주세요. 직원이 도와드립니다.',
    'old-card-provisional-kokuho-kouki':
      '이 보험증은 유효기간이 지났지만, 국민건강보험이나 후기고령자의료 보험증이라면 번호가 확인되면 사용할 수 있습니다. 직원이 확인합니다.',
    'old-card-provisional':
      '이 보험증은 유효기간이 지났지만, 2026년 7월 31일까지는 번호가 확인되면 사용할 수 있습니다. 다음부터는 마이넘버 카드 건강보험증이나 자격확인서를 가져와 주세요.',
    'old-card-ended':
      '이 보험증은 2026년 8월 1일부터 사용할 수 없습니다. 마이넘버 카드 건강보험증, 자격확인서, 또는 자격정보 안내문과 마이넘버 카드를 내 주세요. 직원이 도와드립니다.',
    'eligibility-certificate-valid': '자격확인서를 사용할 수 있습니다. 적혀 있는 번호를 확인합니다.',
    'eligibility-certificate-check-printed-date': '직원이 자격확인서의 유효기간을 확인합니다.',
    'eligibility-certificate-expired':
      '이 자격확인서는 유효기간이 지났습니다. 새 자격확인서나 마이넘버 카드 건강보험증을 내 주세요. 둘 다 없으면 직원에게 말씀해 주세요.',
    'kouki-certificate-for-all-ended':
      '후기고령자의료에서는 2026년 8월부터 마이넘버 카드 건강보험증을 가진 분께 자격확인서 대신 "자격정보 안내문"을 보내고 있습니다. 마이넘버 카드 건강보험증이나 새로 받은 서류를 내 주세요.',
    'myna-card-read': '마이넘버 카드 건강보험증을 카드 리더기에 올려놓아 주세요. 얼굴 인증이나 비밀번호로 확인합니다.',
    'myna-card-offline-self-declaration':
      '지금은 카드로 확인할 수 없습니다. 자격정보 안내문이나 마이나포털 화면이 있으면 보여 주세요. 없으면 신고서에 보험 내용을 적어 주시면 나중에 확인합니다.',
    'smartphone-read': '스마트폰을 스마트폰용 리더기에 갖다 대 주세요.',
    'smartphone-reader-unavailable':
      '이 의원에서는 스마트폰의 마이넘버 카드 건강보험증을 사용할 수 없습니다. 마이넘버 카드 실물을 내 주세요.',
    'smartphone-needs-online':
      '지금은 스마트폰으로 확인할 수 없습니다. 마이넘버 카드 실물을 내 주세요. 자격정보 안내문이 있으면 함께 내 주세요.',
    'portal-screen-with-card': '마이나포털의 자격정보 화면과 마이넘버 카드를 접수처에 보여 주세요.',
    'portal-pdf-with-card':
      '마이나포털의 자격정보 PDF와 마이넘버 카드를 접수처에 보여 주세요. 언제 발행된 것인지도 확인합니다.',
    'notice-with-card': '자격정보 안내문과 마이넘버 카드를 접수처에 보여 주세요.',
    'staff-confirms-card-holder': '직원이 카드의 사진과 본인을 대조합니다.',
    'notice-alone-not-accepted':
      '자격정보 안내문만으로는 진료를 받을 수 없습니다. 마이넘버 카드와 함께 내 주세요. 자격확인서가 있으면 그것을 사용할 수 있습니다.',
    'notice-alone-provisional-kokuho-kouki':
      '국민건강보험이나 후기고령자의료의 안내문이라면 번호가 확인되면 사용할 수 있습니다. 직원이 확인합니다.',
    'notice-alone-provisional':
      '2026년 7월 31일까지는 번호가 확인되면 자격정보 안내문만으로도 사용할 수 있습니다. 다음부터는 마이넘버 카드와 함께 가져와 주세요.',
    'notice-alone-needs-online':
      '지금은 번호를 확인할 수 없어서 안내문만으로는 접수할 수 없습니다. 마이넘버 카드와 함께 내 주세요.',
    'numbers-recorded-offline': '지금은 온라인으로 확인할 수 없어서 번호를 적어 두고 나중에 확인합니다.',
    'no-document-self-pay':
      '보험 서류가 없으면 일단 전액(100%)을 내셔야 합니다. 나중에 영수증을 첨부해 보험자에게 신청하면 요양비로 돌려받을 수 있습니다. 직원이 설명해 드립니다.',
    'clinic-policy-staff-confirmation': '직원이 확인하니 잠시 기다려 주세요.',
    'clinic-policy-refusal': '이 의원에서는 지금 이 서류로 접수할 수 없습니다. 직원이 다른 방법을 안내해 드립니다.',
    'clinic-override': '이 의원의 특별 처리로 접수합니다. 직원이 확인합니다.',
  },
  vi: {
    'invalid-input': 'Chúng tôi không kiểm tra được. Nhân viên sẽ giúp bạn, vui lòng đợi một chút.',
    'unknown-document': 'Chúng tôi không nhận ra đây là giấy tờ gì. Nhân viên sẽ giúp bạn.',
    'no-rule-in-force': 'Nhân viên sẽ kiểm tra giấy tờ này. Vui lòng đợi một chút.',
    'printed-date-unreadable': 'Nhân viên sẽ xem ngày hết hạn trên thẻ của bạn.',
    'printed-date-implausible': 'Nhân viên sẽ xem thẻ của bạn để kiểm tra lại ngày hết hạn.',
    'birth-date-unreadable': 'Nhân viên sẽ kiểm tra ngày sinh của bạn.',
    'old-card-valid': 'Bạn có thể dùng thẻ bảo hiểm y tế này. Chúng tôi sẽ kiểm tra các số trên thẻ.',
    'old-card-expired':
      'Thẻ bảo hiểm y tế này đã hết hạn. Vui lòng xuất trình thẻ bảo hiểm My Number hoặc giấy xác nhận tư cách bảo hiểm. Nhân viên có thể giúp bạn.',
    'old-card-provisional-kokuho-kouki':
      'Thẻ này đã hết hạn, nhưng nếu là thẻ Bảo hiểm y tế quốc dân hoặc bảo hiểm y tế người cao tuổi giai đoạn cuối, thẻ vẫn dùng được khi các số được xác nhận. Nhân viên sẽ kiểm tra.',
    'old-card-provisional':
      'Thẻ này đã hết hạn, nhưng đến hết ngày 31/7/2026 vẫn dùng được khi các số được xác nhận. Lần sau, vui lòng mang thẻ bảo hiểm My Number hoặc giấy xác nhận tư cách bảo hiểm.',
    'old-card-ended':
      'Từ ngày 1/8/2026 không thể dùng thẻ bảo hiểm y tế loại cũ. Vui lòng xuất trình thẻ bảo hiểm My Number, giấy xác nhận tư cách bảo hiểm, hoặc thông báo thông tin tư cách bảo hiểm kèm thẻ My Number. Nhân viên có thể giúp bạn.',
    'eligibility-certificate-valid':
      'Bạn có thể dùng giấy xác nhận tư cách bảo hiểm. Chúng tôi sẽ kiểm tra các số ghi trên đó.',
    'eligibility-certificate-check-printed-date':
      'Nhân viên sẽ kiểm tra ngày hết hạn trên giấy xác nhận tư cách bảo hiểm.',
    'eligibility-certificate-expired':
      'Giấy xác nhận tư cách bảo hiểm này đã hết hạn. Vui lòng xuất trình giấy mới hoặc thẻ bảo hiểm My Number. Nếu không có, vui lòng nói với nhân viên.',
    'kouki-certificate-for-all-ended':
      'Với bảo hiểm y tế người cao tuổi giai đoạn cuối, từ tháng 8/2026 người có thẻ bảo hiểm My Number nhận thông báo thông tin tư cách bảo hiểm thay cho giấy xác nhận. Vui lòng xuất trình thẻ bảo hiểm My Number hoặc giấy tờ mới nhận được.',
    'myna-card-read':
      'Vui lòng đặt thẻ bảo hiểm My Number lên máy đọc thẻ. Máy sẽ xác nhận bằng khuôn mặt hoặc mã PIN.',
    'myna-card-offline-self-declaration':
      'Hiện không thể kiểm tra bằng thẻ. Nếu có thông báo thông tin tư cách bảo hiểm hoặc màn hình Mynaportal, vui lòng xuất trình. Nếu không, bạn hãy điền thông tin bảo hiểm vào tờ khai, chúng tôi sẽ kiểm tra sau.',
    'smartphone-read': 'Vui lòng đưa điện thoại lại gần máy đọc dành cho điện thoại.',
    'smartphone-reader-unavailable':
      'Phòng khám này không đọc được thẻ bảo hiểm My Number trên điện thoại. Vui lòng xuất trình chính thẻ My Number.',
    'smartphone-needs-online':
      'Hiện không thể kiểm tra bằng điện thoại. Vui lòng xuất trình chính thẻ My Number, kèm thông báo thông tin tư cách bảo hiểm nếu có.',
    'portal-screen-with-card':
      'Vui lòng cho quầy tiếp nhận xem màn hình tư cách bảo hiểm trên Mynaportal và thẻ My Number.',
    'portal-pdf-with-card':
      'Vui lòng cho quầy tiếp nhận xem tệp PDF tư cách bảo hiểm từ Mynaportal và thẻ My Number. Chúng tôi cũng kiểm tra ngày cấp.',
    'notice-with-card': 'Vui lòng cho quầy tiếp nhận xem thông báo thông tin tư cách bảo hiểm và thẻ My Number.',
    'staff-confirms-card-holder': 'Nhân viên sẽ so sánh ảnh trên thẻ với bạn.',
    'notice-alone-not-accepted':
      'Chỉ có thông báo thông tin tư cách bảo hiểm thì không thể khám. Vui lòng xuất trình kèm thẻ My Number. Nếu có giấy xác nhận tư cách bảo hiểm, bạn có thể dùng giấy đó.',
    'notice-alone-provisional-kokuho-kouki':
      'Thông báo của Bảo hiểm y tế quốc dân hoặc bảo hiểm y tế người cao tuổi giai đoạn cuối vẫn dùng được khi các số được xác nhận. Nhân viên sẽ kiểm tra.',
    'notice-alone-provisional':
      'Đến hết ngày 31/7/2026, chỉ có thông báo thông tin tư cách bảo hiểm vẫn dùng được khi các số được xác nhận. Lần sau, vui lòng mang kèm thẻ My Number.',
    'notice-alone-needs-online':
      'Hiện không thể xác nhận các số, nên chỉ có thông báo thì không thể tiếp nhận. Vui lòng xuất trình kèm thẻ My Number.',
    'numbers-recorded-offline': 'Hiện không thể kiểm tra trực tuyến, nên chúng tôi ghi lại các số và kiểm tra sau.',
    'no-document-self-pay':
      'Nếu không có giấy tờ bảo hiểm, hôm nay bạn trả toàn bộ chi phí (100%). Sau đó, nộp đơn kèm biên lai cho cơ quan bảo hiểm để được hoàn lại phần bảo hiểm chi trả (療養費). Nhân viên sẽ giải thích.',
    'clinic-policy-staff-confirmation': 'Nhân viên sẽ kiểm tra. Vui lòng đợi một chút.',
    'clinic-policy-refusal':
      'Hiện phòng khám này không thể tiếp nhận bằng giấy tờ này. Nhân viên sẽ hướng dẫn bạn cách khác.',
    'clinic-override': 'Phòng khám tiếp nhận theo cách xử lý đặc biệt. Nhân viên sẽ kiểm tra.',
  },
};

/** Short labels for the staff console and the audit log (Japanese and English: staff screens only). */
export const REASON_STAFF_LABELS: StaffMessages<ReasonCode> = {
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
  'ja-easy': {
    'elderly-recipient-certificate':
      '70さいから 74さいの 人は、高齢受給者証（こうれい じゅきゅうしゃ しょう）も 出して ください。資格確認書に いっしょに 書いて あれば、いりません。',
    'limit-certificate':
      '限度額適用認定証（げんどがく てきよう にんていしょう）が あれば、いっしょに 出して ください。',
    'specific-disease-certificate':
      '特定疾病療養受療証（とくてい しっぺい りょうよう じゅりょうしょう）が あれば、いっしょに 出して ください。',
    'public-expense-certificate':
      '医療費の じょせいの 受給者証（こどもの 医療証など）が あれば、いっしょに 出して ください。',
    'my-number-card': 'マイナンバーカードと いっしょに 出して ください。',
  },
  'zh-Hans': {
    'elderly-recipient-certificate':
      '70岁至74岁的人，请同时出示高龄受给者证（高齢受給者証）。如果已印在资格确认书上，则不需要。',
    'limit-certificate': '如果有限额适用认定证（限度額適用認定証），请一起出示。',
    'specific-disease-certificate': '如果有特定疾病疗养受疗证（特定疾病療養受療証），请一起出示。',
    'public-expense-certificate': '如果有医疗费补助的受给者证（例如儿童医疗证），请一起出示。',
    'my-number-card': '请和个人编号卡一起出示。',
  },
  ko: {
    'elderly-recipient-certificate':
      '70세부터 74세까지인 분은 고령 수급자증(高齢受給者証)도 내 주세요. 자격확인서에 함께 적혀 있으면 필요 없습니다.',
    'limit-certificate': '한도액 적용 인정증(限度額適用認定証)이 있으면 함께 내 주세요.',
    'specific-disease-certificate': '특정 질병 요양 수료증(特定疾病療養受療証)이 있으면 함께 내 주세요.',
    'public-expense-certificate': '의료비 지원 수급자증(어린이 의료증 등)이 있으면 함께 내 주세요.',
    'my-number-card': '마이넘버 카드와 함께 내 주세요.',
  },
  vi: {
    'elderly-recipient-certificate':
      'Nếu bạn từ 70 đến 74 tuổi, vui lòng xuất trình thêm giấy chứng nhận người cao tuổi hưởng bảo hiểm (高齢受給者証), trừ khi nội dung đó đã in trên giấy xác nhận tư cách bảo hiểm.',
    'limit-certificate': 'Nếu có giấy chứng nhận áp dụng mức trần (限度額適用認定証), vui lòng xuất trình cùng.',
    'specific-disease-certificate':
      'Nếu có giấy chứng nhận điều trị bệnh đặc định (特定疾病療養受療証), vui lòng xuất trình cùng.',
    'public-expense-certificate':
      'Nếu có giấy chứng nhận trợ cấp chi phí y tế (ví dụ giấy y tế trẻ em), vui lòng xuất trình cùng.',
    'my-number-card': 'Vui lòng xuất trình kèm thẻ My Number.',
  },
};
