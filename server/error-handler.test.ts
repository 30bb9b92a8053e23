import type { AddressInfo } from "node:net";
import type http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastErrorHandler } from "./error-handler";

// The last handler behind a stand-in for what runs before React Router (the public cache's version
// lookup): it throws a lost connection or a plain fault, on the API and on a page.
let server: http.Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.get(/.*/, (req, _res, next) => {
    next(req.query.fault === "lost" ? Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" }) : new Error("a bug"));
  });
  app.use(lastErrorHandler);
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("an error before React Router answers", () => {
  it("503 in JSON with Retry-After for the API when the database connection was lost", async () => {
    const response = await fetch(`${base}/api/v1/directory/providers?fault=lost`);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(((await response.json()) as { error: string }).error).toMatch(/try again/i);
  });

  it("503 as a page with Retry-After for a person when the database connection was lost", async () => {
    const response = await fetch(`${base}/directory?fault=lost`);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.headers.get("content-type")).toContain("text/html");
    const page = await response.text();
    expect(page).toContain('<html lang="en-GB">');
    expect(page).toMatch(/<title>Sorry, the service is unavailable/);
    expect(page).toMatch(/<h1[^>]*>Sorry, the service is unavailable<\/h1>/);
  });

  it("500 in the caller's kind for anything else, without Retry-After and without the error's text", async () => {
    const api = await fetch(`${base}/api/v1/placement-checks?fault=bug`);
    expect(api.status).toBe(500);
    expect(api.headers.get("retry-after")).toBeNull();
    expect(api.headers.get("content-type")).toContain("application/json");
    expect(await api.text()).not.toContain("a bug");
    const page = await fetch(`${base}/register?fault=bug`);
    expect(page.status).toBe(500);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toMatch(/<h1[^>]*>Sorry, there is a problem with the service<\/h1>/);
  });

  it("treats /api alone and paths under it as the API, and nothing that merely starts with the letters", async () => {
    expect((await fetch(`${base}/api?fault=lost`)).headers.get("content-type")).toContain("application/json");
    expect((await fetch(`${base}/apiary?fault=lost`)).headers.get("content-type")).toContain("text/html");
  });
});
