import { href } from "react-router";
import type { ReactNode } from "react";

export function SkipLink({ href = "#main-content", children = "Skip to main content" }: { href?: string; children?: ReactNode }) {
  return (
    <a href={href} className="govuk-skip-link" data-module="govuk-skip-link">
      {children}
    </a>
  );
}

export interface NavItem {
  href: string;
  text: string;
  active?: boolean;
}

/**
 * The service navigation. A signed-in person's account links (who they are, messages, sign out) sit
 * on the service name's row, at the end, in a navigation of their own; the service's pages go on
 * the row below, so the account links never wrap onto a row of their own among the page links.
 * Sign out is a POST, never a link.
 */
export function ServiceNavigation({
  serviceName,
  serviceUrl,
  navigation,
  signedIn,
}: {
  serviceName: string;
  serviceUrl: string;
  navigation: NavItem[];
  signedIn?: { name: string; organisation: string; badge?: ReactNode; inbox?: { href: string; unread: number } };
}) {
  return (
    <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className={`govuk-service-navigation__container${signedIn ? " app-service-navigation--account" : ""}`}>
          <span className="govuk-service-navigation__service-name">
            <a href={serviceUrl} className="govuk-service-navigation__link">
              {serviceName}
            </a>
          </span>
          {signedIn ? (
            <nav aria-label="Your account" className="app-account-navigation">
              <ul className="app-account-navigation__list">
                <li className="app-account-navigation__item">
                  <span className="app-account-navigation__name">
                    {signedIn.name}
                    <span className="govuk-visually-hidden">, {signedIn.organisation}</span>
                  </span>
                  {signedIn.badge}
                </li>
                {signedIn.inbox ? (
                  <li className="app-account-navigation__item">
                    <a className="govuk-link govuk-link--no-visited-state" href={signedIn.inbox.href}>
                      Messages
                      {signedIn.inbox.unread > 0 ? (
                        <>
                          {" "}
                          <strong className="app-unread-count">{signedIn.inbox.unread}</strong>
                          <span className="govuk-visually-hidden"> unread</span>
                        </>
                      ) : null}
                    </a>
                  </li>
                ) : null}
                <li className="app-account-navigation__item">
                  <form method="post" action={href("/sign-out")} className="app-sign-out">
                    <button type="submit" className="govuk-link app-link-button">
                      Sign out
                    </button>
                  </form>
                </li>
              </ul>
            </nav>
          ) : null}
          {navigation.length > 0 ? (
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              {navigation.length > 1 ? (
                <button
                  type="button"
                  className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                  aria-controls="navigation"
                  hidden
                  aria-hidden="true"
                >
                  Menu
                </button>
              ) : null}
              <ul className="govuk-service-navigation__list" id="navigation">
                {navigation.map((item) => (
                  <li
                    key={item.href}
                    className={`govuk-service-navigation__item${item.active ? " govuk-service-navigation__item--active" : ""}`}
                  >
                    <a className="govuk-service-navigation__link" href={item.href} aria-current={item.active ? "page" : undefined}>
                      {item.active ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
    </section>
  );
}

export function Footer({ metaLinks = [] }: { metaLinks?: { href: string; text: string }[] }) {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            {metaLinks.length > 0 ? (
              <>
                <h2 className="govuk-visually-hidden">Support links</h2>
                <ul className="govuk-footer__inline-list">
                  {metaLinks.map((link) => (
                    <li key={link.href} className="govuk-footer__inline-list-item">
                      <a className="govuk-footer__link" href={link.href}>
                        {link.text}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <svg aria-hidden="true" focusable="false" className="govuk-footer__licence-logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 483.2 195.7" height="17" width="41">
              <path
                fill="currentColor"
                d="M421.5 142.8V.1l-50.7 32.3v161.1h112.4v-50.7zm-122.3-9.6A47.12 47.12 0 0 1 221 97.8c0-26 21.1-47.1 47.1-47.1 16.7 0 31.4 8.7 39.7 21.8l42.7-27.2A97.63 97.63 0 0 0 268.1 0c-36.5 0-68.3 20.1-85.1 49.7A98 98 0 0 0 97.8 0C43.9 0 0 43.9 0 97.8s43.9 97.8 97.8 97.8c36.5 0 68.3-20.1 85.1-49.7a97.76 97.76 0 0 0 149.6 25.4l19.4 22.2h3v-87.8h-80l24.3 27.5zM97.8 145c-26 0-47.1-21.1-47.1-47.1s21.1-47.1 47.1-47.1 47.2 21 47.2 47S123.8 145 97.8 145"
              />
            </svg>
            <span className="govuk-footer__licence-description">
              All content is available under the{" "}
              <a className="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">
                Open Government Licence v3.0
              </a>
              , except where otherwise stated
            </span>
          </div>
          <div className="govuk-footer__meta-item">
            <a
              className="govuk-footer__link govuk-footer__copyright-logo"
              href="https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/"
            >
              © Crown copyright
            </a>
          </div>
        </div>
      </div>
    </footer>
  );
}

/** The GOV.UK phase banner: the service is new, and where to say what works and what does not. */
export function PhaseBanner({ phase, feedbackHref }: { phase: "Alpha" | "Beta"; feedbackHref: string }) {
  return (
    <div className="govuk-phase-banner">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">{phase}</strong>
        <span className="govuk-phase-banner__text">
          This is a new service. Help us improve it and{" "}
          <a className="govuk-link" href={feedbackHref}>
            give your feedback
          </a>
          .
        </span>
      </p>
    </div>
  );
}
