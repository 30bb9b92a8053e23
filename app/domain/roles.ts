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
  "virtual_school_head",
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
  virtual_school_head: "Virtual school head",
};

export const PERMISSIONS = [
  "read:child:own-la",
  "write:child:own-la",
  "read:child:allocated",
  "read:child:responsible",
  "raise:consent:own-la",
  "decide:consent:allocated",
  "decide:consent-statutory:own-la",
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
  "send:return:own-school",
  "write:placement:own-school",
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
  // Staff of one school (decision 061): their deletion returns to the council (decision 069).
  // Both commission AP for the school's pupils through the placement check (decision 080).
  school_staff: ["read:school:own", "send:return:own-school", "write:placement:own-school"],
  school_admin: ["read:school:own", "manage:user:own-school", "send:return:own-school", "write:placement:own-school"],
  // The officer promoting the education of the children the council is responsible for (s22(3A)
  // Children Act 1989), on whichever council's register they are (issue 26, decision 072).
  virtual_school_head: ["read:child:responsible"],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

// Permissions no role carries: a council admin grants them to named people of their council, on
// top of the one role each user has (decision 035). The statutory home-education consent is the
// council's decision (s434A Education Act 1996), taken by the people it designates, typically the
// head of the home-education or SEN team, not by a whole role.
export const GRANTABLE_PERMISSIONS = ["decide:consent-statutory:own-la"] as const satisfies readonly Permission[];
export type GrantablePermission = (typeof GRANTABLE_PERMISSIONS)[number];

export const GRANT_LABELS: Record<GrantablePermission, { name: string; description: string }> = {
  "decide:consent-statutory:own-la": {
    name: "Home-education consent decision-maker",
    description:
      "Decides, for the council, whether to consent to a child being withdrawn from school for home education where the law requires the council's consent (section 434A Education Act 1996).",
  },
};

/** The roles that may hold a grant: a grant on any other role is kept but carries nothing. */
export const GRANTABLE_TO: Record<GrantablePermission, readonly Role[]> = {
  // Council staff who see the whole register's requests; a social worker gives their view instead.
  "decide:consent-statutory:own-la": ["council_officer", "council_admin"],
};

export function isGrantablePermission(value: string): value is GrantablePermission {
  return (GRANTABLE_PERMISSIONS as readonly string[]).includes(value);
}

export function mayHoldGrant(role: Role, permission: GrantablePermission): boolean {
  return GRANTABLE_TO[permission].includes(role);
}

/** What a person holds: their role's permissions and the grants their role may hold. */
export function holdsPermission(user: { role: Role; grants?: readonly string[] }, permission: Permission): boolean {
  if (hasPermission(user.role, permission)) return true;
  return isGrantablePermission(permission) && mayHoldGrant(user.role, permission) && (user.grants ?? []).includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
