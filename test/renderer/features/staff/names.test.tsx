import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi, makeSession } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

describe('staff see a declared name in the patient\u2019s own script and in katakana', () => {
  it('shows both in the list and in the detail', async () => {
    const api = new FakeApi({
      role: 'staff',
      sessions: [
        makeSession({
          id: 's-1',
          state: 'staff-confirm',
          document: 'myna-card',
          declaration: { name: 'John Smith', nameKana: 'ジョン スミス', birthDate: '1980-01-15' },
          identity: { source: 'declared', name: 'John Smith', nameKana: 'ジョン スミス', birthDate: '1980-01-15' },
          verification: { status: 'pending' },
          staffReasons: ['self-declaration'],
        }),
        makeSession({
          id: 's-2',
          state: 'staff-confirm',
          document: 'nothing',
          identity: { source: 'declared', name: 'Nguyễn Văn An', birthDate: '1990-02-03' },
          verification: { status: 'pending' },
          staffReasons: ['self-declaration'],
        }),
      ],
    });
    renderApp(api);
    await settle();
    const table = screen.getByRole('table');
    expect(within(table).getByText('John Smith（ジョン スミス）')).toBeTruthy();
    expect(within(table).getByText('Nguyễn Văn An')).toBeTruthy();
    fireEvent.click(within(table).getAllByRole('button')[0]!);
    await settle();
    const detail = screen.getByRole('region', { name: /受付/ });
    expect(within(detail).getByText('John Smith')).toBeTruthy();
    expect(within(detail).getByText('ジョン スミス')).toBeTruthy();
  });
});
