import { useId, useState } from 'react';
import { useT, type UiKey } from '../../../i18n';
import { NumericKeypad } from './NumericKeypad';
import {
  checkDateEntry,
  checkDraft,
  draftFromIso,
  ERAS,
  isYearComplete,
  plausibleBounds,
  yearDigits,
  type DateDraft,
  type DateEntryError,
  type DatePurpose,
  type Era,
} from '../../../../../shared/insurance/wareki';
import { formatDate } from '../../../components/formatDate';

type Part = 'year' | 'month' | 'day';
/** Until the core has said what day it is (a moment at start-up), any real day is accepted. */
const ANY_DAY = { min: '1868-01-01', max: '2099-12-31' };
const PARTS: readonly Part[] = ['year', 'month', 'day'];
const PART_KEY: Record<Part, UiKey> = { year: 'date.year', month: 'date.month', day: 'date.day' };
export const ERA_KEY: Record<Era, UiKey> = {
  western: 'date.era.western',
  taisho: 'date.era.taisho',
  showa: 'date.era.showa',
  heisei: 'date.era.heisei',
  reiwa: 'date.era.reiwa',
};
const ERROR_KEY: Record<Exclude<DateEntryError, 'incomplete' | 'era-range'>, UiKey> = {
  invalid: 'date.invalid',
  future: 'date.future',
  'too-old': 'date.tooOld',
  'too-far-ahead': 'date.tooFarAhead',
  'too-long-ago': 'date.tooLongAgo',
};

interface DateEntryProps {
  /** Names the whole group, e.g. 「生年月日」. */
  label: string;
  value: DateDraft;
  onChange: (value: DateDraft) => void;
  /** What the date is: sets the plausible range (birth date: not in the future; 有効期限: ≤ 5 years ahead). */
  purpose: DatePurpose;
  /** The clinic's date from the core. */
  today: string;
  /** Show "please fill in every part" only after the person tried to go on. */
  showError?: boolean;
  /** One-tap dates (e.g. the usual 7月31日 of a 資格確認書); picking one calls `onPick`. */
  suggestions?: readonly string[];
  onPick?: (iso: string) => void;
}

/**
 * The era as a button (令和・平成・昭和・大正・西暦, as printed), then year, month and day as numbers on one
 * keypad, the way people read a date off a card. A part moves on by itself once no further digit could
 * still make a plausible date (令和 "9" → 9年, 月 "3", 日 "12"), so "9 7 3 1" is 令和9年7月31日. The date is
 * read back in both calendars underneath, and an implausible one is named plainly.
 */
export function DateEntry({ label, value, onChange, purpose, today, showError, suggestions, onPick }: DateEntryProps) {
  const { t, locale } = useT();
  const [active, setActive] = useState<Part>(() => (value.year === '' ? 'year' : value.month === '' ? 'month' : 'day'));
  // A part reached by moving on (or by a tap) is typed over, not appended to: "7" then "8" in a filled
  // 月 gives 8月, not 78.
  const [fresh, setFresh] = useState(false);
  const baseId = useId();
  const bounds = today ? plausibleBounds(purpose, today) : ANY_DAY;
  const check = today ? checkDateEntry(value, purpose, today) : checkDraft(value);

  const maxLen = (p: Part) => (p === 'year' ? yearDigits(value.era) : 2);
  const complete = (p: Part, v: string) =>
    p === 'year'
      ? isYearComplete(value.era, v, bounds)
      : v.length >= 2 || (p === 'month' && Number(v) >= 2) || (p === 'day' && Number(v) >= 4);

  const setPart = (p: Part, v: string) => {
    const digits = v.normalize('NFKC').replace(/\D/g, '').slice(0, maxLen(p));
    onChange({ ...value, [p]: digits });
    if (digits && complete(p, digits)) {
      const next = PARTS[PARTS.indexOf(p) + 1];
      if (next) {
        setActive(next);
        setFresh(true);
      }
    }
  };

  const focusPart = (p: Part) => {
    setActive(p);
    setFresh(true);
    document.getElementById(`${baseId}-${p}`)?.focus();
  };

  let readback = '';
  let error = '';
  if (check.ok) {
    readback = formatDate(locale, check.iso, true);
  } else if (check.error === 'era-range') {
    error = t('date.eraRange', { era: t(ERA_KEY[value.era]), year: value.year });
  } else if (check.error !== 'incomplete') {
    error = t(ERROR_KEY[check.error]);
  } else if (showError) {
    error = t('date.incomplete');
  }

  return (
    <fieldset className="date-entry">
      <legend className="visually-hidden">{label}</legend>
      {suggestions && suggestions.length > 0 && onPick ? (
        <div className="date-suggestions" role="group" aria-label={t('date.suggestions')}>
          <p className="field-help">{t('date.suggestions')}</p>
          {suggestions.map((iso) => (
            <button
              key={iso}
              type="button"
              className="toggle date-suggestion"
              onClick={() => {
                onChange(draftFromIso(iso, 'reiwa'));
                onPick(iso);
              }}
            >
              {formatDate(locale, iso, true)}
            </button>
          ))}
        </div>
      ) : null}
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
                onFocus={() => {
                  if (active !== p) setFresh(true);
                  setActive(p);
                }}
                onChange={(e) => setPart(p, e.target.value)}
              />
              <span className="date-field-unit">{t(PART_KEY[p])}</span>
            </label>
          ))}
        </div>
        <NumericKeypad
          label={t('date.keypadFor', { field: t(PART_KEY[active]) })}
          onDigit={(d) => {
            setFresh(false);
            setPart(active, fresh ? d : value[active] + d);
          }}
          onDelete={() => {
            setFresh(false);
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

/** The day of a draft if it is complete and plausible (before the clinic's date is known: if it exists). */
export function plausibleIso(value: DateDraft, purpose: DatePurpose, today: string): string | undefined {
  const c = today ? checkDateEntry(value, purpose, today) : checkDraft(value);
  return c.ok ? c.iso : undefined;
}
