/**
 * The waiting-room display page: board from the feed (self-healing across reconnects and restarts),
 * chime and spoken announcement when a number is called or recalled — but not for calls that happened
 * before the page loaded (a restarted TV must not re-announce the morning).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Locale } from '../../../../shared/i18n/locales';
import { createAnnouncer, type Announcer } from './announcer';
import { DisplayBoard } from './DisplayBoard';
import { useBoardFeed, type DisplayFeed } from './useBoardFeed';
import './display.css';

export interface DisplaySettings {
  clinicName: string;
  /** Languages of the spoken announcement, in order. */
  languages: readonly Locale[];
  speech: boolean;
  chime: boolean;
}

export function DisplayApp({
  feed,
  settings,
  announcer,
}: {
  feed: DisplayFeed;
  settings: DisplaySettings;
  announcer?: Announcer;
}) {
  const { board, connection } = useBoardFeed(feed);
  const { languages, speech, chime } = settings;
  const voice = useMemo(
    () => announcer ?? createAnnouncer({ languages, speech, chime }),
    [announcer, languages, speech, chime],
  );
  const [soundBlocked, setSoundBlocked] = useState(false);
  const seen = useRef<number | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    if (!board) return;
    // The first board after load (or from the cache) sets the baseline: nothing old is announced.
    if (seen.current === undefined || board.announcementSeq < seen.current) {
      seen.current = board.announcementSeq;
      return;
    }
    if (board.announcementSeq === seen.current) return;
    seen.current = board.announcementSeq;
    const call = board.lastAnnouncement;
    if (!call) return;
    queue.current = queue.current
      .then(() => {
        setSoundBlocked(voice.blocked());
        return voice.announce(call);
      })
      .catch(() => undefined);
  }, [board, voice]);

  // A browser that keeps audio suspended until a touch: say so at once, with a button to turn sound on.
  useEffect(() => {
    if (!chime && !speech) return;
    let alive = true;
    void Promise.resolve().then(() => alive && setSoundBlocked(voice.blocked()));
    return () => {
      alive = false;
    };
  }, [voice, chime, speech]);

  return (
    <DisplayBoard
      board={board}
      clinicName={settings.clinicName}
      connection={connection}
      soundBlocked={soundBlocked}
      onEnableSound={() => {
        void voice.unlock().then(() => setSoundBlocked(voice.blocked()));
      }}
    />
  );
}
