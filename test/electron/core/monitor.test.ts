import { afterEach, describe, expect, it } from 'vitest';
import type { OnlineStatus } from '../../../shared/api/index';
import type { Clock } from '../../../electron/core/clock';
import { createOnlineMonitor, type OnlineMonitor } from '../../../electron/core/monitor';
import type { TerminalHealth } from '../../../electron/terminal/transport';

let t = Date.parse('2026-11-25T00:00:00Z');
const clock: Clock = {
  now: () => new Date(t),
  nowIso: () => new Date(t).toISOString(),
  today: () => '2026-11-25',
  timeZone: 'Asia/Tokyo',
};
const monitors: OnlineMonitor[] = [];
afterEach(() => {
  while (monitors.length) monitors.pop()!.close();
});
function make(over: Partial<Parameters<typeof createOnlineMonitor>[1]> = {}) {
  const m = createOnlineMonitor(clock, { mode: 'auto', degradedWindowMs: 60_000, probeIntervalMs: 3_600_000, ...over });
  monitors.push(m);
  const events: OnlineStatus[] = [];
  m.onChange((s) => events.push(s));
  return { m, events };
}

describe('online monitor', () => {
  it('starts up; one failure is degraded (still online); failuresForDown in a row is down', () => {
    const { m, events } = make({ failuresForDown: 2 });
    expect(m.status()).toMatchObject({ state: 'up', online: true, mode: 'auto' });
    m.reportFailure('timeout');
    expect(m.status()).toMatchObject({ state: 'degraded', online: true, detail: 'timeout' });
    m.reportFailure('timeout again');
    expect(m.status()).toMatchObject({ state: 'down', online: false, detail: 'timeout again' });
    expect(events.map((e) => e.state)).toEqual(['degraded', 'down']);
  });

  it('a success after failures is degraded until the window passes, then up', () => {
    const { m } = make({ failuresForDown: 3 });
    m.reportFailure('system error');
    m.reportSuccess(); // e.g. the session manager counts the answer, the adapter counted the system error
    expect(m.status().state).toBe('degraded');
    t += 61_000;
    expect(m.status().state).toBe('up');
    expect(m.status().detail).toBeUndefined();
  });

  it('a failed health probe is down at once; a good probe brings it back', async () => {
    let health: TerminalHealth = { ok: false, detail: 'the terminal folder face/ cannot be reached (ENOENT)' };
    const { m, events } = make({ probe: async () => health });
    expect((await m.probeNow()).state).toBe('down');
    expect(m.status().detail).toContain('face/');
    health = { ok: true };
    expect((await m.probeNow()).state).toBe('up');
    expect(events.map((e) => e.state)).toEqual(['down', 'up']);
  });

  it('after a run of timeouts a good probe is half-open (degraded, online): the next answer decides', async () => {
    const { m } = make({ failuresForDown: 2, probe: async () => ({ ok: true }) });
    m.reportFailure('t1');
    m.reportFailure('t2');
    expect(m.status().state).toBe('down');
    expect(await m.probeNow()).toMatchObject({ state: 'degraded', online: true });
    m.reportFailure('t3');
    expect(m.status().state).toBe('down');
    await m.probeNow();
    m.reportSuccess();
    t += 61_000;
    expect(m.status().state).toBe('up');
  });

  it('a probe that throws counts as a failed probe, not a crash', async () => {
    const { m } = make({
      probe: async () => {
        throw new Error('EIO');
      },
    });
    expect(await m.probeNow()).toMatchObject({ state: 'down', detail: expect.stringContaining('EIO') });
  });

  it('forced offline is down and forced online is up whatever the reports; auto returns to the measured state', () => {
    const { m, events } = make();
    expect(m.setMode('forced-offline')).toMatchObject({ state: 'down', online: false, mode: 'forced-offline' });
    m.reportSuccess();
    expect(m.status().state).toBe('down');
    m.reportFailure('x');
    m.reportFailure('y');
    expect(m.setMode('forced-online')).toMatchObject({ state: 'up', online: true, mode: 'forced-online' });
    expect(m.status().detail).toBeUndefined();
    expect(m.setMode('auto')).toMatchObject({ state: 'down', mode: 'auto' });
    expect(events.map((e) => `${e.mode}:${e.state}`)).toEqual(['forced-offline:down', 'forced-online:up', 'auto:down']);
  });

  it('runs the probe periodically and stops on close', async () => {
    let probes = 0;
    const m = createOnlineMonitor(clock, {
      mode: 'auto',
      probeIntervalMs: 20,
      probe: async () => {
        probes += 1;
        return { ok: true };
      },
    });
    await expect.poll(() => probes).toBeGreaterThanOrEqual(3);
    m.close();
    const n = probes;
    await new Promise((r) => setTimeout(r, 80));
    expect(probes).toBeLessThanOrEqual(n + 1);
  });

  it('a listener that throws does not stop the others', () => {
    const { m, events } = make();
    m.onChange(() => {
      throw new Error('bad listener');
    });
    const seen: string[] = [];
    m.onChange((s) => seen.push(s.state));
    m.reportFailure('x');
    expect(seen).toEqual(['degraded']);
    expect(events).toHaveLength(1);
  });

  it('since moves only when the state changes', () => {
    const { m } = make({ failuresForDown: 5 });
    const since0 = m.status().since;
    t += 1000;
    m.reportFailure('a');
    const since1 = m.status().since;
    expect(since1).not.toBe(since0);
    t += 1000;
    m.reportFailure('b');
    expect(m.status().since).toBe(since1);
  });
});
