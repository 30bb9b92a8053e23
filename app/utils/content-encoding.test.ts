import { describe, expect, it } from "vitest";
import { chooseEncoding } from "./content-encoding";

const both = ["br", "gzip"] as const;

describe("choosing the encoding to send", () => {
  it("sends the bytes as they are without a header, or when the client names neither", () => {
    expect(chooseEncoding(undefined, both)).toBeNull();
    expect(chooseEncoding(null, both)).toBeNull();
    expect(chooseEncoding("", both)).toBeNull();
    expect(chooseEncoding("identity", both)).toBeNull();
    expect(chooseEncoding("deflate, zstd", both)).toBeNull();
  });

  it("prefers Brotli when the client takes both at the same weight, as browsers ask", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd", both)).toBe("br");
    expect(chooseEncoding("br, gzip", both)).toBe("br");
    expect(chooseEncoding("gzip;q=1.0, br;q=1", both)).toBe("br");
  });

  it("follows the client's weights", () => {
    expect(chooseEncoding("br;q=0.5, gzip", both)).toBe("gzip");
    expect(chooseEncoding("br;q=0.9, gzip;q=0.8", both)).toBe("br");
    expect(chooseEncoding("gzip", both)).toBe("gzip");
    expect(chooseEncoding("x-gzip", both)).toBe("gzip");
    expect(chooseEncoding("GZIP", both)).toBe("gzip");
  });

  it("never sends an encoding the client refuses with q=0", () => {
    expect(chooseEncoding("br;q=0, gzip", both)).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0", both)).toBeNull();
    expect(chooseEncoding("*;q=0", both)).toBeNull();
    expect(chooseEncoding("br;q=0.0", both)).toBeNull();
  });

  it("takes a wildcard for the encodings not named", () => {
    expect(chooseEncoding("*", both)).toBe("br");
    expect(chooseEncoding("br;q=0, *", both)).toBe("gzip");
    expect(chooseEncoding("gzip;q=0.2, *;q=0.5", both)).toBe("br");
  });

  it("offers only what is stored", () => {
    expect(chooseEncoding("br, gzip", ["gzip"])).toBe("gzip");
    expect(chooseEncoding("br", ["gzip"])).toBeNull();
    expect(chooseEncoding("br, gzip", [])).toBeNull();
  });

  it("ignores malformed weights and spaces", () => {
    expect(chooseEncoding(" gzip ; q = 0.7 , br ; q=abc", both)).toBe("br");
    expect(chooseEncoding(",,gzip,", both)).toBe("gzip");
  });
});
