import type { Role } from "./domain/roles";

export interface NavigationItem {
  href: string;
  text: string;
}

// The service navigation each role sees: its own work first. Later features add their pages here.
const BY_ROLE: Record<Role, NavigationItem[]> = {
  council_officer: [
    { href: "/register", text: "Register" },
    { href: "/register/new", text: "Add a child" },
    { href: "/placements", text: "Placements" },
    { href: "/consent-requests", text: "Home-education requests" },
    { href: "/council-figures", text: "Figures" },
  ],
  social_worker: [
    { href: "/consent-requests", text: "Requests for you" },
    { href: "/my-children", text: "Your children" },
  ],
  council_admin: [
    { href: "/admin/users", text: "Users" },
    { href: "/admin/schools", text: "Schools" },
    { href: "/admin/audit", text: "Audit log" },
    { href: "/consent-requests", text: "Home-education requests" },
    { href: "/admin/settings", text: "Settings" },
    { href: "/admin/placement-limits", text: "Placement limits" },
    { href: "/admin/api-tokens", text: "API tokens" },
    { href: "/admin/subject-access", text: "Subject access" },
    { href: "/council-figures", text: "Figures" },
  ],
  provider: [
    { href: "/provider", text: "Your listing" },
    { href: "/provider/placements", text: "Placements" },
    { href: "/provider/organisation", text: "Organisation" },
    { href: "/provider/colleagues", text: "Colleagues" },
  ],
  directory_reviewer: [
    { href: "/review", text: "Review" },
    { href: "/directory", text: "Public directory" },
  ],
  service_admin: [
    { href: "/service-admin/organisations", text: "Local authorities" },
    { href: "/service-admin/reviewers", text: "Reviewers" },
    { href: "/service-admin/emails", text: "Emails" },
    { href: "/service-admin/retention", text: "Retention" },
    { href: "/service-admin/schools", text: "Schools" },
  ],
  school_staff: [
    { href: "/school", text: "Your school" },
    { href: "/directory", text: "Directory" },
  ],
  school_admin: [
    { href: "/school", text: "Your school" },
    { href: "/school/colleagues", text: "Colleagues" },
    { href: "/directory", text: "Directory" },
  ],
};

export function navigationFor(role: Role): NavigationItem[] {
  return [{ href: "/home", text: "Home" }, ...BY_ROLE[role]];
}

/** The item to mark as current: the longest href the path starts with. */
export function activeHref(items: NavigationItem[], pathname: string): string | undefined {
  return items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
