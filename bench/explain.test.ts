import { describe, expect, it } from "vitest";
import { seqScannedTables } from "./explain";

describe("reading a plan for sequential scans", () => {
  it("finds them at any depth, naming the table", () => {
    const plan = {
      "Node Type": "Limit",
      Plans: [
        { "Node Type": "Index Scan", "Relation Name": "children" },
        { "Node Type": "Hash Join", Plans: [{ "Node Type": "Seq Scan", "Relation Name": "organisations" }, { "Node Type": "Seq Scan", "Relation Name": "children" }] },
      ],
    };
    expect(seqScannedTables(plan)).toEqual(["organisations", "children"]);
    expect(seqScannedTables({ "Node Type": "Bitmap Heap Scan", "Relation Name": "children" })).toEqual([]);
  });
});
