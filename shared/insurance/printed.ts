/**
 * The printed numbers as they are sent to the terminal (個別照会): insurer number digits only (full-width
 * allowed), a one-digit 枝番 padded to two, 記号 and 番号 trimmed, the rest as typed.
 */
export interface PrintedNumbersInput {
  insurerNumber: string;
  symbol?: string;
  number: string;
  branch?: string;
  birthDate: string;
}

export function normalisePrintedNumbers<T extends PrintedNumbersInput>(n: T): PrintedNumbersInput {
  const insurerNumber = n.insurerNumber.normalize('NFKC').replace(/\s/g, '');
  const branchRaw = n.branch?.normalize('NFKC').trim();
  const branch = branchRaw ? (/^\d$/.test(branchRaw) ? `0${branchRaw}` : branchRaw) : undefined;
  const symbol = n.symbol?.trim() || undefined;
  return {
    insurerNumber,
    number: n.number.trim(),
    birthDate: n.birthDate,
    ...(symbol ? { symbol } : {}),
    ...(branch ? { branch } : {}),
  };
}
