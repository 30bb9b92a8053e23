import { href } from "react-router";
import { Table, Tag } from "#app/components/govuk";
import { formatDate } from "#app/domain/dates";
import { EDUCATION_STATUS_LABELS, SOCIAL_CARE_STATUS_LABELS, type EducationStatus, type SocialCareStatus } from "#app/domain/register-vocabulary";

export interface RegisterRow {
  id: string;
  childReference: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  postcode: string;
  educationStatus: EducationStatus;
  socialCareStatus: SocialCareStatus;
  dateLeft: string | null;
}

export function RegisterTable({ rows, caption }: { rows: RegisterRow[]; caption: string }) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      head={[{ text: "Name" }, { text: "Date of birth" }, { text: "Postcode" }, { text: "Education status" }, { text: "Social care" }]}
      rows={rows.map((row) => ({
        cells: [
          {
            text: (
              <>
                <a className="govuk-link" href={href("/register/:childId", { childId: row.id })}>
                  {row.lastName}, {row.firstName}
                </a>
                <br />
                <span className="govuk-body-s app-nowrap">{row.childReference}</span>
                {row.dateLeft ? (
                  <>
                    {" "}
                    <Tag colour="grey">Left</Tag>
                  </>
                ) : null}
              </>
            ),
          },
          { text: formatDate(row.dateOfBirth) },
          { text: row.postcode },
          { text: EDUCATION_STATUS_LABELS[row.educationStatus] },
          { text: SOCIAL_CARE_STATUS_LABELS[row.socialCareStatus] },
        ],
      }))}
    />
  );
}
