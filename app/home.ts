import type { Role } from "./domain/roles";

export interface HomeSection {
  heading: string;
  description: string;
  links: { href: string; text: string; description: string }[];
}

// What each role sees first after signing in: a description of its work and the way into it.
// Later features add their links here.
export function homeFor(role: Role): HomeSection {
  switch (role) {
    case "council_officer":
      return {
        heading: "Your council's register of children not in school",
        description: "Record, find and keep each child's entry, and the placements and home-education requests for them.",
        links: [
          { href: "/register", text: "Find a child", description: "Search your council's register by name, UPN, NHS number, child reference or postcode." },
          { href: "/register/new", text: "Add a child to the register", description: "Record a child who is not in school, with their parents and education." },
          { href: "/consent-requests", text: "Home-education requests", description: "Requests waiting for social workers' decisions, and their outcomes." },
        ],
      };
    case "social_worker":
      return {
        heading: "Children allocated to you",
        description: "See the children you are the allocated social worker for, and agree or refuse home-education exceptions for them.",
        links: [
          { href: "/consent-requests", text: "Home-education requests for you", description: "Requests waiting for your decision, oldest first." },
          { href: "/my-children", text: "Your children", description: "The register entries of the children allocated to you." },
        ],
      };
    case "council_admin":
      return {
        heading: "Manage your council's service",
        description: "Look after your council's users, settings and audit log.",
        links: [
          { href: "/admin/users", text: "Users", description: "Who in your council can sign in, and their roles." },
          { href: "/admin/audit", text: "Audit log", description: "Who did what, and when, in your council's part of the service." },
          { href: "/consent-requests", text: "Home-education requests", description: "Requests waiting for social workers, and overdue ones." },
          { href: "/admin/settings", text: "Settings", description: "Which home-education consent rules apply, and when a request is overdue." },
          { href: "/admin/subject-access", text: "Subject access and restriction", description: "Everything held about a child or a parent, to answer a subject access request; restricting an entry while a dispute is looked at." },
        ],
      };
    case "provider":
      return {
        heading: "Your organisation's listing",
        description: "Apply to be listed in the directory of non-school alternative provision, and keep your listing current.",
        links: [
          { href: "/provider", text: "Your application and listing", description: "Complete each section of your application, submit it, and see what the reviewer decided." },
          { href: "/provider/organisation", text: "Your organisation", description: "The name your organisation goes by in this service." },
          { href: "/provider/colleagues", text: "Colleagues", description: "Add the people who can sign in for your organisation." },
        ],
      };
    case "directory_reviewer":
      return {
        heading: "Review alternative provision",
        description: "Review applications to the directory and keep listings in good standing.",
        links: [
          { href: "/review", text: "Review queue", description: "Applications, renewals and change requests waiting for a decision, oldest first." },
          { href: "/directory", text: "The public directory", description: "What the public and commissioners see." },
        ],
      };
    case "service_admin":
      return {
        heading: "Run the national service",
        description: "Manage local authorities and directory reviewers.",
        links: [
          { href: "/service-admin/organisations", text: "Local authorities", description: "The councils using the service, with their DfE and ONS codes." },
          { href: "/service-admin/reviewers", text: "Directory reviewers", description: "Who reviews applications to the directory, nationally and in each council." },
          { href: "/service-admin/emails", text: "Failed emails", description: "Emails the service stopped trying to send, and sending them again." },
          { href: "/service-admin/retention", text: "Retention schedule", description: "How long each kind of record is kept, and what the next nightly run would remove." },
          { href: "/service-admin/record-of-processing", text: "Record of processing", description: "What personal data the service holds, why, on what lawful basis and for how long." },
        ],
      };
  }
}
