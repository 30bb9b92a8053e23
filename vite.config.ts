import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { aliases } from "./aliases";

export default defineConfig({
  plugins: [reactRouter()],
  resolve: { alias: aliases },
  server: { port: Number(process.env.PORT ?? 3000) },
  build: { sourcemap: false },
});
