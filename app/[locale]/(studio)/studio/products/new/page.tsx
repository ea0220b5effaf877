import { getTranslations } from "next-intl/server";
import { createProductAction } from "@/app/_actions/studio-products";
import { ProductFields } from "@/components/studio/product-fields";
import { StudioForm } from "@/components/studio/studio-form";
import { studioCreatorFor } from "@/lib/commerce/studio-products";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("newProduct");

export default async function NewProductPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireRole(["creator", "admin"], "/studio/products/new");
  const kind = (await searchParams).kind === "artwork" ? "artwork" : "course";
  const [t, creator] = await Promise.all([getTranslations("studioProducts"), studioCreatorFor(user)]);
  if (!creator) return <p className="text-muted">{t("noCreatorProfile")}</p>;
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-serif text-3xl">{kind === "course" ? t("newCourse") : t("newArtwork")}</h1>
      <p className="text-sm text-muted">{t("createAs", { name: creator.name })}</p>
      <StudioForm action={createProductAction} submitLabel={t("create")}>
        <ProductFields kind={kind} />
      </StudioForm>
    </div>
  );
}
