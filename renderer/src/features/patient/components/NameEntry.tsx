import { useId, useState } from 'react';
import { useT } from '../../../i18n';
import { KanaKeyboard } from './KanaKeyboard';
import { LatinKeyboard } from './LatinKeyboard';

type Field = 'name' | 'kana';

/**
 * The name for a self-declaration, for everyone (issue 10: "John Smith" could not finish alone): the name
 * as the patient writes it (Latin letters, 漢字, 한글 …) and, where they have one, the katakana reading.
 * One on-screen keyboard types into the chosen field: ABC for the name, カナ for the reading.
 */
export function NameEntry({
  name,
  kana,
  onName,
  onKana,
  error,
}: {
  name: string;
  kana: string;
  onName: (v: string) => void;
  onKana: (v: string) => void;
  error: string | null;
}) {
  const { t, locale } = useT();
  const id = useId();
  // A Japanese screen starts on カナ (most patients have a katakana reading); any other language on ABC.
  const [active, setActive] = useState<Field>(() => (locale === 'ja' && name === '' ? 'kana' : 'name'));
  const field = (f: Field) => (
    <div className={active === f ? 'name-field active' : 'name-field'}>
      <label htmlFor={`${id}-${f}`} className="field-label">
        {f === 'name' ? t('declare.ownName.label') : t('declare.kana.label')}
      </label>
      <input
        id={`${id}-${f}`}
        className="field-input"
        value={f === 'name' ? name : kana}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
        lang={f === 'kana' ? 'ja' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help ${id}-error`}
        onFocus={() => setActive(f)}
        onChange={(e) => (f === 'name' ? onName(e.target.value) : onKana(e.target.value))}
      />
    </div>
  );
  return (
    <div className="name-entry">
      <p id={`${id}-help`} className="field-help">
        {t('declare.name.help')}
      </p>
      <div className="name-fields">
        {field('name')}
        {field('kana')}
      </div>
      <p id={`${id}-error`} className="field-error" role="alert">
        {error ?? ''}
      </p>
      <div className="keyboard-switch" role="group" aria-label={t('declare.keyboard')}>
        <button type="button" className="toggle" aria-pressed={active === 'name'} onClick={() => setActive('name')}>
          {t('declare.keyboard.latin')}
        </button>
        <button type="button" className="toggle" aria-pressed={active === 'kana'} onClick={() => setActive('kana')}>
          {t('declare.keyboard.kana')}
        </button>
      </div>
      {active === 'name' ? (
        <LatinKeyboard value={name} onChange={onName} />
      ) : (
        <KanaKeyboard value={kana} onChange={onKana} />
      )}
    </div>
  );
}
