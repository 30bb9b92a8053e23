import { describe, expect, it } from "vitest";
import { sanitiseFileName } from "#app/domain/documents";
import { sampleDocx, sampleJpeg, sampleOdt, samplePdf, samplePlainZip, samplePng, sampleXlsx } from "../../tests/support/sample-files";
import { sniffDocumentType } from "./document-type.server";

// Real small files, made by tests/support/sample-files.ts, read by file-type as an upload is.
describe("telling a document's type from its bytes", () => {
  it("takes PDF, PNG, JPEG, Word and OpenDocument text", async () => {
    expect(await sniffDocumentType(samplePdf())).toBe("pdf");
    expect(await sniffDocumentType(samplePng())).toBe("png");
    expect(await sniffDocumentType(sampleJpeg())).toBe("jpg");
    expect(await sniffDocumentType(sampleDocx())).toBe("docx");
    expect(await sniffDocumentType(sampleOdt())).toBe("odt");
  });

  it("refuses any other zip, another Office or ODF format, and anything unknown", async () => {
    expect(await sniffDocumentType(samplePlainZip())).toBeNull();
    expect(await sniffDocumentType(sampleXlsx())).toBeNull();
    expect(await sniffDocumentType(sampleOdt("application/vnd.oasis.opendocument.spreadsheet"))).toBeNull();
    expect(await sniffDocumentType(Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"))).toBeNull();
    expect(await sniffDocumentType(Buffer.from("<html><script>alert(1)</script></html>"))).toBeNull();
    expect(await sniffDocumentType(Buffer.from("just some text that claims to be a PDF"))).toBeNull();
    expect(await sniffDocumentType(new Uint8Array(0))).toBeNull();
  });

  it("goes by the bytes, not the name: a PNG's bytes are a PNG whatever it is called", async () => {
    // The name never reaches the sniffer; the detected type decides the extension kept.
    expect(sanitiseFileName("letter.pdf", (await sniffDocumentType(samplePng()))!)).toBe("letter.pdf.png");
  });
});

