import "server-only";
import type { z } from "zod";
import type { Role } from "@/db/schema";
import type { AccountUser } from "@/lib/auth/accounts";
import { hasRole } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/server/session";

/** What a form action returns: message keys (translated by the form), never raw errors. */
export type FormState = {
  ok: boolean;
  /** A message-catalogue key in the `errors` namespace. */
  error?: string;
  fieldErrors?: Record<string, string>;
  /** Values to put back into the form after an error. */
  values?: Record<string, string>;
} | null;

/** What to put back into the form after an error: never a password (current, new or confirmed). */
function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData)
    if (typeof value === "string" && !key.startsWith("$") && !/password/i.test(key)) out[key] = value;
  return out;
}

// An action's arguments come from the request body: a hand-made request can send anything there.
const notAForm = { ok: false, error: "invalid_input" } as const;

/**
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in a form would fail the write with a database
 * error (a 500) after validation passed. No real form sends one: refuse it for every field, including
 * those a handler reads from the FormData itself (tags, files' companions).
 */
function fieldWithNul(formData: FormData): string | undefined {
  for (const [key, value] of formData)
    if (key.includes("\0") || (typeof value === "string" && value.includes("\0"))) return key;
  return undefined;
}

/** The common checks of every form action's body: a FormData, no NUL, then the schema. */
function parseForm<S extends z.ZodType>(
  schema: S,
  formData: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; state: FormState } {
  if (!(formData instanceof FormData)) return { ok: false, state: notAForm };
  const nulKey = fieldWithNul(formData);
  if (nulKey !== undefined) {
    const values = Object.fromEntries(Object.entries(formValues(formData)).filter(([, v]) => !v.includes("\0")));
    return {
      ok: false,
      state: {
        ok: false,
        error: "invalid_input",
        fieldErrors: { [nulKey.replaceAll("\0", "")]: "text_invalid_characters" },
        values,
      },
    };
  }
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return {
      ok: false,
      state: {
        ok: false,
        error: "invalid_input",
        fieldErrors: fieldErrors(parsed.error),
        values: formValues(formData),
      },
    };
  return { ok: true, data: parsed.data };
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

/** A form action whose input is parsed by `schema`; anyone may call it. */
export function validatedAction<S extends z.ZodType>(
  schema: S,
  handler: (data: z.infer<S>, formData: FormData) => Promise<FormState>,
) {
  return async (_prev: FormState, formData: FormData): Promise<FormState> => {
    const parsed = parseForm(schema, formData);
    if (!parsed.ok) return parsed.state;
    return handler(parsed.data, formData);
  };
}

/** A form action for signed-in users with one of `roles` (every role when omitted). Actions are public endpoints. */
export function validatedActionWithUser<S extends z.ZodType>(
  schema: S,
  handler: (data: z.infer<S>, user: AccountUser, formData: FormData) => Promise<FormState>,
  roles?: Role[],
) {
  return async (_prev: FormState, formData: FormData): Promise<FormState> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: "sign_in_required" };
    if (roles && !hasRole(user, roles)) return { ok: false, error: "forbidden" };
    const parsed = parseForm(schema, formData);
    if (!parsed.ok) return parsed.state;
    return handler(parsed.data, user, formData);
  };
}
