import { useEffect, useState } from 'react';
import type { Attachment } from '../../../shared/schemas';
import { sha256OfBase64 } from '../../data';

/** Whether an attachment's data still has its recorded SHA-256 (undefined while checking). */
export function useAttachmentIntact(attachment: Attachment | undefined): boolean | undefined {
  const [result, setResult] = useState<{ id: string; ok: boolean } | null>(null);
  useEffect(() => {
    if (!attachment) return;
    let cancelled = false;
    void sha256OfBase64(attachment.data).then(
      (hash) => !cancelled && setResult({ id: attachment.id, ok: hash === attachment.sha256 }),
      () => !cancelled && setResult({ id: attachment.id, ok: false }),
    );
    return () => {
      cancelled = true;
    };
  }, [attachment]);
  return attachment && result?.id === attachment.id ? result.ok : undefined;
}
