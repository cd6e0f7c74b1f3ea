/**
 * Counts what this page reads from IndexedDB: the documents delivered by `get` and `getAll`, on
 * object stores and indexes (so a suite can see when a sync step rereads what it has just
 * written), and the `get` requests made on object stores (so the known-keys suite can see which
 * reads reached IndexedDB). Counting only: every request still goes to IndexedDB unchanged.
 */
let documentsRead = 0;
let storeGets = 0;

function counted(prototype: IDBObjectStore | IDBIndex, method: 'get' | 'getAll'): void {
  const original = prototype[method] as (this: unknown, ...args: unknown[]) => IDBRequest;
  Object.defineProperty(prototype, method, {
    configurable: true,
    writable: true,
    value: function countedRead(this: unknown, ...args: unknown[]): IDBRequest {
      if (prototype === IDBObjectStore.prototype && method === 'get') storeGets += 1;
      const request = original.apply(this, args);
      request.addEventListener('success', () => {
        const result: unknown = request.result;
        if (Array.isArray(result)) documentsRead += result.length;
        else if (result !== undefined) documentsRead += 1;
      });
      return request;
    },
  });
}

for (const prototype of [IDBObjectStore.prototype, IDBIndex.prototype]) {
  counted(prototype, 'get');
  counted(prototype, 'getAll');
}

export function idbDocumentsRead(): number {
  return documentsRead;
}

export function idbStoreGets(): number {
  return storeGets;
}
