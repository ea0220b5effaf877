import { Link } from "@/i18n/navigation";
import { redirect } from "next/navigation";
import { localePath } from "@/lib/i18n/page-locale";
import { getTranslations } from "next-intl/server";
import { signUpAction } from "@/app/_actions/auth";
import { AuthForm } from "@/components/auth/auth-form";
import { getCurrentUser } from "@/lib/server/session";
import { safeReturnPath } from "@/lib/urls";
import { pageMetadata } from "@/lib/server/page-metadata";

export const generateMetadata = pageMetadata("signUp");

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl, "/account");
  if (await getCurrentUser()) redirect(await localePath(callbackUrl));
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 font-serif text-3xl">{t("signUpTitle")}</h1>
      <p className="mb-6 text-sm text-muted">{t("passwordRule")}</p>
      <AuthForm
        action={signUpAction}
        callbackUrl={callbackUrl}
        submitLabel={t("signUpSubmit")}
        fields={[
          { name: "name", type: "text", autoComplete: "name" },
          { name: "email", type: "email", autoComplete: "email" },
          { name: "password", type: "password", autoComplete: "new-password" },
        ]}
      />
      <p className="mt-6 text-sm text-muted">
        {t("haveAccount")}{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-accent underline">
          {t("signInLink")}
        </Link>
      </p>
    </div>
  );
}
