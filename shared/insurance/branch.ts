/**
 * 枝番 (branch number): two digits that tell the insured and each family member apart on one 記号・番号.
 * "00" is a real value (usually the insured person), so an absent 枝番 stays absent: older cards have
 * none, and inventing "00" would name someone else.
 */
import type { BranchErrorCode, Validation } from './validation';

type BranchResult = Validation<string | undefined, { field: 'branch'; code: BranchErrorCode }>;

/**
 * Exactly two digits after NFKC (so "０１" from a full-width keypad is "01") and trimming. Empty means
 * absent (`value` undefined). "1" is refused rather than padded: the card prints two digits, and a
 * guess could match the wrong family member.
 */
export function parseBranch(raw: unknown): BranchResult {
  if (typeof raw !== 'string') return { ok: true, value: undefined };
  const normalized = raw.normalize('NFKC').trim();
  if (normalized === '') return { ok: true, value: undefined };
  if (!/^[0-9]{2}$/.test(normalized)) return { ok: false, error: { field: 'branch', code: 'two-digits' } };
  return { ok: true, value: normalized };
}
