import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { bytea } from "./sessions";
import { users } from "./users";

/**
 * An organisation's own identity provider for single sign-on with OpenID Connect (decision 063).
 * The client secret must be sent to the provider, so it cannot be hashed; like the TOTP keys it is
 * readable only by the app's database role and never shown again once saved.
 */
export const identityProviders = pgTable("identity_providers", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecret: text("client_secret").notNull(),
  /** Ticked by the service admin: the provider itself makes everyone use a second factor. */
  enforcesMfa: boolean("enforces_mfa").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The email domains an organisation's provider may sign people in for: each belongs to one organisation. */
export const identityProviderDomains = pgTable(
  "identity_provider_domains",
  {
    domain: text("domain").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => identityProviders.organisationId, { onDelete: "cascade" }),
  },
  (t) => [index("identity_provider_domains_organisation_idx").on(t.organisationId)],
);

/**
 * A sign-in sent to an identity provider and not yet come back: the state, nonce and PKCE verifier
 * live here, not in a process's memory, since any app process may receive the callback. Spent by
 * one `delete ... returning`, so a state works once.
 */
export const singleSignOnAttempts = pgTable("single_sign_on_attempts", {
  state: text("state").primaryKey(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  nonce: text("nonce").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  redirectTo: text("redirect_to").notNull(),
  /**
   * SHA-256 of a secret in a cookie of the browser that started the sign-in: the callback must come
   * back to that browser, so nobody can sign a victim in as themselves with their own code.
   */
  browserHash: bytea("browser_hash").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** The identity provider's subject (`sub`) linked to a user on their first sign-in through it. */
export const singleSignOnLinks = pgTable(
  "single_sign_on_links",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("single_sign_on_links_issuer_subject_key").on(t.issuer, t.subject)],
);
