import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * A large text that is sent often and changes seldom, compressed once as hard as each format
 * allows: Brotli at its best quality for text, and gzip at level 9 for clients without Brotli.
 * Both run on libuv's thread pool, never on the event loop (Brotli's best quality takes seconds on
 * megabytes).
 */
/** Brotli's settings for such a text: text mode, best quality, widest window. */
export function brotliTextOptions(size: number) {
  return {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  };
}

export async function compressForServing(text: string): Promise<{ brotli: Buffer; gzip: Buffer }> {
  const bytes = Buffer.from(text, "utf8");
  const [br, gz] = await Promise.all([
    brotli(bytes, brotliTextOptions(bytes.length)),
    gzipped(bytes, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  return { brotli: br, gzip: gz };
}
