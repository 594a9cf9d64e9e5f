import type { MouseEvent } from 'react';
import { useT } from '../../../i18n';

const ROWS = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'] as const;

/** A name in the patient's own script: letters, spaces and - ' . (the API refuses anything else). */
export const OWN_NAME = /^[\p{L}\p{M}][\p{L}\p{M} '.\-\u30FB]*$/u;

/**
 * Latin letters for a name ("John Smith", "Nguyen Van A"): the familiar QWERTY rows, a space, - and '.
 * Other scripts (漢字, 한글, tiếng Việt with its marks) come from a hardware keyboard and its IME; the
 * field takes them as typed. Keys never take focus, so the field keeps its caret.
 */
export function LatinKeyboard({
  value,
  onChange,
  maxLength = 100,
}: {
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
}) {
  const { t } = useT();
  const keep = (e: MouseEvent) => e.preventDefault();
  const type = (c: string) => {
    if ([...value].length < maxLength) onChange(value + c);
  };
  // Capitals at the start of each word, as names are written; the rest small.
  const letter = (c: string) => (value === '' || /[ \-']$/.test(value) ? c : c.toLowerCase());
  return (
    <div className="latin" role="group" aria-label={t('latin.label')}>
      {ROWS.map((row) => (
        <div key={row} className="latin-row">
          {[...row].map((c) => (
            <button key={c} type="button" className="key latin-key" onMouseDown={keep} onClick={() => type(letter(c))}>
              {c}
            </button>
          ))}
        </div>
      ))}
      <div className="latin-row latin-fn">
        <button
          type="button"
          className="key key-fn latin-space"
          onMouseDown={keep}
          onClick={() => (value && !value.endsWith(' ') ? type(' ') : undefined)}
        >
          {t('kana.space')}
        </button>
        <button
          type="button"
          className="key key-fn"
          onMouseDown={keep}
          onClick={() => type('-')}
          aria-label={t('keypad.hyphen')}
        >
          -
        </button>
        <button
          type="button"
          className="key key-fn"
          onMouseDown={keep}
          onClick={() => type("'")}
          aria-label={t('latin.apostrophe')}
        >
          &apos;
        </button>
        <button
          type="button"
          className="key key-fn"
          onMouseDown={keep}
          onClick={() => onChange([...value].slice(0, -1).join(''))}
        >
          {t('common.delete')}
        </button>
        <button type="button" className="key key-fn" onMouseDown={keep} onClick={() => onChange('')}>
          {t('common.clear')}
        </button>
      </div>
    </div>
  );
}
