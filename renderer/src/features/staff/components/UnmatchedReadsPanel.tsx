import { useId } from 'react';
import type { UnmatchedRead } from '../../../../../shared/api/index';
import { BigButton } from '../../../components/BigButton';
import { formatDate } from '../../../components/formatDate';
import { useT, type Translator } from '../../../i18n';
import { useOpenReads } from '../store/staff';
import { clinicTime } from '../../../components/clinicTime';
import type { ReadActionKind } from './ReadActionDialog';

/** The terminal's own time when the file name has one ('YYYY-MM-DDTHH:mm:ss', clinic local), else when seen. */
export function readTime(locale: Translator['locale'], read: UnmatchedRead): string {
  const m = /T(\d{2}:\d{2})/.exec(read.terminalTime ?? '');
  return m ? m[1]! : clinicTime(locale, read.seenAt);
}

export function readReasonText(tr: Translator, read: UnmatchedRead): string {
  const why = tr.tDynamic(`staff.unmatched.reason.${read.reason}`, 'staff.unmatched.reason.unknown');
  const extra = [read.errorCode, read.detail].filter(Boolean).join(' ');
  return extra ? `${why}（${extra}）` : why;
}

function readResultText(tr: Translator, read: UnmatchedRead): string | null {
  const o = read.outcome;
  if (!o) return null;
  if (o.ok) return tr.tDynamic(`validity.${o.validity ?? 'unknown'}`, 'validity.unknown');
  return [tr.t('validity.error'), o.errorCode, o.errorMessage].filter(Boolean).join(' ');
}

/** 「照合できなかったカード読み取り」: open reads, oldest first, each with who it seems to be and why. */
export function UnmatchedReadsPanel({ onAct }: { onAct: (read: UnmatchedRead, kind: ReadActionKind) => void }) {
  const { t } = useT();
  const reads = useOpenReads();
  return (
    <div className="queue">
      <p className="quiet">{t('staff.unmatched.help')}</p>
      {reads.length === 0 ? (
        <p className="quiet">{t('staff.unmatched.empty')}</p>
      ) : (
        <ul className="queue-list">
          {reads.map((r) => (
            <ReadItem key={r.id} read={r} onAct={onAct} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ReadItem({
  read,
  onAct,
}: {
  read: UnmatchedRead;
  onAct: (read: UnmatchedRead, kind: ReadActionKind) => void;
}) {
  const tr = useT();
  const { t, locale } = tr;
  const titleId = useId();
  const identity = read.outcome?.identity;
  // A summary of junk in the terminal folder (one alert for a burst of files) says how many, not a name;
  // it holds no person, so there is no birth date to show and nothing to attach to a session.
  const flood = read.count !== undefined && read.count > 1;
  const name = flood
    ? t('staff.unmatched.flood', { count: read.count!.toLocaleString(locale) })
    : (identity?.nameKana ?? t('staff.unmatched.unknownName'));
  const time = readTime(locale, read);
  const result = readResultText(tr, read);
  const rows: [string, string][] = [
    ...(flood
      ? []
      : ([
          [
            t('staff.unmatched.birthDate'),
            identity?.birthDate ? formatDate(locale, identity.birthDate) : t('common.none'),
          ],
        ] as [string, string][])),
    [t('staff.unmatched.why'), readReasonText(tr, read)],
    ...(result ? ([[t('staff.unmatched.result'), result]] as [string, string][]) : []),
  ];
  return (
    <li className="queue-item" aria-labelledby={titleId}>
      <h3 id={titleId} className="queue-item-title">
        <span className="queue-time">{time}</span> <span>{name}</span>
      </h3>
      <dl className="detail-list">
        {rows.map(([k, v]) => (
          <div key={k} className="detail-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="detail-actions">
        {flood ? null : (
          <BigButton variant="primary" onClick={() => onAct(read, 'assign')}>
            {t('staff.unmatched.assign')}
          </BigButton>
        )}
        <BigButton variant="secondary" onClick={() => onAct(read, 'dismiss')}>
          {t('staff.unmatched.dismiss')}
        </BigButton>
      </div>
    </li>
  );
}
