import { Button, Fieldset } from "#app/components/govuk";
import { CheckboxesField, DateField, RadiosField, SelectField, TextareaField, TextField } from "#app/components/form/fields";
import { useValidatedForm } from "#app/components/form/ValidatedForm";
import { AGE_LIMITS, ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, PATTERN_LABELS, PATTERNS, PROVISION_TYPE_LABELS, PROVISION_TYPES } from "#app/domain/directory-vocabulary";
import { optionsOf } from "#app/domain/register-vocabulary";
import { MAX_SITES, type SectionId } from "#app/forms/application";

// The questions of each section of the application. Field names match the section's schema in
// app/forms/application.ts; a declaration is a single checkbox the provider must tick.

/** One explicit declaration: a short question as the legend, the statement as the checkbox's label. */
function Declaration({ name, legend, children }: { name: string; legend: string; children: string }) {
  return <CheckboxesField name={name} legend={legend} legendSize="s" items={[{ value: "confirmed", label: children }]} />;
}

function Sites({ las }: { las: { code: string; name: string }[] }) {
  const { values } = useValidatedForm();
  const rows = Math.max(1, Array.isArray(values.sites) ? values.sites.length : 0);
  return (
    <>
      {Array.from({ length: rows }, (_, i) => (
        <Fieldset key={i} legend={`Site ${i + 1}`} legendSize="m" classes="govuk-!-margin-bottom-6">
          <TextField name={`sites.${i}.name`} label="Site name" hint="What you call the site, like Riverside Centre" />
          <TextField name={`sites.${i}.addressLine1`} label="Address line 1" autoComplete="off" />
          <TextField name={`sites.${i}.addressLine2`} label="Address line 2 (optional)" autoComplete="off" />
          <TextField name={`sites.${i}.town`} label="Town or city" width="20" autoComplete="off" />
          <TextField name={`sites.${i}.postcode`} label="Postcode" width="10" autoComplete="off" />
          <SelectField name={`sites.${i}.laCode`} label="Local authority the site is in" options={[{ value: "", label: "Select a local authority" }, ...las.map((la) => ({ value: la.code, label: la.name }))]} />
          <TextField name={`sites.${i}.capacity`} label="How many children can the site take at once?" width="3" inputMode="numeric" />
        </Fieldset>
      ))}
      {rows < MAX_SITES ? (
        <Button variant="secondary" name="intent" value="add-site" formNoValidate>
          Add another site
        </Button>
      ) : null}
    </>
  );
}

