import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { aliases } from "./aliases";

export default defineConfig({
  plugins: [reactRouter()],
  resolve: { alias: aliases },
  // Server-only native and database packages: the browser dependency scan must not try to bundle
  // them (it follows route files into *.server.ts modules before they are stripped).
  optimizeDeps: { exclude: ["@node-rs/argon2", "@electric-sql/pglite", "postgres", "pg-boss", "pino", "express"] },
  server: { port: Number(process.env.PORT ?? 3000) },
  build: { sourcemap: false },
});
