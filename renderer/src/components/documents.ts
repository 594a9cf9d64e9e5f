import type { PatientEvent } from '../../../shared/api/index';
import type { UiKey } from '../i18n';

/** What a patient presents (shared/eligibility's PresentedDocument, as the API's schema spells it). */
export type PresentedDocument = Extract<PatientEvent, { type: 'choose-document' }>['document'];

export interface DocumentChoice {
  document: PresentedDocument;
  name: UiKey;
  hint: UiKey;
  /** The printed 有効期限 is asked (old 保険証, 資格確認書). */
  asksValidUntil: boolean;
  /** The birth date is asked: 資格確認書 at 70–74 needs a 高齢受給者証 beside it. */
  asksBirthDate: boolean;
}

/** In the order shown: the common case (マイナ保険証) first and largest, "nothing" last. */
export const DOCUMENT_CHOICES: readonly DocumentChoice[] = [
  {
    document: 'myna-card',
    name: 'doc.myna-card.name',
    hint: 'doc.myna-card.hint',
    asksValidUntil: false,
    asksBirthDate: false,
  },
  {
    document: 'myna-smartphone',
    name: 'doc.myna-smartphone.name',
    hint: 'doc.myna-smartphone.hint',
    asksValidUntil: false,
    asksBirthDate: false,
  },
  {
    document: 'eligibility-certificate',
    name: 'doc.eligibility-certificate.name',
    hint: 'doc.eligibility-certificate.hint',
    asksValidUntil: true,
    asksBirthDate: true,
  },
  {
    document: 'insurance-card',
    name: 'doc.insurance-card.name',
    hint: 'doc.insurance-card.hint',
    asksValidUntil: true,
    asksBirthDate: false,
  },
  {
    document: 'notice-with-card',
    name: 'doc.notice-with-card.name',
    hint: 'doc.notice-with-card.hint',
    asksValidUntil: false,
    asksBirthDate: false,
  },
  {
    document: 'portal-screen-with-card',
    name: 'doc.portal-screen-with-card.name',
    hint: 'doc.portal-screen-with-card.hint',
    asksValidUntil: false,
    asksBirthDate: false,
  },
  {
    document: 'portal-pdf-with-card',
    name: 'doc.portal-pdf-with-card.name',
    hint: 'doc.portal-pdf-with-card.hint',
    asksValidUntil: false,
    asksBirthDate: false,
  },
  {
    document: 'notice-only',
    name: 'doc.notice-only.name',
    hint: 'doc.notice-only.hint',
    asksValidUntil: false,
    asksBirthDate: false,
  },
  {
    document: 'nothing',
    name: 'doc.nothing.name',
    hint: 'doc.nothing.hint',
    asksValidUntil: false,
    asksBirthDate: false,
  },
];

export const documentNameKey = (d: PresentedDocument): UiKey =>
  DOCUMENT_CHOICES.find((c) => c.document === d)?.name ?? 'common.none';
