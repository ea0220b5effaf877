import { getTranslations } from "next-intl/server";
import { forgotPasswordAction } from "@/app/_actions/auth";
import { AuthForm } from "@/components/auth/auth-form";
import { authPageMetadata } from "@/lib/server/page-metadata";

export const generateMetadata = authPageMetadata("forgotTitle");

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 font-serif text-3xl">{t("forgotTitle")}</h1>
      <p className="mb-6 text-sm text-muted">{t("forgotText")}</p>
      <AuthForm
        action={forgotPasswordAction}
        submitLabel={t("forgotSubmit")}
        successKey="forgotSent"
        fields={[{ name: "email", type: "email", autoComplete: "email" }]}
      />
    </div>
  );
}
