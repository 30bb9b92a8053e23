import { PageTitle, SERVICE_NAME } from "#app/components/PageTitle";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/accessibility").loader(() => null);

export default function Accessibility() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="Accessibility statement" />
        <h1 className="govuk-heading-l">Accessibility statement for {SERVICE_NAME}</h1>
        <p className="govuk-body">
          This service is built with the GOV.UK Design System and aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 AA
          standard. Every page the automated browser tests visit is checked with axe-core for WCAG 2.2 A and AA failures.
        </p>
        <p className="govuk-body">Every form works with JavaScript turned off.</p>
        <h2 className="govuk-heading-m">Reporting accessibility problems</h2>
        <p className="govuk-body">If you find a problem not listed here, tell your organisation&apos;s admin so it can be passed to the service team.</p>
      </div>
    </div>
  );
}
