import { defineConfig } from "vitest/config";
import { aliases } from "./aliases";

// Three projects: pure unit tests, tests that need a real database (run on PGlite by default,
// on PostgreSQL when DATABASE_URL is set), and browser tests against the built app.
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "server/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts", "tests/support/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
          environment: "node",
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["**/*.db.test.ts"],
          // Brotli's best (the statistics job's default) costs about 20 s of a core a run: a quick level here.
          env: { NODE_ENV: "test", STATISTICS_CSV_BROTLI_QUALITY: "5" },
          exclude: ["node_modules/**", "build/**"],
          environment: "node",
          globalSetup: ["tests/setup/db-global.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/db-per-file.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.e2e.test.ts"],
          environment: "node",
          // The benchmark's own test computes the statistics in-process: a quick Brotli level, as the apps it starts use.
          env: { STATISTICS_CSV_BROTLI_QUALITY: "5" },
          globalSetup: ["tests/setup/db-global.ts"],
          // Whole journeys through several pages on a 2-core machine: generous, but bounded. Two
          // files at a time (npm run test:e2e passes --maxWorkers=2): each has its own app, database
          // and browser, and much of a journey is waiting, so two keep both cores busy. Machines of
          // this kind differ: on one whose bare node:http server ran at 40% of another's, the
          // longest journey (a provider applies, is approved and is found) took over 180 s.
          testTimeout: 420_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
