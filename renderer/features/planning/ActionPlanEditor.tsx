import { actionStatusSchema, type CoordinationAction } from '../../../shared/schemas';
import { useTranslation } from '../../i18n';

type Props = {
  actions: readonly CoordinationAction[];
  disabled: boolean;
  onChange(actions: CoordinationAction[]): void;
};

/** The coordination day's action plan: what, who, by when, where it stands. */
export function ActionPlanEditor({ actions, disabled, onChange }: Props) {
  const { t } = useTranslation('planning');
  const update = (index: number, patch: Partial<CoordinationAction>) =>
    onChange(actions.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  return (
    <fieldset className="action-plan" disabled={disabled}>
      <legend>{t('coordination.plan')}</legend>
      {actions.length === 0 && <p className="muted">{t('coordination.noActions')}</p>}
      {actions.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('sheet.action')}</th>
              <th scope="col">{t('sheet.owner')}</th>
              <th scope="col">{t('sheet.due')}</th>
              <th scope="col">{t('sheet.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('coordination.removeAction', { n: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action, index) => {
              const n = index + 1;
              return (
                <tr key={action.id}>
                  <td>
                    <input
                      aria-label={t('coordination.actionText', { n })}
                      value={action.text}
                      maxLength={500}
                      onChange={(e) => update(index, { text: e.target.value })}
                    />
                    {action.carriedFrom && <div className="field-hint">{t('coordination.carried')}</div>}
                  </td>
                  <td>
                    <input
                      aria-label={t('coordination.actionOwner', { n })}
                      value={action.owner}
                      maxLength={120}
                      onChange={(e) => update(index, { owner: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="date"
                      aria-label={t('coordination.actionDue', { n })}
                      value={action.dueDate ?? ''}
                      onChange={(e) => {
                        const { dueDate: _drop, ...rest } = action;
                        onChange(
                          actions.map((a, i) =>
                            i === index ? (e.target.value ? { ...rest, dueDate: e.target.value } : rest) : a,
                          ),
                        );
                      }}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={t('coordination.actionStatus', { n })}
                      value={action.status}
                      onChange={(e) => update(index, { status: actionStatusSchema.parse(e.target.value) })}
                    >
                      {actionStatusSchema.options.map((status) => (
                        <option key={status} value={status}>
                          {t(`coordination.actionStatuses.${status}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-icon"
                      aria-label={t('coordination.removeAction', { n })}
                      onClick={() => onChange(actions.filter((_, i) => i !== index))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="btn"
        disabled={actions.length >= 50}
        onClick={() =>
          onChange([...actions, { id: `act_${crypto.randomUUID()}`, text: '', owner: '', status: 'open' }])
        }
      >
        {t('coordination.addAction')}
      </button>
    </fieldset>
  );
}
