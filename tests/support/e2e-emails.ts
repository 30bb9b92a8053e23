import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { EmailMessage } from "#app/utils/notify.server";

/** A folder the app writes each email into (EMAIL_DIRECTORY), for a browser test to read. */
export function emailDirectory() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cnis-e2e-emails-"));
  const all = (): EmailMessage[] =>
    readdirSync(dir)
      .sort()
      .map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as EmailMessage);
  return {
    env: { EMAIL_DIRECTORY: dir },
    all,
    /**
     * The path of the newest link to `/<page>/...` emailed to an address, waiting for it to come:
     * some emails go out with the outbox job, which runs once a minute.
     */
    async linkSentTo(address: string, page: "invitation" | "reset-password" | "provider-answer", options: { after?: number; timeoutMs?: number } = {}): Promise<string> {
      const deadline = Date.now() + (options.timeoutMs ?? 100_000);
      const pattern = new RegExp(`https?://[^\\s/]+(/${page}/[a-z2-7]+)`);
      for (;;) {
        const links = all()
          .filter((m) => m.to === address)
          .map((m) => pattern.exec(m.body)?.[1])
          .filter((link): link is string => !!link);
        if (links.length > (options.after ?? 0)) return links[links.length - 1]!;
        if (Date.now() > deadline) throw new Error(`no ${page} link emailed to ${address}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
