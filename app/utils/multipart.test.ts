import { describe, expect, it } from "vitest";
import { readMultipartForm } from "./multipart.server";

function post(form: FormData | string, contentType?: string) {
  return new Request("http://localhost/upload", { method: "POST", body: form, ...(contentType ? { headers: { "Content-Type": contentType } } : {}) });
}

describe("reading an upload's form", () => {
  it("gives the fields (the first of each name) and the one file, with the last part of the name the browser sent", async () => {
    const form = new FormData();
    form.append("kind", "letter");
    form.append("kind", "report");
    form.append("file", new Blob([new Uint8Array([1, 2, 3])]), "../a letter.pdf");
    form.append("other", new Blob([new Uint8Array([9])]), "ignored.pdf");
    const read = await readMultipartForm(post(form), "file", 10);
    expect(read).toEqual({ ok: true, fields: { kind: "letter" }, file: { name: "a letter.pdf", bytes: Buffer.from([1, 2, 3]) } });
  });

  it("takes a file of exactly the limit and refuses one byte more", async () => {
    const at = new FormData();
    at.append("file", new Blob([new Uint8Array(10)]), "a.pdf");
    expect(await readMultipartForm(post(at), "file", 10)).toMatchObject({ ok: true, file: { bytes: Buffer.alloc(10) } });
    const over = new FormData();
    over.append("file", new Blob([new Uint8Array(11)]), "a.pdf");
    expect(await readMultipartForm(post(over), "file", 10)).toEqual({ ok: false, problem: "too_large" });
  });

  it("has no file when the file input was left empty", async () => {
    const form = new FormData();
    form.append("kind", "letter");
    form.append("file", new Blob([]), "");
    expect(await readMultipartForm(post(form), "file", 10)).toEqual({ ok: true, fields: { kind: "letter" }, file: null });
  });

  it("says a body that is not a multipart form, or is a broken one, cannot be read", async () => {
    expect(await readMultipartForm(post("kind=letter", "application/x-www-form-urlencoded"), "file", 10)).toEqual({ ok: false, problem: "unreadable" });
    expect(await readMultipartForm(post("--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nletter", "multipart/form-data; boundary=x"), "file", 10)).toEqual({ ok: false, problem: "unreadable" });
    expect(await readMultipartForm(post("whatever", "multipart/form-data"), "file", 10)).toEqual({ ok: false, problem: "unreadable" });
  });
});
