import { useT } from '../../../i18n';
import { useTextSize, useUiActions } from '../../../stores/ui';

export function TextSizeToggle() {
  const { t } = useT();
  const size = useTextSize();
  const { textSizeToggled } = useUiActions();
  return (
    <button type="button" className="toggle text-size" aria-pressed={size === 'large'} onClick={textSizeToggled}>
      <span aria-hidden="true" className="text-size-glyph" lang="ja">
        あ<span className="text-size-glyph-big">あ</span>
      </span>
      {t('textSize.large')}
    </button>
  );
}
