import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

// The signing secrets lib/secrets.ts resolves before parsing; any strings do for the schema.
const secrets = { AUTH_SECRET: "a", EXPERIMENT_SECRET: "b", SIM_PAYMENT_SECRET: "c" };

describe("TIME_ZONE", () => {
  it("defaults to UTC and keeps an IANA zone", () => {
    expect(parseEnv(secrets).TIME_ZONE).toBe("UTC");
    expect(parseEnv({ ...secrets, TIME_ZONE: "Asia/Shanghai" }).TIME_ZONE).toBe("Asia/Shanghai");
  });

  it("refuses a zone no one has heard of with a message naming the variable", () => {
    expect(() => parseEnv({ ...secrets, TIME_ZONE: "Europe/Atlantis" })).toThrow(
      "invalid settings: TIME_ZONE: not an IANA time zone such as Europe/London, Asia/Shanghai or UTC",
    );
  });

  it("names every bad variable at once", () => {
    expect(() => parseEnv({ ...secrets, TIME_ZONE: "nowhere", SITE_URL: "not a url" })).toThrow(
      /SITE_URL: .*; TIME_ZONE: not an IANA time zone|TIME_ZONE: not an IANA time zone.*; SITE_URL: /,
    );
  });
});
