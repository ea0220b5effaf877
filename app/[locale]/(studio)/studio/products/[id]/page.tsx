import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { updateProductAction } from "@/app/_actions/studio-products";
import { CourseStructureEditor } from "@/components/studio/course-structure-editor";
import { ProductFields } from "@/components/studio/product-fields";
import { StudioForm } from "@/components/studio/studio-form";
import { productPath } from "@/lib/catalog/types";
import { getStudioCourseStructure } from "@/lib/commerce/studio-courses";
import { getStudioProduct } from "@/lib/commerce/studio-products";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("editProduct");

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Edit one of the creator's products; someone else's product is a 404, as if it did not exist. */
export default async function EditProductPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireRole(["creator", "admin"], `/studio/products/${encodeURIComponent(id)}`);
  const product = await getStudioProduct(user, id);
  if (!product || product.kind === "bundle") notFound();
  const [t, created, sections] = await Promise.all([
    getTranslations("studioProducts"),
    searchParams.then((s) => s.created === "1"),
    product.kind === "course" ? getStudioCourseStructure(user, id) : null,
  ]);
  return (
    <div className="max-w-3xl space-y-8">
      {created && (
        <p role="status" className="rounded border border-moss/40 bg-moss/5 px-3 py-2 text-sm text-moss">
          {t("created")}
        </p>
      )}
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-3xl">{product.title}</h1>
        <span className="flex gap-4 text-sm">
          {product.status === "published" && (
            <Link href={productPath(product)} className="text-accent underline">
              {t("viewPublic")}
            </Link>
          )}
          <Link href="/studio/products" className="text-accent underline">
            {t("backToList")}
          </Link>
        </span>
      </div>
      <StudioForm action={updateProductAction} submitLabel={t("save")}>
        <input type="hidden" name="productId" value={product.id} />
        <ProductFields kind={product.kind} product={product} />
      </StudioForm>
      {sections && <CourseStructureEditor productId={product.id} sections={sections} />}
    </div>
  );
}
