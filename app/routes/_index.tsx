import { href, redirect } from "react-router";
import { Button } from "#app/components/govuk";
import { PageTitle, SERVICE_NAME } from "#app/components/PageTitle";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/_index").loader(({ user }) => {
  if (user) throw redirect(href("/home"));
  return null;
});

export default function Start() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="Start" />
        <h1 className="govuk-heading-xl">{SERVICE_NAME}</h1>
        <p className="govuk-body">Councils in England use this service to:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>keep their register of children not in school</li>
          <li>agree or refuse home education for children with a social worker</li>
          <li>place children only with alternative provision listed in the national directory</li>
        </ul>
        <p className="govuk-body">
          Alternative provision providers use it to apply to be listed in the directory. A provider new to the service can{" "}
          <a className="govuk-link" href={href("/provider/sign-up")}>
            create an account
          </a>
          .
        </p>
        <Button href={href("/sign-in")} variant="start">
          Sign in
        </Button>
        <h2 className="govuk-heading-m">Parents and carers</h2>
        <p className="govuk-body">
          If your child is not in school, you must tell your council. You can{" "}
          <a className="govuk-link" href={href("/parents/notify")}>
            tell your council your child is not in school
          </a>
          , or of a change to what you told it before, without an account.
        </p>
        <h2 className="govuk-heading-m">Find alternative provision</h2>
        <p className="govuk-body">
          Anyone can{" "}
          <a className="govuk-link" href={href("/directory")}>
            search the directory of non-school alternative provision
          </a>{" "}
          without signing in.
        </p>
        <h2 className="govuk-heading-m">Statistics</h2>
        <p className="govuk-body">
          <a className="govuk-link" href={href("/statistics")}>
            Children on councils&apos; registers
          </a>{" "}
          on each termly census day, for England, its regions and every council, with the data to download.
        </p>
      </div>
    </div>
  );
}
