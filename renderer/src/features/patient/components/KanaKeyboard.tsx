import type { MouseEvent } from 'react';
import { useT } from '../../../i18n';
import { applyModifier, KANA_COLUMNS } from './kana';

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
  const keep = (e: MouseEvent) => e.preventDefault();
  const type = (c: string) => {
    if ([...value].length < maxLength) onChange(value + c);
  };
  const modify = (m: 'dakuten' | 'handakuten' | 'small') => onChange(applyModifier(value, m));
  return (
    <div className="kana" role="group" aria-label={t('kana.label')}>
      {/* The keys are Japanese whatever the screen's language: read and drawn as Japanese. */}
      <div className="kana-grid" lang="ja">
        {KANA_COLUMNS.map((column, ci) => (
          <div key={ci} className="kana-column">
            {column.map((c, ri) =>
              c ? (
                <button key={c} type="button" className="key kana-key" onMouseDown={keep} onClick={() => type(c)}>
                  {c}
                </button>
              ) : (
                <span key={`gap-${ri}`} className="kana-gap" aria-hidden="true" />
              ),
            )}
          </div>
        ))}
      </div>
      <div className="kana-fn">
        <button type="button" className="key key-fn" onMouseDown={keep} onClick={() => modify('dakuten')}>
          {t('kana.dakuten')}
        </button>
        <button type="button" className="key key-fn" onMouseDown={keep} onClick={() => modify('handakuten')}>
          {t('kana.handakuten')}
        </button>
        <button type="button" className="key key-fn" onMouseDown={keep} onClick={() => modify('small')}>
          {t('kana.small')}
        </button>
        <button type="button" className="key key-fn" onMouseDown={keep} onClick={() => type('ー')}>
          {t('kana.longVowel')}
        </button>
        <button
          type="button"
          className="key key-fn"
          onMouseDown={keep}
          onClick={() => (value && !value.endsWith(' ') ? type(' ') : undefined)}
        >
          {t('kana.space')}
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
