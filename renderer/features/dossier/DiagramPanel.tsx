import { useState } from 'react';
import type { Attachment, Client } from '../../../shared/schemas';
import { AttachmentRefusedError } from '../../data';
import { useData, useLive } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { FormStatus, type FormMessage } from '../../ui/FormStatus';
import { useAttachmentIntact } from './useAttachmentIntact';

export const dataUrlOf = (a: Attachment) => `data:${a.mediaType};base64,${a.data}`;

/**
 * The synoptic diagram (CP art. 5 "schéma synoptique du réseau LAN et WAN"), versioned and
 * stored on the device: PNG and SVG are shown in place (an SVG in an <img> runs no script), a
 * PDF is saved to open with the system's viewer. A file whose SHA-256 no longer matches is not shown.
 */
export function DiagramPanel({ client, readOnly = false }: { client: Client; readOnly?: boolean }) {
  const { t } = useTranslation('dossier');
  const fmt = useFormat();
  const data = useData();
  const versions = useLive((d) => d.attachments.diagrams$(client.id), [client.id]).data ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const [status, setStatus] = useState<FormMessage | null>(null);
  const shown = versions.find((v) => v.id === chosen) ?? versions[0];
  const intact = useAttachmentIntact(shown);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    try {
      const saved = await data.attachments.addDiagram(client.id, {
        name: file.name,
        type: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      setChosen(saved.id);
      setStatus({ kind: 'ok', text: t('network.uploaded', { version: saved.version }) });
    } catch (e) {
      const text = e instanceof AttachmentRefusedError ? t(`network.refused.${e.reason}`) : String(e);
      setStatus({ kind: 'error', text });
    }
  };
  return (
    <section className="card" aria-labelledby="diagram-title">
      <h2 id="diagram-title">{t('network.diagram')}</h2>
      {!readOnly && (
        <div className="field">
          <label htmlFor="diagram-file">{t('network.upload')}</label>
          <input
            id="diagram-file"
            type="file"
            accept=".png,.svg,.pdf,image/png,image/svg+xml,application/pdf"
            onChange={(e) => {
              void upload(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </div>
      )}
      <FormStatus message={status} as="p" />
      {!shown && <p className="muted">{t('network.noDiagram')}</p>}
      {shown && intact === false && <p className="form-error">{t('network.corrupt')}</p>}
      {shown && intact && shown.mediaType !== 'application/pdf' && (
        <figure className="diagram">
          <img src={dataUrlOf(shown)} alt={t('network.alt', { name: client.name, version: shown.version })} />
          <figcaption className="muted">
            {t('network.version', {
              version: shown.version,
              file: shown.fileName,
              date: fmt.dateTime(shown.createdAt),
            })}
          </figcaption>
        </figure>
      )}
      {shown && intact && shown.mediaType === 'application/pdf' && (
        <p>
          {t('network.pdfDiagram', { size: `${fmt.number(Math.round(shown.size / 1024))} Ko` })}{' '}
          <a className="btn btn-small" href={dataUrlOf(shown)} download={shown.fileName}>
            {t('network.openPdf')}
          </a>
        </p>
      )}
      {versions.length > 1 && (
        <>
          <h3>{t('network.versions')}</h3>
          <ul className="plain-list">
            {versions.map((v) => (
              <li key={v.id}>
                {v.id === shown?.id ? (
                  <strong>
                    {t('network.version', { version: v.version, file: v.fileName, date: fmt.dateTime(v.createdAt) })} —{' '}
                    {t('network.current')}
                  </strong>
                ) : (
                  <button
                    type="button"
                    className="btn-link"
                    aria-label={t('network.show', { version: v.version })}
                    onClick={() => setChosen(v.id)}
                  >
                    {t('network.version', { version: v.version, file: v.fileName, date: fmt.dateTime(v.createdAt) })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
