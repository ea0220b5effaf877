import { describe, expect, it } from "vitest";
import { pickEditionNumbers } from "./editions";

describe("edition numbers", () => {
  it("takes the lowest free numbers", () => {
    expect(pickEditionNumbers(20, [], 0, 1)).toEqual([1]);
    expect(pickEditionNumbers(20, [1, 2, 4], 0, 2)).toEqual([3, 5]);
  });
  it("gives a number back once its order failed (it is no longer taken)", () => {
    expect(pickEditionNumbers(5, [2, 3], 0, 1)).toEqual([1]);
  });
  it("keeps the lowest free numbers for pieces sold before numbering", () => {
    expect(pickEditionNumbers(20, [3], 7, 1)).toEqual([9]);
  });
  it("refuses when the edition has no numbers left", () => {
    expect(pickEditionNumbers(3, [1, 2], 1, 1)).toBeNull();
  });
});
