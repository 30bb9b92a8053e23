import { describe, expect, it } from "vitest";
import { describeError, pathWithoutQuery } from "./logger.server";

describe("what reaches the logs", () => {
  it("drops query strings, which carry searches by name or identifier", () => {
    expect(pathWithoutQuery("/register?q=Ada+Lovelace")).toBe("/register");
    expect(pathWithoutQuery("/register#top")).toBe("/register");
    expect(pathWithoutQuery("/invitation/abc123secret")).toBe("/invitation/:token");
    expect(pathWithoutQuery("/reset-password/abc123secret")).toBe("/reset-password/:token");
  });
  it("never logs a failed query's parameters or quoted values", () => {
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "Ada Lovelace"'), { code: "22P02" });
    const error = Object.assign(new Error('Failed query: select * from children where id = $1\nparams: Ada Lovelace'), { cause });
    const described = describeError(error);
    expect(JSON.stringify(described)).not.toContain("Ada");
    expect(described.code).toBe("22P02");
  });
});
