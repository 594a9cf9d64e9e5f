import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { announcementText, type Announcer } from '../../../renderer/src/features/display/announcer';
import { DisplayApp, type DisplaySettings } from '../../../renderer/src/features/display/DisplayApp';
import {
  BOARD_CACHE_KEY,
  type DisplayFeed,
  type FeedConnection,
} from '../../../renderer/src/features/display/useBoardFeed';
import { DISPLAY_MESSAGES } from '../../../renderer/src/i18n/display';
import type { CallBoard, CalledNumber } from '../../../shared/calls/board';
import { LOCALES } from '../../../shared/i18n/locales';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const call = (ticketNumber: number, roomId: string, callCount = 1): CalledNumber => ({
  ticketNumber,
  roomId,
  roomLabel: `第${roomId}診察室`,
  calledAt: '2026-11-25T00:10:00.000Z',
  callCount,
});
const board = (seq: number, nowCalling: CalledNumber[], waiting: number[] = []): CallBoard => ({
  day: '2026-11-25',
  nowCalling,
  recentlyCalled: [],
  waiting,
  announcementSeq: seq,
  ...(nowCalling[0] ? { lastAnnouncement: nowCalling[0] } : {}),
});

/** A feed the test drives: the server's current board, pushes, and the connection state. */
function fakeFeed(initial: CallBoard | undefined) {
  let current = initial;
  let conn: FeedConnection = 'open';
  const boards = new Set<(b: CallBoard) => void>();
  const conns = new Set<(s: FeedConnection) => void>();
  let fetches = 0;
  const feed: DisplayFeed = {
    fetchBoard: async () => {
      fetches += 1;
      return current;
    },
    onBoard: (l) => (boards.add(l), () => boards.delete(l)),
    connection: () => conn,
    onConnection: (l) => (conns.add(l), () => conns.delete(l)),
  };
  return {
    feed,
    fetches: () => fetches,
    push(b: CallBoard) {
      current = b;
      act(() => boards.forEach((l) => l(b)));
    },
    setServer(b: CallBoard) {
      current = b;
    },
    setConnection(s: FeedConnection) {
      conn = s;
      act(() => conns.forEach((l) => l(s)));
    },
  };
}
function fakeAnnouncer() {
  const said: number[] = [];
  const a: Announcer = {
    announce: async (c) => {
      said.push(c.ticketNumber);
    },
    blocked: () => false,
    unlock: async () => {},
  };
  return { a, said };
}
const SETTINGS: DisplaySettings = {
  clinicName: 'さくら内科クリニック',
  languages: ['ja', 'en'],
  speech: true,
  chime: true,
};

describe('waiting-room call display', () => {
  it('shows the called number per room and the waiting numbers; announces new calls only', async () => {
    const f = fakeFeed(board(3, [call(12, '1')], [14, 15]));
    const { a, said } = fakeAnnouncer();
    render(<DisplayApp feed={f.feed} settings={SETTINGS} announcer={a} />);
    const calling = await screen.findByRole('region', { name: /お呼び出し中/ });
    expect(await within(calling).findByText('12')).toBeTruthy();
    expect(within(calling).getByText('第1診察室')).toBeTruthy();
    const waiting = screen.getByRole('region', { name: /お待ちの番号/ });
    expect(
      within(waiting)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['14', '15']);
    expect(said).toEqual([]); // what was already called when the page loaded is not announced again

    f.push(board(4, [call(14, '2'), call(12, '1')], [15]));
    expect(await within(calling).findByText('14')).toBeTruthy();
    await act(async () => {});
    expect(said).toEqual([14]);
    f.push(board(5, [call(14, '2', 2), call(12, '1')], [15])); // recall
    await act(async () => {});
    expect(said).toEqual([14, 14]);
  });

  it('re-fetches after a reconnect and shows that it is reconnecting meanwhile', async () => {
    const f = fakeFeed(board(1, [call(3, '1')]));
    const { a } = fakeAnnouncer();
    render(<DisplayApp feed={f.feed} settings={SETTINGS} announcer={a} />);
    await screen.findByText('3');
    f.setConnection('reconnecting');
    expect(screen.getByRole('status').textContent).toContain('接続し直しています');
    f.setServer(board(2, [call(4, '1')]));
    const before = f.fetches();
    f.setConnection('open');
    expect(await screen.findByText('4')).toBeTruthy();
    expect(f.fetches()).toBe(before + 1);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('after a restart with the host down, shows the last board from its cache; ignores a malformed board', async () => {
    localStorage.setItem(BOARD_CACHE_KEY, JSON.stringify(board(7, [call(21, '1')], [22])));
    const f = fakeFeed(undefined);
    f.setConnection('reconnecting');
    const { a } = fakeAnnouncer();
    render(<DisplayApp feed={f.feed} settings={SETTINGS} announcer={a} />);
    expect(await screen.findByText('21')).toBeTruthy();
    f.push({ ...board(8, []), nowCalling: 'lots' } as unknown as CallBoard);
    expect(screen.getByText('21')).toBeTruthy();
  });

  it('never renders a name even if one were smuggled into the feed', async () => {
    const f = fakeFeed(undefined);
    const { a } = fakeAnnouncer();
    render(<DisplayApp feed={f.feed} settings={SETTINGS} announcer={a} />);
    f.push({
      ...board(1, [{ ...call(5, '1'), ...{ patientName: '山田太郎' } }]),
      ...{ name: '山田太郎' },
    } as CallBoard);
    expect(await screen.findByText('5')).toBeTruthy();
    expect(document.body.textContent).not.toContain('山田');
  });

  it('announcement sentences exist in every language and name the number and room', () => {
    for (const l of LOCALES) {
      expect(announcementText(l, call(12, '2'))).toContain('12');
      expect(Object.keys(DISPLAY_MESSAGES[l]).sort()).toEqual(Object.keys(DISPLAY_MESSAGES.ja).sort());
    }
    expect(announcementText('ja', call(12, '2'))).toBe('受付番号12番の方、第2診察室へお入りください。');
    expect(announcementText('en', call(12, '2'))).toBe('Number 12, please come to room 2.');
  });
});
