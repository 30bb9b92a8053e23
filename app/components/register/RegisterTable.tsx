import { href } from "react-router";
import { Table, Tag, type TableCell } from "#app/components/govuk";
import { daysBetween, formatDate, type IsoDate } from "#app/domain/dates";
import { REGISTER_FLAG_LABELS, type RegisterFlag } from "#app/domain/register-flags";
import { EDUCATION_STATUS_LABELS, type EducationStatus, type SocialCareStatus } from "#app/domain/register-vocabulary";
import { SUITABILITY_STAGE_LABELS, type SuitabilityStage } from "#app/domain/suitability-process";

export interface RegisterRow {
  id: string;
  childReference: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  postcode: string;
  educationStatus: EducationStatus;
  socialCareStatus: SocialCareStatus;
  dateEntered: string;
  dateLeft: string | null;
  ownerName: string | null;
  flags: RegisterFlag[];
  statusSince: string;
  lastContactOn: string | null;
  nextAction: string | null;
  nextActionDue: string | null;
  suitabilityStage: SuitabilityStage | null;
  suitabilityDeadline: string | null;
}

/** A column a work-queue list adds: what makes each child due. */
export type DueColumn = "days_missing" | "last_contact" | "next_action" | "suitability";

const FLAG_COLOUR: Record<RegisterFlag, "red" | "yellow" | "purple"> = { needs_review: "red", consent_waiting: "yellow", registered_elsewhere: "purple" };

function dueCell(column: DueColumn, row: RegisterRow, today: IsoDate): TableCell {
  switch (column) {
    case "days_missing":
      return { text: String(daysBetween(row.statusSince, today)), format: "numeric" };
    case "last_contact":
      return { text: row.lastContactOn ? formatDate(row.lastContactOn) : "None recorded" };
    case "next_action":
      return { text: row.nextActionDue ? `${formatDate(row.nextActionDue)}: ${row.nextAction ?? ""}` : "" };
    case "suitability":
      return { text: row.suitabilityDeadline ? `${formatDate(row.suitabilityDeadline)}: ${row.suitabilityStage ? SUITABILITY_STAGE_LABELS[row.suitabilityStage] : ""}` : "" };
  }
}

const DUE_HEADING: Record<DueColumn, string> = { days_missing: "Days missing", last_contact: "Last contact", next_action: "Next action", suitability: "Deadline" };

export function RegisterTable({ rows, caption, today, due, select }: { rows: RegisterRow[]; caption: string; today: IsoDate; due?: DueColumn; select?: string }) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      head={[
        ...(select ? [{ text: "Select" }] : []),
        { text: "Name" },
        { text: "Date of birth" },
        { text: "Postcode" },
        { text: "Education status" },
        ...(due ? [{ text: DUE_HEADING[due], format: due === "days_missing" ? ("numeric" as const) : undefined }] : []),
        { text: "Flags" },
        { text: "Days on register", format: "numeric" as const },
        { text: "Owner" },
      ]}
      rows={rows.map((row) => ({
        cells: [
          ...(select
            ? [
                {
                  text: (
                    <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                      <div className="govuk-checkboxes__item">
                        <input className="govuk-checkboxes__input" id={`select-${row.id}`} name={select} type="checkbox" value={row.id} form="reassign" />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={`select-${row.id}`}>
                          <span className="govuk-visually-hidden">
                            Select {row.firstName} {row.lastName}
                          </span>
                        </label>
                      </div>
                    </div>
                  ),
                },
              ]
            : []),
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
          ...(due ? [dueCell(due, row, today)] : []),
          {
            text:
              row.flags.length === 0 ? (
                ""
              ) : (
                <ul className="govuk-list">
                  {row.flags.map((flag) => (
                    <li key={flag}>
                      <Tag colour={FLAG_COLOUR[flag]}>{REGISTER_FLAG_LABELS[flag]}</Tag>
                    </li>
                  ))}
                </ul>
              ),
          },
          { text: String(Math.max(0, daysBetween(row.dateEntered, row.dateLeft ?? today))), format: "numeric" },
          { text: row.ownerName ?? "Unassigned" },
        ],
      }))}
    />
  );
}
