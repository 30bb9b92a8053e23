import { hasPermission, type Permission, type Role } from "./domain/roles";

export interface HomeLink {
  href: string;
  text: string;
  description: string;
}

export interface HomeSection {
  heading: string;
  description: string;
  links: HomeLink[];
}

// What a user sees first after signing in, decided by the permissions they hold (never by the
// name of their role): the heading of the first kind of work they may do, and a link for every
// piece of work they may do. The work queue's counts (app/data/work-queue.server.ts) sit above.
// Later features add their links here, each with the permission that opens it.
interface Work {
  permission: Permission;
  heading: string;
  description: string;
  links: (HomeLink & { permission?: Permission })[];
}

const SCHOOL_DESCRIPTION =
  "Your school's details as Get Information About Schools has them, and the people who sign in for it. Alternative provision your school commissions must be listed in the directory.";

const WORK: readonly Work[] = [
  {
    permission: "read:child:own-la",
    heading: "Your council's register of children not in school",
    description: "Record, find and keep each child's entry, and the placements and home-education requests for them.",
    links: [
      { href: "/register", text: "Find a child", description: "Search your council's register by name, date of birth, parent's name, address, postcode, UPN, NHS number or child reference." },
      { href: "/register?owner=mine", text: "Your caseload", description: "The children whose entries you own." },
      { href: "/register/new", text: "Add a child to the register", description: "Record a child who is not in school, with their parents and education.", permission: "write:child:own-la" },
    ],
  },
  {
    permission: "decide:consent:allocated",
    heading: "Children allocated to you",
    description: "See the children you are the allocated social worker for, and agree or refuse home-education exceptions for them.",
    links: [
      { href: "/consent-requests", text: "Home-education requests for you", description: "Requests waiting for your decision, oldest first." },
      { href: "/my-children", text: "Your children", description: "The register entries of the children allocated to you.", permission: "read:child:allocated" },
    ],
  },
  {
    permission: "read:child:responsible",
    heading: "Children in care and with a social worker",
    description: "The education of the children your council looks after, or whose plan it holds, on any council's register of children not in school.",
    links: [
      {
        href: "/virtual-school",
        text: "Children in care not in school",
        description: "Each child by the Children's Commissioner's categories (not on a school roll, in an unregistered setting, on a roll but never attending), how long they have been in it, and those without a named school.",
      },
    ],
  },
  {
    permission: "manage:user:own-la",
    heading: "Manage your council's service",
    description: "Look after your council's users, settings and audit log.",
    links: [
      { href: "/admin/users", text: "Users", description: "Who in your council can sign in, and their roles." },
      { href: "/admin/schools", text: "Schools", description: "The schools in your area, and inviting their staff to the service." },
      { href: "/admin/audit", text: "Audit log", description: "Who did what, and when, in your council's part of the service.", permission: "read:audit:own-la" },
      { href: "/admin/settings", text: "Settings", description: "Which home-education consent rules apply, when a request is overdue, and casework alerts.", permission: "manage:settings:own-la" },
      { href: "/admin/subject-access", text: "Subject access and restriction", description: "Everything held about a child or a parent, to answer a subject access request; restricting an entry while a dispute is looked at.", permission: "respond:subject-access:own-la" },
    ],
  },
  {
    permission: "read:consent:own-la",
    heading: "Home-education requests",
    description: "Requests waiting for social workers' decisions, and their outcomes.",
    links: [{ href: "/consent-requests", text: "Home-education requests", description: "Requests waiting for social workers' decisions, overdue ones, and outcomes." }],
  },
  {
    permission: "apply:listing:own",
    heading: "Your organisation's listing",
    description: "Apply to be listed in the directory of non-school alternative provision, and keep your listing current.",
    links: [
      { href: "/provider", text: "Your application and listing", description: "Complete each section of your application, submit it, and see what the reviewer decided." },
      { href: "/provider/organisation", text: "Your organisation", description: "The name your organisation goes by in this service." },
      { href: "/provider/colleagues", text: "Colleagues", description: "Add the people who can sign in for your organisation." },
    ],
  },
  {
    permission: "review:listing:area",
    heading: "Review alternative provision",
    description: "Review applications to the directory and keep listings in good standing.",
    links: [
      { href: "/review", text: "Review queue", description: "Applications, renewals and change requests waiting for a decision, oldest first." },
      { href: "/directory", text: "The public directory", description: "What the public and commissioners see." },
    ],
  },
  {
    permission: "manage:organisation:any",
    heading: "Run the national service",
    description: "Manage local authorities and directory reviewers.",
    links: [
      { href: "/service-admin/organisations", text: "Local authorities", description: "The councils using the service, with their DfE and ONS codes." },
      { href: "/service-admin/reviewers", text: "Directory reviewers", description: "Who reviews applications to the directory, nationally and in each council.", permission: "manage:reviewer:any" },
      { href: "/service-admin/emails", text: "Failed emails", description: "Emails the service stopped trying to send, and sending them again.", permission: "manage:email:any" },
      { href: "/service-admin/schools", text: "Schools", description: "Load the schools from Get Information About Schools, and see when they were last loaded." },
      { href: "/service-admin/retention", text: "Retention schedule", description: "How long each kind of record is kept, and what the next nightly run would remove.", permission: "manage:retention:any" },
      { href: "/service-admin/record-of-processing", text: "Record of processing", description: "What personal data the service holds, why, on what lawful basis and for how long.", permission: "manage:retention:any" },
      { href: "/service-admin/register-uses", text: "Who uses the register", description: "Which roles use which of the register's items, and for what purposes.", permission: "manage:retention:any" },
    ],
  },
  {
    permission: "manage:user:own-school",
    heading: "Your school and its people in the service",
    description: SCHOOL_DESCRIPTION,
    links: [
      { href: "/school", text: "Your school", description: "Its URN, council, type, phase, status and address, and who can sign in for it.", permission: "read:school:own" },
      { href: "/school/colleagues", text: "Colleagues", description: "Add the people who can sign in for your school." },
      { href: "/school/api-tokens", text: "API tokens", description: "Let your management information system send deletion and new pupil returns to the council." },
      { href: "/school/returns", text: "Returns to the council", description: "Tell the council a pupil is leaving or has joined your roll (deletion and new pupil returns), or is on roll but never attends, and see what happened to the returns you sent.", permission: "send:return:own-school" },
      { href: "/directory", text: "Find alternative provision", description: "Search the directory of listed non-school alternative provision." },
    ],
  },
  {
    permission: "read:school:own",
    heading: "Your school in the service",
    description: SCHOOL_DESCRIPTION,
    links: [
      { href: "/school", text: "Your school", description: "Its URN, council, type, phase, status and address, and who can sign in for it." },
      { href: "/school/returns", text: "Returns to the council", description: "Tell the council a pupil is leaving or has joined your roll (deletion and new pupil returns), or is on roll but never attends, and see what happened to the returns you sent.", permission: "send:return:own-school" },
      { href: "/directory", text: "Find alternative provision", description: "Search the directory of listed non-school alternative provision." },
    ],
  },
];

const FALLBACK: HomeSection = { heading: "Your account", description: "Your account has no work in this service yet. Ask your administrator for access.", links: [] };

export function homeFor(role: Role): HomeSection {
  const held = WORK.filter((work) => hasPermission(role, work.permission));
  const first = held[0];
  if (!first) return FALLBACK;
  const links = new Map<string, HomeLink>();
  for (const work of held)
    for (const { permission, ...link } of work.links) if (!links.has(link.href) && hasPermission(role, permission ?? work.permission)) links.set(link.href, link);
  return { heading: first.heading, description: first.description, links: [...links.values()] };
}
