import { redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { isRedirectSignal } from "./sign-in";

describe("isRedirectSignal", () => {
  it("recognises the error Next's redirect() throws, and nothing else", () => {
    let thrown: unknown;
    try {
      redirect("/account");
    } catch (error) {
      thrown = error;
    }
    expect(isRedirectSignal(thrown)).toBe(true);
    expect(isRedirectSignal(new Error("database down"))).toBe(false);
    expect(isRedirectSignal({ digest: "NEXT_NOT_FOUND" })).toBe(false);
    expect(isRedirectSignal(null)).toBe(false);
  });
});
