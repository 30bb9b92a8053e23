import { href } from "react-router";
import type { Route } from "./+types/school._index";
import { PageShell } from "#app/components/PageShell";
import { SummaryList, Table, Tag } from "#app/components/govuk";
import { schoolScope } from "#app/data/school-scope.server";
import { ownSchool, usersOfSchool } from "#app/data/schools.server";
import { schoolAddress } from "#app/domain/gias";
import { ROLE_LABELS } from "#app/domain/roles";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/school._index").loader(async ({ user, can }) => {
  const scope = schoolScope(user);
  const [school, people] = await Promise.all([ownSchool(scope), usersOfSchool(scope.schoolId)]);
  return {
    school: { urn: school.urn, name: school.name, council: school.laName, typeName: school.typeName, phaseName: school.phaseName, statusName: school.statusName, open: school.open, address: schoolAddress(school) },
    people: people.filter((p) => !p.deactivatedAt).map((p) => ({ id: p.id, name: p.name, email: p.email, role: ROLE_LABELS[p.role] })),
    canInvite: can("manage:user:own-school"),
  };
});

export default function OwnSchool({ loaderData: d }: Route.ComponentProps) {
  const s = d.school;
  return (
    <PageShell title={s.name} caption={`URN ${s.urn}`}>
      <SummaryList
        rows={[
          { key: "Council", value: s.council },
          { key: "Type", value: s.typeName },
          { key: "Phase", value: s.phaseName },
          { key: "Status", value: s.open ? <Tag colour="green">{s.statusName}</Tag> : <Tag colour="grey">{s.statusName}</Tag> },
          { key: "Address", value: s.address || "Not given" },
        ]}
      />
      <p className="govuk-body">These details come from Get Information About Schools. If one is wrong, ask your school to correct it there: the service loads the changes.</p>
      <Table caption="People who can sign in for your school" captionSize="m" head={[{ text: "Name" }, { text: "Email address" }, { text: "Role" }]} rows={d.people.map((p) => ({ cells: [{ text: p.name }, { text: p.email }, { text: p.role }] }))} />
      {d.canInvite ? (
        <p className="govuk-body">
          <a className="govuk-link" href={href("/school/colleagues")}>
            Add a colleague
          </a>
        </p>
      ) : (
        <p className="govuk-body">To add a colleague, ask your school&rsquo;s admin in the service.</p>
      )}
    </PageShell>
  );
}
