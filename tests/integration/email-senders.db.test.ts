import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailSenderFromEnv } from "#app/utils/email-senders.server";
import { parseEnv } from "#app/utils/env.server";
import { deliverEmails, EMAIL_BODY, notify, setEmailSender } from "#app/utils/notify.server";
import { db } from "#db/client";
import { emailOutbox } from "#db/schema/index";
import { createUser } from "../support/fixtures";

// The real senders against real servers on this machine: an SMTP server (smtp-server) and a local
// HTTP server that plays GOV.UK Notify's API. Nothing here reaches the internet.

async function queueEmail(subject: string) {
  const user = await createUser("social_worker", { laCode: "202" });
  await notify(db, { userId: user.id, subject, body: "ignored: emails never carry the message", link: "/consent-requests" });
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.toUserId, user.id));
  return { user, id: row!.id };
}
const rowOf = async (id: string) => (await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

beforeEach(async () => {
  await db.update(emailOutbox).set({ sentAt: new Date() });
});

describe("sending by SMTP", () => {
  interface Received {
    from: string;
    to: string[];
    text: string;
  }
  const received: Received[] = [];
  // What the server answers to the next recipients: a reply code (and its message) or acceptance.
  const replies: { code: number; message: string }[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo(_address, _session, callback) {
        const reply = replies.shift();
        if (!reply) return callback();
        return callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            // Quoted-printable soft line breaks undone, so the text reads as sent.
            text: Buffer.concat(chunks).toString("utf8").replace(/=\r\n/g, ""),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
    setEmailSender(emailSenderFromEnv(parseEnv({ NODE_ENV: "test", EMAIL_SENDER: "smtp", SMTP_URL: `smtp://127.0.0.1:${port}`, EMAIL_FROM: "noreply@cnis.example.gov.uk" })));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    received.length = 0;
    replies.length = 0;
  });

  it("delivers the email to the server, with the link to the service and nothing about the child", async () => {
    const { user, id } = await queueEmail("A home-education request for your decision");
    expect(await deliverEmails()).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]!.from).toBe("noreply@cnis.example.gov.uk");
    expect(received[0]!.to).toEqual([user.email]);
    expect(received[0]!.text).toContain("Subject: A home-education request for your decision");
    expect(received[0]!.text).toContain(EMAIL_BODY);
    expect(received[0]!.text).toContain("http://localhost:3000/consent-requests");
    expect(received[0]!.text).not.toContain("ignored");
    const row = await rowOf(id);
    expect(row.sentAt).not.toBeNull();
    expect(row.providerReference).toMatch(/@/);
  });

  it("retries after a temporary refusal (451) and sends the email on the next attempt", async () => {
    const { id } = await queueEmail("Temporary");
    replies.push({ code: 451, message: "Try again later" });
    expect(await deliverEmails()).toBe(0);
    expect(await rowOf(id)).toMatchObject({ attempts: 1, sentAt: null, failedAt: null, lastError: "smtp_451" });
    expect(received).toHaveLength(0);

    expect(await deliverEmails({ now: later(2) })).toBe(1);
    expect(received).toHaveLength(1);
    expect(await rowOf(id)).toMatchObject({ attempts: 2, lastError: null });
  });

  it("stops at once after a permanent refusal (550)", async () => {
    const { id } = await queueEmail("Permanent");
    replies.push({ code: 550, message: "No such mailbox" });
    expect(await deliverEmails()).toBe(0);
    const row = await rowOf(id);
    expect(row).toMatchObject({ attempts: 1, sentAt: null, lastError: "smtp_550" });
    expect(row.failedAt).not.toBeNull();
    expect(await deliverEmails({ now: later(24 * 60) })).toBe(0);
    expect(received).toHaveLength(0);
  });

  it("treats a server that cannot be reached as temporary", async () => {
    setEmailSender(emailSenderFromEnv(parseEnv({ EMAIL_SENDER: "smtp", SMTP_URL: "smtp://127.0.0.1:1", EMAIL_FROM: "noreply@cnis.example.gov.uk" })));
    try {
      const { id } = await queueEmail("Unreachable");
      expect(await deliverEmails()).toBe(0);
      const row = await rowOf(id);
      expect(row).toMatchObject({ attempts: 1, failedAt: null, lastError: "smtp_ESOCKET" });
    } finally {
      setEmailSender(emailSenderFromEnv(parseEnv({ EMAIL_SENDER: "smtp", SMTP_URL: `smtp://127.0.0.1:${port}`, EMAIL_FROM: "noreply@cnis.example.gov.uk" })));
    }
  });
});

