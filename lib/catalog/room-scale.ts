/**
 * "View in a room": where an artwork of given size hangs on a wall above a sofa, drawn at true relative
 * scale. Everything is in millimetres, y measured down from the top of the scene (SVG's direction), so a
 * component can use the numbers as a viewBox directly. Pure, and tested beside it.
 */

/** A three-seat sofa: the common width and back height of the furniture people measure walls against. */
export const SOFA_MM = { width: 2000, height: 850 } as const;
/** The usual gallery rule: the centre of a picture at eye level, about 150 cm from the floor. */
export const EYE_LEVEL_MM = 1500;
/** Clearance between the top of the sofa's back and the bottom of the frame. */
export const ABOVE_SOFA_MM = 200;
const WALL = { width: 3600, height: 2700 } as const;
/** Wall shown beside and above the piece when it is too big for the usual wall. */
const MARGIN_MM = 300;

export type Box = { x: number; y: number; width: number; height: number };
export type RoomScene = {
  /** The scene's size: the viewBox of a drawing. */
  width: number;
  height: number;
  /** The artwork's box on the wall. */
  art: Box;
  /** The sofa's bounding box, standing on the floor (the bottom edge of the scene). */
  sofa: Box;
  /** The artwork's width as a share of the sofa's (0.5 = half as wide). */
  widthRatio: number;
};

/**
 * Lays out the scene for an artwork of `widthMm` × `heightMm`. The piece is centred on the sofa and on
 * eye level, raised when that would bring it closer than `ABOVE_SOFA_MM` to the sofa; the wall grows to
 * keep a margin around pieces bigger than an ordinary living-room wall.
 */
export function roomScene(widthMm: number, heightMm: number): RoomScene {
  if (!(widthMm > 0 && heightMm > 0)) throw new RangeError("an artwork needs a positive width and height");
  const width = Math.max(WALL.width, widthMm + 2 * MARGIN_MM, SOFA_MM.width + 2 * MARGIN_MM);
  // Height of the artwork's bottom edge above the floor.
  const bottom = Math.max(EYE_LEVEL_MM - heightMm / 2, SOFA_MM.height + ABOVE_SOFA_MM);
  const height = Math.max(WALL.height, bottom + heightMm + MARGIN_MM);
  return {
    width,
    height,
    art: { x: (width - widthMm) / 2, y: height - bottom - heightMm, width: widthMm, height: heightMm },
    sofa: {
      x: (width - SOFA_MM.width) / 2,
      y: height - SOFA_MM.height,
      width: SOFA_MM.width,
      height: SOFA_MM.height,
    },
    widthRatio: widthMm / SOFA_MM.width,
  };
}
