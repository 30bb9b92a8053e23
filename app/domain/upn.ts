// Unique Pupil Number (DfE "Unique pupil numbers (UPN)" guidance): 13 characters: a check letter,
// the 3-digit LA number, the 4-digit establishment number, a 2-digit year and a 3-digit serial.
// A temporary UPN ends in a letter. Check letter: weight characters 2-13 by their position
// (2..13), sum, mod 23, index into the alphabet below; a letter in position 13 counts as its index.
export const UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"; // no I, O or S

export type UpnResult = { ok: true; upn: string; temporary: boolean; laCode: string } | { ok: false; message: string };

function valueAt(char: string, position: number): number {
  return position === 13 && /[A-Z]/.test(char) ? UPN_ALPHABET.indexOf(char) : Number(char);
}

/** The check letter for characters 2-13 of a UPN (pass the 12 characters after the check letter). */
export function upnCheckLetter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += valueAt(body[i]!, i + 2) * (i + 2);
  return UPN_ALPHABET[sum % 23]!;
}

export function makeUpn(laCode: string, establishment: string, year2: string, serial: string, temporaryLetter?: string): string {
  const body = `${laCode}${establishment}${year2}${serial}`.slice(0, temporaryLetter ? 11 : 12) + (temporaryLetter ?? "");
  return `${upnCheckLetter(body)}${body}`;
}

export function validateUpn(input: string): UpnResult {
  const upn = input.replace(/\s+/g, "").toUpperCase();
  if (upn.length !== 13) return { ok: false, message: "UPN must be 13 characters" };
  if (!UPN_ALPHABET.includes(upn[0]!)) {
    return { ok: false, message: "UPN invalid (character 1 must be a letter other than I, O or S)" };
  }
  if (!/^\d{11}$/.test(upn.slice(1, 12))) return { ok: false, message: "UPN invalid (characters 2 to 12 must be digits)" };
  const last = upn[12]!;
  if (!/\d/.test(last) && !UPN_ALPHABET.includes(last)) {
    return { ok: false, message: "UPN invalid (character 13 must be a digit or a letter other than I, O or S)" };
  }
  if (upnCheckLetter(upn.slice(1)) !== upn[0]) return { ok: false, message: "UPN invalid (wrong check letter at character 1)" };
  return { ok: true, upn, temporary: /[A-Z]/.test(last), laCode: upn.slice(1, 4) };
}
