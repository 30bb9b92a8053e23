import { href } from "react-router";
import type { Route } from "./+types/service-admin.register-uses";
import { Table } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { ROUTE_ACCESS } from "#app/access";
import { serviceAdminScope } from "#app/data/service-admin.server";
import { PURPOSE_STATEMENTS, PURPOSES, REGISTER_ITEM_LABELS, roleUses } from "#app/domain/register-purposes";
import { GRANT_LABELS, GRANTABLE_PERMISSIONS, ROLE_LABELS, ROLE_PERMISSIONS, ROLES } from "#app/domain/roles";
import { REGISTER_USES } from "#app/register-uses";
import { guard } from "#app/utils/route-guard.server";

// Which roles use which of the register's items, and for what (s436F Education Act 1996, decision
// 074): worked out from the one table of each page's uses and the one table of route access, so it
// says what the service does rather than what someone wrote down.

export const loader = guard("routes/service-admin.register-uses").loader(async ({ user }) => {
  serviceAdminScope(user);
  const pages = Object.entries(REGISTER_USES).map(([routeId, use]) => ({ access: ROUTE_ACCESS[routeId as keyof typeof REGISTER_USES], use }));
  const holders = [
    ...ROLES.map((role) => ({ name: ROLE_LABELS[role], permissions: ROLE_PERMISSIONS[role] })),
    ...GRANTABLE_PERMISSIONS.map((grant) => ({ name: `${GRANT_LABELS[grant].name} (granted by a council admin)`, permissions: [grant] })),
  ];
  return { uses: roleUses(holders, pages) };
});

const TITLE = "Who uses the register's information";

export default function RegisterUses({ loaderData: d }: Route.ComponentProps) {
  return (
    <PageShell title={TITLE} width="full">
      <p className="govuk-body">
        Each council may use its register&apos;s information only for the purposes below (section 436F Education Act 1996). Every page and download that shows it says which of
        them it serves. Roles not listed here see nothing of the register.
      </p>
      <Table
        caption="Roles and the items they use"
        firstCellIsHeader
        head={[{ text: "Role" }, { text: "Items of the register" }, { text: "Purposes" }]}
        rows={d.uses.map((u) => ({
          cells: [
            { text: u.name },
            { text: <ul className="govuk-list govuk-list--bullet">{u.items.map((i) => <li key={i}>{REGISTER_ITEM_LABELS[i]}</li>)}</ul> },
            { text: <ul className="govuk-list govuk-list--bullet">{u.purposes.map((p) => <li key={p}>{PURPOSE_STATEMENTS[p]}</li>)}</ul> },
          ],
        }))}
      />
      <h2 className="govuk-heading-m">The purposes</h2>
      <ul className="govuk-list govuk-list--bullet">
        {PURPOSES.map((p) => (
          <li key={p}>{PURPOSE_STATEMENTS[p]}</li>
        ))}
      </ul>
      <h2 className="govuk-heading-m">The register is never published</h2>
      <p className="govuk-body">
        No public page, download or API shows a child on the register. Only the{" "}
        <a className="govuk-link" href={href("/statistics")}>
          published statistics
        </a>{" "}
        are public: counts rounded and suppressed so that no child can be picked out.
      </p>
    </PageShell>
  );
}
