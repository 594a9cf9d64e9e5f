/**
 * The four printed fields together (保険者番号, 記号, 番号, 枝番), as typed at the kiosk or read from a
 * card, checked in one go so every wrong field can be marked at once.
 */
import { parseBranch } from './branch';
import type { InsurerNumber } from './insurer-number';
import { parseInsurerNumber } from './insurer-number';
import type { PrintedText } from './symbol-number';
import { parseNumber, parseSymbol } from './symbol-number';
import type { InsuranceValidationError } from './validation';

export interface PrintedInsuranceInput {
  readonly insurerNumber?: unknown;
  readonly symbol?: unknown;
  readonly number?: unknown;
  readonly branch?: unknown;
}

export interface InsuranceNumbers {
  readonly insurer: InsurerNumber;
  readonly symbol?: PrintedText;
  readonly number: PrintedText;
  readonly branch?: string;
}

export type InsuranceNumbersValidation =
  | { readonly ok: true; readonly value: InsuranceNumbers }
  | { readonly ok: false; readonly errors: readonly InsuranceValidationError[] };

/**
 * Errors come in field order (保険者番号, 記号, 番号, 枝番), one per field. The 記号/番号 rules that depend on
 * the insurer (後期 has no 記号, …) apply only once the insurer number itself is valid; otherwise the
 * person fixes the insurer number first.
 */
export function validateInsuranceNumbers(input: PrintedInsuranceInput): InsuranceNumbersValidation {
  const insurer = parseInsurerNumber(input.insurerNumber);
  const context = insurer.ok ? insurer.value : undefined;
  const symbol = parseSymbol(input.symbol, context);
  const number = parseNumber(input.number, context);
  const branch = parseBranch(input.branch);
  const errors: InsuranceValidationError[] = [];
  if (!insurer.ok) errors.push(insurer.error);
  if (!symbol.ok) errors.push(symbol.error);
  if (!number.ok) errors.push(number.error);
  if (!branch.ok) errors.push(branch.error);
  if (!insurer.ok || !symbol.ok || !number.ok || !branch.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      insurer: insurer.value,
      number: number.value,
      ...(symbol.value === undefined ? {} : { symbol: symbol.value }),
      ...(branch.value === undefined ? {} : { branch: branch.value }),
    },
  };
}
