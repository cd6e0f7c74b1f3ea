/**
 * Files attached to a main courante entry travel inside it, so they are bounded
 * (shared/schemas/logbook.ts: 3 files of 200 kB): checked here before reading, so a file too
 * large is refused with its name rather than failing the write.
 */
import { MAX_LOGBOOK_ATTACHMENT_BYTES, MAX_LOGBOOK_ATTACHMENTS, type LogbookAttachment } from '../../../shared/schemas';

export type AttachmentProblem =
  | { kind: 'too_many'; max: number }
  | { kind: 'too_large'; name: string; maxKb: number }
  | { kind: 'unreadable'; name: string };

type FileLike = { name: string; size: number; type: string };

/** What is wrong with adding `files` to `current`, or null. */
export function attachmentProblem(
  current: readonly LogbookAttachment[],
  files: readonly FileLike[],
): AttachmentProblem | null {
  if (current.length + files.length > MAX_LOGBOOK_ATTACHMENTS)
    return { kind: 'too_many', max: MAX_LOGBOOK_ATTACHMENTS };
  const large = files.find((f) => f.size > MAX_LOGBOOK_ATTACHMENT_BYTES);
  if (large) return { kind: 'too_large', name: large.name, maxKb: MAX_LOGBOOK_ATTACHMENT_BYTES / 1000 };
  return null;
}

/** A MIME type the schema accepts; unknown or odd types become application/octet-stream. */
export function mimeOf(file: FileLike): string {
  return /^[a-z]+\/[a-z0-9.+-]+$/.test(file.type) ? file.type : 'application/octet-stream';
}

/** Reads a file into an attachment (base64 data URL). */
export function readAttachment(file: File): Promise<LogbookAttachment> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(file.name));
    reader.onload = () => {
      const result = String(reader.result ?? '');
      const base64 = result.slice(result.indexOf(',') + 1);
      const type = mimeOf(file);
      resolve({
        name: file.name.slice(0, 200) || 'fichier',
        type,
        size: file.size,
        dataUrl: `data:${type};base64,${base64}`,
      });
    };
    reader.readAsDataURL(file);
  });
}
