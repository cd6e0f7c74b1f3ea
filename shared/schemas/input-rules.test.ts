import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COLLECTION_NAMES,
  inputIssue,
  MAX_ATTACHMENT_BYTES,
  MAX_DOCUMENT_TEXT_BYTES,
  MAX_NESTING_DEPTH,
  utf8Bytes,
  validateDocument,
} from './index';

const now = '2026-11-27T09:00:00.000Z';

const ticket = {
  id: 'tk-1',
  updatedAt: now,
  reference: 'T-2611-AAAA',
  clientId: 'cl-1',
  contractId: 'ct-1',
  channel: 'hotline',
  nature: 'curative',
  priority: 'normal',
  status: 'new',
  receivedAt: now,
  title: 'Imprimante hors ligne',
  description: 'Le copieur n’apparaît plus.',
  createdBy: 'u-1',
  createdAt: now,
  fieldUpdatedAt: {},
  history: [{ at: now, by: 'u-1', kind: 'create', note: 'appel' }],
};

/** A value nested `depth` arrays deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 'fond';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('the rules every input obeys', () => {
  it('accepts the ticket these tests start from', () => {
    expect(validateDocument('tickets', ticket).ok).toBe(true);
  });

  it.each([
    ['title', { ...ticket, title: 'Imprimante\u0000' }, 'title', /NUL/],
    ['a history note', { ...ticket, history: [{ ...ticket.history[0], note: 'a\u0000b' }] }, 'history.0.note', /NUL/],
    ['a lone high surrogate', { ...ticket, description: 'x\uD83D' }, 'description', /lone UTF-16 surrogate/],
    ['a lone low surrogate', { ...ticket, title: '\uDE00 titre' }, 'title', /lone UTF-16 surrogate/],
    ['a member name', { ...ticket, ['x\u0000']: 1 }, '(invalid name)', /member name contains a NUL/],
  ])('refuses %s, naming the field', (_label, document, field, message) => {
    const result = validateDocument('tickets', document);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.field).toBe(field);
      expect(result.failure.message).toMatch(message);
      expect(result.failure.documentId).toBe('tk-1');
    }
  });

  it('keeps a well-formed emoji (a surrogate pair) and French text', () => {
    expect(validateDocument('tickets', { ...ticket, title: 'Écran cassé 🖥️ — à voir' }).ok).toBe(true);
  });

  it('refuses a NUL in any string of every collection before its own schema runs', () => {
    for (const collection of COLLECTION_NAMES) {
      const result = validateDocument(collection, { id: 'doc-1', anything: { deep: ['ok', 'b\u0000d'] } });
      expect(result).toEqual({
        ok: false,
        failure: {
          documentId: 'doc-1',
          field: 'anything.deep.1',
          message: 'the text contains a NUL character (U+0000)',
        },
      });
    }
  });

  it('never echoes an id that breaks the rules', () => {
    const result = validateDocument('tickets', { ...ticket, id: 'tk\u0000' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure).toMatchObject({ documentId: '(invalid id)', field: 'id' });
  });

  it(`bounds nesting at ${MAX_NESTING_DEPTH} levels, without overflowing the stack on 100,000`, () => {
    expect(inputIssue(nested(MAX_NESTING_DEPTH))).toBeNull();
    expect(inputIssue(nested(MAX_NESTING_DEPTH + 1))?.message).toBe(
      `nested more than ${MAX_NESTING_DEPTH} levels deep`,
    );
    const deep = validateDocument('tickets', { ...ticket, extra: nested(100_000) });
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(deep.failure.message).toMatch(/nested more than 16 levels/);
  });

  it('bounds the text of one document', () => {
    const history = Array.from({ length: 120 }, () => ({ at: now, by: 'u-1', kind: 'edit', from: 'x'.repeat(9_000) }));
    const result = validateDocument('tickets', { ...ticket, history });
    expect(result).toEqual({
      ok: false,
      failure: {
        documentId: 'tk-1',
        field: '(document)',
        message: `the document's text is larger than ${MAX_DOCUMENT_TEXT_BYTES} bytes`,
      },
    });
  });

  it('lets an attachment hold its largest file, and only that collection', () => {
    const data = 'A'.repeat((MAX_ATTACHMENT_BYTES / 3) * 4);
    const attachment = {
      id: 'at-1',
      updatedAt: now,
      clientId: 'cl-1',
      purpose: 'network_diagram',
      version: 1,
      fileName: 'synoptique.png',
      mediaType: 'image/png',
      size: MAX_ATTACHMENT_BYTES,
      sha256: '0'.repeat(64),
      data,
      createdBy: 'u-1',
      createdAt: now,
    };
    expect(validateDocument('attachments', attachment, { now: Date.parse(now) }).ok).toBe(true);
    const tooLarge = validateDocument('attachments', {
      ...attachment,
      data: `${data}AAAA`,
      size: MAX_ATTACHMENT_BYTES + 3,
    });
    expect(tooLarge.ok).toBe(false);
    const inATicket = validateDocument('tickets', { ...ticket, description: data });
    expect(inATicket.ok).toBe(false);
  });

  it('counts UTF-8 bytes as URI encoding does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(utf8Bytes(text)).toBe(encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, 'x').length);
      }),
    );
  });

  it('finds a lone surrogate wherever it sits in random text, and nothing in well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (before, after) => {
        expect(inputIssue({ t: before + after })).toBeNull();
        expect(inputIssue({ t: `${before}\uD800${after.replace(/^[\uDC00-\uDFFF]/, '')}` })?.path).toEqual(['t']);
      }),
    );
  });
});
