import { data, redirect, href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/admin.subject-access";
import { BackLink, Button, ButtonGroup, Checkboxes, ErrorSummary, InsetText, NotificationBanner, SummaryList, Tag, Textarea, TextInput } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { setRestriction } from "#app/data/restriction.server";
import { subjectAccessScope } from "#app/data/scope.server";
import { childBundle, parentBundle, parentsOfChild } from "#app/data/subject-access/bundle.server";
import { restrictionSchema } from "#app/forms/privacy";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

// Subject access (UK GDPR Article 15, decision 053) and restriction of processing (Article 18,
// decision 052) for a council admin: find the child (or a parent or carer), choose whose details to
// redact, then the printable document or the JSON file. Each step is in the audit log.

export const loader = guard("routes/admin.subject-access").loader(async ({ user, request, actor }) => {
  const scope = subjectAccessScope(user);
  const params = new URL(request.url).searchParams;
  const child = params.get("child")?.trim() ?? "";
  const parent = params.get("parent") ?? "";
  const view = params.get("view") === "document" ? "document" : "redaction";
  const redact = params.getAll("redact");
  const notice = params.get("restriction");
  if (!child && !parent) return { step: "find" as const, child, notFound: false };
  const bundle = parent ? await parentBundle(scope, parent, redact, view, actor) : await childBundle(scope, child, redact, view, actor);
  if (!bundle) return { step: "find" as const, child, notFound: true };
  const restricted = bundle.subject.kind === "child" ? bundle.sections[0]!.records[0]!.fields.find((f) => f.label === "Processing restricted since")?.value ?? null : null;
  const parents = bundle.subject.kind === "child" ? await parentsOfChild(scope, bundle.subject.id) : [];
  // The page carries the values only: who each third party is stays on the server.
  const sections = bundle.sections.map((s) => ({ ...s, records: s.records.map((r) => ({ heading: r.heading, fields: r.fields.map((f) => ({ label: f.label, value: f.value })) })) }));
  return { step: view, bundle: { ...bundle, sections, produced: bundle.produced.toISOString() }, restricted, parents, query: { child, parent }, notice };
});

export const action = guard("routes/admin.subject-access").action(async ({ user, request, actor }) => {
  const scope = subjectAccessScope(user);
  const form = await request.formData();
  const back = String(form.get("child") ?? "");
  const submission = parseSubmission(restrictionSchema, form);
  if (!submission.ok) return data({ errors: submission.errors }, { status: 400 });
  const outcome = await setRestriction(scope, submission.data.childId, submission.data.intent === "restrict", submission.data.reason, actor);
  const done = outcome.ok ? (submission.data.intent === "restrict" ? "restricted" : "lifted") : "unchanged";
  return redirect(`${href("/admin/subject-access")}?child=${encodeURIComponent(back)}&restriction=${done}`);
});

const TITLE = "Subject access and restriction";
const NOTICES = { restricted: "Processing of the entry is restricted", lifted: "The restriction is lifted", unchanged: "Nothing changed: someone else changed the restriction first" } as const;

export default function SubjectAccess({ loaderData: d, actionData }: Route.ComponentProps) {
  if (d.step === "find" || !d.bundle) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={d.notFound ? `Error: ${TITLE}` : TITLE} />
          {d.notFound ? <ErrorSummary errors={[{ href: "#child", text: "No entry on your council's register has that child reference" }]} /> : null}
          <h1 className="govuk-heading-l">{TITLE}</h1>
          <PurposeStatement routeId="routes/admin.subject-access" />
          <p className="govuk-body">
            Produce everything the register holds about a child, or about one of their parents or carers, to answer a subject access request: within one month of the request
            (UK GDPR Article 12(3)). You can redact other people&apos;s details first. You can also restrict processing of an entry while a dispute about it is looked at.
          </p>
          <form method="get" noValidate>
            <TextInput id="child" name="child" label="Child reference" hint="On the child's page on the register, for example CNIS-0000-0001" error={d.notFound ? "No entry on your council's register has that child reference" : undefined} defaultValue={d.child} width="20" spellCheck={false} />
            <Button>Find the child</Button>
          </form>
        </div>
      </div>
    );
  }
  const bundle = d.bundle;
  const parents = d.parents ?? [];
  const query = d.query ?? { child: "", parent: "" };
  const isChild = bundle.subject.kind === "child";
  const errors = actionData && "errors" in actionData ? actionData.errors : null;
  const hidden = (
    <>
      {query.child ? <input type="hidden" name="child" value={query.child} /> : null}
      {query.parent ? <input type="hidden" name="parent" value={query.parent} /> : null}
    </>
  );
  const redactQuery = bundle.redacted.map((k) => `&redact=${encodeURIComponent(k)}`).join("");
  const self = query.parent ? `?parent=${encodeURIComponent(query.parent)}` : `?child=${encodeURIComponent(query.child)}`;
  return (
    <>
      <PageTitle title={`${errors ? "Error: " : ""}${d.step === "document" ? "Everything held" : TITLE}: ${isChild ? bundle.subject.reference : "parent or carer"}`} />
      {errors ? <ErrorSummary errors={Object.entries(errors).map(([field, text]) => ({ href: `#${field}`, text }))} /> : null}
      {d.notice && d.notice in NOTICES ? <NotificationBanner type={d.notice === "unchanged" ? undefined : "success"} heading={NOTICES[d.notice as keyof typeof NOTICES]} /> : null}
      {d.step === "document" ? (
        <>
          <div>
            <BackLink href={`${href("/admin/subject-access")}${self}${redactQuery}`}>Back to choosing what to redact</BackLink>
          </div>
          <h1 className="govuk-heading-l">
            <span className="govuk-caption-l">Subject access</span>
            Everything held about {isChild ? `the child ${bundle.subject.reference}` : "a parent or carer"}
          </h1>
          <p className="govuk-body">
            Produced {new Date(bundle.produced).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" })}.{" "}
            {bundle.redactedValues > 0 ? `${bundle.redactedValues} values about other people are redacted.` : "Nothing is redacted."} Print this page, or save it as a PDF from the
            browser&apos;s print dialogue.
          </p>
          {bundle.sections.map((section) => (
            <section key={section.id} aria-labelledby={`section-${section.id}`} className="govuk-!-margin-bottom-8">
              <h2 className="govuk-heading-m" id={`section-${section.id}`}>
                {section.title}
              </h2>
              <p className="govuk-body">{section.description}</p>
              {section.records.length === 0 ? <p className="govuk-body">None held.</p> : null}
              {section.records.map((record, i) => (
                <SummaryList key={i} card={{ title: record.heading }} rows={record.fields.map((f) => ({ key: f.label, value: f.value ?? "Not recorded" }))} />
              ))}
            </section>
          ))}
        </>
      ) : (
        <>
          <BackLink href={href("/admin/subject-access")}>Find another child</BackLink>
          <h1 className="govuk-heading-l">
            <span className="govuk-caption-l">{TITLE}</span>
            {isChild ? `The child ${bundle.subject.reference}` : "A parent or carer"}
          </h1>
          <p className="govuk-body">
            The bundle holds {bundle.sections.map((s) => `${s.title.toLowerCase()} (${s.records.length})`).join(", ")}.
          </p>
          <form method="get" action={href("/admin/subject-access")} noValidate>
            {hidden}
            <input type="hidden" name="view" value="document" />
            {bundle.thirdParties.length > 0 ? (
              <Checkboxes
                name="redact"
                legend="Whose details to redact"
                legendSize="m"
                hint="The record names these other people. Redact their details unless they agreed to be named or it is reasonable to name them (Data Protection Act 2018, Schedule 2, paragraph 16). Your choice is recorded in the audit log."
                items={bundle.thirdParties.map((t) => ({ value: t.key, label: t.description }))}
                defaultValues={bundle.redacted}
              />
            ) : (
              <InsetText>The record names nobody else: there is nothing to redact.</InsetText>
            )}
            <ButtonGroup>
              <Button>Show the document to print</Button>
              <Button variant="secondary" formAction={href("/admin/subject-access.json")}>
                Download as JSON
              </Button>
            </ButtonGroup>
          </form>
          {isChild && parents.length > 0 ? (
            <>
              <h2 className="govuk-heading-m">A parent or carer&apos;s own request</h2>
              <ul className="govuk-list">
                {parents.map((p) => (
                  <li key={p.id}>
                    <a className="govuk-link" href={`${href("/admin/subject-access")}?parent=${p.id}`}>
                      Everything held about {p.name}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {isChild ? (
            <>
              <h2 className="govuk-heading-m">Restriction of processing</h2>
              {d.restricted ? (
                <p className="govuk-body">
                  <Tag colour="orange">Restricted</Tag> since {d.restricted}. The entry stays on your register; it is left out of statistics, API results and exports.
                </p>
              ) : (
                <p className="govuk-body">
                  Processing is not restricted. Restrict it while the accuracy of the entry, or the council&apos;s reasons for holding it, are disputed (UK GDPR Article 18): the
                  entry stays on your register and is left out of statistics, API results and exports until you lift the restriction.
                </p>
              )}
              <form method="post" noValidate>
                <input type="hidden" name="childId" value={bundle.subject.id} />
                <input type="hidden" name="child" value={bundle.subject.reference} />
                <input type="hidden" name="intent" value={d.restricted ? "lift" : "restrict"} />
                <Textarea id="reason" name="reason" label={d.restricted ? "Why the restriction is lifted" : "Why processing is restricted"} hint="This goes on the entry's history." error={errors?.reason} rows={3} />
                <Button variant={d.restricted ? "secondary" : "warning"}>{d.restricted ? "Lift the restriction" : "Restrict processing"}</Button>
              </form>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
