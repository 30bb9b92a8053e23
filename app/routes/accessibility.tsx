import { useLoaderData } from "react-router";
import { PageTitle, SERVICE_NAME } from "#app/components/PageTitle";
import { serviceFacts } from "#app/service-pages.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/accessibility").loader(() => serviceFacts());

// The sections the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility
// Regulations 2018 require, in the order of GOV.UK's model statement. The known problems are the
// ones found by trying the service; remove each when its fix lands.
export default function Accessibility() {
  const { supportEmail, sessionIdleMinutes } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="Accessibility statement" />
        <h1 className="govuk-heading-l">Accessibility statement for {SERVICE_NAME}</h1>
        <p className="govuk-body">
          This statement applies to the {SERVICE_NAME} service: the councils&apos; registers of children not in school, the directory of non-school
          alternative provision and its open data, and the pages providers use to apply to be listed.
        </p>
        <p className="govuk-body">We want as many people as possible to be able to use this service. For example, that means you should be able to:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>change colours, contrast levels and fonts using browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>navigate the whole service using just a keyboard or speech recognition software</li>
          <li>listen to the whole service using a screen reader</li>
          <li>use every form with JavaScript turned off</li>
        </ul>
        <p className="govuk-body">We have also made the text as simple as possible to understand.</p>

        <h2 className="govuk-heading-m">How accessible this service is</h2>
        <p className="govuk-body">We know some parts of this service are not fully accessible:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            with JavaScript turned off, you are signed out after {sessionIdleMinutes} minutes without activity with no warning first; the forms to add a
            child and change a child&apos;s entry keep your answers for when you sign in again, but other forms do not
          </li>
        </ul>

        <h2 className="govuk-heading-m">Feedback and contact information</h2>
        <p className="govuk-body">
          If you need information on this service in a different format, such as accessible PDF, large print, easy read or audio recording, email{" "}
          <a className="govuk-link" href={`mailto:${supportEmail}`}>
            {supportEmail}
          </a>
          . We will consider your request and get back to you in 5 working days.
        </p>

        <h2 className="govuk-heading-m">Reporting accessibility problems with this service</h2>
        <p className="govuk-body">
          We are always looking to improve the accessibility of this service. If you find any problems not listed on this page or think we are not
          meeting accessibility requirements, email{" "}
          <a className="govuk-link" href={`mailto:${supportEmail}`}>
            {supportEmail}
          </a>
          .
        </p>

        <h2 className="govuk-heading-m">Enforcement procedure</h2>
        <p className="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No.
          2) Accessibility Regulations 2018 (the &lsquo;accessibility regulations&rsquo;). If you are not happy with how we respond to your complaint,{" "}
          <a className="govuk-link" href="https://www.equalityadvisoryservice.com/">
            contact the Equality Advisory and Support Service (EASS)
          </a>
          .
        </p>

        <h2 className="govuk-heading-m">Technical information about this service&apos;s accessibility</h2>
        <p className="govuk-body">
          The national service team is committed to making this service accessible, in accordance with the Public Sector Bodies (Websites and Mobile
          Applications) (No. 2) Accessibility Regulations 2018.
        </p>
        <h3 className="govuk-heading-s">Compliance status</h3>
        <p className="govuk-body">
          This service is partially compliant with the{" "}
          <a className="govuk-link" href="https://www.w3.org/TR/WCAG22/">
            Web Content Accessibility Guidelines version 2.2
          </a>{" "}
          AA standard, due to the non-compliances listed below.
        </p>

        <h2 className="govuk-heading-m">Non-accessible content</h2>
        <p className="govuk-body">The content listed below is non-accessible for the following reasons.</p>
        <h3 className="govuk-heading-s">Non-compliance with the accessibility regulations</h3>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            A session ends after {sessionIdleMinutes} minutes without activity. With JavaScript on, we warn you before it ends and you can stay
            signed in. With JavaScript off there is no warning: the forms to add a child and change a child&apos;s entry keep what you sent and give it
            back when you sign in again, but answers sent to other forms after the session ended are lost. This fails WCAG 2.2 success criterion
            2.2.1 (timing adjustable) for those forms with JavaScript off. We plan to keep the answers of every form in the same way.
          </li>
        </ul>
        <h3 className="govuk-heading-s">Disproportionate burden</h3>
        <p className="govuk-body">We are not claiming that any accessibility problem would be a disproportionate burden to fix.</p>
        <h3 className="govuk-heading-s">Content that is not within the scope of the accessibility regulations</h3>
        <p className="govuk-body">The downloadable CSV files of open data are data for computers to read; each has a web page showing the same data.</p>

        <h2 className="govuk-heading-m">What we are doing to improve accessibility</h2>
        <p className="govuk-body">
          Every page our automated browser tests visit is checked with axe-core against WCAG 2.2 A and AA, with JavaScript on and off, at full
          width and at 320 pixels wide (where nothing may make the page scroll sideways), and a change that adds a failure cannot be released. We fix the problems listed above as a priority.
        </p>

        <h2 className="govuk-heading-m">Preparation of this accessibility statement</h2>
        <p className="govuk-body">
          This statement was prepared on 1 December 2026. It was last reviewed on 1 December 2026. This service was last tested on 1 December 2026
          by the service team, with automated checks (axe-core) and by trying each journey as the people who use it would. It has not yet been
          audited by an independent accessibility specialist.
        </p>
      </div>
    </div>
  );
}
