import { purposeSentence } from "#app/domain/register-purposes";
import { REGISTER_USES, type RegisterUseRouteId } from "#app/register-uses";

/**
 * The purposes a page showing register data serves (s436F Education Act 1996), from the one
 * table of uses (app/register-uses.ts). An export serves the purposes
 * of the list that offers it (a test checks they are the same), stated on that list's page.
 */
export function PurposeStatement({ routeId }: { routeId: RegisterUseRouteId }) {
  return (
    <p className="govuk-body-s" data-purpose-of={routeId}>
      {purposeSentence(REGISTER_USES[routeId].purposes)}
    </p>
  );
}
