import type { TestProject } from "vitest/node";
import { dropTemplate, prepareTemplate } from "../support/databases";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: Awaited<ReturnType<typeof prepareTemplate>>;
  }
}

export default async function setup(project: TestProject) {
  process.env.NODE_ENV = "test";
  const prepared = await prepareTemplate();
  project.provide("databaseTemplate", prepared);
  return async () => {
    await dropTemplate(prepared);
  };
}
