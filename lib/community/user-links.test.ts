import { describe, expect, it } from "vitest";
import { safeHref, splitLinks } from "./user-links";

describe("links in user text", () => {
  it("links http(s) addresses and keeps the surrounding text", () => {
    expect(splitLinks("See https://example.com/ink?x=1. Thanks")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.com/ink?x=1", href: "https://example.com/ink?x=1" },
      { kind: "text", text: ". Thanks" },
    ]);
  });

  it("never links other schemes, whatever their case or disguise", () => {
    for (const text of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "[click](javascript:alert(1))",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      " java\tscript:alert(1)",
    ]) {
      expect(splitLinks(text).every((p) => p.kind === "text")).toBe(true);
      expect(
        splitLinks(text)
          .map((p) => p.text)
          .join(""),
      ).toBe(text);
    }
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("https://x.example/")).toBe("https://x.example/");
  });

  it("stops an address at quotes and angle brackets, so markup cannot ride along", () => {
    const parts = splitLinks(`http://x.example/"onmouseover="alert(1) <img src=x onerror=alert(2)>`);
    expect(parts[0]).toEqual({ kind: "link", text: "http://x.example/", href: "http://x.example/" });
    expect(parts.slice(1).every((p) => p.kind === "text")).toBe(true);
  });
});
