// Reads a bundle as exact-length pieces, from one array (no copies) or from a stream of
// arrays (only a piece that spans two arrivals is copied). Running out means 'truncated'.
import { BundleError } from './errors.ts';
import { type BundleSource } from './types.ts';

export interface ByteReader {
  /** Up to n bytes; fewer only at the end of the input. */
  readAtMost(n: number): Promise<Uint8Array>;
  /** Exactly n bytes, or BundleError('truncated'). */
  readExact(n: number, what: string): Promise<Uint8Array>;
  /** True when nothing is left. */
  atEnd(): Promise<boolean>;
  /** Releases the underlying stream (safe to call more than once). */
  close(): Promise<void>;
  /** The whole input's length when it is known up front (an array), else undefined. */
  readonly totalLength: number | undefined;
}

class ArrayReader implements ByteReader {
  private offset = 0;
  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  get totalLength(): number {
    return this.bytes.length;
  }

  readAtMost(n: number): Promise<Uint8Array> {
    const end = Math.min(this.offset + n, this.bytes.length);
    const piece = this.bytes.subarray(this.offset, end);
    this.offset = end;
    return Promise.resolve(piece);
  }

  async readExact(n: number, what: string): Promise<Uint8Array> {
    if (this.bytes.length - this.offset < n)
      throw new BundleError('truncated', `the file ends inside ${what}`);
    return this.readAtMost(n);
  }

  atEnd(): Promise<boolean> {
    return Promise.resolve(this.offset >= this.bytes.length);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

class StreamReader implements ByteReader {
  private readonly iterator: AsyncIterator<unknown>;
  private readonly cancel: () => Promise<void>;
  /** Arrived pieces not yet handed out, oldest first; the first may be partly consumed. */
  private readonly queue: Uint8Array[] = [];
  private queued = 0;
  private done = false;

  constructor(iterator: AsyncIterator<unknown>, cancel: () => Promise<void>) {
    this.iterator = iterator;
    this.cancel = cancel;
  }

  readonly totalLength = undefined;

  /** Pulls one more piece into the queue; false at the end of the input. */
  private async pull(): Promise<boolean> {
    if (this.done) return false;
    let next: IteratorResult<unknown>;
    try {
      next = await this.iterator.next();
    } catch (cause) {
      this.done = true;
      throw new BundleError('truncated', 'reading the file failed before its end', { cause });
    }
    if (next.done === true) {
      this.done = true;
      return false;
    }
    const piece = next.value;
    if (!(piece instanceof Uint8Array))
      throw new BundleError('not-a-bundle', 'the input stream does not yield bytes');
    if (piece.length > 0) {
      this.queue.push(piece);
      this.queued += piece.length;
    }
    return true;
  }

  async readAtMost(n: number): Promise<Uint8Array> {
    while (this.queued < n && (await this.pull()));
    const want = Math.min(n, this.queued);
    const first = this.queue[0];
    if (first === undefined) return new Uint8Array(0);
    let out: Uint8Array;
    if (first.length >= want) {
      out = first.subarray(0, want);
      this.dropFront(want);
    } else {
      const joined = new Uint8Array(want);
      let filled = 0;
      while (filled < want) {
        const head = this.queue[0] as Uint8Array;
        const take = Math.min(head.length, want - filled);
        joined.set(head.subarray(0, take), filled);
        filled += take;
        this.dropFront(take);
      }
      out = joined;
    }
    return out;
  }

  private dropFront(n: number): void {
    const head = this.queue[0] as Uint8Array;
    if (n >= head.length) this.queue.shift();
    else this.queue[0] = head.subarray(n);
    this.queued -= n;
  }

  async readExact(n: number, what: string): Promise<Uint8Array> {
    const piece = await this.readAtMost(n);
    if (piece.length < n) throw new BundleError('truncated', `the file ends inside ${what}`);
    return piece;
  }

  async atEnd(): Promise<boolean> {
    while (this.queued === 0) if (!(await this.pull())) return true;
    return false;
  }

  async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      await this.cancel();
    } catch {
      // The stream is being abandoned; a failure to cancel it changes nothing for the caller.
    }
  }
}

function isReadableStream(source: unknown): source is ReadableStream<Uint8Array> {
  return (
    typeof source === 'object' &&
    source !== null &&
    typeof (source as { getReader?: unknown }).getReader === 'function'
  );
}

function isAsyncIterable(source: unknown): source is AsyncIterable<unknown> {
  return (
    typeof source === 'object' &&
    source !== null &&
    typeof (source as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  );
}

/** Accepts anything so that a wrong input is a BundleError, not a TypeError deep inside. */
export function byteReader(source: BundleSource | Uint8Array | ArrayBuffer): ByteReader {
  if (source instanceof Uint8Array) return new ArrayReader(source);
  if (source instanceof ArrayBuffer) return new ArrayReader(new Uint8Array(source));
  if (isReadableStream(source)) {
    const reader = source.getReader();
    const iterator: AsyncIterator<unknown> = {
      next: async () => {
        const r = await reader.read();
        return r.done ? { done: true, value: undefined } : { done: false, value: r.value };
      },
    };
    return new StreamReader(iterator, () => reader.cancel());
  }
  if (isAsyncIterable(source)) {
    const iterator = source[Symbol.asyncIterator]();
    return new StreamReader(iterator, async () => {
      await iterator.return?.();
    });
  }
  throw new BundleError('not-a-bundle', 'the input is neither bytes nor a stream of bytes');
}
