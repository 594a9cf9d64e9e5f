import type * as NodeHid from 'node-hid';

/**
 * The device boundary: enumerate HID devices, open one, get its input reports and its end. node-hid
 * implements it for real; the virtual boundary (virtual.ts) implements it for the simulator and the tests,
 * so the adapter code is the same in both.
 */

export interface HidDeviceInfo {
  path: string;
  vendorId: number;
  productId: number;
  usagePage?: number;
  usage?: number;
  product?: string;
  manufacturer?: string;
}

export interface HidHandle {
  close(): Promise<void>;
}

export interface HidBoundary {
  readonly kind: 'node-hid' | 'virtual';
  list(): Promise<HidDeviceInfo[]>;
  /** Open exclusively (reports never reach the OS as keystrokes). `onEnd` is called once on unplug or read error. */
  open(path: string, onReport: (report: Uint8Array) => void, onEnd: (reason: string) => void): Promise<HidHandle>;
}

export type BoundaryLoad =
  { ok: true; boundary: HidBoundary } | { ok: false; code: 'hid-unavailable'; message: string };

/** node-hid, loaded lazily: without libusb (or its binding) the reader is "unavailable", the kiosk runs. */
export async function loadNodeHidBoundary(): Promise<BoundaryLoad> {
  let hid: typeof NodeHid;
  try {
    hid = await import('node-hid');
  } catch (e) {
    return { ok: false, code: 'hid-unavailable', message: e instanceof Error ? e.message : String(e) };
  }
  return {
    ok: true,
    boundary: {
      kind: 'node-hid',
      async list() {
        const devices = await hid.devicesAsync();
        return devices.flatMap((d) =>
          d.path
            ? [
                {
                  path: d.path,
                  vendorId: d.vendorId,
                  productId: d.productId,
                  ...(d.usagePage !== undefined ? { usagePage: d.usagePage } : {}),
                  ...(d.usage !== undefined ? { usage: d.usage } : {}),
                  ...(d.product ? { product: d.product } : {}),
                  ...(d.manufacturer ? { manufacturer: d.manufacturer } : {}),
                },
              ]
            : [],
        );
      },
      async open(path, onReport, onEnd) {
        const device = await hid.HIDAsync.open(path);
        let ended = false;
        const end = (reason: string) => {
          if (ended) return;
          ended = true;
          onEnd(reason);
        };
        device.on('data', (data: Buffer) => onReport(new Uint8Array(data)));
        device.on('error', (e: unknown) => end(e instanceof Error ? e.message : String(e)));
        return {
          close: async () => {
            ended = true;
            device.removeAllListeners('data');
            await device.close().catch(() => undefined);
          },
        };
      },
    },
  };
}
