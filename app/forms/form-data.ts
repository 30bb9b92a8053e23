// Turns a submitted form into the nested object a zod schema parses. Field names are react-hook-
// form's dotted paths ("parents.0.name", "dateOfBirth.day"), so the same names work with
// JavaScript on and off. Repeated names (checkbox groups) become arrays.
const UNSAFE_KEYS = new Set(["__proto__", "prototype", "constructor"]);
// Forms here have at most a few dozen repeated rows; a bigger index is tampering.
const MAX_INDEX = 200;
// The deepest name a form here uses is four parts ("arrangements.0.startDate.day"); a name far
// deeper or longer is tampering, and building it would only cost memory.
const MAX_DEPTH = 8;
const MAX_NAME_LENGTH = 200;

type Tree = Record<string, unknown> | unknown[];

export function formDataToObject(form: FormData | URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, raw] of form.entries()) {
    if (typeof raw !== "string") continue; // no file uploads in this service
    if (name.length > MAX_NAME_LENGTH) continue;
    const path = name.split(".");
    if (path.length > MAX_DEPTH) continue;
    if (path.some((key) => key === "" || UNSAFE_KEYS.has(key))) continue;
    if (path.some((key) => /^\d+$/.test(key) && Number(key) > MAX_INDEX)) continue;
    setPath(root, path, raw);
  }
  return root;
}

function setPath(root: Tree, path: string[], value: string): void {
  let node: Tree = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const nextIsIndex = /^\d+$/.test(path[i + 1]!);
    const existing = read(node, key);
    if (existing === undefined || typeof existing !== "object" || existing === null) {
      const created: Tree = nextIsIndex ? [] : {};
      write(node, key, created);
      node = created;
    } else {
      node = existing as Tree;
    }
  }
  const last = path[path.length - 1]!;
  const existing = read(node, last);
  if (existing === undefined) write(node, last, value);
  else if (Array.isArray(existing)) existing.push(value);
  else write(node, last, [existing, value]);
}

function read(node: Tree, key: string): unknown {
  return Array.isArray(node) ? node[Number(key)] : Object.hasOwn(node, key) ? node[key] : undefined;
}

function write(node: Tree, key: string, value: unknown): void {
  if (Array.isArray(node)) node[Number(key)] = value;
  else node[key] = value;
}
