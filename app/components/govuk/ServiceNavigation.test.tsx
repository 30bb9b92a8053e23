import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ServiceNavigation } from "./index";

const nav = [
  { href: "/home", text: "Home", active: true },
  { href: "/register", text: "Register" },
];

describe("ServiceNavigation", () => {
  it("puts a signed-in person's account links in a navigation of their own, before the page links", () => {
    const out = renderToStaticMarkup(
      <ServiceNavigation serviceName="Children not in school" serviceUrl="/home" navigation={nav} signedIn={{ name: "Olu Adeyemi", organisation: "Council officer, Camden", inbox: { href: "/inbox", unread: 2 } }} />,
    );
    const account = out.indexOf('<nav aria-label="Your account"');
    const menu = out.indexOf('<nav aria-label="Menu"');
    expect(account).toBeGreaterThan(-1);
    expect(menu).toBeGreaterThan(account);
    const accountNav = out.slice(account, menu);
    expect(accountNav).toContain('Olu Adeyemi<span class="govuk-visually-hidden">, Council officer, Camden</span>');
    expect(accountNav).toContain('<strong class="app-unread-count">2</strong><span class="govuk-visually-hidden"> unread</span>');
    // Sign out is a POST form, never a link that a prefetch could follow.
    expect(accountNav).toContain('<form class="app-sign-out" action="/sign-out" method="post">');
    // The page links hold only pages: no name, no sign out.
    const pages = out.slice(menu);
    expect(pages).not.toContain("Olu Adeyemi");
    expect(pages).not.toContain("Sign out");
    expect(pages).toContain('aria-current="page"');
  });

  it("shows no account navigation to someone not signed in", () => {
    const out = renderToStaticMarkup(<ServiceNavigation serviceName="Children not in school" serviceUrl="/" navigation={[]} />);
    expect(out).not.toContain("Your account");
    expect(out).not.toContain('aria-label="Menu"');
  });
});
