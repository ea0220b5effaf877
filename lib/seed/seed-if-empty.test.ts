import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, useDatabase, type Db } from "@/db/client";
import { products } from "@/db/schema";
import { openAppDatabase } from "./seed-if-empty";

async function productCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(products);
  return row?.n ?? 0;
}

describe("openAppDatabase", () => {
  it("gives a new embedded database the demo catalogue, once however many callers ask", async () => {
    const handle = await openDatabase({});
    try {
      useDatabase(handle);
      expect(await productCount(handle.db)).toBe(0);
      const [first, second] = await Promise.all([openAppDatabase(), openAppDatabase()]);
      expect(first).toBe(handle);
      expect(second).toBe(handle);
      const seeded = await productCount(handle.db);
      expect(seeded).toBeGreaterThan(0);
      await openAppDatabase();
      expect(await productCount(handle.db)).toBe(seeded);
    } finally {
      await handle.close();
    }
  });

  it("leaves a PostgreSQL server's database as it is (npm run db:seed seeds it on purpose)", async () => {
    const handle = await openDatabase({});
    try {
      // The driver is all openAppDatabase looks at: an in-memory database stands in for a server's.
      useDatabase({ ...handle, driver: "pg" });
      await openAppDatabase();
      expect(await productCount(handle.db)).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
