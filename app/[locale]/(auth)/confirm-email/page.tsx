import { getTranslations } from "next-intl/server";
import { confirmEmailAction } from "@/app/_actions/auth";
import { TokenForm } from "@/components/auth/token-form";
import { authPageMetadata } from "@/lib/server/page-metadata";

export const generateMetadata = authPageMetadata("confirmEmailTitle");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The page an email-change mail links to (at the new address); the button makes the change. */
export default async function ConfirmEmailPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="font-serif text-3xl">{t("confirmEmailTitle")}</h1>
      <p className="text-sm text-muted">{t("confirmEmailText")}</p>
      <TokenForm
        action={confirmEmailAction}
        token={typeof token === "string" ? token : ""}
        submitLabel={t("confirmEmailSubmit")}
      />
    </div>
  );
}
