import { describe, expect, it } from "vitest";
import { sampleDocx, sampleJpeg, sampleOdt, samplePdf, samplePlainZip, samplePng, sampleXlsx } from "../../tests/support/sample-files";
import { attachmentDisposition, describeSize, sanitiseFileName, sniffDocumentType } from "./documents";

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

describe("the file name kept", () => {
  it("keeps a plain name and its extension", () => {
    expect(sanitiseFileName("Notice of home education.pdf", "pdf")).toBe("Notice of home education.pdf");
    expect(sanitiseFileName("scan.JPEG", "jpg")).toBe("scan.jpg");
    expect(sanitiseFileName("photo.jpg", "jpg")).toBe("photo.jpg");
    expect(sanitiseFileName("Report (final).DOCX", "docx")).toBe("Report (final).docx");
  });

  it("drops folders, control characters, quotes and path tricks", () => {
    expect(sanitiseFileName("C:\\Users\\ada\\Desktop\\letter.pdf", "pdf")).toBe("letter.pdf");
    expect(sanitiseFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(sanitiseFileName('a"b;c\r\nd.pdf', "pdf")).toBe("a_b_c_d.pdf");
    expect(sanitiseFileName("...hidden.pdf", "pdf")).toBe("hidden.pdf");
    expect(sanitiseFileName("<script>.png", "png")).toBe("script_.png");
  });

  it("spells accented letters plainly, names a nameless file and keeps names short", () => {
    expect(sanitiseFileName("Zoë’s report.odt", "odt")).toBe("Zoe_s report.odt");
    expect(sanitiseFileName("", "pdf")).toBe("document.pdf");
    expect(sanitiseFileName("....", "png")).toBe("document.png");
    expect(sanitiseFileName(`${"a".repeat(300)}.pdf`, "pdf")).toBe(`${"a".repeat(100)}.pdf`);
  });

  it("sends the name as an attachment, quoted safely", () => {
    expect(attachmentDisposition("Report (final).pdf")).toBe(`attachment; filename="Report (final).pdf"; filename*=UTF-8''Report%20(final).pdf`);
    expect(attachmentDisposition('a"b\\c.pdf')).toMatch(/^attachment; filename="a_b_c.pdf"; /);
  });

  it("describes sizes", () => {
    expect(describeSize(900)).toBe("900 bytes");
    expect(describeSize(20_480)).toBe("20 KB");
    expect(describeSize(3 * 1024 * 1024)).toBe("3.0 MB");
  });
});
