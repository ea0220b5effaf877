import { afterAll, beforeAll } from "vitest";
import { useDatabase, type Db } from "@/db/client";
import { createCreator, tolerateTeardown } from "@/lib/commerce/fixtures";
import { freshDatabase, type FreshDb } from "./fresh-db";

export type FixtureDatabase = { db: Db; creator: { creatorId: string; userId: string } };

/**
 * The setup of a test file that makes its own rows with lib/commerce/fixtures and calls app code that
 * reads the app's database (getDb): before the file's tests, a fresh database that becomes the app's
 * (errors of its pool while it is dropped are ignored) with one creator tagged `tag`, then `then` for
 * the file's own rows; after them, the database is dropped. Call once, at the top level of the file.
 */
export function setUpFixtureDatabase(tag: string, then: (fx: FixtureDatabase) => Promise<void> | void): void {
  let fresh: FreshDb | undefined;
  beforeAll(async () => {
    fresh = await freshDatabase();
    tolerateTeardown(fresh.db);
    useDatabase({ db: fresh.db, driver: fresh.driver, close: fresh.dispose });
    await then({ db: fresh.db, creator: await createCreator(fresh.db, tag) });
  });
  afterAll(() => fresh?.dispose());
}
