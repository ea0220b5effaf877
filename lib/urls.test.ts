import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./urls";

describe("safeReturnPath", () => {
  it("keeps same-site paths", () => {
    expect(safeReturnPath("/courses/ink?x=1", "/")).toBe("/courses/ink?x=1");
  });

  it.each(["//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "", 42, undefined, "/a b"])(
    "refuses %j (open redirect or not a path)",
    (value) => {
      expect(safeReturnPath(value, "/account")).toBe("/account");
    },
  );
});
