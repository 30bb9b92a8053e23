import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { openApiDocument } from "#app/open-data/openapi";

// Every answer an API test sees is checked against the OpenAPI document's own schema for that
// operation and status (JSON Schema 2020-12, as OpenAPI 3.1 uses), so the document cannot drift
// from what the API answers.

const document = openApiDocument("http://localhost");
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(document, "openapi.json");

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** Fails unless `body` is what the document says `method path` answers with `status`, headers included. */
export function expectDocumented(path: string, method: string, response: { status: number; headers: Headers }, body: unknown): void {
  const operation = (document.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }> }>>)[path]?.[method];
  expect(operation, `${method} ${path} is in the document`).toBeDefined();
  const documented = operation!.responses[String(response.status)];
  expect(documented, `${method} ${path} documents ${response.status}`).toBeDefined();
  for (const header of Object.keys(documented!.headers ?? {})) {
    if (header === "Idempotent-Replayed" || header === "Location" || header === "Retry-After") continue;
    expect(response.headers.get(header), `${method} ${path} ${response.status} sends ${header}`).not.toBeNull();
  }
  const validate = ajv.getSchema(`openapi.json#/${pointer("paths", path, method, "responses", String(response.status), "content", "application/json", "schema")}`);
  expect(validate, `${method} ${path} ${response.status} has a JSON schema`).toBeDefined();
  const ok = validate!(body);
  expect(ok ? [] : validate!.errors, `${method} ${path} ${response.status} matches its schema`).toEqual([]);
}

/** Fails unless `value` matches the document's component schema `name`. */
export function expectSchema(name: string, value: unknown): void {
  const validate = ajv.getSchema(`openapi.json#/components/schemas/${name}`)!;
  const ok = validate(value);
  expect(ok ? [] : validate.errors).toEqual([]);
}
