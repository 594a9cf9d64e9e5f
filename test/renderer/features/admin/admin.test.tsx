import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NATIONAL_TIMELINE } from '../../../../shared/eligibility/index';
import { FakeApi } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

describe('admin', () => {
  it('shows the status and changes the online mode only with a staff name and a reason', async () => {
    const api = new FakeApi({ role: 'admin' });
    renderApp(api);
    await settle();
    expect(screen.getByRole('heading', { level: 1, name: '管理' })).toBeTruthy();
    const status = screen.getByRole('region', { name: '現在の状態' });
    expect(within(status).getByText('さくら内科クリニック')).toBeTruthy();
    expect(within(status).getByText('シミュレーター（練習用）')).toBeTruthy();
    const form = screen.getByRole('region', { name: 'オンライン資格確認の動作モードを変える' });
    expect((within(form).getByRole('radio', { name: '自動' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(form).getByRole('radio', { name: '常にオフライン' }));
    fireEvent.click(within(form).getByRole('button', { name: '変更する' }));
    await settle();
    expect(api.inputs('admin.setOnlineMode')).toEqual([]);
    expect(within(form).queryByText('担当者名を入力してください')).toBeNull();
    expect(within(form).getByText('担当者: 受付 花子')).toBeTruthy(); // the signed-in person, not a typed name
    fireEvent.change(within(form).getByRole('textbox', { name: '理由' }), { target: { value: '回線工事のため' } });
    fireEvent.click(within(form).getByRole('button', { name: '変更する' }));
    await settle();
    expect(api.inputs('admin.setOnlineMode')).toEqual([
      { mode: 'forced-offline', staff: '受付 花子', reason: '回線工事のため' },
    ]);
    expect(within(form).getByText('変更しました')).toBeTruthy();
    expect(within(status).getByText('常にオフライン')).toBeTruthy();
    expect((within(form).getByRole('radio', { name: '常にオフライン' }) as HTMLInputElement).checked).toBe(true);
  });

  it('shows the national eligibility timeline, dated and sourced, read-only', async () => {
    renderApp(new FakeApi({ role: 'admin' }));
    await settle();
    const timeline = screen.getByRole('region', { name: '資格確認のルール（全国共通・日付ごと）' });
    const rows = within(timeline).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(NATIONAL_TIMELINE.entries.length);
    const first = NATIONAL_TIMELINE.entries[0]!;
    expect(rows[0]!.textContent).toContain(first.summary.ja);
    expect(rows[0]!.textContent).toContain(first.source);
    expect(within(timeline).queryAllByRole('button')).toHaveLength(0);
  });
});

describe('admin settings', () => {
  const settingsForm = () => screen.getByRole('region', { name: '設定' });

  it('loads the settings and saves only what changed, with a staff name and a reason', async () => {
    const api = new FakeApi({ role: 'admin', settings: { policy: { refuseDocuments: ['notice-only'] } } });
    renderApp(api);
    await settle();
    // the clinic settings form, the data-safety panel and the device settings form
    expect(api.inputs('admin.getSettings')).toEqual([{}, {}, {}]);
    const form = settingsForm();
    const clinic = within(form).getByRole('textbox', { name: '医療機関名' }) as HTMLInputElement;
    expect(clinic.value).toBe('さくら内科クリニック');
    const idle = within(form).getByRole('spinbutton', { name: /無操作で「まだ続けますか？」と聞くまでの秒数/ });
    expect((idle as HTMLInputElement).value).toBe('90');
    const demo = within(form).getByRole('checkbox', { name: 'デモ用パネル' }) as HTMLInputElement;
    expect(demo.checked).toBe(false);
    expect(
      (within(form).getByRole('checkbox', { name: 'スマホ対応の読み取り機がある' }) as HTMLInputElement).checked,
    ).toBe(false);
    const offline = within(form).getByRole('checkbox', { name: 'オフライン時の受付はすべて受付の者が確認する' });
    expect(within(form).getByRole('checkbox', { name: 'すべての受付を受付の者が確認する' })).toBeTruthy();

    fireEvent.change(clinic, { target: { value: 'ひまわり医院' } });
    fireEvent.change(idle, { target: { value: '180' } });
    fireEvent.click(demo);
    fireEvent.click(offline);
    fireEvent.click(within(form).getByRole('button', { name: '設定を保存する' }));
    await settle();
    expect(api.inputs('admin.updateSettings')).toEqual([]);
    expect(within(form).queryByText('担当者名を入力してください')).toBeNull();
    expect(within(form).getByText('担当者: 受付 花子')).toBeTruthy(); // the signed-in person, not a typed name
    fireEvent.change(within(form).getByRole('textbox', { name: '理由' }), { target: { value: '移転のため' } });
    fireEvent.click(within(form).getByRole('button', { name: '設定を保存する' }));
    await settle();
    expect(api.inputs('admin.updateSettings')).toEqual([
      {
        patch: {
          clinicName: 'ひまわり医院',
          idleTimeoutSeconds: 180,
          demoPanel: true,
          policy: { refuseDocuments: ['notice-only'], staffConfirmOfflineAcceptance: true },
        },
        staff: '受付 花子',
        reason: '移転のため',
      },
    ]);
    expect(within(form).getByText('保存しました')).toBeTruthy();
    // settings.changed reached the status panel of this window too.
    const status = screen.getByRole('region', { name: '現在の状態' });
    expect(within(status).getByText('ひまわり医院')).toBeTruthy();
    expect(within(status).getByText('180')).toBeTruthy();
  });

  it('turns the Shift_JIS fallback for undeclared result files off, with a reason (signed-in staff)', async () => {
    const api = new FakeApi({ role: 'admin' });
    renderApp(api);
    await settle();
    const form = settingsForm();
    const fallback = within(form).getByRole('checkbox', {
      name: '文字コードの書かれていない結果ファイルを Shift_JIS として読む',
    }) as HTMLInputElement;
    expect(fallback.checked).toBe(true);
    fireEvent.click(fallback);
    fireEvent.change(within(form).getByRole('textbox', { name: '理由' }), {
      target: { value: '連携ソフトが UTF-8 に' },
    });
    fireEvent.click(within(form).getByRole('button', { name: '設定を保存する' }));
    await settle();
    expect(api.inputs('admin.updateSettings')).toEqual([
      { patch: { onshiCp932Fallback: false }, staff: '受付 花子', reason: '連携ソフトが UTF-8 に' },
    ]);
  });

  it('shows the validation error text returned by the core', async () => {
    const api = new FakeApi({ role: 'admin' });
    renderApp(api);
    await settle();
    const form = settingsForm();
    fireEvent.change(within(form).getByRole('spinbutton', { name: /無操作/ }), { target: { value: '5' } });
    expect(within(form).getByText('担当者: 受付 花子')).toBeTruthy(); // the signed-in person, not a typed name
    fireEvent.change(within(form).getByRole('textbox', { name: '理由' }), { target: { value: '試し' } });
    fireEvent.click(within(form).getByRole('button', { name: '設定を保存する' }));
    await settle();
    expect(api.inputs('admin.updateSettings')[0]!.patch).toEqual({ idleTimeoutSeconds: 5 });
    const text = within(form).getByText(/保存できませんでした/).textContent ?? '';
    expect(text).toContain('patch.idleTimeoutSeconds: Too small: expected number to be >=30');
  });

  it('says so when nothing changed, and has English labels', async () => {
    const api = new FakeApi({ role: 'admin' });
    renderApp(api);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    const form = screen.getByRole('region', { name: 'Settings' });
    expect(within(form).getByRole('checkbox', { name: 'Demo panel' })).toBeTruthy();
    expect(within(form).getByRole('checkbox', { name: 'When offline, staff confirm every check-in' })).toBeTruthy();
    expect(within(form).getByText('Staff: 受付 花子')).toBeTruthy();
    fireEvent.change(within(form).getByRole('textbox', { name: 'Reason' }), { target: { value: 'check' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
    await settle();
    expect(api.inputs('admin.updateSettings')).toEqual([]);
    expect(within(form).getByText('Nothing has changed')).toBeTruthy();
  });
});

describe('admin device settings', () => {
  it('sets a HID 診察券 reader, the number pattern, the printer and the rooms, with a name and a reason', async () => {
    const api = new FakeApi({ role: 'admin' });
    renderApp(api);
    await settle();
    const form = screen.getByRole('region', { name: /機器（診察券リーダー/ });
    fireEvent.change(within(form).getByRole('combobox', { name: '診察券リーダー' }), { target: { value: 'hid' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'ベンダー ID（16進）' }), { target: { value: '0c2e' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'プロダクト ID（16進）' }), {
      target: { value: '0b8f' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /Usage Page/ }), { target: { value: '8c' } });
    fireEvent.change(within(form).getByRole('spinbutton', { name: '最短の桁数' }), { target: { value: '8' } });
    fireEvent.change(within(form).getByRole('spinbutton', { name: '最長の桁数' }), { target: { value: '8' } });
    fireEvent.change(within(form).getByRole('combobox', { name: 'チェックデジット' }), { target: { value: 'mod11' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /受付票プリンター/ }), {
      target: { value: 'tcp://192.168.1.50:9100' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /診察室/ }), {
      target: { value: '1:第1診察室, 2:第2診察室' },
    });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'English' }));
    fireEvent.click(within(form).getByRole('button', { name: '機器の設定を保存する' }));
    await settle();
    expect(api.inputs('admin.updateSettings')).toEqual([]); // no reason: nothing sent
    fireEvent.change(within(form).getByRole('textbox', { name: '理由' }), { target: { value: 'リーダー導入' } });
    fireEvent.click(within(form).getByRole('button', { name: '機器の設定を保存する' }));
    await settle();
    expect(api.inputs('admin.updateSettings')).toEqual([
      {
        patch: {
          patientCardReader: { mode: 'hid', vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c, format: 'pos' },
          patientCardPattern: { charset: 'digits', minLength: 8, maxLength: 8, checkDigit: 'mod11' },
          printer: 'tcp://192.168.1.50:9100',
          callRooms: [
            { id: '1', label: '第1診察室' },
            { id: '2', label: '第2診察室' },
          ],
          displaySpeechLanguages: ['ja', 'en'],
        },
        staff: '受付 花子', // the signed-in person
        reason: 'リーダー導入',
      },
    ]);
  });
});
