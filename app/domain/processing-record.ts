import { KEPT_ANSWERS_MINUTES } from "./kept-answers";
import { describePeriod, RETENTION_RULES, type RetentionKind } from "./retention-schedule";

// The record of processing activities (UK GDPR Article 30, decision 054): what personal data each
// part of the service holds, why, on what lawful basis and for how long. The retention column is
// written from the retention schedule as it stands, so the record cannot say one thing while the
// job does another; what the schedule does not govern says what does.

export type Periods = Readonly<Record<RetentionKind, number>>;

export interface ProcessingActivity {
  id: string;
  part: string;
  data: string;
  subjects: string;
  purpose: string;
  lawfulBasis: string;
  /** The schedule's kind that governs it, or null with `retentionNote` saying what does. */
  retentionKind: RetentionKind | null;
  retentionNote?: string;
}

const PUBLIC_TASK = "UK GDPR Article 6(1)(e): a task in the public interest or in the exercise of official authority";
const SPECIAL =
  "Special category data: UK GDPR Article 9(2)(g), substantial public interest, under the Data Protection Act 2018 Schedule 1 paragraphs 6 (statutory and government purposes) and 18 (safeguarding of children)";

export const PROCESSING_ACTIVITIES: readonly ProcessingActivity[] = [
  {
    id: "register",
    part: "Register of children not in school",
    data: "Name, date of birth, sex, home address, identifiers (UPN, NHS number, council child ID), education status and arrangements, special educational needs, social care status, risk of harm at home, allocated social worker, named school, dates entered and left, and the history of every change",
    subjects: "Children of compulsory school age living in a council's area who are not in school",
    purpose: "The council's register and its duty to make sure every child receives a suitable education (sections 436B to 436G and 437 Education Act 1996)",
    lawfulBasis: `${PUBLIC_TASK}. ${SPECIAL}`,
    retentionKind: "register_entry",
  },
  {
    id: "parents",
    part: "Register of children not in school",
    data: "Parents' and carers' names, addresses, phone numbers, email addresses, relationship to the child, and whether and for how long they educate the child",
    subjects: "Parents and carers of children on a register",
    purpose: "The content of the register (section 436C Education Act 1996)",
    lawfulBasis: PUBLIC_TASK,
    retentionKind: "register_entry",
    retentionNote: "Deleted when the child's entry is anonymised.",
  },
  {
    id: "consent",
    part: "Home education consent",
    data: "Consent requests, the evidence they rest on, the social worker's decision, statement of exceptional circumstances or reasons for refusal",
    subjects: "Children on a register and their parents",
    purpose: "The council's consent to home education (section 434A Education Act 1996) and the Children's Commissioner's exceptional-circumstances rule",
    lawfulBasis: `${PUBLIC_TASK}. ${SPECIAL}`,
    retentionKind: "register_entry",
    retentionNote: "Statements, evidence and reasons are removed when the child's entry is anonymised; dates and outcomes stay for the statistics.",
  },
  {
    id: "placements",
    part: "Placements in alternative provision",
    data: "Placements of children with listed providers (provider, site, dates, pattern, hours, reason) and attempts the placement check refused",
    subjects: "Children on a register",
    purpose: "Placing children only with providers on the directory, within the time limits",
    lawfulBasis: PUBLIC_TASK,
    retentionKind: "register_entry",
    retentionNote: "Reasons are removed when the child's entry is anonymised; dates and providers stay for the statistics.",
  },
  {
    id: "contacts",
    part: "Casework",
    data: "Contacts and notes about a child: the date and kind (visit, call, letter, email, meeting, annual review, note), with whom, what happened, the outcome and the next action",
    subjects: "Children on a register, their parents and carers, and the people the council spoke to",
    purpose: "Making sure a child on the register receives a suitable education, and showing the council's enquiries (sections 436A and 437 Education Act 1996)",
    lawfulBasis: `${PUBLIC_TASK}. ${SPECIAL}`,
    retentionKind: "register_entry",
    retentionNote: "What each contact says is removed when the child's entry is anonymised; its date and kind stay.",
  },
  {
    id: "suitability",
    part: "Casework",
    data: "The process when a child's home education may not be suitable: enquiries, notices under sections 437 and 438, school attendance orders and their outcomes, with dates, deadlines, the schools named, the reasons for each decision and who decided",
    subjects: "Children on a register and their parents",
    purpose: "Making sure a child receives a suitable education, and enforcing it where it does not (sections 437 to 447 Education Act 1996)",
    lawfulBasis: `${PUBLIC_TASK}. ${SPECIAL}`,
    retentionKind: "register_entry",
    retentionNote: "The reasons given are removed when the child's entry is anonymised; each step's kind, dates and schools stay.",
  },
  {
    id: "support-requests",
    part: "Casework",
    data: "Requests from home-educating parents for support: who asked, what for, in their words, what the council offered and how it ended",
    subjects: "Children on a register who are educated at home, and their parents",
    purpose: "The council's duty to support parents educating their children at home who ask (section 436G Education Act 1996)",
    lawfulBasis: PUBLIC_TASK,
    retentionKind: "register_entry",
    retentionNote: "Who asked, their words, the offer and the note are removed when the child's entry is anonymised; the dates, kinds and outcome stay.",
  },
  {
    id: "documents",
    part: "Casework",
    data: "Documents kept with a child's entry (a parent's notice of home education, letters, reports): the file, what it is, who added it and when",
    subjects: "Children on a register, their parents and carers, and anyone the documents name",
    purpose: "The council's register and its duty to make sure every child receives a suitable education (sections 436B to 436G and 437 Education Act 1996)",
    lawfulBasis: `${PUBLIC_TASK}. ${SPECIAL}`,
    retentionKind: "register_entry",
    retentionNote: "The files are deleted when the child's entry is anonymised; each document's kind, type, size and date stay, without its description or file name.",
  },
  {
    id: "council-queue",
    part: "Children who move",
    data: "Transfers between councils (the child's name, date of birth, reference and new address, what the receiving council decided and why) and matches with children who left another council's register",
    subjects: "Children on a register who move between English councils",
    purpose: "Keeping a child on a register when they move (the councils' duties under section 436B Education Act 1996)",
    lawfulBasis: `${PUBLIC_TASK}. ${SPECIAL}`,
    retentionKind: "register_entry",
    retentionNote: "The child's details and the reasons given are removed when the entry the item belongs with is anonymised; its kind, dates and outcome stay.",
  },
  {
    id: "register-imports",
    part: "Register of children not in school",
    data: "The rows of CSV files council officers upload to add children to the register in bulk (the same fields as an entry, its parents and carers and its education arrangements), with the problems and possible duplicates found in each",
    subjects: "Children of compulsory school age and their parents and carers, as the council's own records hold them",
    purpose: "Bringing a council's existing list of children into its register (section 436B Education Act 1996), checked as an officer's entry would be",
    lawfulBasis: `${PUBLIC_TASK}. ${SPECIAL}`,
    retentionKind: "register_import_row",
  },
  {
    id: "audit",
    part: "Audit log",
    data: "Who viewed, searched or changed which record, when, from which organisation (records are named by id, never by a child's details)",
    subjects: "People who use the service; children and parents by record id",
    purpose: "Accountability and security of processing (UK GDPR Articles 5(2) and 32), and answering subject access requests about who saw a record",
    lawfulBasis: PUBLIC_TASK,
    retentionKind: "audit_event",
  },
  {
    id: "accounts",
    part: "Accounts",
    data: "Name, work email address, organisation, role and a password hash",
    subjects: "Council staff, social workers, providers' staff, reviewers and service admins",
    purpose: "Signing in and deciding what each person may see and do",
    lawfulBasis: PUBLIC_TASK,
    retentionKind: null,
    retentionNote: "Kept while the account is in use; a deactivated account stays so the audit log can name who acted.",
  },
  {
    id: "sessions",
    part: "Accounts",
    data: "Signed-in sessions (a hash of the session secret, when it began and was last used)",
    subjects: "People who use the service",
    purpose: "Keeping a person signed in",
    lawfulBasis: PUBLIC_TASK,
    retentionKind: null,
    retentionNote:
      "Deleted an hour and up to 15 minutes after ending, after the idle or absolute session lifetime (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS); the hour lets a form sent after its session ended keep its answers for the same person.",
  },
  {
    id: "kept-answers",
    part: "Accounts",
    data: "A form's answers (which may be a child's and their parents' details) that arrived after the sender's session had ended, with whose they were and the form's address",
    subjects: "Children, parents and carers; people who use the service",
    purpose: "Giving the same person their answers back on the same form after signing in again, so nothing typed is lost when a session times out (WCAG 2.2.1)",
    lawfulBasis: `${PUBLIC_TASK}. ${SPECIAL}`,
    retentionKind: null,
    retentionNote: `Deleted when given back, or within an hour: kept ${KEPT_ANSWERS_MINUTES} minutes, then removed by a job every 15 minutes. Never shown to anyone else, never logged.`,
  },
  {
    id: "parent-notifications",
    part: "Register of children not in school",
    data: "Parents' notifications (section 436D): the child's name, date of birth and address, the parents' names, relationship, contact details and addresses, how and where the child is educated and for how many hours, and changes the parent tells the council of",
    subjects: "Children not in school and their parents and carers",
    purpose: "Receiving the information parents must give the council, so it can enter the child on its register and keep the entry up to date (sections 436B to 436D Education Act 1996)",
    lawfulBasis: `${PUBLIC_TASK}. ${SPECIAL}`,
    retentionKind: "parent_notification",
    retentionNote: "A notification matched to or made into an entry is kept with the entry (register_entry) and deleted when the entry is anonymised.",
  },
  {
    id: "school-returns",
    part: "Schools' returns",
    data: "What a school tells its council about a pupil: deletion returns (the pupil's name, date of birth, UPN, address, the parent they live with and their address, an emergency telephone number, the ground for deletion and the next school), new pupil returns (name, date of birth, UPN, address, the day they joined) and pupils on roll who never attend (the same, and the sessions missed)",
    subjects: "Pupils leaving or joining a school's roll, or not attending, and their parents",
    purpose: "Schools' duty to tell the council of every deletion from roll and every new pupil (regulation 13 of the School Attendance (Pupil Registration) (England) Regulations 2024), and the council's duties to identify children missing education (section 436A Education Act 1996) and to consent to home education where section 434A applies",
    lawfulBasis: `${PUBLIC_TASK}. ${SPECIAL}`,
    retentionKind: "school_return",
  },
  {
    id: "school-placements",
    part: "Placements in alternative provision",
    data: "A school's record of a pupil it places with a listed provider (name, date of birth, UPN, the pupil's council, looked after, SEN), the placements (provider, site, dates, pattern, hours, reason) and attempts the placement check refused",
    subjects: "Pupils on a school's roll placed in alternative provision",
    purpose: "Placing pupils only with providers on the directory, within the time limits of the pupil's council, which sees the placements beside its own",
    lawfulBasis: PUBLIC_TASK,
    retentionKind: "school_pupil",
  },
  { id: "invitations", part: "Accounts", data: "Invitations and provider sign-up links: name, email address, role", subjects: "People invited to the service", purpose: "Making accounts", lawfulBasis: PUBLIC_TASK, retentionKind: "invitation" },
  { id: "password-resets", part: "Accounts", data: "Password reset links: whose account, who sent it", subjects: "People who use the service", purpose: "Choosing a new password", lawfulBasis: PUBLIC_TASK, retentionKind: "password_reset" },
  {
    id: "throttles",
    part: "Security",
    data: "Counts of failed sign-ins and API requests, by email address and IP address",
    subjects: "People who sign in or call the API",
    purpose: "Protecting accounts and the API from guessing and overload",
    lawfulBasis: PUBLIC_TASK,
    retentionKind: "sign_in_throttle",
  },
  {
    id: "inbox",
    part: "Notifications",
    data: "Messages in staff's inboxes in the service: subject, body and a link to the work (never a child's details, though the link may lead to a child's record)",
    subjects: "People who use the service; children by the link to their record",
    purpose: "Telling people about work waiting for them",
    lawfulBasis: PUBLIC_TASK,
    retentionKind: "inbox_message",
  },
  { id: "emails", part: "Notifications", data: "Emails sent by the service: recipient, subject and body (never a child's details)", subjects: "People who use the service", purpose: "Telling people about work waiting for them", lawfulBasis: PUBLIC_TASK, retentionKind: "email_outbox" },
  {
    id: "directory",
    part: "Directory of non-school alternative provision",
    data: "Providers' organisation details, sites and the names of the people who apply for them",
    subjects: "Providers' staff",
    purpose: "Reviewing and publishing the directory",
    lawfulBasis: PUBLIC_TASK,
    retentionKind: null,
    retentionNote: "Kept while the provider is listed or applying; a listing's history is kept as the record of its decisions.",
  },
  {
    id: "directory-documents",
    part: "Directory of non-school alternative provision",
    data: "Documents a provider adds to its application (policies, insurance certificate, evidence of DBS checks), which may name its staff",
    subjects: "Providers' staff",
    purpose: "Reviewing providers' applications to the directory",
    lawfulBasis: PUBLIC_TASK,
    retentionKind: null,
    retentionNote: "Kept with the provider's listing, as its application is (the retention schedule does not yet govern listings).",
  },
];

/** The retention an activity has now, in words. */
export function retentionOf(activity: ProcessingActivity, periods: Periods): string {
  if (activity.retentionKind === null) return activity.retentionNote ?? "";
  const rule = RETENTION_RULES[activity.retentionKind];
  const done = rule.action === "anonymise" ? "Anonymised" : "Deleted";
  const own = `${done} ${describePeriod(rule.kind, periods[rule.kind])} after ${rule.clockStarts}.`;
  return activity.retentionNote ? `${activity.retentionNote} The entry: ${own}` : own;
}
