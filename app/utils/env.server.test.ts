import { describe, expect, it } from "vitest";
import { parseEnv, publicUrl } from "./env.server";

describe("the email settings", () => {
  it("lets development and tests run without a sender, logging emails, with links to this machine", () => {
    const settings = parseEnv({ NODE_ENV: "development" });
    expect(settings.EMAIL_SENDER).toBeUndefined();
    expect(publicUrl(settings)).toBe("http://localhost:3000");
    expect(publicUrl(parseEnv({ PORT: "8080" }))).toBe("http://localhost:8080");
  });

  it("refuses production without a sender or a public address, unless told to log only", () => {
    expect(() => parseEnv({ NODE_ENV: "production", PUBLIC_URL: "https://cnis.example.gov.uk" })).toThrow(/EMAIL_SENDER: production needs EMAIL_SENDER/);
    expect(() => parseEnv({ NODE_ENV: "production", EMAIL_SENDER: "log" })).toThrow(/PUBLIC_URL: production needs PUBLIC_URL/);
    const logOnly = parseEnv({ NODE_ENV: "production", EMAIL_SENDER: "log", PUBLIC_URL: "https://cnis.example.gov.uk/" });
    expect(logOnly.EMAIL_SENDER).toBe("log");
    expect(publicUrl(logOnly)).toBe("https://cnis.example.gov.uk");
  });

  it("needs each sender's own settings", () => {
    expect(() => parseEnv({ EMAIL_SENDER: "smtp" })).toThrow(/SMTP_URL: .*EMAIL_FROM: /);
    expect(() => parseEnv({ EMAIL_SENDER: "notify", NOTIFY_API_KEY: "key" })).toThrow(/NOTIFY_TEMPLATE_ID/);
    expect(parseEnv({ EMAIL_SENDER: "smtp", SMTP_URL: "smtp://mail:587", EMAIL_FROM: "noreply@example.gov.uk" }).EMAIL_SENDER).toBe("smtp");
    expect(() => parseEnv({ EMAIL_SENDER: "carrier-pigeon" })).toThrow(/EMAIL_SENDER/);
    expect(() => parseEnv({ PUBLIC_URL: "ftp://example" })).toThrow(/PUBLIC_URL/);
  });
});
