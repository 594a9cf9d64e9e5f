/**
 * Field-level helpers shared by the result and request readers: reading single/required children with the
 * duplicate check, and the date / time / number conversions of the onshi format.
 */
import type { XmlElement } from './xml';

/** Thrown inside the readers only; caught at their edge and turned into a 'schema' error value. */
export class OnshiSchemaError extends Error {
  override readonly name = 'OnshiSchemaError';
}

/** A parent element with its children grouped by name, so every lookup is O(1) and duplicates are seen. */
export class ElementFields {
  private readonly byName = new Map<string, XmlElement[]>();

  constructor(readonly element: XmlElement) {
    for (const child of element.children) {
      const list = this.byName.get(child.name);
      if (list) list.push(child);
      else this.byName.set(child.name, [child]);
    }
  }

  /** The only child called `name`, or undefined; two or more is a schema error (single-valued field). */
  child(name: string): XmlElement | undefined {
    const list = this.byName.get(name);
    if (list === undefined) return undefined;
    if (list.length > 1) throw new OnshiSchemaError(`${name} appears ${list.length} times in ${this.element.name}`);
    return list[0];
  }

  requiredChild(name: string): XmlElement {
    const child = this.child(name);
    if (child === undefined) throw new OnshiSchemaError(`${this.element.name} has no ${name}`);
    return child;
  }

  /** Every child called `name`, in document order (repeated elements). */
  all(name: string): XmlElement[] {
    return this.byName.get(name) ?? [];
  }

  /** Text of a single-valued leaf, exactly as written; undefined when absent or empty. */
  text(name: string): string | undefined {
    const child = this.child(name);
    if (child === undefined) return undefined;
    if (child.children.length > 0) throw new OnshiSchemaError(`${name} in ${this.element.name} must hold text, not elements`);
    return child.text === '' ? undefined : child.text;
  }

  /** Text with surrounding whitespace removed; undefined when absent or blank. For codes, dates, digits. */
  trimmed(name: string): string | undefined {
    const value = this.text(name)?.trim();
    return value === '' ? undefined : value;
  }

  /** Free text as written; undefined when absent or only whitespace. */
  freeText(name: string): string | undefined {
    const value = this.text(name);
    return value === undefined || value.trim() === '' ? undefined : value;
  }

  requiredFreeText(name: string): string {
    const value = this.freeText(name);
    if (value === undefined) throw new OnshiSchemaError(`${this.element.name} has no ${name} (missing or empty)`);
    return value;
  }

  requiredTrimmed(name: string): string {
    const value = this.trimmed(name);
    if (value === undefined) throw new OnshiSchemaError(`${this.element.name} has no ${name} (missing or empty)`);
    return value;
  }

  date(name: string): string | undefined {
    const value = this.trimmed(name);
    if (value === undefined) return undefined;
    const iso = compactDateToIso(value);
    if (iso === undefined) throw new OnshiSchemaError(`${name} "${value.slice(0, 20)}" is not a real date (YYYYMMDD)`);
    return iso;
  }

  requiredDate(name: string): string {
    const value = this.date(name);
    if (value === undefined) throw new OnshiSchemaError(`${this.element.name} has no ${name} (missing or empty)`);
    return value;
  }

  dateTime(name: string): string | undefined {
    const value = this.trimmed(name);
    if (value === undefined) return undefined;
    const iso = compactDateTimeToIso(value);
    if (iso === undefined) throw new OnshiSchemaError(`${name} "${value.slice(0, 20)}" is not a real date-time (YYYYMMDDHHmmss)`);
    return iso;
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 'YYYYMMDD' → 'YYYY-MM-DD', or undefined when it is not a real calendar date (e.g. 20240230). */
export function compactDateToIso(value: string): string | undefined {
  if (!/^\d{8}$/.test(value)) return undefined;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(4, 6));
  const day = Number(value.slice(6, 8));
  if (!isRealDate(year, month, day)) return undefined;
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}

/** 'YYYYMMDDHHmmss' → 'YYYY-MM-DDTHH:mm:ss', or undefined when it is not a real date-time. */
export function compactDateTimeToIso(value: string): string | undefined {
  if (!/^\d{14}$/.test(value)) return undefined;
  const date = compactDateToIso(value.slice(0, 8));
  const hour = Number(value.slice(8, 10));
  const minute = Number(value.slice(10, 12));
  const second = Number(value.slice(12, 14));
  if (date === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
  return `${date}T${value.slice(8, 10)}:${value.slice(10, 12)}:${value.slice(12, 14)}`;
}

/** 'YYYY-MM-DD' → 'YYYYMMDD', or undefined when it is not a real date in that form. */
export function isoDateToCompact(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const compact = `${match[1]}${match[2]}${match[3]}`;
  return compactDateToIso(compact) === undefined ? undefined : compact;
}

/** 'YYYY-MM-DDTHH:mm:ss' → 'YYYYMMDDHHmmss', or undefined when it is not a real date-time in that form. */
export function isoDateTimeToCompact(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const compact = match.slice(1).join('');
  return compactDateTimeToIso(compact) === undefined ? undefined : compact;
}

/**
 * Insurer number (保険者番号) as digits only. The terminal left-pads a 6-digit 国保 number with spaces to 8;
 * the padding is removed, the digits are kept (no zero stripping). Undefined unless 6 or 8 digits remain.
 */
export function insurerDigits(value: string): string | undefined {
  const digits = value.replace(/[ \u3000\t]/g, '');
  return /^(?:\d{6}|\d{8})$/.test(digits) ? digits : undefined;
}

/** "010" → 10, "020" → 20, "030" → 30. Anything that is not a whole percentage is undefined (tolerated). */
export function ratioToPercent(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,3}$/.test(value)) return undefined;
  const percent = Number(value);
  return percent <= 100 ? percent : undefined;
}
