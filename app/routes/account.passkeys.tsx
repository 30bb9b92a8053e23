import { data, redirect, href } from "react-router";
import type { Route } from "./+types/account.passkeys";
import { PasskeyButton } from "#app/components/PasskeyButton";
import { PageTitle } from "#app/components/PageTitle";
import { Button, ErrorSummary, Table } from "#app/components/govuk";
import { formatDate, londonDate } from "#app/domain/dates";
import { guard } from "#app/utils/route-guard.server";
import { passkeysOf, removePasskey } from "#app/utils/passkeys.server";

// One's own passkeys (decision 041): add one (needs JavaScript), or remove one (a plain form).

export const loader = guard("routes/account.passkeys").loader(
  async ({ user }) => ({
    passkeys: (await passkeysOf(user.id)).map((p, i) => ({
      id: p.id,
      label: `Passkey ${i + 1}`,
      added: formatDate(londonDate(p.createdAt)),
      lastUsed: p.lastUsedAt
        ? formatDate(londonDate(p.lastUsedAt))
        : "Not used yet",
    })),
  }),
);

export const action = guard("routes/account.passkeys").action(
  async ({ request, user, requestId }) => {
    const form = await request.formData();
    const result = await removePasskey(
      user,
      String(form.get("passkeyId") ?? ""),
      requestId,
    );
    if (result === "last_factor") {
      return data(
        {
          message:
            "Your role needs a second factor: set up an authenticator app or add another passkey before removing this one",
        },
        { status: 400 },
      );
    }
    throw redirect(href("/account/passkeys"));
  },
);

export default function Passkeys({
  loaderData,
  actionData,
}: Route.ComponentProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="Your passkeys" hasErrors={!!actionData?.message} />
        {actionData?.message ? (
          <ErrorSummary
            errors={[{ href: "#passkeys", text: actionData.message }]}
          />
        ) : null}
        <h1 className="govuk-heading-l">Your passkeys</h1>
        <p className="govuk-body">
          A passkey lets you sign in with your device&apos;s fingerprint, face
          or PIN instead of your password, or in place of a code from your
          authenticator app. Keep an authenticator app set up as well, so that you can still sign in if you lose this device.
        </p>
        <div id="passkeys">
          {loaderData.passkeys.length === 0 ? (
            <p className="govuk-body">You have not added a passkey.</p>
          ) : (
            <Table
              caption="Passkeys"
              head={[
                { text: "Passkey" },
                { text: "Added" },
                { text: "Last used" },
                { text: "Action" },
              ]}
              rows={loaderData.passkeys.map((p) => ({
                cells: [
                  { text: p.label },
                  { text: p.added },
                  { text: p.lastUsed },
                  {
                    text: (
                      <form method="post">
                        <input type="hidden" name="passkeyId" value={p.id} />
                        <Button
                          variant="warning"
                          classes="govuk-!-margin-bottom-0"
                          preventDoubleClick
                        >
                          Remove{" "}
                          <span className="govuk-visually-hidden">
                            {p.label}
                          </span>
                        </Button>
                      </form>
                    ),
                  },
                ],
              }))}
            />
          )}
        </div>
        <PasskeyButton
          mode={{ kind: "register" }}
          label="Add a passkey"
          withoutScript="Adding a passkey needs JavaScript, which is turned off or not available in this browser. You can still sign in with your password and a code from your authenticator app."
        />
      </div>
    </div>
  );
}
