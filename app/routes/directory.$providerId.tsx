import { href } from "react-router";
import { notFound } from "#app/utils/refusals.server";
import type { Route } from "./+types/directory.$providerId";
import { SummaryList, Table } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { listedProvider } from "#app/data/directory.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { ORGANISATION_TYPE_LABELS, PATTERN_LABELS, PROVISION_TYPE_LABELS, type OrganisationType } from "#app/domain/directory-vocabulary";
import { telHref, websiteText } from "#app/domain/public-contact";
import { guard } from "#app/utils/route-guard.server";

/** Plain HTML: links and a GET form, with GOV.UK Frontend's own JavaScript only (root.tsx). */
export const handle = { hydrate: false };

export const loader = guard("routes/directory.$providerId").loader(async ({ params }) => {
  const provider = await listedProvider(params.providerId ?? "", londonDate(new Date()));
  if (!provider) notFound();
  return { provider };
});

const STANDARDS: [string, string][] = [
  ["singleCentralRecordCheckedOn", "Single central record (enhanced DBS checks) last checked"],
  ["safeguardingLeadTrainedOn", "Safeguarding lead last trained"],
  ["childProtectionPolicyReviewedOn", "Child protection policy reviewed"],
  ["behaviourPolicyReviewedOn", "Behaviour policy reviewed"],
  ["staffConductPolicyReviewedOn", "Staff code of conduct reviewed"],
  ["siteRiskAssessedOn", "Site risk assessment"],
  ["activityRiskAssessedOn", "Activity risk assessment"],
  ["fireDrillOn", "Last fire drill"],
  ["attendancePolicyReviewedOn", "Attendance policy reviewed"],
];

export default function ListedProviderPage({ loaderData: { provider: p } }: Route.ComponentProps) {
  return (
    <>
      <PageShell title={p.name} caption="Listed provider of non-school alternative provision" backLink={{ href: href("/directory"), text: "Back to the directory" }} width="full" />
      <SummaryList
        rows={[
          { key: "Legal name", value: p.legalName },
          { key: "Type of organisation", value: ORGANISATION_TYPE_LABELS[p.organisationType as OrganisationType] ?? p.organisationType },
          ...(p.companyNumber ? [{ key: "Companies House number", value: p.companyNumber }] : []),
          ...(p.charityNumber ? [{ key: "Charity number", value: p.charityNumber }] : []),
          ...(p.ofstedUrn ? [{ key: "Ofsted URN", value: p.ofstedUrn }] : []),
          {
            key: "Provision",
            value: (
              <ul className="govuk-list">
                {p.provisionTypes.map((t) => (
                  <li key={t}>{PROVISION_TYPE_LABELS[t]}</li>
                ))}
              </ul>
            ),
          },
          { key: "Ages", value: `${p.ageMin} to ${p.ageMax}` },
          { key: "Pattern", value: PATTERN_LABELS[p.pattern] },
          { key: "Listed since", value: formatDate(p.listedSince) },
          { key: "Listed until", value: formatDate(p.listedUntil) },
          { key: "Conditions of listing", value: p.conditions ?? "None" },
        ]}
      />
      {p.contact ? (
        <>
          <h2 className="govuk-heading-m">Contact the provider</h2>
          <SummaryList
            rows={[
              ...(p.contact.email ? [{ key: "Email", value: <a className="govuk-link" href={`mailto:${p.contact.email}`}>{p.contact.email}</a> }] : []),
              ...(p.contact.phone ? [{ key: "Phone", value: <a className="govuk-link" href={telHref(p.contact.phone)}>{p.contact.phone}</a> }] : []),
              ...(p.contact.website
                ? [{ key: "Website", value: <a className="govuk-link" href={p.contact.website} rel="noopener noreferrer" target="_blank">{`${websiteText(p.contact.website)} (opens in new tab)`}</a> }]
                : []),
            ]}
          />
        </>
      ) : null}
      <Table
        caption="Sites"
        head={[{ text: "Site" }, { text: "Address" }, { text: "Local authority" }, { text: "Capacity", format: "numeric" }]}
        rows={p.sites.map((s) => ({
          cells: [{ text: s.name, header: true }, { text: [s.addressLine1, s.addressLine2, s.town, s.postcode].filter(Boolean).join(", ") }, { text: s.laName }, { text: String(s.capacity), format: "numeric" }],
        }))}
      />
      <h2 className="govuk-heading-m">National standards confirmed</h2>
      <p className="govuk-body">What the provider declared when it was listed, with dates.</p>
      <SummaryList
        rows={[
          ...STANDARDS.filter(([key]) => p.standards[key]).map(([key, label]) => ({ key: label, value: formatDate(p.standards[key]!) })),
          { key: "Employer's liability insurance expires", value: formatDate(p.insurance.employersLiabilityExpiresOn) },
          { key: "Public liability insurance expires", value: formatDate(p.insurance.publicLiabilityExpiresOn) },
        ]}
      />
    </>
  );
}
