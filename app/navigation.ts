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
  ],
  social_worker: [{ href: "/my-children", text: "Your children" }],
  council_admin: [
    { href: "/admin/users", text: "Users" },
    { href: "/admin/audit", text: "Audit log" },
  ],
  provider: [
    { href: "/provider", text: "Your listing" },
    { href: "/provider/organisation", text: "Organisation" },
    { href: "/provider/colleagues", text: "Colleagues" },
  ],
  directory_reviewer: [
    { href: "/review", text: "Review" },
    { href: "/directory", text: "Public directory" },
  ],
  service_admin: [],
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
