// Which of the encodings a response is kept in to send, from the request's Accept-Encoding
// (RFC 9110 12.5.3): the one with the highest weight, Brotli before gzip when they tie (it is the
// smaller), and identity when the client names neither, refuses both, or sends no header at all.

export type StoredEncoding = "br" | "gzip";

const PREFERENCE: readonly StoredEncoding[] = ["br", "gzip"];

function weightsOf(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (!coding) continue;
    let weight = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(param);
      if (match) weight = Number(match[1]);
    }
    // The first mention of a coding counts; a malformed weight leaves the default of 1.
    if (!weights.has(coding.trim())) weights.set(coding.trim(), Math.min(1, weight));
  }
  return weights;
}

/** The stored encoding to send, or null for the bytes as they are. */
export function chooseEncoding(acceptEncoding: string | null | undefined, available: readonly StoredEncoding[]): StoredEncoding | null {
  if (!acceptEncoding) return null;
  const weights = weightsOf(acceptEncoding);
  const wildcard = weights.get("*");
  let best: { encoding: StoredEncoding; weight: number } | null = null;
  for (const encoding of PREFERENCE) {
    if (!available.includes(encoding)) continue;
    const weight = weights.get(encoding) ?? (encoding === "gzip" ? weights.get("x-gzip") : undefined) ?? wildcard ?? 0;
    if (weight > 0 && (!best || weight > best.weight)) best = { encoding, weight };
  }
  return best?.encoding ?? null;
}
