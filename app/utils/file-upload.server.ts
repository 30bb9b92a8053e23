import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";

// A form with one file, read as it arrives (busboy, a streaming multipart parser): the file's
// chunks go to `handle` as they are parsed, so the page's own code never holds the whole file.
// The other fields are read too (small text, at most a few).

export interface UploadedFile {
  /** The name the browser gave (no path). */
  name: string;
  chunks: AsyncIterable<Uint8Array>;
}

export type UploadOutcome<T> = { kind: "file"; fields: Record<string, string>; result: T } | { kind: "no_file"; fields: Record<string, string> } | { kind: "unreadable" };

export async function readUploadedFile<T>(request: Request, field: string, maxBytes: number, handle: (file: UploadedFile) => Promise<T>): Promise<UploadOutcome<T>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body) return { kind: "unreadable" };
  let parser: busboy.Busboy;
  try {
    // One byte over the limit is read, so the handler can tell a file at the limit from one over it.
    parser = busboy({ headers: { "content-type": contentType }, limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 10_000 } });
  } catch {
    return { kind: "unreadable" };
  }
  const fields: Record<string, string> = {};
  let handled: Promise<T> | null = null;
  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== field || handled || !info.filename) {
      stream.resume();
      return;
    }
    // Whatever the handler makes of the file, the rest of it is read (and dropped) so the form's parsing ends.
    handled = handle({ name: info.filename, chunks: stream }).finally(() => stream.resume());
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on("close", resolve);
    parser.on("error", reject);
  });
  Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>).pipe(parser);
  try {
    await finished;
  } catch {
    if (handled) await (handled as Promise<T>).catch(() => undefined);
    return { kind: "unreadable" };
  }
  if (!handled) return { kind: "no_file", fields };
  return { kind: "file", fields, result: await handled };
}
