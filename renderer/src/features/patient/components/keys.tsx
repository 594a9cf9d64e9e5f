import type { ReactNode } from 'react';
import { useT } from '../../../i18n';

/** A key of an on-screen keyboard: it never takes focus, so the field keeps its caret (and a hardware keyboard). */
export function Key({
  className = 'key key-fn',
  onPress,
  label,
  children,
}: {
  className?: string;
  onPress: () => void;
  /** The accessible name, where the face is a symbol (-, '). */
  label?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPress}
      aria-label={label}
    >
      {children}
    </button>
  );
}

/** Typing into a name field from keys: at most `maxLength` characters, one space between words. */
export function typing(value: string, onChange: (value: string) => void, maxLength: number) {
  const type = (c: string) => {
    if ([...value].length < maxLength) onChange(value + c);
  };
  return { type, space: () => (value && !value.endsWith(' ') ? type(' ') : undefined) };
}

/** 一文字けす and ぜんぶけす, the last keys of every keyboard. */
export function EditKeys({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useT();
  return (
    <>
      <Key onPress={() => onChange([...value].slice(0, -1).join(''))}>{t('common.delete')}</Key>
      <Key onPress={() => onChange('')}>{t('common.clear')}</Key>
    </>
  );
}
