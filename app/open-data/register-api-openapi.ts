import { PURPOSE_STATEMENTS } from "#app/domain/register-purposes";
import * as v from "#app/domain/register-vocabulary";
import { MAX_ENTRIES_PAGE_SIZE } from "#app/forms/register-entry-json";

// The register API's part of the OpenAPI document (decision 070), from the same vocabularies the
// add-child form's schema checks against. The form's schema decides validity (dates that exist,
// UPN and NHS number check digits, the questions that apply); this describes the shape.

const date = { type: "string", format: "date" } as const;
const text = (maxLength: number) => ({ type: "string", maxLength }) as const;
const nullable = (maxLength: number) => ({ type: ["string", "null"], maxLength }) as const;
const choice = (values: readonly string[]) => ({ type: "string", enum: [...values] }) as const;
const nullableChoice = (values: readonly string[]) => ({ type: ["string", "null"], enum: [...values, null] }) as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` }) as const;
const json = (schema: object, example?: unknown) => ({ "application/json": { schema, ...(example === undefined ? {} : { example }) } });
const problem = (description: string, schema = "FieldProblem") => ({ description, content: json(ref(schema)) });

const parent = {
  type: "object",
  additionalProperties: false,
  required: ["name", "relationship", "hasParentalResponsibility", "livesWithChild", "educatesChild", "source"],
  properties: {
    name: text(200),
    relationship: choice(v.RELATIONSHIPS),
    hasParentalResponsibility: { type: "boolean" },
    livesWithChild: { type: "boolean" },
    addressLine1: { ...nullable(200), description: "Needed when they do not live with the child" },
    addressLine2: nullable(200),
    town: nullable(100),
    postcode: nullable(10),
    phone: nullable(30),
    email: { type: ["string", "null"], format: "email" },
    educatesChild: { type: "boolean" },
    hoursPerWeek: { type: ["number", "null"], minimum: 0, maximum: 60, description: "Needed when they educate the child" },
    hoursEstimated: { type: "boolean", description: "The hours are an estimate; false when they do not educate the child" },
    source: { ...choice(v.INFORMATION_SOURCES), description: "Where this parent's details came from" },
  },
};

const arrangement = {
  type: "object",
  additionalProperties: false,
  required: ["providerName", "providerType", "providerAddress", "online", "hoursPerWeek", "hoursWithoutParent", "source"],
  properties: {
    providerName: text(200),
    providerType: choice(v.PROVIDER_TYPES),
    providerAddress: { ...text(300), description: "The provider's own address" },
    online: { type: "boolean" },
    website: { ...nullable(300), description: "Needed when the education is online: the provider's website or the email address it teaches through" },
    location: { ...nullable(300), description: "Needed when the education is not online: where it is given" },
    hoursPerWeek: { type: "number", minimum: 0, maximum: 60, description: "At least the national threshold (REGISTER_PROVIDER_MINIMUM_HOURS); may be an estimate" },
    hoursWithoutParent: { type: "number", minimum: 0, maximum: 60 },
    hoursEstimated: { type: "boolean" },
    source: { ...choice(v.INFORMATION_SOURCES), description: "Where this provider's details came from" },
  },
};

const answers = {
  firstName: text(100),
  middleNames: nullable(100),
  lastName: text(100),
  dateOfBirth: date,
  sex: nullableChoice(v.SEXES),
  addressLine1: text(200),
  addressLine2: nullable(200),
  town: text(100),
  postcode: text(10),
  upn: { type: ["string", "null"], description: "Unique Pupil Number (13 characters, with its check letter)" },
  nhsNumber: { type: ["string", "null"], description: "10 digits, with its check digit" },
  laChildId: nullable(40),
  parents: { type: "array", minItems: 1, maxItems: 6, items: parent },
  educationStatus: choice(v.EDUCATION_STATUSES),
  homeEducationReason: { ...nullableChoice(v.HOME_EDUCATION_REASONS), description: "Kept only for elective home education" },
  arrangements: { type: "array", maxItems: 10, items: arrangement },
  senStatus: { ...choice(v.SEN_STATUSES), description: "Optional (not_known when not given); eotas needs ehc_plan" },
  laArrangedSpecialSchoolPlace: { type: "boolean", description: "Asked only of a child with special educational needs; false otherwise" },
  socialCareStatus: { ...choice(v.SOCIAL_CARE_STATUSES), description: "Optional (not_known when not given)" },
  responsibleLaId: {
    type: ["string", "null"],
    format: "uuid",
    description: "The council responsible for a looked-after child, or holding a child-in-need or child protection plan; null is your own council. Kept only for those statuses",
  },
  namedSchool: { ...nullable(200), description: "Kept only for a child in care or on a child-in-need or child protection plan; the school's name when namedSchoolUrn is given" },
  namedSchoolUrn: { type: ["string", "null"], pattern: "^[0-9]{6}$", description: "The named school's URN (an open school on Get Information About Schools), for the same children" },
  allocatedSocialWorkerId: { type: ["string", "null"], format: "uuid", description: "One of your council's social workers" },
  atRiskOfHarmFromHome: { type: "boolean" },
  characteristics: {
    type: "object",
    additionalProperties: false,
    description: "The child's protected characteristics (Equality Act 2010) that are known; null is not known. Never required",
    properties: Object.fromEntries(
      v.PROTECTED_CHARACTERISTICS.map((c) => [c, (v.YES_NO_CHARACTERISTICS as readonly string[]).includes(c) ? nullableChoice(["yes", "no"]) : nullable(100)]),
    ),
  },
  sources: {
    type: "object",
    additionalProperties: false,
    required: [...v.SOURCED_ITEMS],
    description: "Where each of the child's own items came from; an optional item's source only when the item is known (null otherwise). Each parent's and provider's source is on its row",
    properties: Object.fromEntries([
      ...v.SOURCED_ITEMS.map((item) => [item, choice(v.INFORMATION_SOURCES)]),
      ...v.OPTIONAL_SOURCED_ITEMS.map((item) => [item, nullableChoice(v.INFORMATION_SOURCES)]),
    ]),
  },
  dateEntered: date,
} as const;

const requiredAnswers = ["firstName", "lastName", "dateOfBirth", "addressLine1", "town", "postcode", "parents", "educationStatus", "atRiskOfHarmFromHome", "sources", "dateEntered"];

export const exampleEntryInput = {
  firstName: "Ada",
  middleNames: null,
  lastName: "Lovelace",
  dateOfBirth: "2014-03-09",
  sex: "female",
  addressLine1: "12 Marchmont Street",
  addressLine2: null,
  town: "London",
  postcode: "WC1N 1AB",
  upn: "H801200001001",
  nhsNumber: null,
  laChildId: "CAM-00412",
  parents: [
    {
      name: "Annabella Byron",
      relationship: "mother",
      hasParentalResponsibility: true,
      livesWithChild: true,
      addressLine1: null,
      addressLine2: null,
      town: null,
      postcode: null,
      phone: null,
      email: null,
      educatesChild: true,
      hoursPerWeek: 15,
      hoursEstimated: true,
      source: "parent",
    },
  ],
  educationStatus: "elective_home_education",
  homeEducationReason: "philosophical_or_preferential",
  arrangements: [
    {
      providerName: "Somerville Tutoring",
      providerType: "tutor",
      providerAddress: "3 Gower Place, London WC1E 6BN",
      online: false,
      website: null,
      location: "At home",
      hoursPerWeek: 6,
      hoursWithoutParent: 6,
      hoursEstimated: false,
      source: "provider",
    },
  ],
  senStatus: "none",
  laArrangedSpecialSchoolPlace: false,
  socialCareStatus: "none",
  responsibleLaId: null,
  namedSchool: null,
  namedSchoolUrn: null,
  allocatedSocialWorkerId: null,
  atRiskOfHarmFromHome: false,
  characteristics: { disability: null, genderReassignment: null, pregnancyOrMaternity: null, race: null, religionOrBelief: null, sexualOrientation: null },
  sources: {
    name: "parent",
    dateOfBirth: "parent",
    address: "la_records",
    senStatus: "la_records",
    socialCareStatus: "la_records",
    disability: null,
    genderReassignment: null,
    pregnancyOrMaternity: null,
    race: null,
    religionOrBelief: null,
    sexualOrientation: null,
  },
  dateEntered: "2026-11-02",
};

const exampleEntry = { id: "3f6c2a1e-8b4d-4c2a-9e1f-5d7b9a3c1e20", childReference: "CR-7K3M-9P2Q", version: 2, updatedAt: "2026-11-03T10:15:02.123456Z", dateLeft: null, reasonLeft: null, ...exampleEntryInput };

const entryId = { name: "id", in: "path", required: true, description: "The entry's id", schema: { type: "string", format: "uuid" } };
const etag = { ETag: { description: "The entry's version, for If-Match", schema: { type: "string", pattern: '^"[0-9]+"$' } } };

// What the entries may be used for (s436F Education Act 1996, decision 074), as every page with them says.
const USE_OF_INFORMATION = `The council may use these entries only for ${PURPOSE_STATEMENTS.register}; ${PURPOSE_STATEMENTS.suitable_education}; and ${PURPOSE_STATEMENTS.safeguarding}.`;

export function registerApiPaths(perToken: number) {
  const limited = {
    description: `More than ${perToken} register API requests in a minute with one token`,
    headers: { "Retry-After": { description: "Seconds to wait before the next request", schema: { type: "integer", minimum: 1 } } },
    content: json(ref("FieldProblem")),
  };
  const common = {
    "401": problem("No token, or a token that is unknown or revoked"),
    "403": problem("The token does not hold the scope this operation needs"),
    "429": limited,
  };
  return {
    "/register/entries": {
      get: {
        operationId: "listRegisterEntries",
        summary: "Your council's entries, a page at a time, in the order they last changed",
        description:
          `Needs the register_read scope. Ordered by updatedAt, then id, so a page boundary never skips or repeats an entry. To synchronise, keep the updatedAt of the last entry you received and ask again with updatedSince set to it (the entry itself comes again: updatedSince is inclusive). Entries whose processing is restricted are left out. Children who have left the register are included, with dateLeft and reasonLeft. ${USE_OF_INFORMATION}`,
        security: [{ councilToken: ["register_read"] }],
        parameters: [
          { name: "educationStatus", in: "query", schema: choice(v.EDUCATION_STATUSES) },
          { name: "updatedSince", in: "query", description: "Entries changed at or after this time (ISO 8601 with an offset)", schema: { type: "string", format: "date-time" }, example: "2026-11-02T09:30:00Z" },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: MAX_ENTRIES_PAGE_SIZE, default: 50 } },
          { name: "cursor", in: "query", description: "From links.next of the previous page", schema: { type: "string", maxLength: 200 } },
        ],
        responses: {
          "200": { description: "A page of entries", content: json(ref("RegisterEntryPage"), { data: [exampleEntry], links: { self: "/api/v1/register/entries?limit=1", next: "/api/v1/register/entries?limit=1&cursor=WyIyMDI2LTExLTAzVDEwOjE1OjAyLjEyMzQ1NloiLCIzZjZjMmExZS04YjRkLTRjMmEtOWUxZi01ZDdiOWEzYzFlMjAiXQ" } }) },
          "400": problem("A query parameter is not valid"),
          ...common,
        },
      },
      post: {
        operationId: "addRegisterEntry",
        summary: "Adds a child to your council's register",
        description:
          "Needs the register_write scope. The body is checked by the same rules as the service's add-child form. A retried request with the same Idempotency-Key (kept for the token) adds the child once and is answered as the first time, with Idempotent-Replayed: true; the same key with a different body is refused with 422. Possible duplicates on your register are refused with 409 and their ids: if the child is a different child, send the request again with confirmedDifferentFrom listing those ids (as an officer confirms in the service).",
        security: [{ councilToken: ["register_write"] }],
        parameters: [{ name: "Idempotency-Key", in: "header", required: true, description: "A new value (such as a UUID) for each child you add; the same value when you retry", schema: { type: "string", minLength: 1, maxLength: 200 }, example: "5b0f8a52-3c1d-4e7a-9b2f-0d6e4c8a1b37" }],
        requestBody: { required: true, content: json(ref("RegisterEntryCreate"), exampleEntryInput) },
        responses: {
          "201": {
            description: "Added (or, for a retry, added by the first request)",
            headers: { ...etag, Location: { description: "The new entry", schema: { type: "string" } }, "Idempotent-Replayed": { description: "true when this answers a retry", schema: { type: "string", enum: ["true"] } } },
            content: json(ref("RegisterEntryCreated"), { id: exampleEntry.id, childReference: exampleEntry.childReference, version: 1 }),
          },
          "400": problem("The body is not JSON, a field is missing or not valid, or there is no Idempotency-Key"),
          "409": problem("A child on your register has the same UPN or NHS number, or there are possible duplicates not confirmed different", "DuplicateProblem"),
          "413": problem("The body is larger than 64 KB"),
          "422": problem("The Idempotency-Key was used for a different request"),
          ...common,
        },
      },
    },
    "/register/entries/{id}": {
      get: {
        operationId: "getRegisterEntry",
        summary: "One entry on your council's register",
        description: "Needs the register_read scope. Another council's entry, an unknown id and an entry whose processing is restricted are all 404.",
        security: [{ councilToken: ["register_read"] }],
        parameters: [entryId],
        responses: {
          "200": { description: "The entry", headers: etag, content: json(ref("RegisterEntry"), exampleEntry) },
          "404": problem("No such entry on your register"),
          ...common,
        },
      },
      patch: {
        operationId: "changeRegisterEntry",
        summary: "Changes an entry, if nobody has changed it since the version you name",
        description:
          "Needs the register_write scope. A merge patch at the top level: the fields you send replace the entry's (a list such as parents is replaced whole), and the result is checked by the add-child form's rules. If-Match must be the ETag from GET: 412 when the entry has changed since, 428 without If-Match.",
        security: [{ councilToken: ["register_write"] }],
        parameters: [entryId, { name: "If-Match", in: "header", required: true, description: "The entry's ETag", schema: { type: "string" }, example: '"2"' }],
        requestBody: { required: true, content: { "application/merge-patch+json": { schema: ref("RegisterEntryPatch"), example: { educationStatus: "not_on_roll", homeEducationReason: null } }, ...json(ref("RegisterEntryPatch")) } },
        responses: {
          "200": { description: "The entry as changed", headers: etag, content: json(ref("RegisterEntry")) },
          "400": problem("The body is not JSON, a field is not valid, or If-Match is not an ETag"),
          "404": problem("No such entry on your register"),
          "409": problem("A child on your register has the same UPN or NHS number", "DuplicateProblem"),
          "412": { description: "The entry has changed since that version", headers: etag, content: json(ref("FieldProblem")) },
          "413": problem("The body is larger than 64 KB"),
          "428": problem("No If-Match"),
          ...common,
        },
      },
    },
  };
}

export function registerApiSchemas() {
  return {
    RegisterEntryCreate: {
      type: "object",
      additionalProperties: false,
      required: requiredAnswers,
      properties: { ...answers, confirmedDifferentFrom: { type: "array", maxItems: 50, items: { type: "string", format: "uuid" }, description: "Possible duplicates you have checked are a different child" } },
    },
    RegisterEntryPatch: { type: "object", additionalProperties: false, minProperties: 1, properties: answers },
    RegisterEntry: {
      type: "object",
      additionalProperties: false,
      required: ["id", "childReference", "version", "updatedAt", "dateLeft", "reasonLeft", ...Object.keys(answers)],
      properties: {
        id: { type: "string", format: "uuid" },
        childReference: { type: "string", description: "The register's consistent child reference" },
        version: { type: "integer", minimum: 1 },
        updatedAt: { type: "string", format: "date-time", description: "When the entry last changed, to the microsecond (for updatedSince)" },
        dateLeft: { type: ["string", "null"], format: "date" },
        reasonLeft: nullableChoice(v.REASONS_LEFT),
        ...answers,
      },
    },
    RegisterEntryPage: {
      type: "object",
      additionalProperties: false,
      required: ["data", "links"],
      properties: {
        data: { type: "array", maxItems: MAX_ENTRIES_PAGE_SIZE, items: ref("RegisterEntry") },
        links: { type: "object", additionalProperties: false, required: ["self"], properties: { self: { type: "string" }, next: { type: "string" } } },
      },
    },
    RegisterEntryCreated: {
      type: "object",
      additionalProperties: false,
      required: ["id", "childReference", "version"],
      properties: { id: { type: "string", format: "uuid" }, childReference: { type: "string" }, version: { type: "integer", const: 1 } },
    },
    DuplicateProblem: {
      type: "object",
      required: ["title", "status"],
      properties: {
        title: { type: "string" },
        status: { type: "integer", const: 409 },
        field: { type: "string", enum: ["upn", "nhsNumber"] },
        existing: { type: "object", required: ["id", "childReference"], properties: { id: { type: "string", format: "uuid" }, childReference: { type: "string" } } },
        matches: {
          type: "array",
          items: {
            type: "object",
            required: ["id", "childReference", "strength", "reasons"],
            properties: { id: { type: "string", format: "uuid" }, childReference: { type: "string" }, strength: { type: "string" }, reasons: { type: "array", items: { type: "string" } } },
          },
        },
        restrictedMatches: { type: "integer", minimum: 0, description: "Possible duplicates whose processing is restricted: an officer must add the child" },
      },
    },
  };
}
