/**
 * The waiting-room call display at TV size (1920x1080, read from across the room): the number being called
 * per 診察室, very large; earlier calls; the numbers waiting. Japanese and English side by side because a
 * public screen has no language switch. Only numbers and room labels ever reach this component.
 */
import { DISPLAY_MESSAGES, type DisplayKey } from '../../i18n/display';
import type { CallBoard, CalledNumber } from '../../../../shared/calls/board';
import type { FeedConnection } from './useBoardFeed';

export const MAX_WAITING_SHOWN = 24;

const ja = (k: DisplayKey) => DISPLAY_MESSAGES.ja[k];
const en = (k: DisplayKey) => DISPLAY_MESSAGES.en[k];

function Heading({ k, id }: { k: DisplayKey; id: string }) {
  return (
    <h2 className="display-heading" id={id}>
      <span lang="ja">{ja(k)}</span>
      <span className="display-heading-en" lang="en">
        {en(k)}
      </span>
    </h2>
  );
}

function CallCard({ call, size }: { call: CalledNumber; size: 'xl' | 'l' | 'm' }) {
  return (
    // Remounts on every call/recall (key in the parent), which replays the flash animation.
    <div className={`display-call display-call-${size}`} data-testid="display-call">
      <div className="display-room">{call.roomLabel}</div>
      <div className="display-number">
        {call.ticketNumber}
        <span className="display-suffix">{ja('display.numberSuffix')}</span>
      </div>
    </div>
  );
}

export function DisplayBoard(props: {
  board: CallBoard | undefined;
  clinicName: string;
  connection: FeedConnection;
  soundBlocked: boolean;
  onEnableSound: () => void;
}) {
  const { board } = props;
  const calling = board?.nowCalling ?? [];
  const size = calling.length <= 1 ? 'xl' : calling.length === 2 ? 'l' : 'm';
  const waiting = board?.waiting ?? [];
  const earlier = board?.recentlyCalled ?? [];
  return (
    <div className="display-root">
      <header className="display-header">
        <h1 className="display-clinic">{props.clinicName}</h1>
        <p className="display-privacy">
          <span lang="ja">{ja('display.privacy')}</span>
          <span className="display-privacy-en" lang="en">
            {en('display.privacy')}
          </span>
        </p>
      </header>
      <main className="display-main">
        <section className="display-calling" aria-labelledby="display-calling-h" aria-live="polite">
          <Heading k="display.nowCalling" id="display-calling-h" />
          {calling.length === 0 ? (
            <p className="display-empty">
              {ja('display.noCalls')}
              <br />
              <span lang="en">{en('display.noCalls')}</span>
            </p>
          ) : (
            <div className={`display-calls display-calls-${Math.min(calling.length, 4)}`}>
              {calling.map((c) => (
                <CallCard key={`${c.roomId}:${c.ticketNumber}:${c.callCount}`} call={c} size={size} />
              ))}
            </div>
          )}
        </section>
        <aside className="display-side">
          <section className="display-waiting" aria-labelledby="display-waiting-h">
            <Heading k="display.waiting" id="display-waiting-h" />
            {waiting.length === 0 ? (
              <p className="display-empty-small">{ja('display.noWaiting')}</p>
            ) : (
              <ul className="display-waiting-list">
                {waiting.slice(0, MAX_WAITING_SHOWN).map((n) => (
                  <li key={n}>{n}</li>
                ))}
                {waiting.length > MAX_WAITING_SHOWN ? <li className="display-more">…</li> : null}
              </ul>
            )}
          </section>
          {earlier.length > 0 ? (
            <section className="display-earlier" aria-labelledby="display-earlier-h">
              <Heading k="display.calledEarlier" id="display-earlier-h" />
              <ul className="display-earlier-list">
                {earlier.map((c) => (
                  <li key={`${c.roomId}:${c.ticketNumber}`}>
                    <span className="display-earlier-number">{c.ticketNumber}</span>
                    <span className="display-earlier-room">{c.roomLabel}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </main>
      {props.connection !== 'open' ? (
        <div className="display-status" role="status">
          {ja('display.reconnecting')} / {en('display.reconnecting')}
        </div>
      ) : null}
      {props.soundBlocked ? (
        <button type="button" className="display-sound" onClick={props.onEnableSound}>
          {ja('display.enableSound')} / {en('display.enableSound')}
        </button>
      ) : null}
    </div>
  );
}
