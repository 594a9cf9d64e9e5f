import { useT } from '../../../i18n';
import { EditKeys, Key, typing } from './keys';

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
  const { type, space } = typing(value, onChange, maxLength);
  // Capitals at the start of each word, as names are written; the rest small.
  const letter = (c: string) => (value === '' || /[ \-']$/.test(value) ? c : c.toLowerCase());
  return (
    <div className="latin" role="group" aria-label={t('latin.label')}>
      {ROWS.map((row) => (
        <div key={row} className="latin-row">
          {[...row].map((c) => (
            <Key key={c} className="key latin-key" onPress={() => type(letter(c))}>
              {c}
            </Key>
          ))}
        </div>
      ))}
      <div className="latin-row latin-fn">
        <Key className="key key-fn latin-space" onPress={space}>
          {t('kana.space')}
        </Key>
        <Key onPress={() => type('-')} label={t('keypad.hyphen')}>
          -
        </Key>
        <Key onPress={() => type("'")} label={t('latin.apostrophe')}>
          &apos;
        </Key>
        <EditKeys value={value} onChange={onChange} />
      </div>
    </div>
  );
}
