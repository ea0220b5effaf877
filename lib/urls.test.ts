import { describe, expect, it } from "vitest";
import { isDecodablePath, safeReturnPath } from "./urls";

describe("safeReturnPath", () => {
  it("keeps same-site paths", () => {
    expect(safeReturnPath("/courses/ink?x=1", "/")).toBe("/courses/ink?x=1");
  });

  it.each([
    "//evil.example",
    "https://evil.example/",
    "/\\evil.example",
    "javascript:alert(1)",
    "",
    42,
    undefined,
    "/a b",
    "/a\u0000b",
    "/a\u001bb",
    "/a\u007fb",
  ])("refuses %j (open redirect or not a path)", (value) => {
    expect(safeReturnPath(value, "/account")).toBe("/account");
  });
});

describe("isDecodablePath", () => {
  it("accepts plain and well-encoded paths", () => {
    expect(isDecodablePath("/courses/ink-painting")).toBe(true);
    expect(isDecodablePath("/search/%E4%B8%AD")).toBe(true);
  });

  it("rejects broken percent-encoding", () => {
    expect(isDecodablePath("/courses/%E0%A4%A")).toBe(false);
    expect(isDecodablePath("/artworks/%ZZ")).toBe(false);
  });
});
