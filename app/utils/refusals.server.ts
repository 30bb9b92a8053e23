import { data } from "react-router";

// The two refusals every layer throws, in one place. React Router turns a thrown `data()` into the
// error page with its status; neither says anything about the record asked for.

/** The user may not do this at all (their role lacks the permission): 403. */
export function forbidden(): never {
  throw data({ reason: "forbidden" }, { status: 403 });
}

/** The record is outside the user's scope, or does not exist: 404 either way, so guessing ids reveals nothing. */
export function notFound(): never {
  throw data({ reason: "not-found" }, { status: 404 });
}
