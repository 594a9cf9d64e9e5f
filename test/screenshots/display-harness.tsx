// Screenshot harness: the display page with a fixed board (no host needed). Bundled by devices.ts.
import '@fontsource/biz-udgothic/400.css';
import '@fontsource/biz-udgothic/700.css';
import { createRoot } from 'react-dom/client';
import { DisplayApp } from '../../renderer/src/features/display/DisplayApp';
import type { DisplayFeed } from '../../renderer/src/features/display/useBoardFeed';
import type { CallBoard } from '../../shared/calls/board';

const boards: Record<string, CallBoard> = {
  one: {
    day: '2026-11-25',
    nowCalling: [{ ticketNumber: 12, roomId: '1', roomLabel: '第1診察室', calledAt: '', callCount: 1 }],
    recentlyCalled: [{ ticketNumber: 9, roomId: '1', roomLabel: '第1診察室', calledAt: '', callCount: 2 }],
    waiting: [13, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26],
    announcementSeq: 30,
  },
  two: {
    day: '2026-11-25',
    nowCalling: [
      { ticketNumber: 104, roomId: '1', roomLabel: '第1診察室', calledAt: '', callCount: 1 },
      { ticketNumber: 98, roomId: '2', roomLabel: '第2診察室', calledAt: '', callCount: 1 },
    ],
    recentlyCalled: [],
    waiting: [
      105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
      128, 129, 130,
    ],
    announcementSeq: 30,
  },
  three: {
    day: '2026-11-25',
    nowCalling: [
      { ticketNumber: 7, roomId: '1', roomLabel: '第1診察室', calledAt: '', callCount: 1 },
      { ticketNumber: 8, roomId: '2', roomLabel: '第2診察室', calledAt: '', callCount: 1 },
      { ticketNumber: 10, roomId: '3', roomLabel: '処置室', calledAt: '', callCount: 1 },
    ],
    recentlyCalled: [{ ticketNumber: 5, roomId: '1', roomLabel: '第1診察室', calledAt: '', callCount: 1 }],
    waiting: [11, 12],
    announcementSeq: 30,
  },
  empty: { day: '2026-11-25', nowCalling: [], recentlyCalled: [], waiting: [], announcementSeq: 0 },
};

const which = new URLSearchParams(location.search).get('board') ?? 'one';
const board = boards[which] ?? boards.one!;
const feed: DisplayFeed = {
  fetchBoard: async () => board,
  onBoard: () => () => {},
  connection: () => (which === 'empty' ? 'reconnecting' : 'open'),
  onConnection: () => () => {},
};
createRoot(document.getElementById('root')!).render(
  <DisplayApp
    feed={feed}
    settings={{ clinicName: 'さくら内科クリニック', languages: ['ja', 'en'], speech: false, chime: false }}
  />,
);
