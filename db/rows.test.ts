import { describe, expect, it } from "vitest";
import { pgArrayLiteral } from "./rows";

describe("pgArrayLiteral", () => {
  it("quotes text, escapes quotes and backslashes, writes NULL and numbers", () => {
    expect(pgArrayLiteral(["a", 'say "hi"', "back\\slash", null, "NULL"])).toBe(
      '{"a","say \\"hi\\"","back\\\\slash",NULL,"NULL"}',
    );
    expect(pgArrayLiteral([1, 2.5, -3])).toBe("{1,2.5,-3}");
    expect(() => pgArrayLiteral([Number.NaN])).toThrow();
  });
});
