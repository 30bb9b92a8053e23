import { AGE_LIMITS, ORGANISATION_TYPES, PATTERNS, PROVISION_TYPES } from "#app/domain/directory-vocabulary";
import { MAX_API_PAGE_SIZE } from "#app/data/directory-query";
import { PLACEMENT_CHECK_CODES } from "#app/domain/placement-check";
import { env } from "#app/utils/env.server";
import { CSV_COLUMNS } from "./providers";
import { registerApiPaths, registerApiSchemas } from "./register-api-openapi";
import { schoolReturnsApiPaths, schoolReturnsApiSchemas } from "./school-returns-openapi";
import { STATISTICS_CSV_COLUMNS, STATISTICS_META_COLUMNS } from "./statistics-csv";

// The OpenAPI 3.1 description of the directory's open data, built from the same lists the API
// validates against, so the document cannot drift from what the API accepts.

const date = { type: "string", format: "date" } as const;
const nullableText = { type: ["string", "null"] } as const;

const filters = [
  { name: "q", in: "query", description: "Words in the provider's name (every word must appear).", schema: { type: "string", maxLength: 100 } },
  { name: "la", in: "query", description: "DfE 3-digit code of a local authority with a listed site.", schema: { type: "string", pattern: "^[0-9]{3}$" }, example: "202" },
  { name: "district", in: "query", description: "Postcode district of a listed site.", schema: { type: "string", pattern: "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?$" }, example: "NW1" },
  { name: "type", in: "query", description: "A type of provision offered.", schema: { type: "string", enum: [...PROVISION_TYPES] } },
  { name: "age", in: "query", description: "An age (in years) the provider takes.", schema: { type: "integer", minimum: AGE_LIMITS.min, maximum: AGE_LIMITS.max } },
];

/** A 429 answer, as each rate-limited operation documents it. */
function tooManyRequests(description: string) {
  return {
    description,
    headers: { "Retry-After": { description: "Seconds to wait before the next request", schema: { type: "integer", minimum: 1 } } },
    content: { "application/json": { schema: { $ref: "#/components/schemas/FieldProblem" } } },
  };
}

