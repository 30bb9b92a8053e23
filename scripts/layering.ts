import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The layering rules of STYLE.md, checked over the source: the domain imports only the domain,
// routes never reach db/ (they go through app/data/), no module imports itself through a cycle,
// only the entry writer writes a child's entry or its history, links to the service's own pages go
// through React Router's typed href() (a renamed route then fails the typecheck, not a person), and
// routes take the guard's actor rather than building one.

export interface SourceFile {
  /** Path from the project root, with forward slashes: "app/domain/upn.ts". */
  path: string;
  text: string;
}

const EXTENSIONS = [".ts", ".tsx"];

export function sourceFiles(root: string, folders: string[]): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (EXTENSIONS.some((e) => entry.name.endsWith(e))) files.push({ path: relative, text: readFileSync(path.join(root, relative), "utf8") });
    }
  };
  for (const folder of folders) walk(folder);
  return files;
}

const isTest = (p: string) => /\.test\.tsx?$/.test(p);

/** Every module a file imports or re-exports (static and dynamic), as written. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [/^\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']/gms, /^\s*import\s+["']([^"']+)["']/gm, /\bimport\(\s*["']([^"']+)["']\s*\)/g];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** An import resolved to a project path without its extension ("app/data/scope.server"), or null for a package. */
export function resolveImport(from: string, specifier: string): string | null {
  let target: string;
  if (specifier.startsWith("#app/")) target = `app/${specifier.slice(5)}`;
  else if (specifier.startsWith("#db/")) target = `db/${specifier.slice(4)}`;
  else if (specifier.startsWith("#tests/")) target = `tests/${specifier.slice(7)}`;
  else if (specifier.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  return target.replace(/\.(tsx?|js)$/, "");
}

function moduleId(file: string): string {
  return file.replace(/\.(tsx?)$/, "");
}

// Routes that may reach db/ themselves, each with its reason.
const ROUTES_MAY_REACH_DB = new Set([
  // The liveness probe asks the connection itself whether the database answers (being reworked
  // with readiness by the reliability work; it then goes through app/data/ too).
  "app/routes/healthz.ts",
]);

// The one writer of a child's entry and its history (decision 018).
const ENTRY_WRITER = "app/data/entry-writer.server.ts";

// Where links are written: pages, their components and the data layer's notifications and emails.
const LINK_FOLDERS = ["app/routes/", "app/components/", "app/data/", "app/root.tsx", "app/navigation.ts"];

/** The first path segment of every page and API route ("register", "admin", "api"), from the route files. */
function routeSegments(files: SourceFile[]): string[] {
  const segments = new Set<string>();
  for (const f of files) {
    const name = /^app\/routes\/([^/]+)\.tsx?$/.exec(f.path)?.[1];
    const first = name?.split(/[.[]/)[0];
    if (first && !first.startsWith("_") && !first.startsWith("$")) segments.add(first);
  }
  return [...segments].sort();
}

/** Each string literal that is a path of this site not built through href(), as "line: text". */
export function stringBuiltLinks(text: string, segments: string[]): string[] {
  if (segments.length === 0) return [];
  const literal = new RegExp(`(?<!href\\(\\s*)["'\`]/(?:${segments.join("|")})(?![\\w-])`, "g");
  const found: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (literal.test(line)) found.push(`${i + 1}: ${line.trim()}`);
    literal.lastIndex = 0;
  });
  return found;
}

export function layeringBreaches(files: SourceFile[]): string[] {
  const breaches: string[] = [];
  const segments = routeSegments(files);
  const ids = new Map<string, string>();
  for (const f of files) {
    ids.set(moduleId(f.path), f.path);
    if (f.path.endsWith("/index.ts")) ids.set(f.path.replace(/\/index\.ts$/, ""), f.path);
  }
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets: string[] = [];
    for (const specifier of importsOf(file.text)) {
      const target = resolveImport(file.path, specifier);
      const inDomain = file.path.startsWith("app/domain/") && !isTest(file.path);
      if (inDomain && (target === null || !target.startsWith("app/domain/"))) breaches.push(`${file.path}: the domain imports only the domain, not "${specifier}"`);
      if (file.path.startsWith("app/routes/") && target?.startsWith("db/") && !ROUTES_MAY_REACH_DB.has(file.path)) {
        breaches.push(`${file.path}: a route reaches db/ ("${specifier}"); go through app/data/`);
      }
      const resolved = target && ids.get(target);
      if (resolved && !isTest(file.path)) targets.push(resolved);
    }
    graph.set(file.path, targets);
    if (file.path !== ENTRY_WRITER && !isTest(file.path) && file.path.startsWith("app/")) {
      if (/\.insert\(\s*entryHistory\b/.test(file.text)) breaches.push(`${file.path}: writes entry_history; only ${ENTRY_WRITER} does`);
      if (/\.(insert|update)\(\s*children\b/.test(file.text)) breaches.push(`${file.path}: writes a child's entry; only ${ENTRY_WRITER} does`);
    }
    if (!isTest(file.path) && LINK_FOLDERS.some((f) => file.path.startsWith(f))) {
      for (const line of stringBuiltLinks(file.text, segments)) breaches.push(`${file.path}:${line}: a link built as a string; use href() from react-router`);
    }
    if (file.path.startsWith("app/routes/") && /\{\s*userId:\s*user\.id,[^}]*\baudit\b/.test(file.text)) {
      breaches.push(`${file.path}: builds an actor by hand; take the guard's \`actor\``);
    }
  }
  for (const cycle of cyclesOf(graph)) breaches.push(`import cycle: ${[...cycle, cycle[0]].join(" -> ")}`);
  return breaches;
}

/** The strongly connected components of more than one module (or a module importing itself), by Tarjan. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.reverse());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}
