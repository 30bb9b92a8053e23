import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// `npm ci` (what CI and a deploy run) refuses a lock file that lacks a package another one names as
// an optional dependency, even one for another platform: an install on this machine can leave them
// out of the lock, and the next clean install on any machine fails.
interface LockPackage {
  version?: string;
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8")) as {
  packages: Record<string, LockPackage>;
};
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Where node would find `name` from the package installed at `from`: nested first, then upwards. */
function resolves(from: string, name: string): boolean {
  let dir = from;
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.packages[candidate]) return true;
    if (!dir) return false;
    const parent = dir.lastIndexOf("/node_modules/");
    dir = parent === -1 ? "" : dir.slice(0, parent);
  }
}

describe("package-lock.json", () => {
  it("records every optional dependency of every locked package, for every platform", () => {
    const missing: string[] = [];
    for (const [location, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        if (!resolves(location, name)) missing.push(`${location || "(root)"} -> ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("holds rollup's Linux x64 and arm64 builds", () => {
    expect(lock.packages["node_modules/@rollup/rollup-linux-x64-gnu"]).toBeDefined();
    expect(lock.packages["node_modules/@rollup/rollup-linux-arm64-gnu"]).toBeDefined();
  });

  it("pins exactly the versions package.json asks for", () => {
    const root = lock.packages[""] as LockPackage & { devDependencies?: Record<string, string> };
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
  });
});