export function SectionFields({ section, las }: { section: SectionId; las: { code: string; name: string }[] }) {
  switch (section) {
    case "organisation":
      return (
        <>
          <TextField name="legalName" label="Legal name" hint="As registered with Companies House or the Charity Commission, if it is registered" />
          <TextField name="tradingName" label="Trading name (optional)" hint="The name the public knows you by, if different" />
          <RadiosField
            name="organisationType"
            legend="Type of organisation"
            legendSize="m"
            items={optionsOf(ORGANISATION_TYPES, ORGANISATION_TYPE_LABELS)}
          />
          <TextField name="companyNumber" label="Companies House number (if a company)" hint="8 characters, like 01234567 or SC123456" width="10" spellCheck={false} />
          <TextField name="charityNumber" label="Charity number (if a charity)" hint="Like 1234567, SC012345 or NIC100002" width="10" spellCheck={false} />
          <RadiosField
            name="hasOfstedUrn"
            legend="Does the organisation have an Ofsted unique reference number (URN)?"
            legendSize="m"
            items={[{ value: "yes", label: "Yes", conditional: <TextField name="ofstedUrn" label="Ofsted URN" hint="Like 123456, 2123456 or EY123456" width="10" spellCheck={false} /> }, { value: "no", label: "No" }]}
          />
        </>
      );
    case "contact":
      return (
        <>
          <p className="govuk-body">How parents, schools and councils can contact you. Your page in the public directory shows these. Give at least one.</p>
          <TextField name="contactEmail" label="Email address" type="email" autoComplete="email" spellCheck={false} />
          <TextField name="contactPhone" label="Phone number" hint="A UK number, like 020 7946 0000" type="tel" autoComplete="tel" width="20" />
          <TextField name="contactWebsite" label="Website" hint="Like https://www.example.org" autoComplete="url" spellCheck={false} />
        </>
      );
    case "sites":
      return <Sites las={las} />;
    case "provision":
      return (
        <>
          <CheckboxesField name="provisionTypes" legend="What types of provision do you offer?" hint="Select all that apply" items={optionsOf(PROVISION_TYPES, PROVISION_TYPE_LABELS)} />
          <TextField name="ageMin" label="Youngest age you take" hint={`In years, from ${AGE_LIMITS.min} to ${AGE_LIMITS.max}`} width="2" inputMode="numeric" />
          <TextField name="ageMax" label="Oldest age you take" hint={`In years, from ${AGE_LIMITS.min} to ${AGE_LIMITS.max}`} width="2" inputMode="numeric" />
          <RadiosField name="pattern" legend="Do you offer full-time or part-time provision?" legendSize="m" items={optionsOf(PATTERNS, PATTERN_LABELS)} />
        </>
      );
    case "full-time-pupils":
      return (
        <>
          <p className="govuk-body">
            A setting that educates full-time 5 or more children of compulsory school age, or any child who is looked after or has special educational needs, must register with
            the Department for Education as an independent school. It cannot be listed in this directory.
          </p>
          <TextField name="compulsorySchoolAge" label="How many children of compulsory school age do you educate full-time?" hint="Count every child, whoever placed them" width="4" inputMode="numeric" />
          <TextField name="lookedAfterOrSen" label="How many of those children are looked after or have special educational needs?" width="4" inputMode="numeric" />
        </>
      );
    case "safeguarding":
      return (
        <>
          <TextField name="safeguardingLeadName" label="Full name of your designated safeguarding lead" autoComplete="off" />
          <DateField name="safeguardingLeadTrainedOn" legend="When did your safeguarding lead last complete safeguarding training?" hint="For example, 27 3 2026" />
          <Declaration name="singleCentralRecord" legend="Single central record">Every member of staff and every proprietor has an enhanced DBS check, recorded on our single central record with identity, qualification, section 128 and prohibition checks</Declaration>
          <DateField name="singleCentralRecordCheckedOn" legend="When was the single central record last checked?" />
          <DateField name="childProtectionPolicyReviewedOn" legend="When was your child protection policy last reviewed?" />
          <DateField name="behaviourPolicyReviewedOn" legend="When was your behaviour policy last reviewed?" />
          <DateField name="staffConductPolicyReviewedOn" legend="When was your staff code of conduct last reviewed?" />
          <Declaration name="confirmationToCommissioners" legend="Confirmation to commissioners">We will send each commissioner written confirmation of the checks on the staff who work with their children</Declaration>
        </>
      );
    case "health-and-safety":
      return (
        <>
          <DateField name="siteRiskAssessedOn" legend="Date of your latest site risk assessment" />
          <DateField name="activityRiskAssessedOn" legend="Date of your latest activity risk assessment" />
          <Declaration name="individualRiskAssessments" legend="Risk assessment for each child">We carry out a risk assessment for each child before they start</Declaration>
          <TextareaField name="firstAiders" label="Names of your qualified first aiders" rows={3} />
          <DateField name="fireDrillOn" legend="Date of your last fire drill" />
          <Declaration name="incidentReporting" legend="Accidents and incidents">We record accidents and incidents, and report them to the commissioner and as the law requires</Declaration>
        </>
      );
    case "admissions":
      return (
        <>
          <Declaration name="needsRecords" legend="Each child's needs">We record each child's needs before they start</Declaration>
          <Declaration name="baselineAssessment" legend="Baseline assessment">We carry out a baseline assessment of each child</Declaration>
          <Declaration name="learningPlans" legend="Individual learning plans">Each child has an individual learning plan</Declaration>
          <Declaration name="sessionAttendance" legend="Attendance">We record attendance every session and follow up any absence the same day</Declaration>
          <DateField name="attendancePolicyReviewedOn" legend="When was your attendance policy last reviewed?" />
        </>
      );
    case "insurance":
      return (
        <>
          <DateField name="employersLiabilityExpiresOn" legend="When does your employer's liability insurance expire?" hint="For example, 31 3 2027" />
          <DateField name="publicLiabilityExpiresOn" legend="When does your public liability insurance expire?" />
        </>
      );
    case "declaration":
      return (
        <>
          <TextField name="name" label="Your full name" autoComplete="name" />
          <TextField name="jobTitle" label="Your job title" autoComplete="organization-title" />
          <Declaration name="declaration" legend="Declaration">I confirm that the information in this application is true and complete, and that I will tell the directory team of any change</Declaration>
        </>
      );
  }
}
