import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { Price } from "@/components/ui/price";
import { productPath } from "@/lib/catalog/types";
import { listStudioProducts, studioCreatorFor } from "@/lib/commerce/studio-products";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("products");

export default async function StudioProductsPage() {
  const user = await requireRole(["creator", "admin"], "/studio/products");
  const [t, products, creator] = await Promise.all([
    getTranslations("studioProducts"),
    listStudioProducts(user),
    studioCreatorFor(user),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">{t("title")}</h1>
        {creator ? (
          <div className="flex gap-2 text-sm">
            <Link href="/studio/products/new?kind=course" className={buttonClass()}>
              {t("newCourse")}
            </Link>
            <Link href="/studio/products/new?kind=artwork" className={buttonClass({ variant: "secondary" })}>
              {t("newArtwork")}
            </Link>
          </div>
        ) : (
          <p className="text-sm text-muted">{t("noCreatorProfile")}</p>
        )}
      </div>
      {products.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <DataTable
          caption={t("title")}
          className="bg-white [&_td]:p-2 [&_th]:p-2"
          columns={[
            { label: t("fields.title") },
            { label: t("kindLabel") },
            { label: t("fields.status") },
            { label: t("fields.stock"), numeric: true },
            { label: t("fields.price"), numeric: true },
          ]}
        >
          {products.map((p) => (
            <DataRow key={p.id}>
              <td>
                {p.kind === "bundle" ? (
                  // Bundles are made and edited with their campaign; the studio editor has no form for them.
                  <>
                    {p.status === "published" ? (
                      <Link href={productPath(p)} className="font-medium hover:text-accent">
                        {p.title}
                      </Link>
                    ) : (
                      <span className="font-medium">{p.title}</span>
                    )}
                    <span className="block text-xs text-muted">{t("bundleNote")}</span>
                  </>
                ) : (
                  <Link
                    href={`/studio/products/${p.id}`}
                    className="font-medium text-accent underline-offset-2 hover:underline"
                  >
                    {p.title}
                  </Link>
                )}
                {user.role === "admin" && <span className="block text-xs text-muted">{p.creatorName}</span>}
              </td>
              <td>{t(`kind.${p.kind}`)}</td>
              <td>{t(`status.${p.status}`)}</td>
              <td className="text-right">{p.stock === null ? "—" : `${p.stock} / ${p.editionSize}`}</td>
              <td className="text-right">
                <Price amount={p.priceAmount} currency={p.currency} />
              </td>
            </DataRow>
          ))}
        </DataTable>
      )}
    </div>
  );
}
