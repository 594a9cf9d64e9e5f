/**
 * What staff and admin see of the devices: the 診察券 reader and the 受付票 printer. Codes and counts only.
 */
export type CardReaderMode = 'off' | 'hid' | 'simulator';

export interface CardReaderView {
  mode: CardReaderMode;
  status: 'not-configured' | 'unavailable' | 'searching' | 'connected' | 'error';
  device?: { vendorId: number; productId: number; product?: string };
  detail?: string;
  since: string;
  lastScanAt?: string;
  scans: number;
  rejected: number;
  reconnects: number;
}

export type PrinterProblem =
  'not-configured' | 'unreachable' | 'timeout' | 'offline' | 'cover-open' | 'out-of-paper' | 'error';

export interface PrinterView {
  configured: boolean;
  /** tcp://host:port or a device path; 'simulator' when the embedded printer simulator is used. */
  target?: string;
  simulated: boolean;
  condition:
    'unknown' | { offline: boolean; coverOpen: boolean; paperOut: boolean; paperNearEnd: boolean; error: boolean };
  reachable: boolean | 'unknown';
  lastError?: { code: PrinterProblem; message: string; at: string };
  lastPrintedAt?: string;
}

export interface DevicesView {
  cardReader: CardReaderView;
  printer: PrinterView;
}
