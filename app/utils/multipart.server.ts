import { Readable } from "node:stream";
import busboy from "busboy";

// Reads a multipart form with one file in it, streaming (busboy), so a file over its limit is
// counted and dropped as it arrives rather than held whole. The server has already capped the
// body (server/request-body.ts, the upload routes' own limit); this caps the file itself.

export interface UploadedFile {
  /** The name the browser gave: only ever sanitised and stored, never trusted for the type. */
  name: string;
  bytes: Buffer;
}

export type MultipartForm =
  | { ok: true; fields: Record<string, string>; file: UploadedFile | null }
  | { ok: false; problem: "too_large" | "unreadable" };

const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 16 * 1024;

/** The form's fields (the first of each name) and its one file field, `fileField`. */
export async function readMultipartForm(request: Request, fileField: string, maxFileBytes: number): Promise<MultipartForm> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body) return { ok: false, problem: "unreadable" };
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, limits: { files: 1, fileSize: maxFileBytes + 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES } });
  } catch {
    return { ok: false, problem: "unreadable" };
  }
  return new Promise<MultipartForm>((resolve) => {
    const fields: Record<string, string> = {};
    let file: UploadedFile | null = null;
    let tooLarge = false;
    let settled = false;
    const finish = (result: MultipartForm) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    parser.on("field", (name, value) => {
      if (!(name in fields)) fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        if (name === fileField && !tooLarge) chunks.push(chunk);
      });
      // busboy says "limit" on reaching its limit, one byte past the largest file taken.
      stream.on("limit", () => {
        tooLarge = true;
        chunks.length = 0;
      });
      stream.on("end", () => {
        // A file input left empty still sends a part, with no name and no bytes.
        if (name === fileField && !tooLarge && (info.filename || chunks.length > 0)) file = { name: info.filename ?? "", bytes: Buffer.concat(chunks) };
      });
    });
    parser.on("close", () => finish(tooLarge ? { ok: false, problem: "too_large" } : { ok: true, fields, file }));
    parser.on("error", () => finish({ ok: false, problem: "unreadable" }));
    const source = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>);
    source.on("error", () => finish({ ok: false, problem: "unreadable" }));
    source.pipe(parser);
  });
}
