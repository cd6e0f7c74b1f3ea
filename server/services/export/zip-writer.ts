/**
 * A ZIP written as a stream (yazl) with backpressure all the way: an entry's `write` resolves
 * once the bytes can be taken, and yazl takes them only as fast as the output (an HTTP
 * response, a file) drains. Entries are produced one after the other — the next one is
 * started only after the previous one was ended — so at most two entries' buffers
 * (`HIGH_WATER_MARK` each) are held in memory, whatever the size of the archive.
 */
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

const HIGH_WATER_MARK = 64 * 1024;

export type ZipEntry = {
  write(chunk: string | Buffer): Promise<void>;
  end(): Promise<void>;
};

export class ZipWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly done: Promise<void>;
  private failure: Error | null = null;
  private readonly failed: Promise<never>;
  private readonly mtime: Date;

  constructor(output: Writable, mtime: Date) {
    this.mtime = mtime;
    this.done = pipeline(this.zip.outputStream, output);
    // Whatever breaks the pipeline (the client went away) makes every pending write fail.
    this.failed = this.done.then(
      () => new Promise<never>(() => undefined),
      (error: unknown) => {
        this.failure = error instanceof Error ? error : new Error(String(error));
        throw this.failure;
      },
    );
    this.failed.catch(() => undefined);
  }

  /** Starts an entry; end the previous one first. */
  entry(name: string, options: { compress?: boolean } = {}): ZipEntry {
    const stream = new PassThrough({ highWaterMark: HIGH_WATER_MARK });
    this.zip.addReadStream(stream, name, { mtime: this.mtime, compress: options.compress ?? true });
    const waitDrain = async () => {
      await Promise.race([once(stream, 'drain'), this.failed]);
    };
    return {
      write: async (chunk) => {
        if (this.failure) throw this.failure;
        if (!stream.write(chunk)) await waitDrain();
      },
      end: async () => {
        if (this.failure) throw this.failure;
        stream.end();
      },
    };
  }

  /** A whole entry from a string or buffer. */
  async file(name: string, content: string | Buffer): Promise<void> {
    const entry = this.entry(name);
    await entry.write(content);
    await entry.end();
  }

  /** Writes the central directory and resolves when the output has everything. */
  async finish(): Promise<void> {
    if (this.failure) throw this.failure;
    this.zip.end();
    await this.done;
  }

  /** Stops the archive (after an error): the output is destroyed, the archive left incomplete. */
  abort(error: Error): void {
    (this.zip.outputStream as PassThrough).destroy(error);
  }
}
