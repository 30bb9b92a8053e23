import http, { type IncomingMessage, type ServerResponse } from "node:http";
import Provider from "oidc-provider";
import { freePort } from "../../scripts/app-process";

// A real OpenID provider (the `oidc-provider` package, OpenID Certified) on a local port, for the
// single sign-on tests (decision 063). Its sign-in page is its own, plain HTML: type a user name.
// It knows two clients: the service's, and another relying party's, whose ID tokens the service
// must refuse.

export interface TestAccount {
  sub: string;
  email: string;
  emailVerified?: boolean;
}

export interface TestIdentityProvider {
  issuer: string;
  client: { id: string; secret: string };
  otherClient: { id: string; secret: string };
  /** People who can sign in at the provider, by the user name they type on its page. */
  accounts: Map<string, TestAccount>;
  /**
   * While true, the provider answers the service with ID tokens issued to the other client: sign-ins
   * are sent on as the other client's (same redirect URI, state, nonce and PKCE challenge), and the
   * service's code exchange is made with the other client's credentials. The tokens are real and
   * really signed; only their audience is wrong, as from a confused or hostile provider.
   */
  answerForOtherClient: boolean;
  stop(): Promise<void>;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

export async function startTestIdentityProvider(options: { redirectUris: string[] }): Promise<TestIdentityProvider> {
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  const client = { id: "children-not-in-school", secret: "test-client-secret-for-the-service" };
  const otherClient = { id: "another-relying-party", secret: "test-client-secret-of-another-service" };
  const accounts = new Map<string, TestAccount>();
  const bySub = (sub: string) => [...accounts.values()].find((a) => a.sub === sub);

  const provider = new Provider(issuer, {
    clients: [client, otherClient].map((c) => ({
      client_id: c.id,
      client_secret: c.secret,
      redirect_uris: options.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    })),
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = bySub(sub);
      return account ? { accountId: sub, claims: async () => ({ sub, email: account.email, email_verified: account.emailVerified ?? true }) } : undefined;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    cookies: { keys: ["test-identity-provider-cookie-key"] },
    // Consent is assumed, as an organisation's own provider does for an app its IT team registered.
    loadExistingGrant: async (ctx: { oidc: { client: { clientId: string }; session: { accountId: string } } }) => {
      const grant = new provider.Grant({ accountId: ctx.oidc.session.accountId, clientId: ctx.oidc.client.clientId });
      grant.addOIDCScope("openid email");
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  const state: TestIdentityProvider = { issuer, client, otherClient, accounts, answerForOtherClient: false, stop: async () => {} };

  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? "/", issuer);
      const interaction = url.pathname.match(/^\/interaction\/([\w-]+)$/);
      if (interaction && req.method === "GET") {
        await provider.interactionDetails(req, res);
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(
          page(
            "Test identity provider",
            `<form method="post"><label for="username">User name</label> <input id="username" name="username" autocomplete="off"> <button type="submit">Sign in</button></form>`,
          ),
        );
        return;
      }
      if (interaction && req.method === "POST") {
        const username = new URLSearchParams(await readBody(req)).get("username") ?? "";
        const account = accounts.get(username);
        if (!account) {
          res.writeHead(401, { "Content-Type": "text/html; charset=utf-8" });
          res.end(page("Test identity provider", "<p>No such user.</p>"));
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
        return;
      }
      if (state.answerForOtherClient && url.pathname === "/auth" && url.searchParams.get("client_id") === client.id) {
        url.searchParams.set("client_id", otherClient.id);
        req.url = `${url.pathname}${url.search}`;
      }
      if (state.answerForOtherClient && url.pathname === "/token" && req.method === "POST") {
        const body = new URLSearchParams(await readBody(req));
        if (body.get("client_id") === client.id) {
          body.set("client_id", otherClient.id);
          body.set("client_secret", otherClient.secret);
        }
        // oidc-provider reads a body already read from `req.body`.
        (req as IncomingMessage & { body?: string }).body = body.toString();
        req.headers["content-length"] = String(Buffer.byteLength(body.toString()));
      }
      handle(req, res);
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  state.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
