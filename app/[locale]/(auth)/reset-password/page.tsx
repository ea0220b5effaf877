import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { resetPasswordAction } from "@/app/_actions/auth";
import { AuthForm } from "@/components/auth/auth-form";
import { getDb } from "@/db/client";
import { authPageMetadata } from "@/lib/server/page-metadata";
import { peekToken } from "@/lib/auth/tokens";

export const generateMetadata = authPageMetadata("resetTitle");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  const t = await getTranslations("auth");
  // Looking does not spend the link; only the form's submission does.
  const valid = typeof token === "string" && (await peekToken(await getDb(), token, "reset_password")) !== null;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 font-serif text-3xl">{t("resetTitle")}</h1>
      {valid ? (
        <>
          <p className="mb-6 text-sm text-muted">{t("passwordRule")}</p>
          <AuthForm
            action={resetPasswordAction}
            submitLabel={t("resetSubmit")}
            hidden={{ token }}
            fields={[
              { name: "newPassword", type: "password", autoComplete: "new-password", label: t("newPasswordLabel") },
              {
                name: "confirmPassword",
                type: "password",
                autoComplete: "new-password",
                label: t("confirmPasswordLabel"),
              },
            ]}
          />
        </>
      ) : (
        <ExpiredLink text={t("linkExpired")} again={t("askAgain")} />
      )}
    </div>
  );
}

function ExpiredLink({ text, again }: { text: string; again: string }) {
  return (
    <div className="space-y-4">
      <p role="alert" className="rounded border border-accent/40 bg-accent/5 px-3 py-2 text-sm text-accent-dark">
        {text}
      </p>
      <Link href="/forgot-password" className="text-sm text-accent underline">
        {again}
      </Link>
    </div>
  );
}
