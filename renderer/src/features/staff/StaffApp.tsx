import { useId, useState } from 'react';
import type { UnmatchedRead } from '../../../../shared/api/index';
import { useStatusSync } from '../../stores/useStatusSync';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { StorageBanner } from '../../components/StorageBanner';
import { documentNameKey } from '../../components/documents';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n';
import {
  needsAttention,
  useAttentionCount,
  useSelectedId,
  useStaffActions,
  useOpenReadCount,
  useReverifyAttentionCount,
  useStaffFilter,
  useStaffLoaded,
  useStaffSession,
  useStaffSessionIds,
  useStaffTab,
  type StaffTab,
} from './store/staff';
import { clinicTime } from '../../components/clinicTime';
import { OnlineBadge } from '../../components/OnlineBadge';
import { DevicesStatus } from '../../components/DevicesStatus';
import { CallPanel } from './components/CallPanel';
import { ReadActionDialog, type ReadActionKind } from './components/ReadActionDialog';
import { ReverificationPanel } from './components/ReverificationPanel';
import { SessionDetail, staffReasonText, verificationText } from './components/SessionDetail';
import { StaffActionDialog, type StaffActionKind } from './components/StaffActionDialog';
import { UnmatchedReadsPanel } from './components/UnmatchedReadsPanel';
import { useStaffSync } from './hooks/useStaffSync';
import { LinkAlertBanner, LinkBadge } from './receipt-link/LinkBadge';
import './receipt-link/receipt-link.css';
import { LinkPanel } from './receipt-link/LinkPanel';
import { useLinkAlert } from './receipt-link/store';
import { useReceiptLinkSync } from './receipt-link/useReceiptLinkSync';
import { personName } from '../../components/personName';
import '../../components/console.css';
import './staff.css';

/** The receptionist's console: today's check-ins live, the ones needing a person first, and the acts. */
export function StaffApp() {
  useStatusSync();
  const loadError = useStaffSync();
  useReceiptLinkSync();
  const linkAlert = useLinkAlert();
  const { t } = useT();
  const selectedId = useSelectedId();
  const selected = useStaffSession(selectedId);
  const [acting, setActing] = useState<StaffActionKind | null>(null);
  const [readAct, setReadAct] = useState<{ read: UnmatchedRead; kind: ReadActionKind } | null>(null);
  const [lastStaff, setLastStaff] = useState('');
  const detailTitle = useId();
  const tab = useStaffTab();
  const tabIds = useId();

  return (
    <div className="console">
      <header className="console-header">
        <h1 className="console-title">{t('staff.title')}</h1>
        <OnlineBadge />
        <DevicesStatus />
        <LanguageSwitch />
      </header>
      <ConnectionBanner />
      <StorageBanner />
      {linkAlert?.stuck ? (
        <LinkAlertBanner
          count={linkAlert.pending}
          reason={linkAlert.reason ? t(`link.reason.${linkAlert.reason}`) : (linkAlert.detail ?? '')}
        />
      ) : null}
      {loadError ? (
        <p className="field-error" role="alert">
          {t('staff.loadFailed', { message: loadError })}
        </p>
      ) : null}
      <div className="console-body">
        <div className="console-list">
          <Tabs idPrefix={tabIds} />
          <section
            role="tabpanel"
            id={`${tabIds}-panel`}
            aria-labelledby={`${tabIds}-${tab}`}
            aria-label={tab === 'sessions' ? t('staff.list.label') : undefined}
          >
            {tab === 'sessions' ? (
              <>
                <FilterBar />
                <SessionTable />
              </>
            ) : tab === 'unmatched' ? (
              <UnmatchedReadsPanel onAct={(read, kind) => setReadAct({ read, kind })} />
            ) : (
              <ReverificationPanel />
            )}
          </section>
        </div>
        <section className="console-detail" aria-labelledby={detailTitle}>
          <h2 id={detailTitle}>{t('staff.detail.title')}</h2>
          {selected ? (
            <>
              <SessionDetail session={selected} onAct={setActing} />
              {selected.state === 'completed' ? (
                <CallPanel session={selected} staff={lastStaff} onStaff={setLastStaff} />
              ) : null}
              <LinkPanel checkinId={selected.id} lastStaff={lastStaff} onStaff={setLastStaff} />
            </>
          ) : (
            <p className="quiet">{t('staff.detail.none')}</p>
          )}
        </section>
      </div>
      {acting && selected ? (
        <StaffActionDialog
          sessionId={selected.id}
          kind={acting}
          lastStaff={lastStaff}
          onStaff={setLastStaff}
          onClose={() => setActing(null)}
        />
      ) : null}
      {readAct ? (
        <ReadActionDialog
          read={readAct.read}
          kind={readAct.kind}
          lastStaff={lastStaff}
          onStaff={setLastStaff}
          onClose={() => setReadAct(null)}
        />
      ) : null}
    </div>
  );
}

