import { DELETION_GROUNDS } from "#app/domain/deletion-grounds";
import { RETURN_STATUSES } from "#app/domain/deletion-returns";
import { RELATIONSHIPS } from "#app/domain/register-vocabulary";
import { KNOWN_TO_SCHOOL } from "#app/forms/deletion-return";
import { MAX_RETURNS_PER_REQUEST } from "#app/forms/school-returns-json";

// The school-returns API's part of the OpenAPI document (decision 076), from the same lists the
// forms' schemas check against. The forms' schemas decide validity (dates that exist, UPN check
// digits, the questions that apply); this describes the shape.

const date = { type: "string", format: "date" } as const;
const text = (maxLength: number) => ({ type: "string", maxLength }) as const;
const nullable = (maxLength: number) => ({ type: ["string", "null"], maxLength }) as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` }) as const;
const json = (schema: object, example?: unknown) => ({ "application/json": { schema, ...(example === undefined ? {} : { example }) } });
const problem = (description: string) => ({ description, content: json(ref("FieldProblem")) });

const pupil = {
  firstName: text(100),
  middleNames: nullable(100),
  lastName: text(100),
  dateOfBirth: date,
  upn: { ...nullable(13), description: "The unique pupil number, with its check letter" },
  addressLine1: text(200),
  addressLine2: nullable(200),
  town: text(100),
  postcode: text(10),
};

const exampleDeletion = {
  kind: "deletion",
  firstName: "Jaden",
  lastName: "Rivers",
  dateOfBirth: "2013-05-14",
  upn: null,
  addressLine1: "14 Agar Grove",
  town: "London",
  postcode: "NW1 9SL",
  parentName: "Maya Rivers",
  parentRelationship: "mother",
  parentAtPupilAddress: true,
  emergencyPhone: "020 7946 0123",
  ground: "F",
  noticeDate: "2026-11-20",
  nextSchool: null,
  knownToSchool: [],
};
const exampleNewPupil = { kind: "new_pupil", firstName: "Amara", lastName: "Okafor", dateOfBirth: "2014-02-03", addressLine1: "3 Leighton Road", town: "London", postcode: "NW5 2QE", joinedOn: "2026-11-23", previousSchool: null };

export function schoolReturnsApiSchemas() {
  return {
    DeletionReturn: {
      type: "object",
      additionalProperties: false,
      description: "A deletion return (regulation 13(4) of the School Attendance (Pupil Registration) (England) Regulations 2024), the same questions as the service's form.",
      required: ["kind", "firstName", "lastName", "dateOfBirth", "addressLine1", "town", "postcode", "parentName", "parentRelationship", "parentAtPupilAddress", "emergencyPhone", "ground"],
      properties: {
        kind: { const: "deletion" },
        ...pupil,
        parentName: text(200),
        parentRelationship: { type: "string", enum: [...RELATIONSHIPS] },
        parentAtPupilAddress: { type: "boolean" },
        parentAddressLine1: { ...nullable(200), description: "Needed when the parent does not live at the pupil's address" },
        parentTown: nullable(100),
        parentPostcode: nullable(10),
        emergencyPhone: text(30),
        ground: { type: "string", enum: [...DELETION_GROUNDS], description: "The ground for deletion under regulation 9(1), A to O; F is home education" },
        noticeDate: { ...date, type: ["string", "null"], description: "Ground F: the date of the parent's written notice" },
        nextSchool: nullable(300),
        knownToSchool: { type: "array", items: { type: "string", enum: [...KNOWN_TO_SCHOOL] }, description: "What the school knows of the section 434A grounds" },
      },
    },
    NewPupilReturn: {
      type: "object",
      additionalProperties: false,
      description: "A new pupil return (regulation 13(3)): within 5 school days of the pupil joining.",
      required: ["kind", "firstName", "lastName", "dateOfBirth", "addressLine1", "town", "postcode", "joinedOn"],
      properties: { kind: { const: "new_pupil" }, ...pupil, joinedOn: date, previousSchool: nullable(300) },
    },
    SchoolReturnsRequest: {
      type: "object",
      additionalProperties: false,
      required: ["returns"],
      properties: { returns: { type: "array", minItems: 1, maxItems: MAX_RETURNS_PER_REQUEST, items: { oneOf: [ref("DeletionReturn"), ref("NewPupilReturn")] } } },
    },
    SchoolReturnsSent: {
      type: "object",
      required: ["data"],
      properties: {
        data: {
          type: "array",
          description: "One answer per return, in the order sent",
          items: {
            type: "object",
            required: ["id", "kind", "status", "mustNotDelete"],
            properties: {
              id: { type: "string", format: "uuid" },
              kind: { type: "string", enum: ["deletion", "new_pupil"] },
              status: { type: "string", enum: [...RETURN_STATUSES], description: "What happened, as the school's page says it when sent: consent_pending (do not delete the pupil until the council consents), with_council, or recorded (a new pupil no council is looking for)" },
              mustNotDelete: { type: "boolean", description: "true: the law needs the council's consent before the pupil is deleted (section 434A Education Act 1996)" },
            },
          },
        },
      },
    },
  };
}

export function schoolReturnsApiPaths(perToken: number) {
  const common = {
    "401": problem("No token, or a token that is unknown or revoked"),
    "403": problem("The token is not a school's token for its returns"),
    "429": {
      description: `More than ${perToken} requests a minute with one token`,
      headers: { "Retry-After": { description: "Seconds to wait before the next request", schema: { type: "integer", minimum: 1 } } },
      content: json(ref("FieldProblem")),
    },
  };
  return {
    "/school-returns": {
      post: {
        operationId: "sendSchoolReturns",
        summary: "Sends your school's deletion returns and new pupil returns to the council, one or many",
        description: `Needs a school's token (the school_returns scope), which the school's admin makes in the service. Every return is checked by the same rules as the service's forms before any is sent: one not valid refuses the request with 400 and a message for each field, keyed returns[i].field. A retried request with the same Idempotency-Key sends each return once and is answered as the first time, with Idempotent-Replayed: true; the same key with a different body is refused with 422. A return whose pupil the council must consent to delete (section 434A) comes back with mustNotDelete: true. At most ${MAX_RETURNS_PER_REQUEST} returns a request and ${perToken} requests a minute with one token.`,
        security: [{ councilToken: ["school_returns"] }],
        parameters: [{ name: "Idempotency-Key", in: "header", required: true, description: "A new value (such as a UUID) for each request; the same value when you retry it", schema: { type: "string", minLength: 1, maxLength: 200 }, example: "0d6e4c8a-5b0f-4e7a-9b2f-8a523c1d1b37" }],
        requestBody: { required: true, content: json(ref("SchoolReturnsRequest"), { returns: [exampleDeletion, exampleNewPupil] }) },
        responses: {
          "201": {
            description: "Sent (or, for a retry, sent by the first request)",
            headers: { "Idempotent-Replayed": { description: "true when this answers a retry", schema: { type: "string", enum: ["true"] } } },
            content: json(ref("SchoolReturnsSent")),
          },
          "400": problem("The body is not JSON, a return has a field missing or not valid, or there is no Idempotency-Key"),
          "413": problem("The body is larger than 64 KB"),
          "422": problem("The Idempotency-Key was used for a different request"),
          ...common,
        },
      },
    },
  };
}
