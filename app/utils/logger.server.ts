import pino from "pino";

/**
 * Structured JSON logs. Nothing here may carry a child's personal data: request logs name the path
 * without its query string (searches carry names and identifiers), and errors are logged by type
 * and message of our own making, never with form input.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: undefined,
  redact: { paths: ["req.headers.cookie", "req.headers.authorization", "*.password"], remove: true },
});

export function pathWithoutQuery(url: string): string {
  const queryAt = url.search(/[?#]/);
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  // An invitation or password reset link's token is a secret until it is used.
  return path.replace(/^\/(invitation|reset-password)\/[^/]+/, "/$1/:token");
}

/**
 * Database drivers quote the offending value in some messages (`invalid input syntax for type
 * uuid: "..."`); the value may be something a person typed, so it never reaches the logs.
 */
export function scrubQuotedValues(text: string): string {
  return text.replace(/"[^"\n]*"/g, '"…"');
}

/**
 * An error as it may be logged: its type, the database's SQLSTATE code, a message with quoted values
 * removed and the stack frames. drizzle's "Failed query" messages list the query's parameters,
 * which may be a child's details, so for those only the driver's own message is kept.
 */
export function describeError(error: unknown): { type: string; code?: string; message: string; frames: string[] } {
  const err = error instanceof Error ? error : new Error(String(error));
  const cause = (err as { cause?: unknown }).cause;
  const fromDatabase = err.message.startsWith("Failed query") && cause instanceof Error;
  const source = fromDatabase ? (cause as Error) : err;
  const code = (source as { code?: unknown }).code;
  return {
    type: err.name,
    code: typeof code === "string" ? code : undefined,
    message: scrubQuotedValues(source.message.split("\n")[0] ?? ""),
    frames: (err.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at ")).slice(0, 15),
  };
}
