export * from "./organisations";
export * from "./users";
export * from "./sessions";
export * from "./sign-in-throttles";
export * from "./audit-events";
export * from "./children";
export * from "./directory";
