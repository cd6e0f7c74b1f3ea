import { useId, useState } from 'react';
import { channelSchema, MAX_TRIPS, type Intervention } from '../../../shared/schemas';
import { useData } from '../../data/react';
import { useTranslation } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { ChannelOptions } from '../tickets/ChannelOptions';
import { checkDraft, draftOf, type CorrectionDraft, type DraftErrors } from './correction-form';

type Props = { intervention: Intervention; onClose(): void; onSaved(message: string): void };

/**
 * Corrects validated work: the facts as they were, editable, and a required reason. Saving
 * records a new intervention replacing this one (the repository's `correct`); nothing is lost
 * when a field is wrong — the error sits next to it.
 */
export function CorrectionDialog({ intervention, onClose, onSaved }: Props) {
  const { t } = useTranslation('validation');
  const data = useData();
  const [draft, setDraft] = useState<CorrectionDraft>(() => draftOf(intervention));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const channelId = useId();
  const set = (patch: Partial<CorrectionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setSegment = (i: number, key: 'start' | 'end', value: string) =>
    setDraft((d) => ({ ...d, segments: d.segments.map((s, k) => (k === i ? { ...s, [key]: value } : s)) }));
  const error = (path: string) => {
    const e = errors[path];
    return e ? (
      <span className="field-error" id={`err-${path}`}>
        {t(`correction.errors.${e.key}`, e.params ?? {})}
      </span>
    ) : null;
  };
  const described = (path: string) => (errors[path] ? { 'aria-invalid': true, 'aria-describedby': `err-${path}` } : {});

  const save = async () => {
    const checked = checkDraft(draft, Date.now());
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await data.interventions.correct(intervention.id, checked.changes, checked.reason);
      onSaved(t('correction.saved'));
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      wide
      title={t('correction.title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="button" className="btn btn-primary" disabled={saving} onClick={() => void save()}>
            {t('correction.save')}
          </button>
        </>
      }
    >
      <p className="muted">{t('correction.intro')}</p>
      <fieldset className="segments-fieldset">
        <legend>{t('correction.segments')}</legend>
        {error('segments')}
        {draft.segments.map((segment, i) => (
          <div key={i} className="segment-row">
            <label className="field">
              {t('correction.start', { n: i + 1 })}
              <input
                type="datetime-local"
                value={segment.start}
                onChange={(e) => setSegment(i, 'start', e.target.value)}
                {...described(`segments.${i}.start`)}
              />
              {error(`segments.${i}.start`)}
            </label>
            <label className="field">
              {t('correction.end', { n: i + 1 })}
              <input
                type="datetime-local"
                value={segment.end}
                onChange={(e) => setSegment(i, 'end', e.target.value)}
                {...described(`segments.${i}.end`)}
              />
              {error(`segments.${i}.end`)}
            </label>
            <button
              type="button"
              className="btn btn-icon"
              aria-label={t('correction.removeSegment', { n: i + 1 })}
              onClick={() => set({ segments: draft.segments.filter((_, k) => k !== i) })}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => {
            const last = draft.segments.at(-1);
            set({ segments: [...draft.segments, { start: last?.end ?? '', end: last?.end ?? '' }] });
          }}
        >
          {t('correction.addSegment')}
        </button>
      </fieldset>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={channelId}>{t('correction.channel')}</label>
          <select
            id={channelId}
            value={draft.channel}
            onChange={(e) => set({ channel: channelSchema.parse(e.target.value) })}
          >
            <ChannelOptions />
          </select>
        </div>
        <label className="field">
          {t('correction.trips')}
          <input
            type="number"
            min={0}
            max={MAX_TRIPS}
            value={draft.trips}
            onChange={(e) => set({ trips: e.target.value })}
            {...described('trips')}
          />
          {error('trips')}
        </label>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={draft.halfDay} onChange={(e) => set({ halfDay: e.target.checked })} />
        {t('correction.halfDay')}
      </label>
      <label className="field">
        {t('correction.report')}
        <textarea value={draft.report} onChange={(e) => set({ report: e.target.value })} />
      </label>
      <label className="field">
        {t('correction.reason')}
        <span className="field-hint">{t('correction.reasonHint')}</span>
        <textarea
          value={draft.reason}
          onChange={(e) => set({ reason: e.target.value })}
          required
          {...described('reason')}
        />
        {error('reason')}
      </label>
      {failure && (
        <p className="form-error" role="alert">
          {t('failed', { message: failure })}
        </p>
      )}
    </Dialog>
  );
}
