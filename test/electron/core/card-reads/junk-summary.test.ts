import { describe, expect, it } from 'vitest';
import {
  createJunkSummariser,
  describeJunk,
  type JunkSummary,
} from '../../../../electron/core/card-reads/junk-summary';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('junk summary', () => {
  it('a burst is one summary with counts per kind and a few samples; the next burst is another', async () => {
    const out: JunkSummary<number>[] = [];
    const j = createJunkSummariser<number>({
      folder: 'face/',
      now: Date.now,
      quietMs: 60,
      onSummary: (s) => out.push(s),
    });
    for (let i = 0; i < 1000; i++)
      j.note({ name: `f${i}.xml`, kind: i % 10 ? 'unreadable-not-xml' : 'symlink', payload: i });
    expect(j.openCount).toBe(1000);
    await expect.poll(() => out.length).toBe(1);
    expect(out[0]).toMatchObject({
      count: 1000,
      byKind: { 'unreadable-not-xml': 900, symlink: 100 },
      first: { payload: 0 },
    });
    expect(out[0]!.samples).toEqual(['f0.xml', 'f1.xml', 'f2.xml', 'f3.xml', 'f4.xml']);
    expect(describeJunk(out[0]!)).toBe(
      '1000 entries in face/ (unreadable-not-xml ×900, symlink ×100), e.g. f0.xml, f1.xml',
    );
    j.note({ name: 'g.xml', kind: 'fifo' });
    await expect.poll(() => out.length).toBe(2);
    expect(out[1]!.count).toBe(1);
    j.close();
  });

  it('stays open while the folder still has files in progress, within maxWindowMs', async () => {
    const out: JunkSummary<undefined>[] = [];
    let busy = true;
    const j = createJunkSummariser<undefined>({
      folder: 'face/',
      now: Date.now,
      quietMs: 30,
      maxWindowMs: 10_000,
      holdOpen: () => busy,
      onSummary: (s) => out.push(s),
    });
    j.note({ name: 'a.xml', kind: 'symlink' });
    await sleep(150); // quiet for 5× quietMs, but files are still being read
    expect(out).toEqual([]);
    j.note({ name: 'b.xml', kind: 'unreadable-not-xml' });
    busy = false;
    await expect.poll(() => out.length).toBe(1);
    expect(out[0]!.count).toBe(2);
    j.close();
  });

  it('maxWindowMs bounds a window that is held open or never quiet', async () => {
    const out: JunkSummary<undefined>[] = [];
    const j = createJunkSummariser<undefined>({
      folder: 'face/',
      now: Date.now,
      quietMs: 30,
      maxWindowMs: 100,
      holdOpen: () => true,
      onSummary: (s) => out.push(s),
    });
    j.note({ name: 'a.xml', kind: 'fifo' });
    await expect.poll(() => out.length, { timeout: 2000 }).toBe(1);
    j.close();
  });
});
