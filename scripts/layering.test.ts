import path from "node:path";
import { describe, expect, it } from "vitest";
import { importsOf, layeringBreaches, resolveImport, sourceFiles } from "./layering";

const root = path.join(import.meta.dirname, "..");

describe("the codebase's layers", () => {
  it("hold: the domain imports only the domain, routes never reach db/, no import cycles, one writer of entries", () => {
    expect(layeringBreaches(sourceFiles(root, ["app", "db", "server"]))).toEqual([]);
  });
});

describe("the layering check finds each kind of breach", () => {
  const file = (p: string, text: string) => ({ path: p, text });

  it("a domain module importing the data layer, a package or the database", () => {
    const breaches = layeringBreaches([
      file("app/domain/a.ts", 'import { x } from "./b";\nimport { y } from "#app/domain/c";'),
      file("app/domain/b.ts", 'import { db } from "#db/client";'),
      file("app/domain/c.ts", 'import { z } from "zod";\nimport type { S } from "../data/scope.server";'),
      file("app/domain/c.test.ts", 'import { describe } from "vitest";'),
    ]);
    expect(breaches).toEqual([
      'app/domain/b.ts: the domain imports only the domain, not "#db/client"',
      'app/domain/c.ts: the domain imports only the domain, not "zod"',
      'app/domain/c.ts: the domain imports only the domain, not "../data/scope.server"',
    ]);
  });

  it("a route importing db/ directly", () => {
    expect(layeringBreaches([file("app/routes/inbox.tsx", 'import { db } from "#db/client";\nimport { inboxOf } from "#app/data/inbox.server";')])).toEqual([
      'app/routes/inbox.tsx: a route reaches db/ ("#db/client"); go through app/data/',
    ]);
  });

  it("an import cycle, however long, through either kind of path", () => {
    const breaches = layeringBreaches([
      file("app/data/a.server.ts", 'import { b } from "./b.server";'),
      file("app/data/b.server.ts", 'import { c } from "#app/data/c.server";'),
      file("app/data/c.server.ts", 'export { a } from "./a.server";'),
      file("app/data/d.server.ts", 'import { a } from "./a.server";'),
    ]);
    expect(breaches).toEqual(["import cycle: app/data/a.server.ts -> app/data/b.server.ts -> app/data/c.server.ts -> app/data/a.server.ts"]);
  });

  it("a second writer of entries or their history", () => {
    const breaches = layeringBreaches([
      file("app/data/entry-writer.server.ts", "await tx.insert(entryHistory).values({}); await tx.update(children).set({});"),
      file("app/data/transfers.server.ts", "await tx.update(children).set({ laId });\nawait tx.insert(entryHistory).values(row);"),
    ]);
    expect(breaches).toEqual([
      "app/data/transfers.server.ts: writes entry_history; only app/data/entry-writer.server.ts does",
      "app/data/transfers.server.ts: writes a child's entry; only app/data/entry-writer.server.ts does",
    ]);
  });

  it("a link to one of the service's pages built as a string, in a page, a component or the data layer", () => {
    const breaches = layeringBreaches([
      file("app/routes/register.$childId.tsx", ""),
      file("app/routes/admin.audit[.]csv.ts", ""),
      file("app/routes/inbox.tsx", 'return redirect(`/register/${id}?saved`);\nconst a = href("/register/:childId", { childId });\n<a href="/admin/audit.csv">'),
      file("app/data/notes.server.ts", 'link: "/inbox",\nconst other = "/registered-elsewhere";'),
      file("app/forms/sign-in.ts", 'fallback = "/inbox"'),
    ]);
    expect(breaches).toEqual([
      "app/routes/inbox.tsx:1: return redirect(`/register/${id}?saved`);: a link built as a string; use href() from react-router",
      'app/routes/inbox.tsx:3: <a href="/admin/audit.csv">: a link built as a string; use href() from react-router',
      'app/data/notes.server.ts:1: link: "/inbox",: a link built as a string; use href() from react-router',
    ]);
  });

  it("a route building the actor itself instead of taking the guard's", () => {
    expect(layeringBreaches([file("app/routes/review.tsx", "await decide(scope, id, { userId: user.id, role: user.role, audit }, today);\nchangePassword({ userId: user.id, password });")])).toEqual([
      "app/routes/review.tsx: builds an actor by hand; take the guard's `actor`",
    ]);
  });

  it("reads every form of import", () => {
    expect(importsOf('import a from "./a";\nimport type { B } from "./b";\nexport { c } from "./c";\nimport "./d";\nconst e = await import("./e");\nimport {\n  f,\n} from "./f";')).toEqual([
      "./a",
      "./b",
      "./c",
      "./f",
      "./d",
      "./e",
    ]);
    expect(resolveImport("app/routes/x.tsx", "../data/y.server")).toBe("app/data/y.server");
    expect(resolveImport("app/routes/x.tsx", "react-router")).toBeNull();
  });
});
