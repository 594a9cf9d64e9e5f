/**
 * Keeps the display's board current by itself: the latest board from the feed, re-fetched whenever the
 * connection comes back, and the last one kept in localStorage (numbers and room labels only — nothing
 * personal) so a display that restarts while the host is down still shows something sensible.
 */
import { useEffect, useState } from 'react';
import { callBoardSchema, type CallBoard } from '../../../../shared/calls/board';

export type FeedConnection = 'connecting' | 'open' | 'reconnecting';

export interface DisplayFeed {
  fetchBoard(): Promise<CallBoard | undefined>;
  onBoard(listener: (board: CallBoard) => void): () => void;
  connection(): FeedConnection;
  onConnection(listener: (state: FeedConnection) => void): () => void;
}

export const BOARD_CACHE_KEY = 'kiosk.display.board';

export function readCachedBoard(storage: Pick<Storage, 'getItem'> | undefined): CallBoard | undefined {
  try {
    const raw = storage?.getItem(BOARD_CACHE_KEY);
    if (!raw || raw.length > 64_000) return undefined;
    const parsed = callBoardSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function useBoardFeed(feed: DisplayFeed, storage: Storage | undefined = globalThis.localStorage) {
  const [board, setBoard] = useState<CallBoard | undefined>(() => readCachedBoard(storage));
  const [connection, setConnection] = useState<FeedConnection>(() => feed.connection());

  useEffect(() => {
    let alive = true;
    const accept = (b: CallBoard) => {
      // The feed is an edge: parse, never trust, and keep the last good board on garbage.
      const parsed = callBoardSchema.safeParse(b);
      if (!alive || !parsed.success) return;
      setBoard(parsed.data);
      try {
        storage?.setItem(BOARD_CACHE_KEY, JSON.stringify(parsed.data));
      } catch {
        // a full or disabled storage only loses the restart cache
      }
    };
    const refetch = () => {
      void feed.fetchBoard().then((b) => b && accept(b));
    };
    const offBoard = feed.onBoard(accept);
    const offConn = feed.onConnection((s) => {
      setConnection(s);
      if (s === 'open') refetch();
    });
    if (feed.connection() === 'open') refetch();
    return () => {
      alive = false;
      offBoard();
      offConn();
    };
  }, [feed, storage]);

  return { board, connection };
}
