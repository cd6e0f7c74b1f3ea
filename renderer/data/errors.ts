import type { ValidationFailure } from '../../shared/schemas';

/** A write refused before it reached the database: the message names the document and field. */
export class InvalidDocumentError extends Error {
  constructor(
    readonly collection: string,
    readonly failure: ValidationFailure,
  ) {
    super(`${collection} ${failure.documentId}: ${failure.field}: ${failure.message}`);
    this.name = 'InvalidDocumentError';
  }
}

/** A command the current user may not run (the server would refuse it too). */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** A command that makes no sense in the document's current state (e.g. pausing a stopped timer). */
export class InvalidStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidStateError';
  }
}
