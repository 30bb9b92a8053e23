import { readFileSync } from "node:fs";
import path from "node:path";

// The "#app/...", "#db/..." and "#tests/..." imports have one source: tsconfig.json's `paths`,
// which TypeScript, esbuild (the server bundle) and tsx read themselves. Vite and Vitest get the
// same mapping from here (decision 021). Not package.json `imports`: TypeScript does not add file
// extensions to those, so every import would have to name its `.ts` or `.tsx` file.
const root = import.meta.dirname;

interface TsConfig {
  compilerOptions: { paths: Record<string, string[]> };
}

export function aliasesFrom(tsconfig: TsConfig, base: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([pattern, targets]) => {
      const [target, ...others] = targets;
      if (!pattern.endsWith("/*") || !target?.endsWith("/*") || others.length > 0) {
        throw new Error(`tsconfig.json paths: "${pattern}" must map "<prefix>/*" to one "<folder>/*"`);
      }
      return [pattern.slice(0, -2), path.join(base, target.slice(0, -2))];
    }),
  );
}

export const aliases = aliasesFrom(JSON.parse(readFileSync(path.join(root, "tsconfig.json"), "utf8")) as TsConfig, root);
