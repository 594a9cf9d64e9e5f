/**
 * The 診察券 (clinic patient card) reader as the core sees it: scans and a visible state. The HID adapter
 * and the simulator both implement it.
 */
import type { AssembledScan } from './assembler';
import type { HidDeviceInfo } from './boundary';
import type { ReportFormat } from './reports';

export interface ReaderConfig {
  vendorId: number;
  productId: number;
  /** Pick the interface with this usage page (e.g. 0x8C for HID POS barcode scanners). */
  usagePage?: number;
  format: ReportFormat;
  /** Longest card number accepted (characters). */
  maxLength: number;
  /** Inter-report gap that ends a scan without terminator (ms). */
  gapMs: number;
}

export const DEFAULT_READER_TIMING = { maxLength: 32, gapMs: 150 } as const;

export type ReaderStatus =
  | 'not-configured'
  /** node-hid (libusb) cannot be loaded here. */
  | 'unavailable'
  /** Configured, not plugged in (or not yet found). */
  | 'searching'
  | 'connected'
  /** Found, but it cannot be opened (permissions: see the udev rule). */
  | 'error';

export interface ReaderState {
  status: ReaderStatus;
  device?: { vendorId: number; productId: number; product?: string };
  detail?: string;
  /** ISO time of the last status change and of the last accepted scan. */
  since: string;
  lastScanAt?: string;
  scans: number;
  rejected: number;
  reconnects: number;
}

export type ReaderEvent = AssembledScan & { at: string };

export interface PatientCardReader {
  state(): ReaderState;
  onState(listener: (s: ReaderState) => void): () => void;
  onScan(listener: (e: ReaderEvent) => void): () => void;
  /** Devices the admin can pick from. */
  listDevices(): Promise<HidDeviceInfo[]>;
  configure(config: ReaderConfig | undefined): void;
  close(): Promise<void>;
}
