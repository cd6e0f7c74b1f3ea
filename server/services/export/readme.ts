/**
 * LISEZMOI.md of a reversibility export: what the archive holds, each format, every field of
 * every collection (field-docs.ts, the columns of csv.ts) and how to decrypt the vault with
 * its passphrase. Written in French, for the client and whoever takes over its service.
 */
import { COLLECTION_NAMES, collections } from '../../../shared/schemas';
import { type ColumnKind, columnsOf } from './csv';
import { COLLECTION_TITLES, FIELD_DOCS } from './field-docs';

const KIND_LABELS: Record<ColumnKind, string> = {
  text: 'texte',
  instant: 'date et heure',
  day: 'jour',
  money: 'montant (€)',
  number: 'nombre',
  boolean: 'oui / non',
  json: 'liste ou objet (JSON)',
};

export type ReadmeFacts = {
  clientName: string;
  clientCode: string;
  exportedAt: string;
  /** Complete (made by the provider) or as the client's account sees its data. */
  complete: boolean;
};

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function readme(facts: ReadmeFacts): string {
  const lines: string[] = [
    `# Export de réversibilité — ${facts.clientName} (${facts.clientCode})`,
    '',
    `Exporté le ${facts.exportedAt} (UTC) par le serveur Cadran, au titre de l’article 23 des conditions`,
    'générales (réversibilité) : l’ensemble des données du client, dans des formats standard lisibles sans',
    'logiciel particulier.',
    '',
    facts.complete
      ? 'Export **complet**, fait par le prestataire : tous les documents du client, tels qu’ils sont conservés.'
      : 'Export fait depuis **le compte client** : les documents tels que ce compte les voit (sans les notes internes du prestataire ; chaque intervention avec son temps mesuré total plutôt que chacune de ses périodes ; le coffre-fort limité aux entrées auxquelles ce compte a accès).',
    '',
    '## Contenu',
    '',
    '- `json/<collection>.json` : les documents, un par ligne, dans l’objet',
    '  `{"format":"cadran-reversibilite","collection":…,"schemaVersion":…,"documents":[…]}`. C’est la forme',
    '  exacte des données, celle que `npm run server -- import-client --from <archive>` recharge dans un serveur',
    '  Cadran vide.',
    '- `csv/<collection>.csv` : les mêmes documents en tableau, pour un tableur : UTF-8 avec BOM, séparateur `;`,',
    '  virgule décimale, dates et heures à l’heure de Paris (`JJ/MM/AAAA HH:MM:SS`), `oui`/`non`, une colonne par',
    '  champ ; les listes et objets sont écrits en JSON dans leur cellule ; une cellule qui commencerait comme une',
    '  formule (`=`, `@`, `+` ou `-` suivi d’une lettre) est précédée d’une apostrophe.',
    '- `comptes-rendus/AAAA-MM.pdf` : les comptes-rendus des interventions terminées, un PDF par mois (au-delà de',
    '  500 comptes-rendus dans le mois, la suite dans `AAAA-MM-partie-2.pdf`…), une page (ou plus) par',
    '  intervention, dans l’ordre chronologique.',
    '- `fichiers/<collection>/…` : les fichiers contenus dans les documents (signatures, schémas…), dont les CSV',
    '  donnent le chemin à la place du contenu.',
    '- `manifest.json` : le nombre de documents de chaque collection et la liste des fichiers.',
    '',
    'Les identifiants (`id`, `clientId`, `ticketId`…) relient les fichiers entre eux : `interventions.ticketId`',
    'désigne un `tickets.id`, `technicianId` un `users.id`, etc.',
    '',
  ];
  for (const collection of COLLECTION_NAMES) {
    lines.push(
      `## ${collection} — ${COLLECTION_TITLES[collection]}`,
      '',
      `Fichiers \`json/${collection}.json\` et \`csv/${collection}.csv\` (version de schéma ${collections[collection].version}).`,
      '',
      '| champ | type | signification |',
      '| --- | --- | --- |',
    );
    const docs = FIELD_DOCS[collection] as Record<string, string>;
    for (const column of columnsOf(collection)) {
      lines.push(`| \`${column.name}\` | ${KIND_LABELS[column.kind]} | ${cell(docs[column.name] ?? '')} |`);
    }
    lines.push('');
  }
  lines.push(
    '## Coffre-fort : déchiffrer un secret',
    '',
    'Les mots de passe du coffre-fort ne sont jamais connus du serveur : chaque secret est chiffré sur l’appareil',
    'avec la phrase secrète du coffre-fort, qui ne figure pas dans cet export. Le champ `cipher` de chaque entrée',
    'de `vault` contient tout le reste :',
    '',
    '- `algorithm` : `AES-GCM-256/ARGON2ID-1.3` (le format que les appareils écrivent) : clé = Argon2id',
    '  version 1.3 de la phrase secrète (normalisée en Unicode NFC, encodée en UTF-8), sel = `salt` décodé du',
    '  base64, `memoryKiB` Kio de mémoire, `iterations` passes, `parallelism` voies, 32 octets (AES-256) ;',
    '  données authentifiées additionnelles AES-GCM : le texte `cadran-vault/v2/<clientId>/<id>` de l’entrée ;',
    '  le texte déchiffré est du JSON `{"secret": "…", "notes": "…"}` (notes facultatives) ;',
    '- `algorithm` : `AES-GCM-256/PBKDF2-SHA256` (le premier format, encore lu) : clé = PBKDF2 avec',
    '  HMAC-SHA-256 de la phrase secrète (UTF-8), sel = `salt`, `iterations` itérations, 32 octets ; pas de',
    '  données additionnelles ; le texte déchiffré est le secret lui-même ;',
    '- `iv` : le vecteur d’initialisation AES-GCM de 12 octets, en base64 ;',
    '- `ciphertext` : en base64, le texte chiffré suivi de l’étiquette d’authentification GCM de 16 octets (la',
    '  disposition de WebCrypto).',
    '',
    'Par exemple avec Node.js (18 ou plus) et le paquet `hash-wasm` (Argon2id ; `npm install hash-wasm` dans le',
    'dossier du script), `node dechiffrer.mjs "phrase secrète" < entree.json` où `entree.json` est une ligne de',
    '`json/vault.json` :',
    '',
    '```js',
    "import { createDecipheriv, pbkdf2Sync } from 'node:crypto';",
    "import { readFileSync } from 'node:fs';",
    "import { argon2id } from 'hash-wasm';",
    "const entry = JSON.parse(readFileSync(0, 'utf8').trim().replace(/,$/, ''));",
    'const c = entry.cipher;',
    "const argon = c.algorithm === 'AES-GCM-256/ARGON2ID-1.3';",
    'const key = argon',
    '  ? Buffer.from(await argon2id({',
    "      password: process.argv[2].normalize('NFC'), salt: Buffer.from(c.salt, 'base64'),",
    '      memorySize: c.memoryKiB, iterations: c.iterations, parallelism: c.parallelism,',
    "      hashLength: 32, outputType: 'binary',",
    '    }))',
    "  : pbkdf2Sync(process.argv[2], Buffer.from(c.salt, 'base64'), c.iterations, 32, 'sha256');",
    "const data = Buffer.from(c.ciphertext, 'base64');",
    "const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(c.iv, 'base64'));",
    'if (argon) decipher.setAAD(Buffer.from(`cadran-vault/v2/${entry.clientId}/${entry.id}`));',
    'decipher.setAuthTag(data.subarray(data.length - 16));',
    "const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');",
    'const { secret, notes } = argon ? JSON.parse(plain) : { secret: plain };',
    'console.log(notes ? `${secret}\\n${notes}` : secret);',
    '```',
    '',
  );
  return lines.join('\n');
}
