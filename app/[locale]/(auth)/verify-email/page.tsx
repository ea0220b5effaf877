import { getTranslations } from "next-intl/server";
import { verifyEmailAction } from "@/app/_actions/auth";
import { TokenForm } from "@/components/auth/token-form";
import { authPageMetadata } from "@/lib/server/page-metadata";

export const generateMetadata = authPageMetadata("verifyTitle");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The page a verification mail links to; the button (not the visit) verifies, so link scanners do not. */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="font-serif text-3xl">{t("verifyTitle")}</h1>
      <p className="text-sm text-muted">{t("verifyText")}</p>
      <TokenForm
        action={verifyEmailAction}
        token={typeof token === "string" ? token : ""}
        submitLabel={t("verifySubmit")}
      />
    </div>
  );
}
