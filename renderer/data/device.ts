/**
 * This device's identity for the vault's reveal log ("from which device"): a random id made
 * once per local database and kept in an RxDB local document (never synced), with a name a
 * lead can read (operating system and shell).
 */
import type { CadranDatabase } from './database';
import type { Device } from './repositories/vault';

const KEY = 'device-identity';

export function deviceNameOf(nav: { platform?: string; userAgent?: string } | undefined, shell: string): string {
  const platform = nav?.platform || (nav?.userAgent?.match(/\(([^;)]+)/)?.[1] ?? 'appareil');
  return `${platform} · ${shell}`.slice(0, 120);
}

export function deviceIdentity(db: CadranDatabase, name: () => string): () => Promise<Device> {
  let cached: Promise<Device> | null = null;
  return () => {
    cached ??= (async () => {
      const found = await db.getLocal<Device>(KEY);
      if (found) return found.toJSON().data;
      const device: Device = { id: `dev_${crypto.randomUUID()}`, name: name() };
      await db.upsertLocal(KEY, device);
      return device;
    })();
    return cached;
  };
}
