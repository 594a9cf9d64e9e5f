import { useT } from '../../../i18n';
import { applyModifier, KANA_COLUMNS } from './kana';
import { EditKeys, Key, typing } from './keys';

interface KanaKeyboardProps {
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
}

/**
 * The 50音表 as people know it from school: columns ア行…ワ行 read right to left, 段 top to bottom, then
 * ゛ ゜ 小 ー and editing keys. Keys never take focus, so a hardware keyboard keeps working on the field.
 */
export function KanaKeyboard({ value, onChange, maxLength = 100 }: KanaKeyboardProps) {
  const { t } = useT();
  const { type, space } = typing(value, onChange, maxLength);
  const modify = (m: 'dakuten' | 'handakuten' | 'small') => onChange(applyModifier(value, m));
  return (
    <div className="kana" role="group" aria-label={t('kana.label')}>
      {/* The keys are Japanese whatever the screen's language: read and drawn as Japanese. */}
      <div className="kana-grid" lang="ja">
        {KANA_COLUMNS.map((column, ci) => (
          <div key={ci} className="kana-column">
            {column.map((c, ri) =>
              c ? (
                <Key key={c} className="key kana-key" onPress={() => type(c)}>
                  {c}
                </Key>
              ) : (
                <span key={`gap-${ri}`} className="kana-gap" aria-hidden="true" />
              ),
            )}
          </div>
        ))}
      </div>
      <div className="kana-fn">
        <Key onPress={() => modify('dakuten')}>{t('kana.dakuten')}</Key>
        <Key onPress={() => modify('handakuten')}>{t('kana.handakuten')}</Key>
        <Key onPress={() => modify('small')}>{t('kana.small')}</Key>
        <Key onPress={() => type('ー')}>{t('kana.longVowel')}</Key>
        <Key onPress={space}>{t('kana.space')}</Key>
        <EditKeys value={value} onChange={onChange} />
      </div>
    </div>
  );
}
