import { describe, expect, it } from "vitest";
import { placeName } from "./place-name";

describe("placeName", () => {
  it("names the country in the reader's language", () => {
    expect(placeName({ location: "Kyoto", country: "JP" }, "en")).toBe("Kyoto, Japan");
    expect(placeName({ location: "Kyoto", country: "JP" }, "zh")).toBe("Kyoto，日本");
  });

  it("shows what is known, and nothing when nothing is", () => {
    expect(placeName({ location: null, country: "CN" }, "en")).toBe("China");
    expect(placeName({ location: "Lagos", country: null }, "en")).toBe("Lagos");
    expect(placeName({ location: null, country: null }, "en")).toBeNull();
    expect(placeName({ location: "Atlantis", country: "not-a-code" }, "en")).toBe("Atlantis");
  });
});
