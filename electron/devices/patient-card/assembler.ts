/**
 * Assembles report chunks into one scan: it ends on a report marked final, on a terminator byte (CR, LF,
 * ETX), or when no report arrived for `gapMs`. Time is passed in (`now`), never read here. Bounded: a scan
 * longer than `maxLength` is rejected and the rest of it discarded; bytes outside printable ASCII are
 * garbage (a card number is digits, perhaps letters and a hyphen); an interrupted scan (unplug) is dropped.
 */
import type { ReportChunk } from './reports';

export type AssembledScan =
  | { kind: 'scan'; text: string; symbology?: string }
  | { kind: 'rejected'; code: 'too-long' | 'garbage' | 'interrupted'; length: number };

export interface AssemblerOptions {
  maxLength: number;
  gapMs: number;
}

const TERMINATORS = new Set([0x0d, 0x0a, 0x03]);

export class ScanAssembler {
  private buffer: number[] = [];
  private overflow = false;
  private symbology: string | undefined;
  private lastAt = 0;

  constructor(private readonly options: AssemblerOptions) {}

  /** Whether part of a scan is waiting (the caller arms a gap timer for `deadline()`). */
  pending(): boolean {
    return this.buffer.length > 0 || this.overflow;
  }

  deadline(): number | undefined {
    return this.pending() ? this.lastAt + this.options.gapMs : undefined;
  }

  push(chunk: ReportChunk, now: number): AssembledScan[] {
    const out: AssembledScan[] = [];
    // A report after a gap starts a new scan: whatever was pending is finished first.
    if (this.pending() && now - this.lastAt > this.options.gapMs) out.push(...this.finish());
    this.lastAt = now;
    if (chunk.symbology && this.buffer.length === 0) this.symbology = chunk.symbology;
    for (const b of chunk.bytes) {
      if (TERMINATORS.has(b)) {
        if (this.pending()) out.push(...this.finish());
        continue;
      }
      if (this.buffer.length >= this.options.maxLength) this.overflow = true;
      else this.buffer.push(b);
    }
    if (chunk.final && this.pending()) out.push(...this.finish());
    return out;
  }

  /** The gap timer fired: finish a scan that has been idle for `gapMs`. */
  tick(now: number): AssembledScan[] {
    return this.pending() && now - this.lastAt >= this.options.gapMs ? this.finish() : [];
  }

  /** The device went away mid-scan: drop the partial scan. */
  interrupt(): AssembledScan[] {
    if (!this.pending()) return [];
    const length = this.buffer.length;
    this.reset();
    return [{ kind: 'rejected', code: 'interrupted', length }];
  }

  private reset() {
    this.buffer = [];
    this.overflow = false;
    this.symbology = undefined;
  }

  private finish(): AssembledScan[] {
    const bytes = this.buffer;
    const overflow = this.overflow;
    const symbology = this.symbology;
    this.reset();
    if (overflow) return [{ kind: 'rejected', code: 'too-long', length: bytes.length }];
    if (bytes.some((b) => b < 0x20 || b > 0x7e)) return [{ kind: 'rejected', code: 'garbage', length: bytes.length }];
    const text = String.fromCharCode(...bytes).trim();
    if (text.length === 0) return [];
    return [{ kind: 'scan', text, ...(symbology ? { symbology } : {}) }];
  }
}
