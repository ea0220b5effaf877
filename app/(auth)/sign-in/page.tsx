import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { signInAction } from "@/app/_actions/auth";
import { AuthForm } from "@/components/auth/auth-form";
import { getCurrentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/urls";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("signIn");

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl, "/account");
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 font-serif text-3xl">{t("signInTitle")}</h1>
      <AuthForm
        action={signInAction}
        callbackUrl={callbackUrl}
        submitLabel={t("signInSubmit")}
        fields={[
          { name: "email", type: "email", autoComplete: "email" },
          { name: "password", type: "password", autoComplete: "current-password" },
        ]}
      />
      <p className="mt-6 text-sm text-muted">
        {t("noAccount")}{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-accent underline">
          {t("signUpLink")}
        </Link>
      </p>
    </div>
  );
}
