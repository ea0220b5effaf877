/**
 * Campaign actions belong to marketers and admins. Only the session reading is stood in for
 * (test/session-mock.ts); the role check is the real one (lib/actions.ts with lib/auth/roles.ts), so
 * this fails if the rule or the actions' role list lets anyone else through. No database: a refused
 * caller is turned away before the form is read, and an allowed one here sends a form that fails parsing.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { Role } from "@/db/schema";
import type { AccountUser } from "@/lib/auth/accounts";
import { signInAs } from "@/test/session-mock";

vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
vi.mock("next/cache", () => ({ updateTag: () => undefined }));
vi.mock("next/navigation", () => import("@/test/redirect-mock"));

const { campaignStatusAction, saveCampaignAction } = await import("./campaigns");

const person = (role: Role): AccountUser => ({ id: randomUUID(), email: `${role}@roles.test`, name: role, role });
const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};

describe("campaign actions' roles", () => {
  it("refuse consumers and creators", async () => {
    for (const role of ["consumer", "creator"] as const) {
      signInAs(person(role));
      expect(await saveCampaignAction(null, form({ payload: "{}" }))).toEqual({ ok: false, error: "forbidden" });
      expect(await campaignStatusAction(null, form({ id: "c1", action: "launch" }))).toEqual({
        ok: false,
        error: "forbidden",
      });
    }
  });

  it("let marketers and admins through to the form check", async () => {
    for (const role of ["marketer", "admin"] as const) {
      signInAs(person(role));
      expect(await campaignStatusAction(null, form({ id: "", action: "launch" }))).toMatchObject({
        ok: false,
        error: "invalid_input",
      });
    }
  });
});
