import { describe, expect, it } from "vitest";
import { documentObjectStorageSettings, parseEnv, publicUrl } from "./env.server";

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

describe("where documents' files are kept (decision 081)", () => {
  it("is PostgreSQL unless DOCUMENTS_S3_BUCKET is set", () => {
    expect(documentObjectStorageSettings(parseEnv({}))).toBeNull();
    // AWS credentials alone (used by something else on the machine) do not turn S3 on.
    expect(documentObjectStorageSettings(parseEnv({ AWS_ACCESS_KEY_ID: "AKIA", AWS_SECRET_ACCESS_KEY: "secret" }))).toBeNull();
  });

  it("is S3 with the bucket and a region, credentials from the settings or the SDK's default chain", () => {
    expect(documentObjectStorageSettings(parseEnv({ DOCUMENTS_S3_BUCKET: "docs", AWS_REGION: "eu-west-2" }))).toEqual({
      bucket: "docs",
      region: "eu-west-2",
      endpoint: undefined,
      forcePathStyle: false,
      serverSideEncryption: "AES256",
      kmsKeyId: undefined,
      credentials: undefined,
    });
    const minio = parseEnv({
      DOCUMENTS_S3_BUCKET: "docs",
      DOCUMENTS_S3_REGION: "eu-west-2",
      AWS_REGION: "us-east-1",
      DOCUMENTS_S3_ENDPOINT: "http://minio.internal:9000",
      DOCUMENTS_S3_FORCE_PATH_STYLE: "true",
      DOCUMENTS_S3_SERVER_SIDE_ENCRYPTION: "aws:kms",
      DOCUMENTS_S3_KMS_KEY_ID: "key-1",
      AWS_ACCESS_KEY_ID: "AKIA",
      AWS_SECRET_ACCESS_KEY: "secret",
    });
    expect(documentObjectStorageSettings(minio)).toEqual({
      bucket: "docs",
      region: "eu-west-2",
      endpoint: "http://minio.internal:9000",
      forcePathStyle: true,
      serverSideEncryption: "aws:kms",
      kmsKeyId: "key-1",
      credentials: { accessKeyId: "AKIA", secretAccessKey: "secret" },
    });
  });

  it("refuses half a configuration at start, naming what is missing", () => {
    expect(() => parseEnv({ DOCUMENTS_S3_ENDPOINT: "http://minio.internal:9000" })).toThrow(/DOCUMENTS_S3_ENDPOINT: DOCUMENTS_S3_ENDPOINT is set without DOCUMENTS_S3_BUCKET/);
    expect(() => parseEnv({ DOCUMENTS_S3_REGION: "eu-west-2", DOCUMENTS_S3_FORCE_PATH_STYLE: "true" })).toThrow(/DOCUMENTS_S3_REGION: .*; DOCUMENTS_S3_FORCE_PATH_STYLE: /);
    expect(() => parseEnv({ DOCUMENTS_S3_BUCKET: "docs" })).toThrow(/DOCUMENTS_S3_REGION: DOCUMENTS_S3_BUCKET needs DOCUMENTS_S3_REGION/);
    expect(() => parseEnv({ DOCUMENTS_S3_BUCKET: "docs", AWS_REGION: "eu-west-2", AWS_ACCESS_KEY_ID: "AKIA" })).toThrow(/AWS_SECRET_ACCESS_KEY: AWS_ACCESS_KEY_ID is set without AWS_SECRET_ACCESS_KEY/);
    expect(() => parseEnv({ DOCUMENTS_S3_BUCKET: "docs", AWS_REGION: "eu-west-2", AWS_SECRET_ACCESS_KEY: "secret" })).toThrow(/AWS_ACCESS_KEY_ID: AWS_SECRET_ACCESS_KEY is set without AWS_ACCESS_KEY_ID/);
    expect(() => parseEnv({ DOCUMENTS_S3_BUCKET: "docs", AWS_REGION: "eu-west-2", DOCUMENTS_S3_KMS_KEY_ID: "key-1" })).toThrow(/DOCUMENTS_S3_KMS_KEY_ID needs DOCUMENTS_S3_SERVER_SIDE_ENCRYPTION=aws:kms/);
    expect(() => parseEnv({ DOCUMENTS_S3_BUCKET: "docs", AWS_REGION: "eu-west-2", DOCUMENTS_S3_FORCE_PATH_STYLE: "yes" })).toThrow(/DOCUMENTS_S3_FORCE_PATH_STYLE/);
    expect(() => parseEnv({ DOCUMENTS_S3_BUCKET: "docs", AWS_REGION: "eu-west-2", DOCUMENTS_S3_ENDPOINT: "minio:9000" })).toThrow(/DOCUMENTS_S3_ENDPOINT/);
  });
});
