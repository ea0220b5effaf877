import { createHash } from "node:crypto";

/** A stable uuid-shaped id for a seeded row, so running the seed twice finds the same rows. */
export function seedId(namespace: string, key: string): string {
  const h = createHash("sha1").update(`${namespace}:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
