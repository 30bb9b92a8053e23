import { href } from "react-router";
import { PageTitle } from "#app/components/PageTitle";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/signed-out").loader(() => null);

export default function SignedOut() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="You have signed out" />
        <h1 className="govuk-heading-l">You have signed out</h1>
        <p className="govuk-body">
          <a className="govuk-link" href={href("/sign-in")}>Sign in again</a>
        </p>
      </div>
    </div>
  );
}
