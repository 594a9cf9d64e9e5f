/** Run-time lists of the contract's string unions, for validating input that arrives untyped. */
import type { EligibilityAction, PresentedDocument } from './index';

/** Every `PresentedDocument`, in the order the kiosk offers them. */
export const PRESENTED_DOCUMENTS = [
  'myna-card',
  'myna-smartphone',
  'eligibility-certificate',
  'insurance-card',
  'portal-screen-with-card',
  'portal-pdf-with-card',
  'notice-with-card',
  'notice-only',
  'nothing',
] as const satisfies readonly PresentedDocument[];

export const ELIGIBILITY_ACTIONS = [
  'read-card',
  'verify-numbers',
  'record-numbers',
  'self-declaration',
  'self-pay',
  'refuse',
] as const satisfies readonly EligibilityAction[];

// Both lists must name every member of their union: these fail the typecheck when one is left out.
type Missing<All, Listed> = Exclude<All, Listed>;
const _allDocuments: Missing<PresentedDocument, (typeof PRESENTED_DOCUMENTS)[number]> extends never ? true : never =
  true;
const _allActions: Missing<EligibilityAction, (typeof ELIGIBILITY_ACTIONS)[number]> extends never ? true : never = true;
void _allDocuments;
void _allActions;

export function isPresentedDocument(value: unknown): value is PresentedDocument {
  return typeof value === 'string' && (PRESENTED_DOCUMENTS as readonly string[]).includes(value);
}

export function isEligibilityAction(value: unknown): value is EligibilityAction {
  return typeof value === 'string' && (ELIGIBILITY_ACTIONS as readonly string[]).includes(value);
}
