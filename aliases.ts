import path from "node:path";

// "#app/..." and "#db/..." imports, for Vite and Vitest (TypeScript and esbuild read tsconfig.json).
const root = import.meta.dirname;
export const aliases = {
  "#app": path.join(root, "app"),
  "#db": path.join(root, "db"),
  "#tests": path.join(root, "tests"),
};
