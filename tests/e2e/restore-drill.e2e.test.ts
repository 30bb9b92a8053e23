import { describe, expect, it } from "vitest";
import { runRestoreDrill } from "../../scripts/restore-drill";
import { serverUrl } from "../support/databases";

// The restore drill (npm run db:restore-drill) end to end on PostgreSQL, so it never rots: a seeded
// database dumped, restored into a new one, compared, and the built app started on the copy.

const server = serverUrl();

describe.skipIf(!server)("the restore drill", () => {
  it("restores every row and every history trigger, and the app runs on the copy", { timeout: 180_000 }, async () => {
    const report = await runRestoreDrill({ serverUrl: server! });
    expect(report.problems).toEqual([]);
    const counts = Object.fromEntries(report.tables.map((t) => [t.table, t]));
    for (const table of ["organisations", "users", "children", "entry_history", "audit_events", "listing_history"]) {
      expect(counts[table]!.source, table).toBeGreaterThan(0);
      expect(counts[table]!.restored, table).toBe(counts[table]!.source);
    }
    expect(report.triggers.map((t) => t.trigger)).toEqual(
      expect.arrayContaining(["audit_events_no_truncate", "consent_requests_no_truncate", "entry_history_no_update_or_delete", "listing_history_no_truncate", "placement_refusals_no_truncate"]),
    );
    expect(report.refusals.map((r) => r.statement)).toContain('update "entry_history" set id = id');
    expect(report.refusals.every((r) => r.refused.startsWith("42501"))).toBe(true);
    expect(report.app).toEqual([
      { path: "/healthz", status: 200 },
      { path: "/directory", status: 200 },
      { path: "/sign-in", status: 200 },
    ]);
  });
});
