import { useId, useState } from 'react';
import { useT, type UiKey } from '../../../i18n';
import { NumericKeypad } from './NumericKeypad';
import { checkDraft, eraOf, ERAS, yearDigits, type DateDraft, type Era } from '../../../components/dates';
import { formatDate } from '../../../components/formatDate';

type Part = 'year' | 'month' | 'day';
const PARTS: readonly Part[] = ['year', 'month', 'day'];
const PART_KEY: Record<Part, UiKey> = { year: 'date.year', month: 'date.month', day: 'date.day' };
const ERA_KEY: Record<Era, UiKey> = {
  western: 'date.era.western',
  taisho: 'date.era.taisho',
  showa: 'date.era.showa',
  heisei: 'date.era.heisei',
  reiwa: 'date.era.reiwa',
};

interface DateEntryProps {
  /** Names the whole group, e.g. 「生年月日」. */
  label: string;
  value: DateDraft;
  onChange: (value: DateDraft) => void;
  /** Show the problem only after the person tried to go on. */
  showError?: boolean;
}

/**
 * Year, month and day as three big fields with one keypad, and the era (令和・平成・昭和・大正・西暦) as
 * it is printed. The active field advances by itself once its value cannot grow (月 "3", 日 "12"), so an
 * older person types the date as they would say it. The date is read back in words underneath.
 */
export function DateEntry({ label, value, onChange, showError }: DateEntryProps) {
  const { t, locale } = useT();
  const [active, setActive] = useState<Part>('year');
  const baseId = useId();
  const check = checkDraft(value);

  const maxLen = (p: Part) => (p === 'year' ? yearDigits(value.era) : 2);
  const complete = (p: Part, v: string) =>
    v.length >= maxLen(p) || (p === 'month' && Number(v) >= 2) || (p === 'day' && Number(v) >= 4);

  const setPart = (p: Part, v: string) => {
    const digits = v.normalize('NFKC').replace(/\D/g, '').slice(0, maxLen(p));
    onChange({ ...value, [p]: digits });
    if (digits && complete(p, digits)) {
      const next = PARTS[PARTS.indexOf(p) + 1];
      if (next) setActive(next);
    }
  };

  const focusPart = (p: Part) => {
    setActive(p);
    document.getElementById(`${baseId}-${p}`)?.focus();
  };

  let readback = '';
  let error = '';
  if (check.ok) {
    readback = formatDate(locale, check.iso, value.era !== 'western' || eraOf(check.iso) !== null);
  } else if (check.error === 'era-range') {
    error = t('date.eraRange', { era: t(ERA_KEY[value.era]), year: value.year });
  } else if (check.error === 'invalid') {
    error = t('date.invalid');
  } else if (showError) {
    error = t('date.incomplete');
  }

  return (
    <fieldset className="date-entry">
      <legend className="visually-hidden">{label}</legend>
      <div className="date-era" role="group" aria-label={t('date.era')}>
        {ERAS.map((era) => (
          <button
            key={era}
            type="button"
            className="toggle"
            aria-pressed={value.era === era}
            onClick={() => {
              onChange({ ...value, era, year: '' });
              focusPart('year');
            }}
          >
            {t(ERA_KEY[era])}
          </button>
        ))}
      </div>
      <div className="date-body">
        <div className="date-fields">
          {PARTS.map((p) => (
            <label key={p} className={active === p ? 'date-field active' : 'date-field'}>
              {p === 'year' && value.era !== 'western' ? (
                <span className="date-field-era" aria-hidden="true">
                  {t(ERA_KEY[value.era])}
                </span>
              ) : null}
              <input
                id={`${baseId}-${p}`}
                className={`date-input date-input-${p}`}
                inputMode="none"
                autoComplete="off"
                value={value[p]}
                size={maxLen(p)}
                aria-invalid={error ? true : undefined}
                onFocus={() => setActive(p)}
                onChange={(e) => setPart(p, e.target.value)}
              />
              <span className="date-field-unit">{t(PART_KEY[p])}</span>
            </label>
          ))}
        </div>
        <NumericKeypad
          label={t('date.keypadFor', { field: t(PART_KEY[active]) })}
          onDigit={(d) => setPart(active, value[active] + d)}
          onDelete={() => {
            if (value[active]) onChange({ ...value, [active]: value[active].slice(0, -1) });
            else {
              const prev = PARTS[PARTS.indexOf(active) - 1];
              if (prev) setActive(prev);
            }
          }}
          onClear={() => onChange({ ...value, [active]: '' })}
        />
      </div>
      <p className={error ? 'field-error' : 'date-readback'} role={error ? 'alert' : 'status'}>
        {error || readback || '\u00a0'}
      </p>
    </fieldset>
  );
}
