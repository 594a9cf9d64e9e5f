import { useId } from 'react';
import { NATIONAL_TIMELINE } from '../../../../../shared/eligibility/index';
import { documentNameKey } from '../../../components/documents';
import { formatDate } from '../../../components/formatDate';
import { useT } from '../../../i18n';

/** Read-only: the national rule timeline the core decides with, each rule dated and sourced. */
export function RuleTimeline() {
  const { t, locale, staffLocale } = useT();
  const titleId = useId();
  const date = (d: string | null, open: 'admin.timeline.earlier' | 'admin.timeline.open') =>
    d ? formatDate(locale, d, false) : t(open);
  return (
    <section className="panel panel-wide" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('admin.timeline.title')}</h2>
      <p className="quiet">
        {t('admin.timeline.checked', { date: formatDate(locale, NATIONAL_TIMELINE.checkedOn, false) })}
      </p>
      <table className="timeline">
        <thead>
          <tr>
            <th scope="col">{t('admin.timeline.document')}</th>
            <th scope="col">{t('admin.timeline.from')}</th>
            <th scope="col">{t('admin.timeline.until')}</th>
            <th scope="col">{t('admin.timeline.rule')}</th>
            <th scope="col">{t('admin.timeline.source')}</th>
          </tr>
        </thead>
        <tbody>
          {NATIONAL_TIMELINE.entries.map((e) => (
            <tr key={e.id}>
              <td>{t(documentNameKey(e.document))}</td>
              <td className="timeline-date">{date(e.from, 'admin.timeline.earlier')}</td>
              <td className="timeline-date">{date(e.until, 'admin.timeline.open')}</td>
              <td>{e.summary[staffLocale]}</td>
              <td className="timeline-source">{e.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
