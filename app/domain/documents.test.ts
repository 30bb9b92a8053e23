import { describe, expect, it } from "vitest";
import { attachmentDisposition, describeSize, documentTypeOf, sanitiseFileName } from "./documents";

describe("which detected types are taken", () => {
  it("takes PDF, PNG, JPEG, Word and OpenDocument text, as file-type names them", () => {
    expect(documentTypeOf({ ext: "pdf", mime: "application/pdf" })).toBe("pdf");
    expect(documentTypeOf({ ext: "png", mime: "image/png" })).toBe("png");
    expect(documentTypeOf({ ext: "jpg", mime: "image/jpeg" })).toBe("jpg");
    expect(documentTypeOf({ ext: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" })).toBe("docx");
    expect(documentTypeOf({ ext: "odt", mime: "application/vnd.oasis.opendocument.text" })).toBe("odt");
  });

  it("refuses everything else, and a known extension with another type", () => {
    for (const found of [{ ext: "zip", mime: "application/zip" }, { ext: "xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, { ext: "exe", mime: "application/x-msdownload" }, { ext: "gif", mime: "image/gif" }, { ext: "pdf", mime: "application/x-pdf" }])
      expect(documentTypeOf(found), found.ext).toBeNull();
    expect(documentTypeOf(undefined)).toBeNull();
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
