/**
 * The form-action wrappers are the boundary of every server action: whatever a hand-made request puts
 * in the body, the handler runs only on a FormData that passed its schema and holds no NUL character
 * (PostgreSQL text cannot store one, so it would otherwise surface as a database error).
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { AccountUser } from "@/lib/auth/accounts";
import { signInAs } from "@/test/session-mock";

vi.mock("@/lib/server/session", () => import("@/test/session-mock"));

const { validatedAction, validatedActionWithUser } = await import("./actions");

const schema = z.object({ title: z.string().min(1), story: z.string().default("") });
const form = (entries: [string, string][]) => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};

describe("validatedAction", () => {
  const handled = vi.fn(async () => ({ ok: true }));
  const action = validatedAction(schema, handled);
  beforeEach(() => handled.mockClear());

  it("runs the handler with the parsed fields", async () => {
    expect(await action(null, form([["title", "Pines"]]))).toEqual({ ok: true });
    expect(handled).toHaveBeenCalledWith({ title: "Pines", story: "" }, expect.any(FormData));
  });

  it("refuses a NUL in a schema field, names the field and does not echo the bad value", async () => {
    const state = await action(
      null,
      form([
        ["title", "Pines"],
        ["story", "ink\u0000wash"],
      ]),
    );
    expect(state).toEqual({
      ok: false,
      error: "invalid_input",
      fieldErrors: { story: "text_invalid_characters" },
      values: { title: "Pines" },
    });
    expect(handled).not.toHaveBeenCalled();
  });

  it("refuses a NUL in a field the schema does not know (handlers read some fields from the FormData)", async () => {
    const state = await action(
      null,
      form([
        ["title", "Pines"],
        ["tags", "ink"],
        ["tags", "\u0000"],
      ]),
    );
    expect(state).toMatchObject({ ok: false, fieldErrors: { tags: "text_invalid_characters" } });
    expect(handled).not.toHaveBeenCalled();
  });

  it("refuses a NUL in a field name", async () => {
    expect(
      await action(
        null,
        form([
          ["title", "Pines"],
          ["x\u0000", "1"],
        ]),
      ),
    ).toMatchObject({ ok: false, error: "invalid_input" });
    expect(handled).not.toHaveBeenCalled();
  });

  it("refuses a body that is not a form", async () => {
    for (const body of [undefined, null, "title=Pines", { title: "Pines" }, ["title", "Pines"]]) {
      expect(await action(null, body as unknown as FormData)).toEqual({ ok: false, error: "invalid_input" });
    }
    expect(handled).not.toHaveBeenCalled();
  });

  it("puts the fields back after a schema error, never a password", async () => {
    const state = await action(
      null,
      form([
        ["title", ""],
        ["story", "s"],
        ["newPassword", "secret-123"],
      ]),
    );
    expect(state).toMatchObject({ ok: false, error: "invalid_input", values: { title: "", story: "s" } });
    expect(state?.fieldErrors).toHaveProperty("title");
    expect(JSON.stringify(state)).not.toContain("secret-123");
  });
});

describe("validatedActionWithUser", () => {
  const handled = vi.fn(async () => ({ ok: true }));
  const action = validatedActionWithUser(schema, handled, ["creator"]);
  const creator = { id: "u1", role: "creator", name: "C", email: "c@example.test" } as AccountUser;
  beforeEach(() => handled.mockClear());

  it("asks a signed-out caller to sign in and refuses other roles before reading the body", async () => {
    signInAs(null);
    expect(await action(null, form([["title", "Pines"]]))).toEqual({ ok: false, error: "sign_in_required" });
    signInAs({ ...creator, role: "consumer" });
    expect(await action(null, form([["title", "Pines"]]))).toEqual({ ok: false, error: "forbidden" });
    expect(handled).not.toHaveBeenCalled();
  });

  it("refuses a NUL for a signed-in caller too, and runs clean input with the user", async () => {
    signInAs(creator);
    expect(await action(null, form([["title", "a\u0000"]]))).toMatchObject({
      ok: false,
      fieldErrors: { title: "text_invalid_characters" },
    });
    expect(handled).not.toHaveBeenCalled();
    expect(await action(null, form([["title", "Pines"]]))).toEqual({ ok: true });
    expect(handled).toHaveBeenCalledWith({ title: "Pines", story: "" }, creator, expect.any(FormData));
  });
});
