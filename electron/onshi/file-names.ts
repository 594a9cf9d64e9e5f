/**
 * File names of the 資格確認端末's shared folder (req/, res/, face/).
 *
 * - A number query is written as req/OQSsiquc01req_<id>.xml; the terminal answers in res/ under the same
 *   name with "req" replaced by "res".
 * - After a card read the terminal writes face/OQSsiquc01res_face_<医療機関コード 10桁><opaque>_<yyyyMMddHHmmss>.xml.
 *   The timestamp is the terminal's local wall-clock time; nothing in the name links it to a reader.
 */
import { isRealDate } from './fields';
import { OnshiBuildError } from './writer';

export const REQUEST_PREFIX = 'OQSsiquc01req_';
export const RESPONSE_PREFIX = 'OQSsiquc01res_';
export const FACE_PREFIX = 'OQSsiquc01res_face_';

/** A local wall-clock time as the terminal writes it. Parts, not a Date: the file has no time zone. */
export interface OnshiTimestampParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Ids end up in a path on a network share: letters, digits, '-' and '_' only, so no traversal or odd names.
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** req/ file name for a request id, e.g. requestFileName('K0001') → 'OQSsiquc01req_K0001.xml'. */
export function requestFileName(id: string): string {
  if (!SAFE_ID.test(id)) throw new OnshiBuildError(`request id "${id}" must be 1–64 letters, digits, "-" or "_"`);
  return `${REQUEST_PREFIX}${id}.xml`;
}

/**
 * The res/ file name that answers a req/ file name (req → res), or null when `requestName` is not a request
 * name. Works for the other request kinds too (OQSmuquc01req_… → OQSmuquc01res_…).
 */
export function responseFileNameFor(requestName: string): string | null {
  const match = /^(OQS[A-Za-z]+\d{2})req_([A-Za-z0-9_-]{1,64})\.xml$/i.exec(requestName);
  if (!match) return null;
  const head = match[1] as string;
  const isUpper = requestName.slice(head.length, head.length + 3) === 'REQ';
  return `${head}${isUpper ? 'RES' : 'res'}_${match[2]}.xml`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isRealTimestamp(parts: OnshiTimestampParts): boolean {
  const { year, month, day, hour, minute, second } = parts;
  return (
    [year, month, day, hour, minute, second].every(Number.isInteger) &&
    year >= 1000 &&
    year <= 9999 &&
    isRealDate(year, month, day) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59
  );
}

/** Parts → 'yyyyMMddHHmmss'; throws `OnshiBuildError` for an impossible time. */
export function formatTimestamp(parts: OnshiTimestampParts): string {
  if (!isRealTimestamp(parts)) throw new OnshiBuildError(`not a real time: ${JSON.stringify(parts)}`);
  return `${pad(parts.year, 4)}${pad(parts.month, 2)}${pad(parts.day, 2)}${pad(parts.hour, 2)}${pad(parts.minute, 2)}${pad(parts.second, 2)}`;
}

/** 'yyyyMMddHHmmss' → parts, or null when it is not a real time. */
export function parseTimestamp(value: string): OnshiTimestampParts | null {
  if (!/^\d{14}$/.test(value)) return null;
  const parts: OnshiTimestampParts = {
    year: Number(value.slice(0, 4)),
    month: Number(value.slice(4, 6)),
    day: Number(value.slice(6, 8)),
    hour: Number(value.slice(8, 10)),
    minute: Number(value.slice(10, 12)),
    second: Number(value.slice(12, 14)),
  };
  return isRealTimestamp(parts) ? parts : null;
}

/**
 * face/ file name, e.g. faceFileName('1312345678', 'A0001', '20250602093015')
 * → 'OQSsiquc01res_face_1312345678A0001_20250602093015.xml'.
 */
export function faceFileName(institutionCode: string, opaqueId: string, at: OnshiTimestampParts | string): string {
  if (!/^\d{10}$/.test(institutionCode))
    throw new OnshiBuildError(`institution code "${institutionCode}" is not 10 digits`);
  if (!/^[A-Za-z0-9-]{0,64}$/.test(opaqueId))
    throw new OnshiBuildError(`opaque id "${opaqueId}" must be up to 64 letters, digits or "-"`);
  let timestamp: string;
  if (typeof at === 'string') {
    if (parseTimestamp(at) === null) throw new OnshiBuildError(`"${at}" is not a real yyyyMMddHHmmss time`);
    timestamp = at;
  } else {
    timestamp = formatTimestamp(at);
  }
  return `${FACE_PREFIX}${institutionCode}${opaqueId}_${timestamp}.xml`;
}

export interface OnshiFaceFileName {
  /** The first 10 characters after the prefix when they are digits (医療機関コード); absent otherwise. */
  institutionCode?: string;
  /** What sits between the institution code (or the prefix) and the timestamp. */
  opaqueId: string;
  /** 'yyyyMMddHHmmss' as in the name. */
  timestamp: string;
  /** The same time as parts (terminal's local time). */
  at: OnshiTimestampParts;
  /** The same time as 'YYYY-MM-DDTHH:mm:ss' (local, no zone). */
  localTime: string;
}

const FACE_NAME = /^OQSsiquc01res_face_[^\\/]{1,200}\.xml$/i;

/**
 * Whether a bare name is a face/ result file: any `OQSsiquc01res_face_*.xml` (case-insensitive, as Windows
 * shares are), with or without the institution code / id segment or a timestamp. Dot-temp files never match.
 */
export function isFaceFileName(name: string): boolean {
  return FACE_NAME.test(name);
}

/**
 * Reads a face/ file name (case-insensitive prefix, as Windows shares are); null when it is not one or it
 * carries no real timestamp (such a file is still a card read: see `isFaceFileName`). Accepts
 * `OQSsiquc01res_face_<code><id>_<ts>.xml` and `OQSsiquc01res_face_<ts>.xml` (no id segment). Takes a bare
 * name, not a path.
 */
export function parseFaceFileName(name: string): OnshiFaceFileName | null {
  const match = /^OQSsiquc01res_face_(?:(.{0,200})_)?(\d{14})\.xml$/i.exec(name);
  if (!match) return null;
  const middle = match[1] ?? '';
  const timestamp = match[2] as string;
  if (/[\\/]/.test(middle)) return null;
  const at = parseTimestamp(timestamp);
  if (at === null) return null;
  const localTime = `${timestamp.slice(0, 4)}-${timestamp.slice(4, 6)}-${timestamp.slice(6, 8)}T${timestamp.slice(8, 10)}:${timestamp.slice(10, 12)}:${timestamp.slice(12, 14)}`;
  const parsed: OnshiFaceFileName = { opaqueId: middle, timestamp, at, localTime };
  if (/^\d{10}/.test(middle)) {
    parsed.institutionCode = middle.slice(0, 10);
    parsed.opaqueId = middle.slice(10);
  }
  return parsed;
}
