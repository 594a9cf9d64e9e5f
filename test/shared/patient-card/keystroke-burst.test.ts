import { describe, expect, it } from 'vitest';
import { KeystrokeBurstDetector, type BurstResult, type KeyInput } from '../../../shared/patient-card/keystroke-burst';

/** Keys at a fixed interval from t0, as a scanner or a person would send them. */
function keys(text: string, every: number, t0 = 1000): KeyInput[] {
  return [...text].map((key, i) => ({ key, time: t0 + i * every }));
}
function run(d: KeystrokeBurstDetector, inputs: KeyInput[]): BurstResult[] {
  return inputs.flatMap((k) => {
    const r = d.key(k);
    return r ? [r] : [];
  });
}

describe('keystroke burst detector', () => {
  it('a scanner burst ending in Enter is a scan', () => {
    const d = new KeystrokeBurstDetector();
    const ks = keys('00123456', 8);
    expect(run(d, [...ks, { key: 'Enter', time: ks.at(-1)!.time + 8 }])).toEqual([{ kind: 'scan', text: '00123456' }]);
  });

  it('shift for upper case letters is ignored, repeated characters are fine', () => {
    const d = new KeystrokeBurstDetector();
    const seq: KeyInput[] = [
      { key: 'Shift', time: 0 },
      { key: 'A', time: 4 },
      { key: 'Shift', time: 20 },
      { key: 'B', time: 24 },
      { key: '1', time: 32 },
      { key: '1', time: 40 },
      { key: '0', time: 48 },
      { key: '0', time: 56 },
      { key: 'Tab', time: 64 },
    ];
    expect(run(d, seq)).toEqual([{ kind: 'scan', text: 'AB1100' }]);
  });

  it('slow human typing never counts, even if it ends with Enter', () => {
    const d = new KeystrokeBurstDetector();
    const ks = keys('00123456', 180);
    expect(run(d, [...ks, { key: 'Enter', time: ks.at(-1)!.time + 150 }])).toEqual([
      { kind: 'rejected', reason: 'typed' },
    ]);
  });

  it('a fast typist with one quick pair is still typing', () => {
    const d = new KeystrokeBurstDetector();
    const seq: KeyInput[] = [
      { key: '1', time: 0 },
      { key: '2', time: 25 },
      { key: '3', time: 140 },
      { key: '4', time: 165 },
      { key: '5', time: 290 },
      { key: 'Enter', time: 400 },
    ];
    expect(run(d, seq)).toEqual([{ kind: 'rejected', reason: 'typed' }]);
  });

  it('a held key auto-repeating fast is a person, not a scan', () => {
    const d = new KeystrokeBurstDetector();
    const seq = keys('11111111', 30).map((k, i) => ({ ...k, repeat: i > 0 }));
    expect(run(d, [...seq, { key: 'Enter', time: seq.at(-1)!.time + 30 }])).toEqual([
      { kind: 'rejected', reason: 'typed' },
    ]);
  });

  it('slow characters before a real burst are dropped; the burst still scans', () => {
    const d = new KeystrokeBurstDetector();
    const typed = keys('99', 300, 0);
    const burst = keys('123456', 5, 2000);
    expect(run(d, [...typed, ...burst, { key: 'Enter', time: 2030 }])).toEqual([{ kind: 'scan', text: '123456' }]);
  });

  it('over-long input is rejected, and the next scan works', () => {
    const d = new KeystrokeBurstDetector({ maxLength: 10 });
    const long = keys('1'.repeat(40), 5, 0);
    expect(run(d, [...long, { key: 'Enter', time: 205 }])).toEqual([{ kind: 'rejected', reason: 'too-long' }]);
    expect(run(d, [...keys('4321', 5, 1000), { key: 'Enter', time: 1020 }])).toEqual([{ kind: 'scan', text: '4321' }]);
  });

  it('a stray Enter or a too-short burst is not a scan', () => {
    const d = new KeystrokeBurstDetector();
    expect(d.key({ key: 'Enter', time: 0 })).toBeUndefined();
    expect(run(d, [...keys('12', 5, 100), { key: 'Enter', time: 110 }])).toEqual([
      { kind: 'rejected', reason: 'too-short' },
    ]);
  });

  it('no terminator: ends after the idle gap (when allowed), not before', () => {
    const d = new KeystrokeBurstDetector({ endGapMs: 100 });
    run(d, keys('7654321', 6, 0));
    expect(d.idle(60)).toBeUndefined();
    expect(d.pending()).toBe(true);
    expect(d.idle(140)).toEqual({ kind: 'scan', text: '7654321' });
    const strict = new KeystrokeBurstDetector({ allowNoTerminator: false });
    run(strict, keys('7654321', 6, 0));
    expect(strict.idle(500)).toEqual({ kind: 'rejected', reason: 'typed' });
  });

  it('navigation keys mean a person is there: the gathered keys are dropped', () => {
    const d = new KeystrokeBurstDetector();
    const seq = [...keys('1234', 5, 0), { key: 'Backspace', time: 22 }, { key: 'Enter', time: 27 }];
    expect(run(d, seq)).toEqual([]);
  });
});