export function openApiDocument(origin: string) {
  const perToken = env().PLACEMENT_CHECKS_PER_TOKEN_PER_MINUTE;
  const perAddress = env().OPEN_DATA_REQUESTS_PER_IP_PER_MINUTE;
  const perRegisterToken = env().REGISTER_API_REQUESTS_PER_TOKEN_PER_MINUTE;
  const perSchoolToken = env().SCHOOL_RETURNS_API_REQUESTS_PER_TOKEN_PER_MINUTE;
  const openDataLimit = tooManyRequests(`More than ${perAddress} open-data requests (JSON and CSV together) in a minute from one client address`);
  return {
    openapi: "3.1.0",
    info: {
      title: "Directory of non-school alternative provision: open data",
      version: "1.0.0",
      description:
        "Providers of non-school alternative provision listed by the Department for Education's directory. Only approved listings that have not passed their end date are included: never applications, refused, suspended, revoked or expired listings. The directory needs no authentication. The placement check and the register API are for councils' own systems and need a bearer token that a council admin creates in the service, with the scopes the system needs (placement_checks, register_read, register_write); the school-returns API is for schools' management information systems and needs a token that the school's admin creates (school_returns). The statistics are the children on councils' registers of children not in school on each termly census day, rounded and suppressed as DfE's releases are. " +
        `Rate limits, shared by every server: ${perAddress} open-data requests a minute from one client address, ${perToken} placement checks, ${perRegisterToken} register API requests and ${perSchoolToken} school-returns requests a minute with one token; past any, 429 with Retry-After (seconds).`,
      license: { name: "Open Government Licence v3.0", url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" },
    },
    servers: [{ url: `${origin}/api/v1` }],
    paths: {
      "/directory/providers": {
        get: {
          operationId: "listProviders",
          summary: "Listed providers, a page at a time, by name",
          parameters: [
            ...filters,
            { name: "page", in: "query", schema: { type: "integer", minimum: 1, maximum: 10000, default: 1 } },
            { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: MAX_API_PAGE_SIZE, default: 20 } },
          ],
          responses: {
            "200": { description: "A page of providers", content: { "application/json": { schema: { $ref: "#/components/schemas/ProviderPage" } } } },
            "400": { description: "A parameter is not valid", content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" } } } },
            "429": openDataLimit,
          },
        },
      },
      "/placement-checks": {
        post: {
          operationId: "checkPlacement",
          summary: "Whether a placement could go ahead, with every reason it could not",
          description:
            "Runs the same placement check as the service, without recording anything. A placement is allowed only when no reason has severity 'refusal'; warnings are for a person to look at. A child named by registerEntryId must be on your council's register (another council's child, or an unknown id, gives CHILD_NOT_ON_REGISTER). An unknown provider gives PROVIDER_NOT_LISTED and an unknown site SITE_NOT_LISTED. Codes are stable; new ones may be added.",
          security: [{ councilToken: ["placement_checks"] }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/PlacementCheckRequest" } } } },
          responses: {
            "200": { description: "The check's answer", content: { "application/json": { schema: { $ref: "#/components/schemas/PlacementCheckResult" } } } },
            "400": { description: "The body is not JSON, or a field is missing or not valid", content: { "application/json": { schema: { $ref: "#/components/schemas/FieldProblem" } } } },
            "401": { description: "No token, or a token that is unknown or revoked", content: { "application/json": { schema: { $ref: "#/components/schemas/FieldProblem" } } } },
            "403": { description: "The token does not hold the placement_checks scope", content: { "application/json": { schema: { $ref: "#/components/schemas/FieldProblem" } } } },
            "413": { description: "The body is larger than 16 KB", content: { "application/json": { schema: { $ref: "#/components/schemas/FieldProblem" } } } },
            "429": tooManyRequests(`More than ${perToken} placement checks in a minute with one token`),
          },
        },
      },
      ...registerApiPaths(perRegisterToken),
      ...schoolReturnsApiPaths(perSchoolToken),
      "/directory/providers.csv": {
        get: {
          operationId: "downloadProvidersCsv",
          summary: "Every listed provider matching the filters, as CSV with one row per site",
          description: `Columns: ${CSV_COLUMNS.join(", ")}. provision_types is separated by semicolons. Text that a spreadsheet would treat as a formula is prefixed with an apostrophe.`,
          parameters: filters,
          responses: {
            "200": { description: "CSV (RFC 4180, UTF-8, CRLF line endings)", content: { "text/csv": { schema: { type: "string" } } } },
            "400": { description: "A parameter is not valid", content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" } } } },
            "429": openDataLimit,
          },
        },
      },
      "/statistics/children-not-in-school.csv": {
        get: {
          operationId: "downloadChildrenNotInSchoolStatistics",
          summary: "Children on councils' registers of children not in school on each termly census day, in DfE's tidy data format",
          description: `Columns: ${STATISTICS_CSV_COLUMNS.join(", ")}. One row per census day, area (National, Regional, Local authority) and breakdown. Council and regional counts are rounded to the nearest 10 and England's to the nearest 100; percentages are from unrounded counts. Symbols: c (suppressed: 1 or 2 children, or a count that would let one be worked out from a total), low (rounds to 0 but is not 0), x (not available), z (not applicable). Computed nightly from the registers' history, so a past census day gives the same figures when counted again.`,
          responses: {
            "200": { description: "CSV (RFC 4180, UTF-8, CRLF line endings)", content: { "text/csv": { schema: { type: "string" } } } },
            "503": { description: "No statistics have been computed yet", content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" } } } },
          },
        },
      },
      "/statistics/children-not-in-school.meta.csv": {
        get: {
          operationId: "downloadChildrenNotInSchoolStatisticsMetadata",
          summary: "The metadata file DfE's statistics service requires beside the data file",
          description: `Columns: ${STATISTICS_META_COLUMNS.join(", ")}. One row per filter and indicator of the data file.`,
          responses: { "200": { description: "CSV (RFC 4180, UTF-8, CRLF line endings)", content: { "text/csv": { schema: { type: "string" } } } } },
        },
      },
    },
    components: {
      securitySchemes: {
        councilToken: { type: "http", scheme: "bearer", description: `An API token made by your council's admin (Admin, API tokens), sent as 'Authorization: Bearer <token>' (the scheme in any case). It speaks for that council; keep it secret. Each token holds scopes chosen by the admin: placement_checks (POST /placement-checks), register_read (GET /register/entries), register_write (POST and PATCH /register/entries); a token made before scopes existed holds placement_checks only. A school's admin makes a school's token (Your school, API tokens), which holds school_returns (POST /school-returns) and nothing else. Each token may make ${perToken} placement checks and ${perRegisterToken} register API requests a minute.` },
      },
      schemas: {
        ...registerApiSchemas(),
        ...schoolReturnsApiSchemas(),
        ProviderPage: {
          type: "object",
          required: ["data", "meta", "links"],
          properties: {
            data: { type: "array", items: { $ref: "#/components/schemas/Provider" } },
            meta: {
              type: "object",
              required: ["page", "pageSize", "total", "totalPages"],
              properties: { page: { type: "integer" }, pageSize: { type: "integer" }, total: { type: "integer" }, totalPages: { type: "integer" } },
            },
            links: { type: "object", required: ["self"], properties: { self: { type: "string" }, next: { type: "string" }, prev: { type: "string" } } },
          },
        },
        Provider: {
          type: "object",
          required: ["id", "name", "legalName", "organisationType", "provisionTypes", "ageRange", "pattern", "listedSince", "listedUntil", "sites", "url"],
          properties: {
            id: { type: "string", format: "uuid" },
            name: { type: "string" },
            legalName: { type: "string" },
            organisationType: { type: "string", enum: [...ORGANISATION_TYPES] },
            companyNumber: nullableText,
            charityNumber: nullableText,
            ofstedUrn: nullableText,
            provisionTypes: { type: "array", items: { type: "string", enum: [...PROVISION_TYPES] } },
            ageRange: { type: "object", required: ["min", "max"], properties: { min: { type: "integer" }, max: { type: "integer" } } },
            pattern: { type: "string", enum: [...PATTERNS] },
            listedSince: date,
            listedUntil: date,
            conditions: nullableText,
            standards: { type: "object", description: "The dates the provider declared for each national standard", additionalProperties: date },
            insurance: { type: "object", properties: { employersLiabilityExpiresOn: date, publicLiabilityExpiresOn: date } },
            sites: { type: "array", items: { $ref: "#/components/schemas/Site" } },
            url: { type: "string", format: "uri" },
          },
        },
        Site: {
          type: "object",
          required: ["id", "name", "address", "postcodeDistrict", "localAuthority", "capacity"],
          properties: {
            id: { type: "string", format: "uuid", description: "The site's id, for the placement check" },
            name: { type: "string" },
            address: {
              type: "object",
              required: ["line1", "town", "postcode"],
              properties: { line1: { type: "string" }, line2: nullableText, town: { type: "string" }, postcode: { type: "string" } },
            },
            postcodeDistrict: { type: "string" },
            localAuthority: { type: "object", required: ["code", "name"], properties: { code: { type: "string" }, name: { type: "string" } } },
            capacity: { type: "integer" },
          },
        },
        PlacementCheckRequest: {
          type: "object",
          additionalProperties: false,
          required: ["providerId", "siteId", "child", "start", "end", "pattern"],
          properties: {
            providerId: { type: "string", format: "uuid", description: "A provider's id, as in /directory/providers" },
            siteId: { type: "string", format: "uuid", description: "One of that provider's sites[].id" },
            child: {
              type: "object",
              additionalProperties: false,
              required: ["dateOfBirth", "lookedAfter", "sen"],
              properties: {
                dateOfBirth: date,
                lookedAfter: { type: "boolean" },
                sen: { type: "boolean", description: "Has an EHC plan or SEN support" },
                registerEntryId: { type: "string", format: "uuid", description: "The child's entry on your council's register; their other placements are then checked too" },
              },
            },
            start: date,
            end: { ...date, description: "The last day of the placement" },
            pattern: {
              oneOf: [
                { type: "object", additionalProperties: false, required: ["kind"], properties: { kind: { const: "full_time" } } },
                {
                  type: "object",
                  additionalProperties: false,
                  required: ["kind", "daysPerWeek", "sessionsPerWeek"],
                  properties: { kind: { const: "part_time" }, daysPerWeek: { type: "integer", minimum: 1, maximum: 7 }, sessionsPerWeek: { type: "integer", minimum: 1, maximum: 14, description: "Mornings or afternoons" } },
                },
              ],
            },
            hoursPerWeek: { type: "number", exclusiveMinimum: 0, maximum: 168 },
          },
        },
        PlacementCheckResult: {
          type: "object",
          required: ["allowed", "reasons"],
          properties: {
            allowed: { type: "boolean" },
            reasons: {
              type: "array",
              items: {
                type: "object",
                required: ["code", "message", "nextStep", "severity"],
                properties: {
                  code: { type: "string", enum: [...PLACEMENT_CHECK_CODES] },
                  message: { type: "string", description: "What is wrong, with the numbers and dates involved" },
                  nextStep: { type: "string", description: "What to do about it, in a sentence (the same words the service's pages show)" },
                  severity: { type: "string", enum: ["refusal", "warning"] },
                },
              },
            },
          },
        },
        FieldProblem: {
          type: "object",
          required: ["title", "status"],
          properties: {
            title: { type: "string" },
            status: { type: "integer" },
            errors: { type: "object", description: "A message for each field that is not valid, keyed by its dotted path", additionalProperties: { type: "string" } },
          },
        },
        Problem: {
          type: "object",
          required: ["errors"],
          properties: { errors: { type: "array", items: { type: "object", required: ["parameter", "message"], properties: { parameter: { type: "string" }, message: { type: "string" } } } } },
        },
      },
    },
  } as const;
}
