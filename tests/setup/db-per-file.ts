import { afterAll, beforeAll, inject } from "vitest";
import { setConnection } from "#db/client";
import { createTestDatabase, type TestDatabase } from "../support/databases";

let database: TestDatabase | undefined;

beforeAll(async () => {
  database = await createTestDatabase(inject("databaseTemplate"));
  setConnection(database.connection);
});

afterAll(async () => {
  await database?.drop();
});
