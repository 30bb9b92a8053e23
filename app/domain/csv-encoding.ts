// What a council officer's uploaded CSV is (decision 075): the text encodings a spreadsheet or a
// case-management system saves CSV in (UTF-8 with or without a byte-order mark; Windows-1252 from
// older Excel and from systems that write "ANSI"), told from the file's first bytes, and the other
// kinds of file people choose by mistake, told by their signatures, so the page can say what to do.

export type CsvEncoding = "utf-8" | "windows-1252";

export type FileKind =
  | { kind: "csv"; encoding: CsvEncoding; bom: boolean }
  | { kind: "not_csv"; message: string };

const SAVE_AS_CSV = "save it from your spreadsheet as \u201cCSV UTF-8 (comma delimited)\u201d and choose that file";

const SIGNATURES: { bytes: number[]; message: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], message: `The file is an Excel workbook (.xlsx) or another zipped file, not a CSV: ${SAVE_AS_CSV}` },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], message: `The file is an older Excel workbook (.xls), not a CSV: ${SAVE_AS_CSV}` },
  { bytes: [0x25, 0x50, 0x44, 0x46], message: "The file is a PDF, not a CSV: choose the CSV file of your children" },
  { bytes: [0xff, 0xfe], message: `The file is saved as UTF-16 (\u201cUnicode text\u201d), not as a CSV this service reads: ${SAVE_AS_CSV}` },
  { bytes: [0xfe, 0xff], message: `The file is saved as UTF-16 (\u201cUnicode text\u201d), not as a CSV this service reads: ${SAVE_AS_CSV}` },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** How many bytes at the end of `bytes` may be the start of a UTF-8 character cut off by the sample's end. */
function cutCharacterAtEnd(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needs > back ? back : 0;
  }
  return 0;
}

/** Whether the bytes are UTF-8 throughout (a character cut off at the sample's end allowed). */
function isUtf8(bytes: Uint8Array): boolean {
  const whole = bytes.subarray(0, bytes.length - cutCharacterAtEnd(bytes));
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(whole);
    return true;
  } catch {
    return false;
  }
}

/**
 * What kind of file the sample (its first bytes, 64 KB is plenty) says this is. Text that is not
 * UTF-8 is read as Windows-1252, in which every byte is a character: the encoding Excel and older
 * systems use for "CSV" in England. A NUL byte means a file that is not text at all.
 */
export function detectFileKind(sample: Uint8Array): FileKind {
  if (sample.length === 0) return { kind: "not_csv", message: "The file is empty: choose the CSV file of your children" };
  for (const signature of SIGNATURES) if (startsWith(sample, signature.bytes)) return { kind: "not_csv", message: signature.message };
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { kind: "csv", encoding: "utf-8", bom: true };
  if (sample.includes(0)) return { kind: "not_csv", message: `The file is not a CSV (it is not text): ${SAVE_AS_CSV}` };
  return { kind: "csv", encoding: isUtf8(sample) ? "utf-8" : "windows-1252", bom: false };
}
