import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, isCollectionName, validateDocument } from './index';

const now = '2026-11-27T09:00:00.000Z';

const intervention = {
  id: 'itv-1',
  updatedAt: now,
  ticketId: 'tk-1',
  clientId: 'cl-1',
  contractId: 'ct-1',
  technicianId: 'u-1',
  channel: 'hotline',
  segments: [{ start: '2026-11-27T09:00:00.000Z', end: '2026-11-27T09:20:00.000Z' }],
  trips: 0,
  halfDay: false,
  report: 'Redémarrage du serveur de fichiers.',
  createdAt: now,
};

describe('document schemas', () => {
  it('accepts a valid intervention', () => {
    expect(validateDocument('interventions', intervention).ok).toBe(true);
  });

  it('names the document and field of an impossible time', () => {
    const bad = { ...intervention, segments: [{ start: '2026-11-27T10:00:00Z', end: '2026-11-27T09:00:00Z' }] };
    expect(validateDocument('interventions', bad)).toEqual({
      ok: false,
      failure: { documentId: 'itv-1', field: 'segments.0.end', message: 'a segment cannot end before it starts' },
    });
  });

  it('refuses a running segment that is not the last', () => {
    const bad = { ...intervention, segments: [{ start: now }, { start: '2026-11-27T10:00:00Z' }] };
    const result = validateDocument('interventions', bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.field).toBe('segments.0.end');
  });

  it('refuses unknown fields, so no plaintext secret can slip into the vault', () => {
    const result = validateDocument('vault', {
      id: 'v-1',
      updatedAt: now,
      clientId: 'cl-1',
      label: 'Routeur',
      password: 'hunter2',
      cipher: {
        algorithm: 'AES-GCM-256/PBKDF2-SHA256',
        iterations: 600000,
        salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
        iv: 'AAAAAAAAAAAAAAAA',
        ciphertext: 'AAAA',
      },
      createdBy: 'u-1',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.message).toMatch(/password/);
  });

  it('takes an Argon2id entry only with every parameter needed to decrypt it', () => {
    const entry = {
      id: 'v-2',
      updatedAt: now,
      clientId: 'cl-1',
      label: 'Pare-feu',
      cipher: {
        algorithm: 'AES-GCM-256/ARGON2ID-1.3',
        memoryKiB: 65536,
        iterations: 3,
        parallelism: 1,
        salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
        iv: 'AAAAAAAAAAAAAAAA',
        ciphertext: 'AAAA',
      },
      createdBy: 'u-1',
    };
    expect(validateDocument('vault', entry).ok).toBe(true);
    const { memoryKiB: _dropped, ...withoutMemory } = entry.cipher;
    const result = validateDocument('vault', { ...entry, cipher: withoutMemory });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.field).toBe('cipher.memoryKiB');
    // Below OWASP's floor for Argon2id (19 MiB) is refused.
    expect(validateDocument('vault', { ...entry, cipher: { ...entry.cipher, memoryKiB: 4096 } }).ok).toBe(false);
  });

  it('names a document without an id', () => {
    const result = validateDocument('logbook', { text: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.documentId).toBe('(no id)');
  });

  it('knows its eleven collections', () => {
    expect(COLLECTION_NAMES).toHaveLength(11);
    expect(isCollectionName('tickets')).toBe(true);
    expect(isCollectionName('toString')).toBe(false);
  });
});
