/**
 * The server's live change stream (Server-Sent Events), read with `fetch` so it carries the
 * bearer token (EventSource cannot send headers). Reconnects with capped exponential backoff;
 * a silent connection (no heartbeat for `staleAfterMs`) counts as dropped. The server sends
 * `"RESYNC"` first on every connection, which makes every collection pull what it missed.
 */
import { Observable } from 'rxjs';
import type { StreamChange } from '../../../shared/sync';
import type { ApiClient } from './api-client';

export type StreamMessage = 'RESYNC' | StreamChange;

/** Splits an SSE byte stream into the `data` payloads of its events; comments are skipped. */
export function createSseParser(onData: (data: string) => void) {
  let buffer = '';
  let data: string[] = [];
  return (chunk: string) => {
    buffer += chunk;
    let newline = buffer.search(/\r?\n/);
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer[newline] === '\r' ? 2 : 1));
      if (line === '') {
        if (data.length > 0) onData(data.join('\n'));
        data = [];
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
      newline = buffer.search(/\r?\n/);
    }
  };
}

export type StreamOptions = {
  api: ApiClient;
  /** Is there any point in trying? (navigator.onLine) */
  isOnline(): boolean;
  onStatus?(connected: boolean, error?: string): void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  staleAfterMs?: number;
};

export function eventStream(options: StreamOptions): Observable<StreamMessage> {
  const minBackoff = options.minBackoffMs ?? 1000;
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  const staleAfter = options.staleAfterMs ?? 45_000;

  return new Observable<StreamMessage>((subscriber) => {
    let stopped = false;
    let controller: AbortController | null = null;
    let backoff = minBackoff;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const wake = () => {
      // Back online: reconnect now rather than at the end of the backoff.
      if (timer) {
        clearTimeout(timer);
        timer = null;
        void connect();
      }
    };
    const dropOnOffline = () => controller?.abort();
    globalThis.addEventListener?.('online', wake);
    globalThis.addEventListener?.('offline', dropOnOffline);

    const retryLater = (error?: string) => {
      options.onStatus?.(false, error);
      if (stopped) return;
      timer = setTimeout(
        () => {
          timer = null;
          void connect();
        },
        options.isOnline() ? backoff : 60_000,
      );
      backoff = Math.min(maxBackoff, backoff * 2);
    };

    async function connect(): Promise<void> {
      if (stopped) return;
      if (!options.isOnline()) return retryLater('offline');
      controller = new AbortController();
      let watchdog: ReturnType<typeof setTimeout> | null = null;
      const feed = () => {
        if (watchdog) clearTimeout(watchdog);
        watchdog = setTimeout(() => controller?.abort(), staleAfter);
      };
      try {
        const response = await options.api.request('/api/sync/stream', {
          headers: { accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.body) throw new Error('the stream has no body');
        options.onStatus?.(true);
        backoff = minBackoff;
        feed();
        const parse = createSseParser((data) => {
          try {
            subscriber.next(JSON.parse(data) as StreamMessage);
          } catch {
            // A malformed event is dropped; the next RESYNC repairs anything it carried.
          }
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          feed();
          parse(value);
        }
        retryLater('stream closed');
      } catch (error) {
        retryLater(error instanceof Error ? error.message : String(error));
      } finally {
        if (watchdog) clearTimeout(watchdog);
      }
    }

    void connect();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
      globalThis.removeEventListener?.('online', wake);
      globalThis.removeEventListener?.('offline', dropOnOffline);
    };
  });
}
