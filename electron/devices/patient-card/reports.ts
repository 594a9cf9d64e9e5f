/**
 * HID input reports of a 診察券 (clinic patient card) reader, decoded into chunks of card-number bytes.
 *
 * - `pos`: a barcode scanner in HID POS mode (HID Point of Sale Usage Tables, usage page 0x8C Barcode
 *   Scanner, usage 0x02; input report "Scanned Data Report" 0x12). As scanners ship it (Honeywell, Zebra,
 *   Datalogic in "HID POS" mode): report id 0x02, byte 1 the count of valid data bytes in this report,
 *   bytes 2-4 Symbology Identifier 1-3 (0x8C:0xFB-FD, the AIM id, e.g. "]C0"), bytes 5-60 Decoded Data
 *   (0x8C:0xFE, 56 bytes), byte 61 a vendor symbology code, byte 62 reserved, byte 63 bit 0 Decoded Data
 *   Continued (0x8C:0xFF): more reports follow for the same scan.
 * - `magstripe`: a magnetic-stripe reader with a vendor-defined report (MagTek-style "USB HID swipe reader"
 *   layout, no report id): bytes 0-2 track 1-3 decode status (0 = ok), bytes 3-5 track lengths, byte 6 card
 *   encode type, then 110 bytes per track. Japanese 診察券 usually carry the number on track 2 (ISO/IEC 7811)
 *   framed by ';' ... '?' sentinels.
 * - `stream`: vendor readers that stream ASCII in reports ([report id] [len] [bytes…]); the scan ends on a
 *   terminator (CR, LF, ETX) or after a gap with no report.
 * The offsets are configuration with these defaults, because vendors vary; the decoder bounds every read.
 */

export type ReportFormat = 'pos' | 'magstripe' | 'stream';

export interface PosLayout {
  reportId: number;
  lengthOffset: number;
  symbologyOffset: number;
  dataOffset: number;
  dataCapacity: number;
  continuedOffset: number;
}
export const POS_LAYOUT: PosLayout = {
  reportId: 0x02,
  lengthOffset: 1,
  symbologyOffset: 2,
  dataOffset: 5,
  dataCapacity: 56,
  continuedOffset: 63,
};

export interface MagstripeLayout {
  statusOffset: number;
  lengthOffset: number;
  dataOffset: number;
  trackCapacity: number;
  /** Which track holds the clinic's number. */
  track: 1 | 2 | 3;
}
export const MAGSTRIPE_LAYOUT: MagstripeLayout = {
  statusOffset: 0,
  lengthOffset: 3,
  dataOffset: 7,
  trackCapacity: 110,
  track: 2,
};

export interface StreamLayout {
  /** Leading report id byte to require and skip, or undefined when the device uses none. */
  reportId: number | undefined;
  /** Offset of a length byte (count of data bytes), or undefined: data runs to the first 0x00. */
  lengthOffset: number | undefined;
  dataOffset: number;
}
export const STREAM_LAYOUT: StreamLayout = { reportId: undefined, lengthOffset: 0, dataOffset: 1 };

/** What one report contributes to a scan. `final`: this report ends the scan (POS without continuation, a swipe). */
export type ReportChunk = { kind: 'chunk'; bytes: Uint8Array; final: boolean; symbology?: string };
export type ReportDecode =
  | ReportChunk
  | { kind: 'ignore'; reason: string }
  | { kind: 'error'; code: 'bad-length' | 'track-error' | 'empty-track'; message: string };

export const MAX_REPORT_BYTES = 1024;

export function decodePosReport(report: Uint8Array, layout: PosLayout = POS_LAYOUT): ReportDecode {
  if (report.length > MAX_REPORT_BYTES)
    return { kind: 'error', code: 'bad-length', message: `report of ${report.length} bytes` };
  if (report[0] !== layout.reportId) return { kind: 'ignore', reason: `report id ${report[0] ?? 'none'}` };
  const count = report[layout.lengthOffset];
  if (count === undefined || count > layout.dataCapacity || layout.dataOffset + count > report.length) {
    return { kind: 'error', code: 'bad-length', message: `data length ${count ?? 'missing'}` };
  }
  const sym = report.subarray(layout.symbologyOffset, layout.symbologyOffset + 3);
  const symbology = [...sym].every((b) => b >= 0x20 && b < 0x7f) ? String.fromCharCode(...sym) : undefined;
  const continued = ((report[layout.continuedOffset] ?? 0) & 1) === 1;
  return {
    kind: 'chunk',
    bytes: report.slice(layout.dataOffset, layout.dataOffset + count),
    final: !continued,
    ...(symbology ? { symbology } : {}),
  };
}

export function decodeMagstripeReport(report: Uint8Array, layout: MagstripeLayout = MAGSTRIPE_LAYOUT): ReportDecode {
  if (report.length > MAX_REPORT_BYTES)
    return { kind: 'error', code: 'bad-length', message: `report of ${report.length} bytes` };
  const t = layout.track - 1;
  const status = report[layout.statusOffset + t];
  const length = report[layout.lengthOffset + t];
  const start = layout.dataOffset + t * layout.trackCapacity;
  if (status === undefined || length === undefined || length > layout.trackCapacity || start + length > report.length) {
    return { kind: 'error', code: 'bad-length', message: `track ${layout.track} length ${length ?? 'missing'}` };
  }
  if (status !== 0)
    return { kind: 'error', code: 'track-error', message: `track ${layout.track} decode status ${status}` };
  if (length === 0) return { kind: 'error', code: 'empty-track', message: `track ${layout.track} is empty` };
  let data = report.slice(start, start + length);
  // Strip the start sentinel (';' track 2/3, '%' track 1) and the end sentinel '?' (with any LRC after it).
  if (data[0] === 0x3b || data[0] === 0x25) data = data.subarray(1);
  const end = data.indexOf(0x3f);
  if (end >= 0) data = data.subarray(0, end);
  return { kind: 'chunk', bytes: data, final: true };
}

export function decodeStreamReport(report: Uint8Array, layout: StreamLayout = STREAM_LAYOUT): ReportDecode {
  if (report.length > MAX_REPORT_BYTES)
    return { kind: 'error', code: 'bad-length', message: `report of ${report.length} bytes` };
  let body: Uint8Array;
  if (layout.reportId !== undefined) {
    if (report[0] !== layout.reportId) return { kind: 'ignore', reason: `report id ${report[0] ?? 'none'}` };
  }
  if (layout.lengthOffset !== undefined) {
    const count = report[layout.lengthOffset];
    if (count === undefined || layout.dataOffset + count > report.length)
      return { kind: 'error', code: 'bad-length', message: `data length ${count ?? 'missing'}` };
    body = report.subarray(layout.dataOffset, layout.dataOffset + count);
  } else {
    body = report.subarray(layout.dataOffset);
    const nul = body.indexOf(0);
    if (nul >= 0) body = body.subarray(0, nul);
  }
  if (body.length === 0) return { kind: 'ignore', reason: 'empty report' };
  return { kind: 'chunk', bytes: body.slice(), final: false };
}

export function decodeReport(format: ReportFormat, report: Uint8Array): ReportDecode {
  return format === 'pos'
    ? decodePosReport(report)
    : format === 'magstripe'
      ? decodeMagstripeReport(report)
      : decodeStreamReport(report);
}
