/**
 * Keyboard-emulation 診察券 scanners (most cheap ones; the OS owns them on Windows and macOS): while the
 * 診察券 step is showing, every key is taken at the window in the capture phase — before any field could
 * see it — and fed to the burst detector, which tells a scanner's burst from a person typing. When the
 * step is not showing, nothing is listened to. A scan therefore never lands in another field.
 */
import { useEffect, useRef } from 'react';
import {
  KeystrokeBurstDetector,
  type BurstOptions,
  type BurstResult,
} from '../../../../../shared/patient-card/keystroke-burst';

export interface ScannerKeysOptions {
  active: boolean;
  onScan: (text: string) => void;
  onRejected?: (reason: Extract<BurstResult, { kind: 'rejected' }>['reason']) => void;
  detector?: Partial<BurstOptions>;
  /** Injected in tests; the event's own timeStamp is used otherwise. */
  now?: () => number;
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

export function useScannerKeys(options: ScannerKeysOptions): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const { active, target, detector: detectorOptions } = options;

  useEffect(() => {
    if (!active) return;
    const on = target ?? window;
    const detector = new KeystrokeBurstDetector(detectorOptions);
    const endGap = detectorOptions?.endGapMs ?? 100;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const clock = (e?: Event) => latest.current.now?.() ?? e?.timeStamp ?? performance.now();
    const deliver = (r: BurstResult | undefined) => {
      if (!r) return;
      if (r.kind === 'scan') latest.current.onScan(r.text);
      else latest.current.onRejected?.(r.reason);
    };
    const onKey = (e: Event) => {
      if (!(e instanceof KeyboardEvent)) return;
      if (e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      e.stopPropagation();
      deliver(detector.key({ key: e.key, time: clock(e), repeat: e.repeat }));
      if (timer) clearTimeout(timer);
      timer = detector.pending()
        ? setTimeout(() => {
            timer = undefined;
            deliver(detector.idle(clock()));
          }, endGap + 5)
        : undefined;
    };
    on.addEventListener('keydown', onKey, { capture: true });
    return () => {
      on.removeEventListener('keydown', onKey, { capture: true });
      if (timer) clearTimeout(timer);
    };
  }, [active, target, detectorOptions]);
}
