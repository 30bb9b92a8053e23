import { describe, expect, it } from "vitest";
import { processSettings } from "./process-settings";

describe("processSettings", () => {
  it("has defaults for every setting, and no metrics port unless one is given", () => {
    expect(processSettings({})).toEqual({ port: 3000, host: "0.0.0.0", shutdownTimeoutMs: 25_000, databaseStartupTimeoutMs: 60_000, metricsPort: null, metricsHost: "0.0.0.0" });
  });

  it("reads each from the environment, a blank value counting as unset", () => {
    const settings = processSettings({ PORT: "8080", HOST: "127.0.0.1", SHUTDOWN_TIMEOUT_SECONDS: "10", DATABASE_STARTUP_TIMEOUT_SECONDS: "0", METRICS_PORT: "9464", METRICS_HOST: " " });
    expect(settings).toEqual({ port: 8080, host: "127.0.0.1", shutdownTimeoutMs: 10_000, databaseStartupTimeoutMs: 0, metricsPort: 9464, metricsHost: "0.0.0.0" });
  });

  it("refuses a port that is not one", () => {
    expect(() => processSettings({ PORT: "http" })).toThrow();
    expect(() => processSettings({ METRICS_PORT: "70000" })).toThrow();
  });
});
