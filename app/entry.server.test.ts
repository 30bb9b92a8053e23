import { UNSAFE_ErrorResponseImpl as ErrorResponseImpl, type AppLoadContext } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { handleError } from "./entry.server";
import { logger } from "./utils/logger.server";

const request = () => new Request("http://localhost/no-such-page?q=Noah+Bennett");
const context = { requestId: "r-1" } as unknown as AppLoadContext;
const args = () => ({ request: request(), context, params: {} });

describe("handleError", () => {
  afterEach(() => vi.restoreAllMocks());

  it("does not log a path no route matches as a failure (React Router's own 404 answer, carrying its error)", () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    handleError(new ErrorResponseImpl(404, "Not Found", new Error('No route matches URL "/no-such-page"'), true), args());
    expect(error).not.toHaveBeenCalled();
  });

  it("logs a fault with its own message and the path without its query", () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    handleError(new Error("the loader broke"), args());
    expect(error).toHaveBeenCalledOnce();
    const [fields, message] = error.mock.calls[0] as unknown as [{ path: string; err: { message: string } }, string];
    expect(message).toBe("request failed");
    expect(fields.path).toBe("/no-such-page");
    expect(fields.err.message).toBe("the loader broke");
  });

  it("logs a server error answer by the error it carries, never as [object Object]", () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    handleError(new ErrorResponseImpl(500, "Internal Server Error", new Error("the action broke"), true), args());
    handleError(new ErrorResponseImpl(503, "Service Unavailable", null, true), args());
    const messages = error.mock.calls.map((call) => (call[0] as unknown as { err: { message: string } }).err.message);
    expect(messages).toEqual(["the action broke", "503 Service Unavailable"]);
  });
});
