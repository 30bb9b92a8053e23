import { href } from "react-router";
import type { Role } from "./domain/roles";

export interface NavigationItem {
  href: string;
  text: string;
}

// The service navigation each role sees: its own work first. Later features add their pages here.
const BY_ROLE: Record<Role, NavigationItem[]> = {
  council_officer: [
    { href: href("/register"), text: "Register" },
    { href: href("/register/new"), text: "Add a child" },
    { href: href("/placements"), text: "Placements" },
    { href: href("/consent-requests"), text: "Home-education requests" },
    { href: href("/council-figures"), text: "Figures" },
  ],
  social_worker: [
    { href: href("/consent-requests"), text: "Requests for you" },
    { href: href("/my-children"), text: "Your children" },
  ],
  council_admin: [
    { href: href("/admin/users"), text: "Users" },
    { href: href("/admin/schools"), text: "Schools" },
    { href: href("/admin/audit"), text: "Audit log" },
    { href: href("/consent-requests"), text: "Home-education requests" },
    { href: href("/admin/settings"), text: "Settings" },
    { href: href("/admin/placement-limits"), text: "Placement limits" },
    { href: href("/admin/api-tokens"), text: "API tokens" },
    { href: href("/admin/subject-access"), text: "Subject access" },
    { href: href("/council-figures"), text: "Figures" },
  ],
  provider: [
    { href: href("/provider"), text: "Your listing" },
    { href: href("/provider/placements"), text: "Placements" },
    { href: href("/provider/organisation"), text: "Organisation" },
    { href: href("/provider/colleagues"), text: "Colleagues" },
  ],
  directory_reviewer: [
    { href: href("/review"), text: "Review" },
    { href: href("/directory"), text: "Public directory" },
  ],
  service_admin: [
    { href: href("/service-admin/organisations"), text: "Local authorities" },
    { href: href("/service-admin/reviewers"), text: "Reviewers" },
    { href: href("/service-admin/emails"), text: "Emails" },
    { href: href("/service-admin/retention"), text: "Retention" },
    { href: href("/service-admin/schools"), text: "Schools" },
    { href: href("/service-admin/single-sign-on"), text: "Single sign-on" },
  ],
  school_staff: [
    { href: href("/school"), text: "Your school" },
    { href: href("/school/placements"), text: "Placements" },
    { href: href("/directory"), text: "Directory" },
  ],
  virtual_school_head: [{ href: href("/virtual-school"), text: "Children in care" }],
  school_admin: [
    { href: href("/school"), text: "Your school" },
    { href: href("/school/colleagues"), text: "Colleagues" },
    { href: href("/school/placements"), text: "Placements" },
    { href: href("/directory"), text: "Directory" },
  ],
};

export function navigationFor(role: Role): NavigationItem[] {
  return [{ href: href("/home"), text: "Home" }, ...BY_ROLE[role]];
}

/** The item to mark as current: the longest href the path starts with. */
export function activeHref(items: NavigationItem[], pathname: string): string | undefined {
  return items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
