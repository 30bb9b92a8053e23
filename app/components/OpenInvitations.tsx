import { Button, Table } from "./govuk";

/** Invitations not yet accepted, each with a button to send it again (a new link; the old one stops working). */
export function OpenInvitations({ invited }: { invited: { id: string; name: string; email: string; role: string; sent: string; expired: boolean }[] }) {
  return (
    <Table
      caption="Invitations not yet accepted"
      captionSize="m"
      head={[{ text: "Name" }, { text: "Email address" }, { text: "Role" }, { text: "Sent" }, { text: "Action" }]}
      rows={invited.map((i) => ({
        cells: [
          { text: i.name },
          { text: i.email },
          { text: i.role },
          { text: i.expired ? `${i.sent} (expired)` : i.sent },
          {
            text: (
              <form method="post">
                <input type="hidden" name="invitationId" value={i.id} />
                <Button variant="secondary" name="intent" value="resend" preventDoubleClick>
                  Resend<span className="govuk-visually-hidden"> invitation to {i.name}</span>
                </Button>
              </form>
            ),
          },
        ],
      }))}
    />
  );
}
