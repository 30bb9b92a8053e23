import { stringify } from "csv-stringify/sync";
import { templateHeader } from "#app/forms/register-import";

// Files to import (decision 075), made as a council would fill the template: each row a different
// child (its own date of birth, name and postcode), so that the one matcher finds no possible
// duplicates among them unless a test makes one. Shared with the import's bench.

const FIRST = ["Ada", "Grace", "Hedy", "Rosalind", "Dorothy", "Katherine", "Radia", "Barbara", "Frances", "Margaret", "Evelyn", "Joan", "Sophie", "Lise", "Marie", "Emmy", "Jocelyn", "Rachel", "Vera", "Cecilia", "Henrietta", "Kathleen", "Alan", "Charles", "Tim", "Edsger", "Donald", "Claude", "Dennis", "Ken", "Niklaus", "John", "Tony", "Robin", "Peter", "Maurice", "Christopher", "David", "Leslie", "Michael"];
const LAST = ["Lovelace", "Hopper", "Lamarr", "Franklin", "Hodgkin", "Johnson", "Perlman", "Liskov", "Allen", "Hamilton", "Berners", "Turing", "Babbage", "Dijkstra", "Knuth", "Shannon", "Ritchie", "Thompson", "Wirth", "Backus", "Hoare", "Milner", "Landin", "Wilkes", "Strachey", "Wheeler", "Lamport", "Stonebraker", "Codd", "Kay", "Engelbart", "Sutherland", "Cerf", "Kahn", "Postel", "Clark", "Floyd", "Tarjan", "Karp", "Cook"];
const LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

const DAY_MS = 86_400_000;
const FIRST_BIRTHDAY = Date.UTC(2011, 0, 1);
const BIRTHDAYS = 3600;

/**
 * The n-th child (from 0): a template row's cells by column name. Children who share a birthday
 * (every 3,600th) differ in first name, last name and postcode by their round (n / 3,600), each
 * with a step coprime to the list's length, so no two of the first 40 rounds look alike.
 */
export function childRow(n: number, overrides: Record<string, string> = {}): Record<string, string> {
  const day = n % BIRTHDAYS;
  const round = Math.floor(n / BIRTHDAYS);
  const born = new Date(FIRST_BIRTHDAY + day * DAY_MS).toISOString().slice(0, 10);
  return {
    la_child_id: `LA${String(n).padStart(7, "0")}`,
    first_name: FIRST[(day + round * 17) % FIRST.length]!,
    last_name: LAST[(Math.floor(day / FIRST.length) + round * 23) % LAST.length]!,
    date_of_birth: born,
    sex: n % 2 ? "male" : "female",
    address_line_1: `${1 + ((day + round * 31) % 200)} Marchmont Street`,
    town: "London",
    postcode: `E${1 + ((day + round) % 18)} ${1 + (round % 9)}${LETTERS[(day + 3 * round) % 20]}${LETTERS[(7 * round + Math.floor(day / 20)) % 20]}`,
    education_status: "elective_home_education",
    home_education_reason: "philosophical_or_preferential",
    sen_status: "none",
    la_arranged_special_school_place: "no",
    social_care_status: "none",
    at_risk_of_harm_from_home: "no",
    source_name: "parent",
    source_date_of_birth: "parent",
    source_address: "la_records",
    date_entered: "2026-11-02",
    parent_1_name: `Parent ${LAST[n % LAST.length]}`,
    parent_1_relationship: "mother",
    parent_1_has_parental_responsibility: "yes",
    parent_1_lives_with_child: "yes",
    parent_1_phone: "+44 20 7946 0000",
    parent_1_educates_child: "yes",
    parent_1_hours_per_week: "15",
    parent_1_source: "parent",
    arrangement_1_provider_name: "Somerville Tutoring",
    arrangement_1_provider_type: "tutor",
    arrangement_1_provider_address: "3 Gower Place, London WC1E 6BN",
    arrangement_1_source: "provider",
    arrangement_1_online: "no",
    arrangement_1_location: "At home",
    arrangement_1_hours_per_week: "6",
    arrangement_1_hours_without_parent: "6",
    ...overrides,
  };
}

/** A CSV of these rows under the template's header (or another), as UTF-8 with a byte-order mark. */
export function importCsv(rows: Record<string, string>[], header: string[] = templateHeader()): string {
  return `\uFEFF${stringify([header, ...rows.map((row) => header.map((h) => row[h] ?? ""))], { record_delimiter: "windows" })}`;
}

/** Twenty mistakes, each in one column with the form's one message for it, for rows spread through a file. */
export const DELIBERATE_ERRORS: { column: string; cell: string; message: RegExp }[] = [
  { column: "first_name", cell: "", message: /^Enter the child's first name$/ },
  { column: "last_name", cell: "", message: /^Enter the child's last name$/ },
  { column: "date_of_birth", cell: "31/02/2013", message: /real date/ },
  { column: "date_of_birth", cell: "the third of May", message: /written like/ },
  { column: "postcode", cell: "NOT A POSTCODE", message: /postcode/i },
  { column: "postcode", cell: "", message: /^Enter the postcode$/ },
  { column: "address_line_1", cell: "", message: /first line/ },
  { column: "town", cell: "", message: /town or city/ },
  { column: "sex", cell: "unknown", message: /^Enter one of: female, male$/ },
  { column: "education_status", cell: "at the seaside", message: /^Enter one of:/ },
  // Special educational needs and social care may be left blank (not known): a word the service does not know is the mistake.
  { column: "sen_status", cell: "some", message: /^Enter one of:/ },
  { column: "parent_1_source", cell: "", message: /details came from/ },
  { column: "at_risk_of_harm_from_home", cell: "perhaps", message: /^Enter yes or no$/ },
  { column: "source_name", cell: "", message: /name came from/ },
  { column: "date_entered", cell: "2099-01-01", message: /./ },
  { column: "upn", cell: "A12345678901X", message: /./ },
  { column: "nhs_number", cell: "1234567890", message: /./ },
  { column: "parent_1_name", cell: "", message: /full name/ },
  { column: "parent_1_email", cell: "not an email", message: /email address/ },
  { column: "arrangement_1_hours_without_parent", cell: "9", message: /must not be more than the total hours/ },
];
