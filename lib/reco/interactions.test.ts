import { describe, expect, it } from "vitest";
import { buildInteractionMatrix, DEFAULT_EVENT_WEIGHTS, eventWeight } from "./interactions";
import { csrToDense } from "./sparse";

describe("eventWeight", () => {
  it("grades purchases, carts, dwell (log, capped) and ratings", () => {
    expect(eventWeight({ userId: "u", itemId: "i", type: "purchase" })).toBe(5);
    expect(eventWeight({ userId: "u", itemId: "i", type: "add_to_cart" })).toBe(2);
    expect(eventWeight({ userId: "u", itemId: "i", type: "view", dwellSeconds: 2 })).toBe(0); // bounce
    expect(eventWeight({ userId: "u", itemId: "i", type: "view", dwellSeconds: 60 })).toBeCloseTo(
      Math.log(61) / Math.log(601),
      12,
    );
    expect(eventWeight({ userId: "u", itemId: "i", type: "view", dwellSeconds: 600 })).toBeCloseTo(1, 12);
    expect(eventWeight({ userId: "u", itemId: "i", type: "view", dwellSeconds: 86_400 })).toBeCloseTo(1, 12); // capped
    expect(eventWeight({ userId: "u", itemId: "i", type: "rating", rating: 5 })).toBe(3);
    expect(eventWeight({ userId: "u", itemId: "i", type: "rating", rating: 4 })).toBeCloseTo(1.5, 12);
    expect(eventWeight({ userId: "u", itemId: "i", type: "rating", rating: 2 })).toBe(0);
    expect(eventWeight({ userId: "u", itemId: "i", type: "purchase" }, { ...DEFAULT_EVENT_WEIGHTS, purchase: 9 })).toBe(
      9,
    );
  });
});

describe("buildInteractionMatrix", () => {
  it("maps external ids to dense indices, sums and caps cells", () => {
    const { matrix, userIds, itemIds, userIndex, itemIndex } = buildInteractionMatrix(
      [
        { userId: "alice", itemId: "course-1", type: "purchase" },
        { userId: "alice", itemId: "course-1", type: "add_to_cart" },
        { userId: "bob", itemId: "art-9", type: "purchase" },
        { userId: "bob", itemId: "art-9", type: "purchase" },
        { userId: "bob", itemId: "art-9", type: "purchase" },
        { userId: "carol", itemId: "art-9", type: "view", dwellSeconds: 1 },
      ],
      { itemIds: ["never-touched"] },
    );
    expect(itemIds).toEqual(["never-touched", "course-1", "art-9"]);
    expect(userIds).toEqual(["alice", "bob"]); // carol's only event weighs 0
    expect(userIndex.get("bob")).toBe(1);
    expect(itemIndex.get("art-9")).toBe(2);
    expect(csrToDense(matrix)).toEqual([
      [0, 7, 0],
      [0, 0, 10],
    ]);
  });

  it("decays old evidence relative to an explicit now", () => {
    const now = Date.UTC(2026, 5, 1);
    const { matrix } = buildInteractionMatrix(
      [
        { userId: "u", itemId: "old", type: "purchase", at: now - 30 * 86_400_000 },
        { userId: "u", itemId: "new", type: "purchase", at: now },
      ],
      { now, halfLifeDays: 30 },
    );
    expect(csrToDense(matrix)).toEqual([[2.5, 5]]);
    expect(() => buildInteractionMatrix([], { halfLifeDays: 30 })).toThrow(RangeError);
  });
});
