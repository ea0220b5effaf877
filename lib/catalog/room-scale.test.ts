import { describe, expect, it } from "vitest";
import { ABOVE_SOFA_MM, EYE_LEVEL_MM, roomScene, SOFA_MM } from "./room-scale";

/** Height above the floor of a box's bottom edge. */
const bottomOf = (scene: ReturnType<typeof roomScene>, box: { y: number; height: number }) =>
  scene.height - (box.y + box.height);

describe("roomScene", () => {
  it("hangs a small piece centred on eye level, above the middle of the sofa", () => {
    const scene = roomScene(400, 500);
    expect(scene.width).toBe(3600);
    expect(scene.height).toBe(2700);
    expect(scene.art.x + scene.art.width / 2).toBe(scene.width / 2);
    expect(scene.sofa.x + scene.sofa.width / 2).toBe(scene.width / 2);
    expect(bottomOf(scene, scene.art) + scene.art.height / 2).toBe(EYE_LEVEL_MM);
    expect(bottomOf(scene, scene.sofa)).toBe(0);
    expect(scene.widthRatio).toBeCloseTo(0.2);
  });

  it("keeps the same millimetres for the piece and the sofa, so their ratio is the real one", () => {
    const scene = roomScene(1000, 700);
    expect(scene.art.width / scene.sofa.width).toBe(1000 / SOFA_MM.width);
    expect(scene.art.height / scene.sofa.height).toBe(700 / SOFA_MM.height);
  });

  it("raises a tall piece so its frame clears the sofa's back", () => {
    const scene = roomScene(600, 1400);
    expect(bottomOf(scene, scene.art)).toBe(SOFA_MM.height + ABOVE_SOFA_MM);
    expect(scene.art.y).toBeGreaterThanOrEqual(0);
  });

  it("widens and heightens the wall around a piece bigger than a living room's", () => {
    const scene = roomScene(5000, 3000);
    expect(scene.width).toBe(5600);
    expect(scene.art.x).toBe(300);
    expect(scene.art.y).toBe(300);
    expect(bottomOf(scene, scene.art)).toBe(SOFA_MM.height + ABOVE_SOFA_MM);
  });

  it("refuses sizes no artwork has", () => {
    expect(() => roomScene(0, 100)).toThrow(RangeError);
    expect(() => roomScene(100, Number.NaN)).toThrow(RangeError);
  });
});
