/**
 * Files kept inside documents become files of their own in the export, found by walking every
 * document, so a collection added later is picked up without touching the export:
 * - data URLs anywhere (a client's signature on a compte-rendu): `fichiers/<collection>/<document>-<field>.<ext>`;
 * - a document that is a file itself, with a known `mediaType` and its base64 `data` (the
 *   dossier's attachments: network diagrams): `fichiers/<collection>/<document>-<fileName>`.
 */
const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=]+)$/;

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/svg+xml': 'svg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/** `value` is the document's string the file comes from (the CSV cell shows `path` instead). */
export type EmbeddedFile = { path: string; value: string; bytes(): Buffer };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const safe = (part: string) => part.replace(/[^A-Za-z0-9_.-]+/g, '_');

/** The data-URL files of a document, each with the path it gets in the archive. */
export function embeddedFiles(collection: string, doc: Record<string, unknown>): EmbeddedFile[] {
  const files: EmbeddedFile[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (typeof value === 'string') {
      if (value.length < 32 || !value.startsWith('data:')) return;
      const match = DATA_URL.exec(value);
      if (!match) return;
      const [, mime = '', base64 = ''] = match;
      const extension = EXTENSIONS[mime] ?? 'bin';
      files.push({
        path: `fichiers/${safe(collection)}/${safe(String(doc.id))}-${safe(path.join('.'))}.${extension}`,
        value,
        bytes: () => Buffer.from(base64, 'base64'),
      });
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, String(i)]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(doc, []);
  const { mediaType, data, fileName } = doc;
  if (typeof mediaType === 'string' && typeof data === 'string' && EXTENSIONS[mediaType] && BASE64.test(data)) {
    const name = typeof fileName === 'string' && fileName !== '' ? fileName : `fichier.${EXTENSIONS[mediaType]}`;
    files.push({
      path: `fichiers/${safe(collection)}/${safe(String(doc.id))}-${safe(name)}`,
      value: data,
      bytes: () => Buffer.from(data, 'base64'),
    });
  }
  return files;
}
