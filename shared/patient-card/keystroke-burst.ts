/**
 * Tells a keyboard-emulation scanner from a person. A scanner "types" the whole card number in one burst —
 * a few milliseconds between keys, every key, then Enter (or Tab) — while a person is slower and uneven.
 * Pure: the caller passes each key with its event time and calls `idle` from a timer. Used only on the
 * 診察券 step, where the caller swallows every key it is given, so a scan never lands in another field.
 *
 * - Modifier keys (Shift for upper case letters, …) are ignored, not counted as a gap.
 * - Repeated characters are fine ("1100"); an auto-repeating held key (`repeat`) is a person, never a scan.
 * - Any gap longer than `maxGapMs` between characters means the characters so far were typed: dropped.
 * - Fewer than `minLength` characters before the terminator: typing (e.g. a stray Enter), rejected.
 * - More than `maxLength`: rejected as too long.
 * - No terminator: the burst ends after `endGapMs` of silence and counts only if `allowNoTerminator`.
 */

export interface BurstOptions {
  maxGapMs: number;
  minLength: number;
  maxLength: number;
  endGapMs: number;
  allowNoTerminator: boolean;
  terminators: readonly string[];
}

export const DEFAULT_BURST_OPTIONS: BurstOptions = {
  maxGapMs: 35,
  minLength: 4,
  maxLength: 32,
  endGapMs: 100,
  allowNoTerminator: true,
  terminators: ['Enter', 'Tab'],
};

export interface KeyInput {
  /** KeyboardEvent.key */
  key: string;
  /** KeyboardEvent.timeStamp (ms) */
  time: number;
  repeat?: boolean;
}

export type BurstResult =
  { kind: 'scan'; text: string } | { kind: 'rejected'; reason: 'too-short' | 'too-long' | 'typed' };

const MODIFIERS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'NumLock',
  'Dead',
  'Process',
  'Unidentified',
]);

export class KeystrokeBurstDetector {
  private chars: string[] = [];
  private last = 0;
  private human = false;
  private overflow = false;
  private readonly o: BurstOptions;

  constructor(options: Partial<BurstOptions> = {}) {
    this.o = { ...DEFAULT_BURST_OPTIONS, ...options };
  }

  /** Feed one keydown. Returns a result when a burst ends with this key. */
  key(input: KeyInput): BurstResult | undefined {
    if (MODIFIERS.has(input.key)) return undefined;
    if (this.o.terminators.includes(input.key)) {
      const late = this.chars.length > 0 && input.time - this.last > this.o.maxGapMs;
      return this.finish(late || this.human);
    }
    if ([...input.key].length !== 1) {
      // Arrows, Backspace, F-keys …: a person at a keyboard. Whatever was gathered is not a scan.
      this.reset();
      return undefined;
    }
    if (this.chars.length > 0 && input.time - this.last > this.o.maxGapMs) this.reset();
    if (input.repeat) this.human = true;
    if (this.chars.length >= this.o.maxLength) this.overflow = true;
    else this.chars.push(input.key);
    this.last = input.time;
    return undefined;
  }

  /** Call after `endGapMs` without keys (a timer): ends a burst that had no terminator. */
  idle(now: number): BurstResult | undefined {
    if (this.chars.length === 0 || now - this.last < this.o.endGapMs) return undefined;
    if (!this.o.allowNoTerminator) {
      this.reset();
      return { kind: 'rejected', reason: 'typed' };
    }
    return this.finish(this.human);
  }

  /** Whether keys are being gathered (the caller keeps its idle timer armed). */
  pending(): boolean {
    return this.chars.length > 0;
  }

  reset(): void {
    this.chars = [];
    this.human = false;
    this.overflow = false;
  }

  private finish(typed: boolean): BurstResult | undefined {
    const text = this.chars.join('');
    const overflow = this.overflow;
    this.reset();
    if (text.length === 0 && !overflow) return undefined;
    if (overflow) return { kind: 'rejected', reason: 'too-long' };
    if (typed) return { kind: 'rejected', reason: 'typed' };
    if (text.length < this.o.minLength) return { kind: 'rejected', reason: 'too-short' };
    return { kind: 'scan', text };
  }
}
