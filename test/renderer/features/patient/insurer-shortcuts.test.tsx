import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi, makeSession } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const heading = () => screen.getByRole('heading', { level: 1 }).textContent;

describe('insurer buttons in the self-declaration (offline)', () => {
  it('one tap gives the insurer\u2019s name and number, and the number question is not asked', async () => {
    const api = new FakeApi();
    api.insurerShortcuts = [{ insurerNumber: '39139993', name: '東京都後期高齢者医療広域連合' }];
    renderApp(api, { session: makeSession({ state: 'self-declaration', birthDate: '1946-08-17' }) });
    await settle();
    for (const k of ['シ', 'ケ', 'ン']) click(k);
    click('次へ');
    expect(heading()).toBe('保険者の名前（わかれば）');
    const group = screen.getByRole('group', { name: '書かれている保険者を選べます' });
    expect(within(group).getByText('ない場合は、保険者の名前を入力してください')).toBeTruthy();
    fireEvent.click(within(group).getByRole('button', { name: /東京都後期高齢者医療広域連合/ }));
    expect(heading()).toBe('電話番号');
    click('わからない・とばす');
    expect(heading()).toBe('申し立てる内容をご確認ください');
    click('この内容で申し立てる');
    await settle();
    expect(api.sentInputs().at(-1)?.event).toEqual({
      type: 'submit-declaration',
      declaration: {
        nameKana: 'シケン',
        birthDate: '1946-08-17',
        insurerName: '東京都後期高齢者医療広域連合',
        insurerNumber: '39139993',
      },
    });
  });

  it('without learned insurers the name is typed as before', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession({ state: 'self-declaration', birthDate: '1946-08-17' }) });
    await settle();
    click('シ');
    click('次へ');
    expect(heading()).toBe('保険者の名前（わかれば）');
    expect(screen.queryByRole('group', { name: '書かれている保険者を選べます' })).toBeNull();
  });
});
