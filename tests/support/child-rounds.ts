import { londonDate } from "#app/domain/dates";

// The children the tests add come in rounds: every first name once, then the next round. Within a
// round the first names differ; from round to round the date of birth and the postcode do, so that
// the matcher (app/domain/child-matching.ts) never sees two of them as one child: a same name at the
// same postcode is a possible duplicate whatever the date of birth, and so is a date of birth that
// differs in one part, or has its day and month swapped.

const INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

/**
 * Round `round`'s date of birth and postcode. The date differs from every other round's in at least
 * two of day, month and year and is never another's with day and month swapped (the day is after
 * the 12th), for 84 rounds (2,016 children a test process); it is always of compulsory school age
 * (8 to 14 this year). Round 0 is 13 December twelve years ago, at WC1N 1AX.
 */
export function childRound(round: number): { dateOfBirth: { day: number; month: number; year: number }; postcode: string } {
  const thisYear = Number(londonDate(new Date()).slice(0, 4));
  const a = round % 7;
  const b = Math.floor(round / 7) % 12;
  const inward = `${(1 + round) % 10}${INWARD_LETTERS[Math.floor(round / 10) % INWARD_LETTERS.length]}X`;
  return { dateOfBirth: { day: 13 + ((a + b) % 16), month: 12 - b, year: thisYear - 14 + ((a + 2) % 7) }, postcode: `wc1n ${inward.toLowerCase()}` };
}
