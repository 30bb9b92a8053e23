import { afterEach, beforeEach } from "vitest";
import { logEmailSender } from "#app/utils/email-senders.server";
import { setEmailSender, type EmailMessage } from "#app/utils/notify.server";

/** Collects every email the code under test sends, for the tests of one file. */
export function captureEmails() {
  const sent: EmailMessage[] = [];
  beforeEach(() => {
    sent.length = 0;
    setEmailSender({ name: "capture", send: async (message) => void sent.push(message) });
  });
  afterEach(() => setEmailSender(logEmailSender));
  return {
    sent,
    to: (address: string) => sent.filter((m) => m.to.toLowerCase() === address.toLowerCase()),
    /** The token of the last link to `/<page>/<token>` emailed to an address. */
    tokenSentTo(address: string, page: "invitation" | "reset-password"): string | null {
      const bodies = sent.filter((m) => m.to.toLowerCase() === address.toLowerCase()).map((m) => m.body);
      for (const body of bodies.reverse()) {
        const match = new RegExp(`/${page}/([a-z2-7]+)`).exec(body);
        if (match) return match[1]!;
      }
      return null;
    },
  };
}
