import { useEffect, type ReactNode } from "react";
import { href, isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useMatches, useRouteError, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import appStyles from "./styles/app.css?url";
import { Footer, Header, PhaseBanner, ServiceNavigation, SkipLink } from "./components/govuk";
import { SessionTimeoutWarning } from "./components/SessionTimeoutWarning";
import { PageTitle, SERVICE_NAME } from "./components/PageTitle";
import { ROLE_LABELS } from "./domain/roles";
import { activeHref, navigationFor } from "./navigation";
import { unreadCount } from "./utils/notify.server";
import { env } from "./utils/env.server";
import { guard } from "./utils/route-guard.server";
import { GOVUK_FRONTEND_INIT_SCRIPT, JS_ENABLED_SCRIPT } from "./utils/inline-scripts";
import { useNonce } from "./utils/nonce";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: "/govuk/govuk-frontend.min.css" },
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", sizes: "48x48", href: "/assets/images/favicon.ico" },
  { rel: "icon", sizes: "any", href: "/assets/images/favicon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/assets/images/govuk-icon-180.png" },
  { rel: "manifest", href: "/assets/manifest.json" },
];

export const loader = guard("root").loader(async ({ user }) => {
  if (!user) return { signedIn: null };
  return {
    signedIn: {
      unread: await unreadCount(user.id),
      name: user.name,
      role: ROLE_LABELS[user.role],
      organisation: user.organisationName,
      navigation: navigationFor(user.role),
      timeout: { warningLeadMs: env().SESSION_TIMEOUT_WARNING_SECONDS * 1_000, idleMinutes: env().SESSION_IDLE_MINUTES },
    },
  };
});

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<typeof loader>("root");
  const { pathname } = useLocation();
  const signedIn = root?.signedIn ?? null;
  const navigation = signedIn?.navigation ?? [];
  const current = activeHref(navigation, pathname);
  // A route may ask to be served as plain HTML (`handle = { hydrate: false }`): the public
  // directory's pages, which are links and GET forms, need none of React's 110 KB of JavaScript.
  const hydrate = !useMatches().some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false);

  useEffect(() => {
    // GOV.UK Frontend's own behaviour for the parts of the page it owns (the skip link, the
    // navigation's menu button on small screens).
    void import("govuk-frontend").then(({ createAll, SkipLink: GovukSkipLink, ServiceNavigation: GovukServiceNavigation }) => {
      createAll(GovukSkipLink);
      createAll(GovukServiceNavigation);
    });
  }, []);

  return (
    <html lang="en" className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <script
          nonce={nonce}
          suppressHydrationWarning
          dangerouslySetInnerHTML={{
            __html: JS_ENABLED_SCRIPT,
          }}
        />
        <SkipLink href="#main-content" />
        <header className="govuk-template__header">
          <Header />
          <ServiceNavigation
            serviceName={SERVICE_NAME}
            serviceUrl={signedIn ? href("/home") : href("/")}
            navigation={navigation.map((item) => ({ ...item, active: item.href === current }))}
            signedIn={
              signedIn
                ? {
                    name: signedIn.name,
                    organisation: `${signedIn.role}, ${signedIn.organisation}`,
                    inbox: { href: href("/inbox"), unread: signedIn.unread },
                  }
                : undefined
            }
          />
        </header>
        <div className="govuk-width-container">
          <PhaseBanner phase="Beta" feedbackHref={`${href("/help")}#feedback`} />
          <main className="govuk-main-wrapper" id="main-content">
            {children}
          </main>
        </div>
        <Footer
          metaLinks={[
            { href: href("/help"), text: "Help and contact" },
            { href: href("/accessibility"), text: "Accessibility statement" },
            { href: href("/privacy"), text: "Privacy" },
            { href: href("/cookies"), text: "Cookies" },
            ...(signedIn
              ? [
                  { href: href("/account/password"), text: "Change your password" },
                  { href: href("/account/second-factor"), text: "Your second factor" },
                  { href: href("/account/passkeys"), text: "Your passkeys" },
                ]
              : []),
          ]}
        />
        {hydrate ? (
          <>
            {signedIn ? <SessionTimeoutWarning warningLeadMs={signedIn.timeout.warningLeadMs} idleMinutes={signedIn.timeout.idleMinutes} /> : null}
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          <script
            type="module"
            nonce={nonce}
            dangerouslySetInnerHTML={{ __html: GOVUK_FRONTEND_INIT_SCRIPT }}
          />
        )}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const { title, body } = errorPage(status);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={title} />
        <h1 className="govuk-heading-l">{title}</h1>
        {body}
      </div>
    </div>
  );
}

function errorPage(status: number): { title: string; body: ReactNode } {
  switch (status) {
    case 403:
      return {
        title: "You do not have permission to see this page",
        body: (
          <>
            <p className="govuk-body">Your role does not give you access to this page.</p>
            <p className="govuk-body">
              If you think you need access, contact your organisation&apos;s admin. <a className="govuk-link" href={href("/home")}>Go to your home page</a>.
            </p>
          </>
        ),
      };
    case 404:
      return {
        title: "Page not found",
        body: (
          <>
            <p className="govuk-body">If you typed the web address, check it is correct.</p>
            <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
          </>
        ),
      };
    case 413:
      return {
        title: "What you sent was too large",
        body: (
          <>
            <p className="govuk-body">Nothing was saved. Go back, shorten your answers, and try again.</p>
            <p className="govuk-body">No form in this service needs more than 1 MB.</p>
          </>
        ),
      };
    case 400:
    case 415:
      return {
        title: "The form you sent could not be read",
        body: <p className="govuk-body">Nothing was saved. Go back to the form in this service and send it again.</p>,
      };
    case 503:
      return {
        title: "Sorry, the service is unavailable",
        body: (
          <>
            <p className="govuk-body">Try again in a few seconds.</p>
            <p className="govuk-body">
              If you were saving something, check whether it was saved before you try again: it was either saved in full or not at all.
            </p>
          </>
        ),
      };
    default:
      return {
        title: "Sorry, there is a problem with the service",
        body: (
          <>
            <p className="govuk-body">Try again later.</p>
            <p className="govuk-body">Nothing you entered has been half-saved: if your last action did not finish, it was not saved.</p>
          </>
        ),
      };
  }
}
