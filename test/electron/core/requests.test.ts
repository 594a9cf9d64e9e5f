import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  adminSettingsSchema,
  requests,
  type ApiEvents,
  type ApiResult,
  type RequestInput,
  type RequestOutputs,
} from '../../../shared/api/index';
import type { EmitEvent } from '../../../electron/core/feature';
import {
  buildRequestTable,
  dispatch,
  REQUEST_NAMES,
  type Handler,
  type RequestTable,
} from '../../../electron/core/requests';
import { ADMIN, KIOSK, makeCore } from '../../helpers/core';

describe('the request table', () => {
  it('handler types come from the API: input from the zod schema, output from RequestOutputs', () => {
    expectTypeOf<Parameters<Handler<'session.send'>>[1]>().toEqualTypeOf<RequestInput<'session.send'>>();
    expectTypeOf<Awaited<ReturnType<Handler<'status.get'>>>>().toEqualTypeOf<ApiResult<RequestOutputs['status.get']>>();
    expectTypeOf<keyof RequestTable>().toEqualTypeOf<keyof typeof requests>();
    // Events: the payload type is tied to the event name.
    expectTypeOf<Parameters<EmitEvent>>().toEqualTypeOf<[keyof ApiEvents, ApiEvents[keyof ApiEvents]]>();
  });

  it('lists every API name once', () => {
    expect([...REQUEST_NAMES].sort()).toEqual(Object.keys(requests).sort());
  });

  it('refuses a name handled twice or not at all', () => {
    const status: Partial<RequestTable> = {
      'status.get': () => ({ ok: false, error: { code: 'internal', message: 'x' } }),
    };
    expect(() =>
      buildRequestTable([
        { feature: 'a', handlers: status },
        { feature: 'b', handlers: status },
      ]),
    ).toThrow(/both a and b/);
    expect(() => buildRequestTable([{ feature: 'a', handlers: status }])).toThrow(/no handler for: session\.start/);
  });

  it('dispatch parses at the edge: unknown name, wrong role, bad payload never reach a handler', async () => {
    let calls = 0;
    const table: Partial<RequestTable> = {
      'session.get': () => {
        calls += 1;
        return { ok: false, error: { code: 'not-found', message: 'x' } };
      },
    };
    const now = () => '2026-11-25T00:00:00.000Z';
    const onError = () => {};
    expect(await dispatch(table, KIOSK, now, 'nope', {}, onError)).toMatchObject({
      ok: false,
      error: { code: 'unknown-request' },
    });
    expect(await dispatch(table, KIOSK, now, 'staff.list', {}, onError)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch(table, KIOSK, now, 'session.get', { sessionId: '../x' }, onError)).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(calls).toBe(0);
    expect(await dispatch(table, KIOSK, now, 'session.get', { sessionId: 'abc' }, onError)).toMatchObject({
      error: { code: 'not-found' },
    });
    expect(calls).toBe(1);
  });

  it('a handler that throws becomes a typed internal error, and the core keeps serving', async () => {
    const table: Partial<RequestTable> = {
      'status.get': () => {
        throw new Error('boom');
      },
    };
    const errors: string[] = [];
    const r = await dispatch(
      table,
      ADMIN,
      () => 'now',
      'status.get',
      {},
      (n) => errors.push(n),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(errors).toEqual(['status.get']);
  });

  it('the assembled core answers every request name with a typed result (admin settings fit their schema)', async () => {
    const { core } = await makeCore();
    try {
      for (const name of REQUEST_NAMES) {
        const r = await core.handle(ADMIN, name, {});
        // Every name is routed (never 'unknown-request'); payload errors are typed.
        expect(r.ok || r.error.code !== 'unknown-request').toBe(true);
      }
      const s = await core.handle(ADMIN, 'admin.getSettings', {});
      expect(s.ok && adminSettingsSchema.safeParse(s.value).success).toBe(true);
    } finally {
      await core.close();
    }
  });
});
