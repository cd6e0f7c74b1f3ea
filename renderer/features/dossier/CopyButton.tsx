import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { getPlatform } from '../../platform';

/** Copies a number or a reference; says so briefly. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const { t } = useTranslation('dossier');
  const [done, setDone] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        aria-label={t('providers.copy', { what })}
        onClick={() =>
          void getPlatform()
            .copyToClipboard(text)
            .then((ok) => {
              setDone(ok);
              setTimeout(() => setDone(false), 2500);
            })
            .catch(() => setDone(false))
        }
      >
        {t('providers.copyShort')}
      </button>
      {done && (
        <span className="muted" role="status">
          {t('providers.copied', { what: text })}
        </span>
      )}
    </>
  );
}

/** A phone number as a click-to-call link (tel:) with its copy button. */
export function PhoneLink({ phone }: { phone: string }) {
  const { t } = useTranslation('dossier');
  return (
    <span className="phone-link">
      <a href={`tel:${phone.replace(/[^+0-9]/g, '')}`} aria-label={t('providers.call', { number: phone })}>
        {phone}
      </a>{' '}
      <CopyButton text={phone} what={phone} />
    </span>
  );
}
