// Unique Pupil Number (DfE, "Unique pupil numbers (UPN): guidance for local authorities and
// schools"): 13 characters: a check letter, the 3-digit LA number, the 4-digit establishment
// number, a 2-digit year and a 3-digit serial. A temporary UPN ends in a letter instead, leaving a
// 2-digit serial. The check letter: weight characters 2-13 by their position (2..13), sum, take
// mod 23, index into the alphabet below; a letter in position 13 counts as its index there.
//
// The messages follow the school census validation rules (1510 "UPN invalid (wrong check letter
// at character 1)", 1540, 1550) in words an officer can act on. We do not check characters 2-4
// against a list of LA numbers (census rule 1530): UPNs keep the code of the LA that issued them,
// including LAs since abolished, so a list would refuse real UPNs.
export const UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"; // no I, O or S

export type UpnResult = { ok: true; upn: string; temporary: boolean; laCode: string } | { ok: false; message: string };

const BODY = new RegExp(`^\\d{11}[\\d${UPN_ALPHABET}]$`);

function valueOf(char: string): number {
  return /\d/.test(char) ? Number(char) : UPN_ALPHABET.indexOf(char);
}

/**
 * The check letter for a UPN: pass its 12 characters after the check letter, or a whole 13-character
 * UPN (whose first character is then ignored).
 */
export function upnCheckLetter(first12or13: string): string {
  const body = first12or13.length === 13 ? first12or13.slice(1) : first12or13;
  if (!BODY.test(body)) throw new RangeError(`Not the body of a UPN: ${first12or13}`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += valueOf(body[i]!) * (i + 2);
  return UPN_ALPHABET[sum % 23]!;
}

/** Builds a valid UPN, for data generators and tests. A temporary UPN has a 2-digit serial. */
export function makeUpn(laCode: string, establishment: string, year2: string, serial: string, temporaryLetter?: string): string {
  const serialDigits = temporaryLetter === undefined ? 3 : 2;
  const parts: [string, string, number][] = [
    ["LA number", laCode, 3],
    ["establishment number", establishment, 4],
    ["year", year2, 2],
    ["serial", serial, serialDigits],
  ];
  for (const [name, value, digits] of parts) {
    if (!new RegExp(`^\\d{${digits}}$`).test(value)) throw new RangeError(`UPN ${name} must be ${digits} digits: ${value}`);
  }
  if (temporaryLetter !== undefined && !(temporaryLetter.length === 1 && UPN_ALPHABET.includes(temporaryLetter))) {
    throw new RangeError(`A temporary UPN must end in a letter other than I, O or S: ${temporaryLetter}`);
  }
  const body = `${laCode}${establishment}${year2}${serial}${temporaryLetter ?? ""}`;
  return `${upnCheckLetter(body)}${body}`;
}

export function validateUpn(input: string): UpnResult {
  const upn = input.replace(/\s+/g, "").toUpperCase();
  if (upn.length !== 13) return { ok: false, message: "UPN must be 13 characters" };
  if (!UPN_ALPHABET.includes(upn[0]!)) return { ok: false, message: "UPN character 1 must be a letter (not I, O or S)" };
  if (!/^\d{11}$/.test(upn.slice(1, 12))) return { ok: false, message: "UPN characters 2 to 12 must be digits" };
  const last = upn[12]!;
  if (!/\d/.test(last) && !UPN_ALPHABET.includes(last)) {
    return { ok: false, message: "UPN character 13 must be a digit or a letter (not I, O or S)" };
  }
  if (upnCheckLetter(upn) !== upn[0]) return { ok: false, message: "UPN invalid (wrong check letter at character 1)" };
  return { ok: true, upn, temporary: !/\d/.test(last), laCode: upn.slice(1, 4) };
}
