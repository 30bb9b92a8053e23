import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Brotli's settings for a large text: text mode, the quality given (11 is the best), the widest window. */
export function brotliTextOptions(size: number, quality: number) {
  return {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  };
}

/**
 * A large text that is sent often and changes seldom, compressed once: Brotli at the quality given
 * (its best, 11, takes about 3 s of a core a megabyte), and gzip at level 9 for clients without
 * Brotli. Both run on libuv's thread pool, never on the event loop.
 */
export async function compressForServing(text: string, brotliQuality: number): Promise<{ brotli: Buffer; gzip: Buffer }> {
  const bytes = Buffer.from(text, "utf8");
  const [br, gz] = await Promise.all([brotli(bytes, brotliTextOptions(bytes.length, brotliQuality)), gzipped(bytes, { level: constants.Z_BEST_COMPRESSION })]);
  return { brotli: br, gzip: gz };
}
