/**
 * Taps debounced per step (issue 10: a double tap on 次へ skipped the 記号 step). When a step appears, its
 * buttons ignore taps for a short settling time, so the second tap of a double tap that already advanced
 * lands on nothing. The frame shows `data-settled` so tests (and people watching) can tell when the new
 * step takes taps: tests wait for that state, never for time.
 */
import { useLayoutEffect } from 'react';
import { create } from 'zustand';

/** Long enough for a double tap (≈ 250 ms apart) and a slow second tap, short enough not to be felt. */
export const STEP_SETTLE_MS = 450;

let settleMs = STEP_SETTLE_MS;
let timer: ReturnType<typeof setTimeout> | undefined;

const useGuardStore = create<{ settled: boolean }>()(() => ({ settled: true }));

/** A new step is on screen: its taps count once it has settled. */
export function markStep(): void {
  clearTimeout(timer);
  if (settleMs <= 0) {
    useGuardStore.setState({ settled: true });
    return;
  }
  useGuardStore.setState({ settled: false });
  timer = setTimeout(() => useGuardStore.setState({ settled: true }), settleMs);
}

/** Mark a step whenever `key` changes (a session state, a question within a screen). */
export function useStepMark(key: string): void {
  useLayoutEffect(() => {
    markStep();
  }, [key]);
}

export const useStepSettled = () => useGuardStore((s) => s.settled);

/** Wrap a step's action: before the step has settled, the tap does nothing. */
export function settled<A extends unknown[]>(action: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    if (!useGuardStore.getState().settled) return;
    action(...args);
  };
}

/** Tests: set the settling time (0 = every tap counts at once). */
export function setStepSettleMs(ms: number): void {
  settleMs = ms;
  clearTimeout(timer);
  useGuardStore.setState({ settled: true });
}
