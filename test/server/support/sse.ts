/**
 * Reads the server's event stream over a real socket with fetch, as the app does: collects
 * `data:` payloads (parsed JSON) and counts `: heartbeat` comments.
 */
import type { StreamChange } from '../../../shared/sync';

export type StreamMessage = 'RESYNC' | StreamChange;

export type OpenStream = {
  status: number;
  headers: Headers;
  messages: StreamMessage[];
  heartbeats(): number;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Waits until `predicate` holds over the messages received so far. */
  waitFor(predicate: (messages: StreamMessage[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
};

export async function openStream(
  baseUrl: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/sync/stream`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const messages: StreamMessage[] = [];
  let heartbeats = 0;
  let buffer = '';
  const waiters = new Set<() => void>();
  const ended = (async () => {
    if (!response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let split = buffer.indexOf('\n\n');
        while (split >= 0) {
          const event = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          for (const line of event.split('\n')) {
            if (line.startsWith('data: ')) messages.push(JSON.parse(line.slice(6)) as StreamMessage);
            else if (line === ': heartbeat') heartbeats++;
          }
          split = buffer.indexOf('\n\n');
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // Aborted by close().
    }
  })();

  return {
    status: response.status,
    headers: response.headers,
    messages,
    heartbeats: () => heartbeats,
    ended,
    waitFor(predicate, timeoutMs = 5000) {
      if (predicate(messages)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`stream: condition not met in ${timeoutMs} ms; got ${JSON.stringify(messages).slice(0, 500)}`),
          );
        }, timeoutMs);
        const check = () => {
          if (!predicate(messages)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    close: () => controller.abort(),
  };
}

/** Ids of the documents a stream received for a collection. */
export function streamedIds(messages: readonly StreamMessage[], collection: string): string[] {
  return messages.flatMap((m) =>
    m !== 'RESYNC' && m.collection === collection ? m.documents.map((d) => String(d.id)) : [],
  );
}
