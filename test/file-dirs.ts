/**
 * Vitest setup file (vitest.config.ts `setupFiles`): runs in each test file's own worker before the file
 * is imported, so lib/env (parsed once per file, as every file gets fresh modules) sees these values.
 *
 * Test files run in parallel, and other checkouts on the same machine run their suites too: every file
 * gets its own scratch folder for what the app writes to disk (uploads, file-transport mail), removed
 * after the file. PGLITE_DIR points there as well, so code that reaches getDb() without a database set
 * by the test opens a throwaway one instead of the developer's `.data/pglite`, which a dev server may
 * hold open (PGlite allows one process per folder).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const scratch = mkdtempSync(path.join(os.tmpdir(), "atelier-test-"));
process.env.UPLOAD_DIR = path.join(scratch, "uploads");
process.env.MAIL_DIR = path.join(scratch, "mail");
process.env.PGLITE_DIR = path.join(scratch, "pglite");

afterAll(() => rmSync(scratch, { recursive: true, force: true }));
