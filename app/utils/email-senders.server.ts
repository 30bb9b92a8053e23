import nodemailer from "nodemailer";
import { NotifyClient } from "notifications-node-client";
import type { SendFailure } from "#app/domain/email-delivery";
import type { Env } from "./env.server";
import { logger } from "./logger.server";

// The ways an email can leave the service, chosen by EMAIL_SENDER (decision 011). Every email says
// only that there is something to see, with a link to the service: never a child's details.

export interface EmailMessage {
  /** The outbox row's id: Notify's reference, and what the logs name. */
  id: string;
  to: string;
  subject: string;
  body: string;
  /** An absolute URL in the service (PUBLIC_URL + the notification's path). */
  link: string;
}

export interface EmailSender {
  readonly name: string;
  /** Resolves with the sender's own id for the email; throws EmailSendError (or anything) when not sent. */
  send(message: EmailMessage): Promise<{ reference?: string } | void>;
}

/** A sender's refusal, classified: a permanent one is not tried again. */
export class EmailSendError extends Error implements SendFailure {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
  ) {
    super(`email not sent (${code}${permanent ? ", permanent" : ", temporary"})`);
    this.name = "EmailSendError";
  }
}

/** Anything a sender threw, as a failure the outbox can act on (an unknown error is temporary). */
export function asSendFailure(error: unknown): SendFailure {
  if (error instanceof EmailSendError) return { code: error.code, permanent: error.permanent };
  const name = error instanceof Error ? error.name : "unknown";
  return { code: name.replace(/[^A-Za-z0-9_]/g, "").slice(0, 40) || "unknown", permanent: false };
}

/** The plain-text body every sender uses: the message, then the link. */
export function textOf(message: EmailMessage): string {
  return `${message.body}\n\n${message.link}\n`;
}

/** Development, tests, and production only when EMAIL_SENDER=log: logged (without recipient or body), not sent. */
export const logEmailSender: EmailSender = {
  name: "log",
  async send(message) {
    logger.info({ emailId: message.id, subject: message.subject }, "email (EMAIL_SENDER=log: logged, not sent)");
  },
};

/**
 * SMTP through nodemailer. An SMTP reply of 5xx is permanent (the server refuses this email); 4xx,
 * a dropped connection or a timeout is temporary.
 */
export function smtpEmailSender(options: { url: string; from: string }): EmailSender {
  const transport = nodemailer.createTransport(options.url, {
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  } as never);
  return {
    name: "smtp",
    async send(message) {
      try {
        const info = await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: textOf(message) });
        return { reference: info.messageId };
      } catch (error) {
        const reply = (error as { responseCode?: unknown }).responseCode;
        if (typeof reply === "number") throw new EmailSendError(`smtp_${reply}`, reply >= 500);
        const code = (error as { code?: unknown }).code;
        throw new EmailSendError(`smtp_${typeof code === "string" ? code.replace(/[^A-Za-z0-9_]/g, "") : "error"}`, false);
      }
    },
  };
}

/**
 * GOV.UK Notify. The template (NOTIFY_TEMPLATE_ID) has the subject `((subject))` and the body
 * `((body))` then `((link))`. Notify answers 400 for an email it will never send (a bad address,
 * a missing personalisation) and 403 for a bad key: permanent; 429 and 5xx are temporary.
 */
export function notifyEmailSender(options: { apiKey: string; templateId: string; baseUrl?: string }): EmailSender {
  const client = options.baseUrl ? new NotifyClient(options.baseUrl, options.apiKey) : new NotifyClient(options.apiKey);
  return {
    name: "notify",
    async send(message) {
      try {
        const response = await client.sendEmail(options.templateId, message.to, {
          personalisation: { subject: message.subject, body: message.body, link: message.link },
          reference: message.id,
        });
        return { reference: response.data.id };
      } catch (error) {
        const status = (error as { response?: { status?: unknown } }).response?.status;
        if (typeof status === "number") throw new EmailSendError(`notify_${status}`, status === 400 || status === 403);
        throw new EmailSendError("notify_unreachable", false);
      }
    },
  };
}

/** The sender EMAIL_SENDER names (env.server.ts has already checked its settings). */
export function emailSenderFromEnv(settings: Env): EmailSender {
  switch (settings.EMAIL_SENDER) {
    case "smtp":
      return smtpEmailSender({ url: settings.SMTP_URL!, from: settings.EMAIL_FROM! });
    case "notify":
      return notifyEmailSender({ apiKey: settings.NOTIFY_API_KEY!, templateId: settings.NOTIFY_TEMPLATE_ID!, baseUrl: settings.NOTIFY_BASE_URL });
    case "log":
    case undefined:
      return logEmailSender;
  }
}
