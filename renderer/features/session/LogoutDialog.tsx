import { useTranslation } from '../../i18n';
import { Dialog } from '../../ui/Dialog';

type Props = { open: boolean; userName: string; pending: number; onCancel(): void; onLogout(wipe: boolean): void };

/** Logging out offers to erase this user's local data, and warns when changes still wait. */
export function LogoutDialog({ open, userName, pending, onCancel, onLogout }: Props) {
  const { t } = useTranslation('session');
  return (
    <Dialog
      open={open}
      title={t('logout.title')}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            {t('logout.cancel')}
          </button>
          <button type="button" className="btn btn-danger" onClick={() => onLogout(true)}>
            {t('logout.wipe')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => onLogout(false)}>
            {t('logout.keep')}
          </button>
        </>
      }
    >
      <p>{t('logout.question', { name: userName })}</p>
      {pending > 0 && (
        <p role="alert" className="form-error">
          {t('logout.pendingWarning', { count: pending })}
        </p>
      )}
    </Dialog>
  );
}
