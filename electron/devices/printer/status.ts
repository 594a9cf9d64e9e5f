/**
 * Printer status from its own bytes: DLE EOT n (real-time status, one byte per request) and ASB (automatic
 * status back, four bytes). Each status byte has fixed bits (bit 4 set, bits 0 and 7 clear for DLE EOT;
 * per-byte fixed bits for ASB); a byte that breaks them is not status (garbage, or print data echoed back)
 * and is rejected as such rather than guessed at.
 */

export interface PrinterCondition {
  offline: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  /** Mechanical, auto-cutter, unrecoverable or auto-recoverable error. */
  error: boolean;
}

export const READY: PrinterCondition = {
  offline: false,
  coverOpen: false,
  paperOut: false,
  paperNearEnd: false,
  error: false,
};

export type StatusParse<T> = { ok: true; value: T } | { ok: false; code: 'not-status'; message: string };

const bit = (b: number, n: number) => (b & (1 << n)) !== 0;

/** DLE EOT status bytes: bit 1 and bit 4 are fixed 1, bits 0 and 7 fixed 0. */
function dleEotFixed(b: number): boolean {
  return (b & 0b1001_0011) === 0b0001_0010;
}

/** DLE EOT 1 — printer status: bit 3 offline. */
export function parsePrinterStatus(b: number): StatusParse<{ offline: boolean }> {
  if (!dleEotFixed(b)) return { ok: false, code: 'not-status', message: `DLE EOT 1 byte 0x${b.toString(16)}` };
  return { ok: true, value: { offline: bit(b, 3) } };
}

/** DLE EOT 2 — offline cause: bit 2 cover open, bit 5 printing stopped by paper end, bit 6 error. */
export function parseOfflineCause(b: number): StatusParse<{ coverOpen: boolean; paperOut: boolean; error: boolean }> {
  if (!dleEotFixed(b)) return { ok: false, code: 'not-status', message: `DLE EOT 2 byte 0x${b.toString(16)}` };
  return { ok: true, value: { coverOpen: bit(b, 2), paperOut: bit(b, 5), error: bit(b, 6) } };
}

/** DLE EOT 4 — roll paper sensor: bits 2-3 near end, bits 5-6 paper end. */
export function parsePaperSensor(b: number): StatusParse<{ paperNearEnd: boolean; paperOut: boolean }> {
  if (!dleEotFixed(b)) return { ok: false, code: 'not-status', message: `DLE EOT 4 byte 0x${b.toString(16)}` };
  return { ok: true, value: { paperNearEnd: (b & 0x0c) !== 0, paperOut: (b & 0x60) !== 0 } };
}

/** Combine the answers to DLE EOT 1, 2 and 4 (in that order). */
export function parseRealtimeStatus(bytes: readonly [number, number, number]): StatusParse<PrinterCondition> {
  const p = parsePrinterStatus(bytes[0]);
  if (!p.ok) return p;
  const o = parseOfflineCause(bytes[1]);
  if (!o.ok) return o;
  const s = parsePaperSensor(bytes[2]);
  if (!s.ok) return s;
  return {
    ok: true,
    value: {
      offline: p.value.offline,
      coverOpen: o.value.coverOpen,
      paperOut: o.value.paperOut || s.value.paperOut,
      paperNearEnd: s.value.paperNearEnd,
      error: o.value.error,
    },
  };
}

/**
 * ASB, 4 bytes. Byte 1: bit 3 offline, bit 5 cover open (fixed: bits 0,1,7 = 0, bit 4 = 1). Byte 2: bit 2
 * mechanical error, bit 3 auto-cutter error, bit 5 unrecoverable, bit 6 auto-recoverable (fixed: bits 4,7 = 0).
 * Byte 3: bits 0-1 near end, bits 2-3 paper end (fixed: bits 4,7 = 0). Byte 4: fixed bits 4,7 = 0.
 */
export function parseAsb(bytes: Uint8Array): StatusParse<PrinterCondition> {
  if (bytes.length !== 4) return { ok: false, code: 'not-status', message: `ASB needs 4 bytes, got ${bytes.length}` };
  const [b1, b2, b3, b4] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  if ((b1 & 0b1001_0011) !== 0b0001_0000 || (b2 & 0x90) !== 0 || (b3 & 0x90) !== 0 || (b4 & 0x90) !== 0) {
    return { ok: false, code: 'not-status', message: 'ASB fixed bits do not match' };
  }
  return {
    ok: true,
    value: {
      offline: bit(b1, 3),
      coverOpen: bit(b1, 5),
      error: (b2 & 0b0110_1100) !== 0,
      paperNearEnd: (b3 & 0x03) !== 0,
      paperOut: (b3 & 0x0c) !== 0,
    },
  };
}

/** Whether a ticket can be printed now. Near-end still prints (staff should be told, not the patient). */
export function canPrint(c: PrinterCondition): boolean {
  return !c.offline && !c.coverOpen && !c.paperOut && !c.error;
}

/** Bytes a printer in this condition answers to DLE EOT 1, 2, 4 (used by the simulator). */
export function encodeRealtimeStatus(c: PrinterCondition): { 1: number; 2: number; 3: number; 4: number } {
  const offline = c.offline || c.coverOpen || c.paperOut || c.error;
  return {
    1: 0x12 | (offline ? 0x08 : 0),
    2: 0x12 | (c.coverOpen ? 0x04 : 0) | (c.paperOut ? 0x20 : 0) | (c.error ? 0x40 : 0),
    3: 0x12,
    4: 0x12 | (c.paperNearEnd ? 0x0c : 0) | (c.paperOut ? 0x60 : 0),
  };
}
