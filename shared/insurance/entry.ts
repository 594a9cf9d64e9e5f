/**
 * How the printed numbers are typed, once the insurer is known: which fields its documents carry, and when
 * a field is complete by its format (so the entry can move on without 次へ). The same receipt rules as
 * parseSymbol / parseNumber: 後期 has no 記号 and no 枝番 (its 8-digit 被保険者番号 with a 検証番号 is
 * already personal); 協会けんぽ's 記号 is 7–8 digits; 枝番 is 2 digits.
 */
import type { InsurerNumber } from './insurer-number';
import { parseInsurerNumber } from './insurer-number';
import { parseNumber } from './symbol-number';

export type PrintedField = 'insurerNumber' | 'symbol' | 'number' | 'branch';
type Insurer = Pick<InsurerNumber, 'kind' | 'lawCode'>;

/** The fields printed on this insurer's documents (all four while the insurer is not known). */
export function printedFieldsOf(insurer: Insurer | undefined): readonly PrintedField[] {
  return insurer?.kind === 'kouki' ? ['insurerNumber', 'number'] : ['insurerNumber', 'symbol', 'number', 'branch'];
}

/** Typed so far, `value` is complete by its format: no further character could still belong to it. */
export function completeByFormat(field: PrintedField, value: string, insurer: Insurer | undefined): boolean {
  switch (field) {
    case 'branch':
      return /^[0-9]{2}$/.test(value);
    case 'insurerNumber':
      return value.length === 8 && parseInsurerNumber(value).ok;
    case 'symbol':
      return insurer?.lawCode === '01' && /^[0-9]{8}$/.test(value);
    case 'number':
      return insurer?.kind === 'kouki' && value.length === 8 && parseNumber(value, insurer).ok;
  }
}
