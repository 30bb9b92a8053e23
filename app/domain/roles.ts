// Who may do what, from DOMAIN.md's table of roles. Permissions read `action:entity:access`, where
// access says how far the holder reaches: their own LA, children allocated to them, their own
// provider organisation, the area they review, or anything.
export const ROLES = [
  "council_officer",
  "social_worker",
  "council_admin",
  "provider",
  "directory_reviewer",
  "service_admin",
  "school_staff",
  "school_admin",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  council_officer: "Council officer",
  social_worker: "Social worker",
  council_admin: "Council admin",
  provider: "Alternative provision provider",
  directory_reviewer: "Directory reviewer",
  service_admin: "Service admin",
  school_staff: "School staff",
  school_admin: "School admin",
};

export const PERMISSIONS = [
  "read:child:own-la",
  "write:child:own-la",
  "read:child:allocated",
  "raise:consent:own-la",
  "decide:consent:allocated",
  "read:consent:own-la",
  "manage:settings:own-la",
  "write:placement:own-la",
  "manage:user:own-la",
  "read:audit:own-la",
  "manage:api-token:own-la",
  "read:statistics:own-la",
  "download:termly-return:own-la",
  "respond:subject-access:own-la",
  "apply:listing:own",
  "read:placement:own-provider",
  "review:listing:area",
  "manage:organisation:any",
  "manage:reviewer:any",
  "manage:email:any",
  "read:school:own",
  "manage:user:own-school",
  "manage:retention:any",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  council_officer: ["read:child:own-la", "write:child:own-la", "raise:consent:own-la", "read:consent:own-la", "write:placement:own-la", "read:statistics:own-la"],
  social_worker: ["read:child:allocated", "decide:consent:allocated"],
  council_admin: [
    "manage:user:own-la",
    "read:audit:own-la",
    "read:consent:own-la",
    "manage:settings:own-la",
    "manage:api-token:own-la",
    "read:statistics:own-la",
    "download:termly-return:own-la",
    "respond:subject-access:own-la",
  ],
  provider: ["apply:listing:own", "read:placement:own-provider"],
  directory_reviewer: ["review:listing:area"],
  service_admin: ["manage:organisation:any", "manage:reviewer:any", "manage:email:any", "manage:retention:any"],
  // Staff of one school (decision 061). Their work (returns, placements) comes with issue 17's later items.
  school_staff: ["read:school:own"],
  school_admin: ["read:school:own", "manage:user:own-school"],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
