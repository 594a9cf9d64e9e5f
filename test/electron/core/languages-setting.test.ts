import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/index';
import { LOCALES } from '../../../shared/i18n/locales';
import { ADMIN, KIOSK, makeCore } from '../../helpers/core';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('languages offered at the kiosk', () => {
  it('offers all six by default; an admin narrows them with a reason, pushed to the kiosk and audited', async () => {
    core = (await makeCore()).core;
    const pushed: unknown[] = [];
    core.subscribe(KIOSK, (event, payload) => {
      if (event === 'settings.changed') pushed.push(payload);
    });
    expect(await core.handle(KIOSK, 'status.get', {})).toMatchObject({ ok: true, value: { languages: [...LOCALES] } });
    expect(await core.handle(ADMIN, 'admin.getSettings', {})).toMatchObject({
      ok: true,
      value: { languages: [...LOCALES] },
    });
    const r = await core.handle(ADMIN, 'admin.updateSettings', {
      patch: { languages: ['ja', 'zh-Hans', 'vi'] },
      staff: '院長',
      reason: '中国とベトナムの患者さんが多い',
    });
    expect(r).toMatchObject({ ok: true, value: { languages: ['ja', 'zh-Hans', 'vi'] } });
    expect(pushed).toContainEqual(expect.objectContaining({ languages: ['ja', 'zh-Hans', 'vi'] }));
    expect(core.internals.audit.list()[0]).toMatchObject({
      action: 'settings',
      detail: 'languages: 中国とベトナムの患者さんが多い',
    });
  });

  it('refuses unknown codes, duplicates, an empty list and a list without Japanese, and keeps the old value', async () => {
    core = (await makeCore()).core;
    for (const languages of [
      ['ja', 'fr'],
      ['ja', 'zh'],
      ['ja', 'en', 'ja'],
      [],
      ['en', 'ko'],
      ['ja', 'x'.repeat(10_000)],
    ]) {
      const r = await core.handle(ADMIN, 'admin.updateSettings', { patch: { languages }, staff: 'a', reason: 'b' });
      expect(r, JSON.stringify(languages).slice(0, 40)).toMatchObject({
        ok: false,
        error: { code: 'invalid-payload' },
      });
    }
    expect(await core.handle(ADMIN, 'admin.getSettings', {})).toMatchObject({
      ok: true,
      value: { languages: [...LOCALES] },
    });
  });
});
