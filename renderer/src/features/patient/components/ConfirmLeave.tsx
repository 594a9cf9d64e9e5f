import { BigButton } from '../../../components/BigButton';
import { Dialog } from '../../../components/Dialog';
import { useT, type UiKey } from '../../../i18n';

/**
 * "Leaving a check-in midway asks first" (issue 10): before 戻る ends the check-in or throws away what
 * was typed, the patient confirms. Staying is the big, first, focused choice.
 */
export function ConfirmLeave({
  title,
  body,
  leaveLabel,
  onStay,
  onLeave,
}: {
  title: UiKey;
  body: UiKey;
  leaveLabel: UiKey;
  onStay: () => void;
  onLeave: () => void;
}) {
  const { t } = useT();
  return (
    <Dialog title={t(title)} role="alertdialog" onDismiss={onStay} opaque className="kiosk-dialog">
      <p className="lead">{t(body)}</p>
      <div className="dialog-actions dialog-actions-stack">
        <BigButton size="large" data-autofocus onClick={onStay}>
          {t('leave.stay')}
        </BigButton>
        <BigButton variant="secondary" size="large" onClick={onLeave}>
          {t(leaveLabel)}
        </BigButton>
      </div>
    </Dialog>
  );
}
