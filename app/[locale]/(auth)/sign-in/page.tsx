import { Link } from "@/i18n/navigation";
import { redirect } from "next/navigation";
import { localePath } from "@/lib/i18n/page-locale";
import { getTranslations } from "next-intl/server";
import { signInAction } from "@/app/_actions/auth";
import { AuthForm } from "@/components/auth/auth-form";
import { getCurrentUser } from "@/lib/server/session";
import { safeReturnPath } from "@/lib/urls";
import { pageMetadata } from "@/lib/server/page-metadata";

export const generateMetadata = pageMetadata("signIn");

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl, "/account");
  if (await getCurrentUser()) redirect(await localePath(callbackUrl));
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 font-serif text-3xl">{t("signInTitle")}</h1>
      {params.reset === "1" && (
        <p role="status" className="mb-4 rounded border border-moss/40 bg-moss/5 px-3 py-2 text-sm text-moss">
          {t("resetDone")}
        </p>
      )}
      {/* Auth.js's own callback route (POST /api/auth/callback/credentials) reports a refused attempt this way. */}
      {params.code === "rate_limited" && (
        <p role="alert" className="mb-4 rounded border border-accent/40 bg-accent/5 px-3 py-2 text-sm text-accent-dark">
          {t("tooManyAttemptsLater")}
        </p>
      )}
      <AuthForm
        action={signInAction}
        callbackUrl={callbackUrl}
        submitLabel={t("signInSubmit")}
        fields={[
          { name: "email", type: "email", autoComplete: "email" },
          { name: "password", type: "password", autoComplete: "current-password" },
        ]}
      />
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="text-accent underline">
          {t("forgotLink")}
        </Link>
      </p>
      <p className="mt-6 text-sm text-muted">
        {t("noAccount")}{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-accent underline">
          {t("signUpLink")}
        </Link>
      </p>
    </div>
  );
}