const TABS: readonly StaffTab[] = ['sessions', 'unmatched', 'reverify'];
const TAB_LABEL = {
  sessions: 'staff.tab.sessions',
  unmatched: 'staff.tab.unmatched',
  reverify: 'staff.tab.reverify',
} as const;

/** The session list and the two queues beside it; a count shows what is waiting without switching. */
function Tabs({ idPrefix }: { idPrefix: string }) {
  const { t } = useT();
  const tab = useStaffTab();
  const reads = useOpenReadCount();
  const reverify = useReverifyAttentionCount();
  const { tabChosen } = useStaffActions();
  const counts: Record<StaffTab, number | null> = { sessions: null, unmatched: reads, reverify };
  return (
    <div className="staff-tabs" role="tablist" aria-label={t('staff.tabs.label')}>
      {TABS.map((k) => (
        <button
          key={k}
          id={`${idPrefix}-${k}`}
          type="button"
          role="tab"
          className="staff-tab"
          aria-selected={tab === k}
          aria-controls={`${idPrefix}-panel`}
          onClick={() => tabChosen(k)}
        >
          {t(TAB_LABEL[k])}
          {counts[k] ? <span className="count"> {counts[k]}</span> : null}
        </button>
      ))}
    </div>
  );
}

function FilterBar() {
  const { t } = useT();
  const filter = useStaffFilter();
  const attention = useAttentionCount();
  const { filterChanged } = useStaffActions();
  return (
    <div className="filter-bar" role="group" aria-label={t('staff.filter.label')}>
      <button type="button" className="toggle" aria-pressed={filter === 'all'} onClick={() => filterChanged('all')}>
        {t('staff.filter.all')}
      </button>
      <button
        type="button"
        className="toggle"
        aria-pressed={filter === 'attention'}
        onClick={() => filterChanged('attention')}
      >
        {t('staff.filter.attention')} <span className="count">{attention}</span>
      </button>
    </div>
  );
}

function SessionTable() {
  const { t } = useT();
  const ids = useStaffSessionIds();
  const loaded = useStaffLoaded();
  if (loaded && ids.length === 0) return <p className="quiet">{t('staff.empty')}</p>;
  return (
    <table className="session-table">
      <thead>
        <tr>
          <th scope="col">{t('staff.col.ticket')}</th>
          <th scope="col">{t('staff.col.time')}</th>
          <th scope="col">{t('staff.col.document')}</th>
          <th scope="col">{t('staff.col.state')}</th>
          <th scope="col">{t('staff.col.name')}</th>
          <th scope="col">{t('staff.col.verification')}</th>
          <th scope="col">{t('staff.col.reasons')}</th>
          <th scope="col">{t('link.col')}</th>
        </tr>
      </thead>
      <tbody>
        {ids.map((id) => (
          <SessionRow key={id} id={id} />
        ))}
      </tbody>
    </table>
  );
}

function SessionRow({ id }: { id: string }) {
  const tr = useT();
  const { t, locale } = tr;
  const s = useStaffSession(id);
  const selectedId = useSelectedId();
  const { selected } = useStaffActions();
  if (!s) return null;
  const ticket = s.ticketNumber !== undefined ? String(s.ticketNumber) : t('staff.noTicket');
  const time = clinicTime(locale, s.startedAt);
  const name = personName(s.identity);
  const attention = needsAttention(s);
  return (
    <tr className={[attention ? 'row-attention' : '', selectedId === id ? 'row-selected' : ''].join(' ')}>
      <td>
        <button
          type="button"
          className="row-select"
          aria-pressed={selectedId === id}
          aria-label={t('staff.select', { ticket, time, name })}
          onClick={() => selected(id)}
        >
          {ticket}
        </button>
      </td>
      <td>{time}</td>
      <td className="wrap">{s.document ? t(documentNameKey(s.document)) : t('common.none')}</td>
      <td>
        <span className={`state-pill state-${s.state}`}>{t(`state.${s.state}`)}</span>
      </td>
      <td>{name}</td>
      <td>{verificationText(tr, s)}</td>
      <td className="wrap">{s.staffReasons.map((c) => staffReasonText(tr, c)).join(t('common.listSeparator'))}</td>
      <td>
        <LinkBadge checkinId={id} />
      </td>
    </tr>
  );
}
