/**
 * Files of a client's dossier (today the network diagram), stored whole in the local database
 * so they open offline. A new upload is the next version; versions are never rewritten.
 */
import type { RxCollection } from 'rxdb';
import { map, type Observable } from 'rxjs';
import {
  attachmentMediaTypeSchema,
  MAX_ATTACHMENT_BYTES,
  type Attachment,
  type AttachmentMediaType,
} from '../../../shared/schemas';
import { InvalidStateError } from '../errors';
import { newId, plainList$, putDocument, type Store } from '../store';
import { fromBase64, toBase64 } from '../vault/crypto';

export type AttachmentFile = { name: string; type: string; bytes: Uint8Array<ArrayBuffer> };

/** Why a file is refused before anything is written: the screen says it in the user's words. */
export class AttachmentRefusedError extends InvalidStateError {
  constructor(readonly reason: 'type' | 'size' | 'empty') {
    super(`attachment refused: ${reason}`);
    this.name = 'AttachmentRefusedError';
  }
}

/** The media type of a file from its declared type, or its extension when the shell gives none. */
export function mediaTypeOf(file: Pick<AttachmentFile, 'name' | 'type'>): AttachmentMediaType | null {
  const declared = attachmentMediaTypeSchema.safeParse(file.type);
  if (declared.success) return declared.data;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return extension === 'png' ? 'image/png' : extension === 'svg' ? 'image/svg+xml' : extension === 'pdf' ? 'application/pdf' : null;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of a base64 payload, hex: the screen checks a file before showing it. */
export function sha256OfBase64(data: string): Promise<string> {
  return sha256Hex(fromBase64(data));
}

export function createAttachmentsRepository(store: Store) {
  const rx = () => store.db.attachments as RxCollection<Attachment>;
  return {
    /** The client's network diagrams, latest version first. */
    diagrams$: (clientId: string): Observable<Attachment[]> =>
      plainList$(rx().find({ selector: { clientId, purpose: 'network_diagram' } })).pipe(
        map((list) => [...list].sort((a, b) => b.version - a.version)),
      ),
    async addDiagram(clientId: string, file: AttachmentFile, note?: string): Promise<Attachment> {
      const mediaType = mediaTypeOf(file);
      if (!mediaType) throw new AttachmentRefusedError('type');
      if (file.bytes.length === 0) throw new AttachmentRefusedError('empty');
      if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new AttachmentRefusedError('size');
      const existing = await rx().find({ selector: { clientId, purpose: 'network_diagram' } }).exec();
      const version = existing.reduce((max, doc) => Math.max(max, doc.version), 0) + 1;
      const at = store.now().toISOString();
      return putDocument(store, 'attachments', {
        id: newId('at'),
        updatedAt: at,
        clientId,
        purpose: 'network_diagram',
        version,
        fileName: file.name.slice(0, 200) || `schema-${version}`,
        mediaType,
        size: file.bytes.length,
        sha256: await sha256Hex(file.bytes),
        data: toBase64(file.bytes),
        ...(note?.trim() ? { note: note.trim() } : {}),
        createdBy: store.user.id,
        createdAt: at,
      });
    },
  };
}
