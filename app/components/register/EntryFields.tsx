import { Button, Fieldset } from "#app/components/govuk";
import { DateField, RadiosField, SelectField, TextField } from "#app/components/form/fields";
import { ShownWhen } from "#app/components/form/ShownWhen";
import { useValidatedForm } from "#app/components/form/ValidatedForm";
import * as v from "#app/domain/register-vocabulary";

const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

const SOURCE_OPTIONS = v.optionsOf(v.INFORMATION_SOURCES, v.INFORMATION_SOURCE_LABELS);

const withBlank = (options: { value: string; label: string }[], blank = "Select") => [{ value: "", label: blank }, ...options];

function rowCount(values: Record<string, unknown>, section: string, minimum: number): number {
  const rows = values[section];
  return Math.max(minimum, Array.isArray(rows) ? rows.length : 0);
}

/** Every question of a child's entry, in sections, for both adding and editing an entry. */
export function EntryFields({ socialWorkers, councils = [] }: { socialWorkers: { id: string; name: string }[]; councils?: { id: string; name: string }[] }) {
  const { values } = useValidatedForm();
  const parents = rowCount(values, "parents", 1);
  const arrangements = rowCount(values, "arrangements", 1);
  const typedSchool = typeof values.namedSchool === "string" && values.namedSchool !== "" ? values.namedSchool : null;
  return (
    <>
      <h2 className="govuk-heading-m">The child</h2>
      <TextField name="firstName" label="First name" autoComplete="off" spellCheck={false} />
      <TextField name="middleNames" label="Middle names (optional)" autoComplete="off" spellCheck={false} />
      <TextField name="lastName" label="Last name" autoComplete="off" spellCheck={false} />
      <DateField name="dateOfBirth" legend="Date of birth" hint="For example, 27 3 2015" />
      <RadiosField name="sex" legend="Sex (optional)" items={v.optionsOf(v.SEXES, v.SEX_LABELS)} inline small />

      <h2 className="govuk-heading-m">Home address</h2>
      <TextField name="addressLine1" label="Address line 1" autoComplete="off" />
      <TextField name="addressLine2" label="Address line 2 (optional)" autoComplete="off" />
      <TextField name="town" label="Town or city" width="20" autoComplete="off" />
      <TextField name="postcode" label="Postcode" width="10" autoComplete="off" />

      <h2 className="govuk-heading-m">Identifiers</h2>
      <p className="govuk-body">Give any you know. Each is checked when given.</p>
      <TextField name="upn" label="Unique pupil number (UPN) (optional)" hint="13 characters, like H801200001001" width="20" spellCheck={false} />
      <TextField name="nhsNumber" label="NHS number (optional)" hint="10 digits, like 943 476 5919" width="10" inputMode="numeric" />
      <TextField name="laChildId" label="Council child ID (optional)" hint="Your council's own ID for the child, if it has one" width="20" />

      <h2 className="govuk-heading-m">Parents and carers</h2>
      {Array.from({ length: parents }, (_, i) => (
        <Fieldset key={i} legend={`Parent or carer ${i + 1}`} legendSize="s" classes="govuk-!-margin-bottom-6">
          <TextField name={`parents.${i}.name`} label="Full name" autoComplete="off" />
          <SelectField name={`parents.${i}.relationship`} label="Relationship to the child" options={withBlank(v.optionsOf(v.RELATIONSHIPS, v.RELATIONSHIP_LABELS))} />
          <RadiosField name={`parents.${i}.hasParentalResponsibility`} legend="Do they have parental responsibility?" items={YES_NO} inline small />
          <RadiosField
            name={`parents.${i}.livesWithChild`}
            legend="Do they live at the child's address?"
            items={[
              { value: "yes", label: "Yes" },
              {
                value: "no",
                label: "No",
                conditional: (
                  <>
                    <TextField name={`parents.${i}.addressLine1`} label="Address line 1" autoComplete="off" />
                    <TextField name={`parents.${i}.addressLine2`} label="Address line 2 (optional)" autoComplete="off" />
                    <TextField name={`parents.${i}.town`} label="Town or city" width="20" autoComplete="off" />
                    <TextField name={`parents.${i}.postcode`} label="Postcode" width="10" autoComplete="off" />
                  </>
                ),
              },
            ]}
            small
          />
          <TextField name={`parents.${i}.phone`} label="Phone number (optional)" type="tel" width="20" autoComplete="off" />
          <TextField name={`parents.${i}.email`} label="Email address (optional)" type="email" spellCheck={false} autoComplete="off" />
          <RadiosField
            name={`parents.${i}.educatesChild`}
            legend="Do they educate the child?"
            items={[
              {
                value: "yes",
                label: "Yes",
                conditional: <TextField name={`parents.${i}.hoursPerWeek`} label="Hours a week" width="3" inputMode="numeric" />,
              },
              { value: "no", label: "No" },
            ]}
            small
          />
          {/* Beside the question, not inside its reveal: one radio group never holds another. */}
          <ShownWhen when={`parents.${i}.educatesChild`} is={["yes"]}>
            <RadiosField name={`parents.${i}.hoursEstimated`} legend="Are their hours an estimate? (optional)" items={YES_NO} inline small />
          </ShownWhen>
          <SelectField name={`parents.${i}.source`} label="Where their details came from" options={withBlank(SOURCE_OPTIONS)} />
        </Fieldset>
      ))}
      <Button variant="secondary" name="intent" value="add-parent" formNoValidate>
        Add another parent or carer
      </Button>

      <h2 className="govuk-heading-m">Education</h2>
      <RadiosField
        name="educationStatus"
        legend="Education status"
        legendSize="s"
        items={v.optionsOf(v.EDUCATION_STATUSES, v.EDUCATION_STATUS_LABELS).map((item) =>
          item.value === "elective_home_education"
            ? {
                ...item,
                conditional: (
                  <SelectField
                    name="homeEducationReason"
                    label="Main reason for home education (optional)"
                    options={withBlank(v.optionsOf(v.HOME_EDUCATION_REASONS, v.HOME_EDUCATION_REASON_LABELS), "Not known")}
                  />
                ),
              }
            : item,
        )}
      />
      <h3 className="govuk-heading-s">Other education providers</h3>
      <p className="govuk-body">Anyone other than a parent who educates the child: tutors, online schools, out-of-school settings, alternative provision. Leave a row blank if there are none.</p>
      {Array.from({ length: arrangements }, (_, i) => (
        <Fieldset key={i} legend={`Provider ${i + 1}`} legendSize="s" classes="govuk-!-margin-bottom-6">
          <TextField name={`arrangements.${i}.providerName`} label="Provider's name" autoComplete="off" />
          <SelectField name={`arrangements.${i}.providerType`} label="Type of provider" options={withBlank(v.optionsOf(v.PROVIDER_TYPES, v.PROVIDER_TYPE_LABELS))} />
          <TextField name={`arrangements.${i}.providerAddress`} label="Provider's address" hint="The provider's own address, which may not be where the child is taught" autoComplete="off" />
          <RadiosField
            name={`arrangements.${i}.online`}
            legend="Is the education given online?"
            items={[
              { value: "yes", label: "Yes", conditional: <TextField name={`arrangements.${i}.website`} label="Provider's website" hint="Or the email address it teaches through" autoComplete="off" spellCheck={false} /> },
              { value: "no", label: "No", conditional: <TextField name={`arrangements.${i}.location`} label="Where the education is given" hint="The address, or “at home”" autoComplete="off" /> },
            ]}
            small
          />
          <TextField name={`arrangements.${i}.hoursPerWeek`} label="Total hours a week" width="3" inputMode="numeric" />
          <TextField name={`arrangements.${i}.hoursWithoutParent`} label="Hours a week with no parent present" width="3" inputMode="numeric" />
          <RadiosField name={`arrangements.${i}.hoursEstimated`} legend="Are these hours an estimate? (optional)" items={YES_NO} inline small />
          <SelectField name={`arrangements.${i}.source`} label="Where this provider's details came from" options={withBlank(SOURCE_OPTIONS)} />
        </Fieldset>
      ))}
      <Button variant="secondary" name="intent" value="add-provider" formNoValidate>
        Add another provider
      </Button>

      <h2 className="govuk-heading-m">Needs and social care</h2>
      <RadiosField name="senStatus" legend="Special educational needs (optional)" legendSize="s" items={v.optionsOf(v.SEN_STATUSES, v.SEN_STATUS_LABELS)} />
      <ShownWhen when="senStatus" is={["sen_support", "ehc_plan"]}>
        <RadiosField
          name="laArrangedSpecialSchoolPlace"
          legend="Did the council arrange the child's place at a special school?"
          hint="Only for a child with special educational needs"
          legendSize="s"
          items={YES_NO}
          inline
        />
      </ShownWhen>
      <RadiosField
        name="socialCareStatus"
        legend="Social care status (optional)"
        hint="Child protection enquiries, a child protection plan, looked after, or a child-in-need plan"
        legendSize="s"
        items={v.optionsOf(v.SOCIAL_CARE_STATUSES, v.SOCIAL_CARE_STATUS_LABELS)}
      />
      <ShownWhen when="socialCareStatus" is={["looked_after", "child_in_need_plan", "child_protection_plan"]}>
        <SelectField
          name="responsibleLaId"
          label="Council responsible for the child"
          hint="The council that looks after the child, or whose children's services hold the child-in-need or child protection plan. Its virtual school head will see the child's education on your register."
          width="full"
          options={withBlank(
            councils.map((c) => ({ value: c.id, label: c.name })),
            "This council",
          )}
        />
        <TextField
          name="namedSchoolUrn"
          label="Named school's URN (optional)"
          hint="The school's unique reference number on Get Information About Schools, for example 100000. Every child in care or on a plan should have a named school."
          width="10"
          inputMode="numeric"
          spellCheck={false}
        />
        {/* A name typed before schools were chosen from the list is kept until a URN is given. */}
        {typedSchool && !values.namedSchoolUrn ? <p className="govuk-body">Named school recorded before schools were chosen from the list: {typedSchool}. Enter its URN to choose it.</p> : null}
        <input type="hidden" name="namedSchool" value={values.namedSchoolUrn ? "" : (typedSchool ?? "")} />
      </ShownWhen>
      <SelectField
        name="allocatedSocialWorkerId"
        label="Allocated social worker (optional)"
        options={withBlank(
          socialWorkers.map((w) => ({ value: w.id, label: w.name })),
          "No allocated social worker",
        )}
      />
      <RadiosField name="atRiskOfHarmFromHome" legend="Is the child at risk of harm from the home environment?" legendSize="s" items={YES_NO} inline />

      <h2 className="govuk-heading-m">Protected characteristics (optional)</h2>
      <p className="govuk-body">As the Equality Act 2010 lists them. Record only what the family or your records tell you; leave the rest as not known.</p>
      {v.PROTECTED_CHARACTERISTICS.map((c) =>
        (v.YES_NO_CHARACTERISTICS as readonly string[]).includes(c) ? (
          <RadiosField key={c} name={`characteristics.${c}`} legend={v.PROTECTED_CHARACTERISTIC_LABELS[c]} items={[...YES_NO, { value: "not_known", label: "Not known" }]} inline small />
        ) : (
          <TextField key={c} name={`characteristics.${c}`} label={`${v.PROTECTED_CHARACTERISTIC_LABELS[c]} (optional)`} hint="Leave blank if not known" autoComplete="off" />
        ),
      )}

      <h2 className="govuk-heading-m">Where the information came from</h2>
      <p className="govuk-body">Each parent's and provider's source is asked with their details.</p>
      {v.SOURCED_ITEMS.map((item) => (
        <SelectField key={item} name={`sources.${item}`} label={v.SOURCED_ITEM_LABELS[item]} options={withBlank(SOURCE_OPTIONS)} />
      ))}
      {v.OPTIONAL_SOURCED_ITEMS.map((item) => (
        <SelectField key={item} name={`sources.${item}`} label={`${v.OPTIONAL_SOURCED_ITEM_LABELS[item]} (optional)`} options={withBlank(SOURCE_OPTIONS, "Not recorded")} />
      ))}
      <DateField name="dateEntered" legend="Date entered on the register" />
    </>
  );
}
