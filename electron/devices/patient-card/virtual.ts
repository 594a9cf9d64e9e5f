/**
 * A virtual HID bus: devices can be plugged, unplugged and made to send reports. It implements the same
 * boundary as node-hid, so the simulator and the tests run the real adapter. The report encoders write the
 * bytes a HID POS scanner or a MagTek-style swipe reader would send (layouts in reports.ts).
 */
import type { HidBoundary, HidDeviceInfo } from './boundary';
import { MAGSTRIPE_LAYOUT, POS_LAYOUT, type MagstripeLayout, type PosLayout } from './reports';

export class VirtualHidBus implements HidBoundary {
  readonly kind = 'virtual' as const;
  private devices = new Map<string, HidDeviceInfo>();
  private open_ = new Map<string, { onReport: (r: Uint8Array) => void; onEnd: (reason: string) => void }>();
  /** Paths that refuse to open (e.g. permissions), for tests. */
  readonly refuse = new Set<string>();

  plug(device: HidDeviceInfo): void {
    this.devices.set(device.path, device);
  }

  unplug(path: string): void {
    this.devices.delete(path);
    const h = this.open_.get(path);
    this.open_.delete(path);
    h?.onEnd('could not read from HID device');
  }

  /** The device leaves the enumeration but its open handle sees no error (some OS/driver paths do this). */
  vanish(path: string): void {
    this.devices.delete(path);
  }

  /** Deliver an input report to whoever has the device open. Returns false if nobody does. */
  send(path: string, report: Uint8Array): boolean {
    const h = this.open_.get(path);
    if (!h) return false;
    h.onReport(report);
    return true;
  }

  isOpen(path: string): boolean {
    return this.open_.has(path);
  }

  async list(): Promise<HidDeviceInfo[]> {
    return [...this.devices.values()];
  }

  async open(path: string, onReport: (r: Uint8Array) => void, onEnd: (reason: string) => void) {
    if (!this.devices.has(path)) throw new Error(`cannot open device with path ${path}`);
    if (this.refuse.has(path)) throw new Error('cannot open device: permission denied');
    if (this.open_.has(path)) throw new Error('device is open exclusively');
    this.open_.set(path, { onReport, onEnd });
    return {
      close: async () => {
        if (this.open_.get(path)?.onReport === onReport) this.open_.delete(path);
      },
    };
  }
}

/** HID POS Scanned Data Reports for `data` (split into 56-byte chunks with Decoded Data Continued). */
export function encodePosReports(
  data: string | Uint8Array,
  options: { symbology?: string; layout?: PosLayout; size?: number } = {},
): Uint8Array[] {
  const layout = options.layout ?? POS_LAYOUT;
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const reports: Uint8Array[] = [];
  for (let off = 0; off < bytes.length || reports.length === 0; off += layout.dataCapacity) {
    const chunk = bytes.subarray(off, off + layout.dataCapacity);
    const r = new Uint8Array(options.size ?? 64);
    r[0] = layout.reportId;
    r[layout.lengthOffset] = chunk.length;
    r.set(new TextEncoder().encode((options.symbology ?? ']C0').slice(0, 3)), layout.symbologyOffset);
    r.set(chunk, layout.dataOffset);
    r[layout.continuedOffset] = off + layout.dataCapacity < bytes.length ? 1 : 0;
    reports.push(r);
  }
  return reports;
}

/** A MagTek-style swipe report with `track2` framed by ';' and '?' on track 2 (tracks 1 and 3 empty). */
export function encodeMagstripeReport(
  track2: string,
  options: { status?: number; layout?: MagstripeLayout } = {},
): Uint8Array {
  const layout = options.layout ?? MAGSTRIPE_LAYOUT;
  const r = new Uint8Array(layout.dataOffset + 3 * layout.trackCapacity);
  const framed = new TextEncoder().encode(`;${track2}?`).subarray(0, layout.trackCapacity);
  r[layout.statusOffset + 1] = options.status ?? 0;
  r[layout.lengthOffset + 1] = framed.length;
  r[6] = 1; // card encode type: ISO/ABA
  r.set(framed, layout.dataOffset + layout.trackCapacity);
  return r;
}