describe("sending through GOV.UK Notify", () => {
  const serviceId = "26785a09-ab16-4eb0-8407-a37497a57506";
  const secret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
  const apiKey = `cnis_test-${serviceId}-${secret}`;
  const templateId = "f33517ff-2a88-4f6e-b855-c550268ce08a";
  const requests: { path: string; body: Record<string, unknown>; authorised: boolean }[] = [];
  const statuses: number[] = [];
  let server: http.Server;
  let baseUrl = "";

  // Notify's authentication: a JWT signed (HS256) with the key's secret, whose issuer is the service.
  function authorised(header: string | undefined): boolean {
    const token = header?.replace(/^Bearer /, "") ?? "";
    const [head, payload, signature] = token.split(".");
    if (!head || !payload || !signature) return false;
    const expected = createHmac("sha256", secret).update(`${head}.${payload}`).digest("base64url");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as { iss?: string; iat?: number };
    return expected === signature && claims.iss === serviceId && typeof claims.iat === "number";
  }

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let raw = "";
      request.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      request.on("end", () => {
        const body = JSON.parse(raw || "{}") as Record<string, unknown>;
        const ok = authorised(request.headers.authorization);
        requests.push({ path: request.url ?? "", body, authorised: ok });
        const status = !ok ? 403 : (statuses.shift() ?? 201);
        response.writeHead(status, { "Content-Type": "application/json" });
        if (status === 201) {
          response.end(JSON.stringify({ id: "740e5834-3a29-46b4-9a6f-16142fde533a", reference: body.reference, content: { subject: "s", body: "b", from_email: "cnis@notifications.service.gov.uk" }, uri: "", template: { id: templateId, version: 1, uri: "" } }));
        } else {
          const error = status === 400 ? "BadRequestError" : status === 403 ? "AuthError" : "Exception";
          response.end(JSON.stringify({ status_code: status, errors: [{ error, message: "refused" }] }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    setEmailSender(emailSenderFromEnv(parseEnv({ NODE_ENV: "test", EMAIL_SENDER: "notify", NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATE_ID: templateId, NOTIFY_BASE_URL: baseUrl })));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    requests.length = 0;
    statuses.length = 0;
  });

  it("sends the template with the subject, the body and the link as personalisation", async () => {
    const { user, id } = await queueEmail("A home-education request was agreed");
    expect(await deliverEmails()).toBe(1);
    expect(requests).toEqual([
      {
        path: "/v2/notifications/email",
        authorised: true,
        body: {
          template_id: templateId,
          email_address: user.email,
          reference: id,
          personalisation: { subject: "A home-education request was agreed", body: EMAIL_BODY, link: "http://localhost:3000/consent-requests" },
        },
      },
    ]);
    expect((await rowOf(id)).providerReference).toBe("740e5834-3a29-46b4-9a6f-16142fde533a");
  });

  it("retries Notify's 500 and 429, and stops at its 400", async () => {
    const { id } = await queueEmail("Retried");
    statuses.push(500, 429);
    await deliverEmails();
    expect(await rowOf(id)).toMatchObject({ attempts: 1, lastError: "notify_500", failedAt: null });
    await deliverEmails({ now: later(2) });
    expect(await rowOf(id)).toMatchObject({ attempts: 2, lastError: "notify_429", failedAt: null });
    expect(await deliverEmails({ now: later(10) })).toBe(1);
    expect((await rowOf(id)).sentAt).not.toBeNull();

    const refused = await queueEmail("Refused");
    statuses.push(400);
    await deliverEmails();
    const row = await rowOf(refused.id);
    expect(row).toMatchObject({ attempts: 1, lastError: "notify_400", sentAt: null });
    expect(row.failedAt).not.toBeNull();
  });

  it("stops when Notify refuses the key (403): the service admin retries once the key is fixed", async () => {
    setEmailSender(emailSenderFromEnv(parseEnv({ EMAIL_SENDER: "notify", NOTIFY_API_KEY: `cnis_test-${serviceId}-00000000-0000-0000-0000-000000000000`, NOTIFY_TEMPLATE_ID: templateId, NOTIFY_BASE_URL: baseUrl })));
    const { id } = await queueEmail("Bad key");
    await deliverEmails();
    expect(await rowOf(id)).toMatchObject({ attempts: 1, lastError: "notify_403" });
    expect((await rowOf(id)).failedAt).not.toBeNull();
    expect(requests[0]!.authorised).toBe(false);
  });
});
