import { env } from "#app/utils/env.server";
import { keptAnswersCookieName } from "#app/utils/kept-answers.server";
import { cookieName } from "#app/utils/session.server";

// What the service's own pages (help, accessibility, privacy, cookies) state about how it runs:
// read from the same settings the service runs on, so a page cannot say one thing while the
// service does another.
export interface ServiceFacts {
  supportEmail: string;
  sessionCookie: string;
  keptAnswersCookie: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}

export function serviceFacts(): ServiceFacts {
  const settings = env();
  return {
    supportEmail: settings.SUPPORT_EMAIL,
    sessionCookie: cookieName(),
    keptAnswersCookie: keptAnswersCookieName(),
    sessionIdleMinutes: settings.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: settings.SESSION_ABSOLUTE_HOURS,
  };
}
