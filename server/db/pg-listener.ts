/**
 * LISTEN on a dedicated PostgreSQL connection (a pooled one would be handed to other queries).
 * When the connection drops, it reconnects with capped backoff, listens again and reports a
 * gap: notifications sent meanwhile are lost, so the caller re-reads from its own cursor.
 */
import pg from 'pg';

const MIN_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 10_000;

export async function listenPg(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onGap: () => void,
  onError?: (error: Error) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let backoff = MIN_BACKOFF_MS;
  let retry: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on('error', (error) => {
      onError?.(error);
      lost(next);
    });
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      next.end().catch(() => undefined);
      throw error;
    }
    client = next;
    backoff = MIN_BACKOFF_MS;
  }

  function lost(failed: pg.Client): void {
    if (client !== failed) return;
    client = null;
    failed.end().catch(() => undefined);
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      if (stopped) return;
      connect().then(onGap, (error: unknown) => {
        onError?.(error instanceof Error ? error : new Error(String(error)));
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        scheduleReconnect();
      });
    }, backoff);
    retry.unref();
  }

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const current = client;
    client = null;
    await current?.end();
  };
}
