import { Link } from "@/i18n/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { Price } from "@/components/ui/price";
import { productPath } from "@/lib/catalog/types";
import { listSalesForCreator } from "@/lib/commerce/orders";
import { getCreatorForUser } from "@/lib/commerce/ownership";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("sales");

/** A creator's sold order lines, newest first; admins see every creator's. */
export default async function StudioSalesPage() {
  const user = await requireRole(["creator", "admin"], "/studio/sales");
  const [t, format, creator] = await Promise.all([
    getTranslations("studioProducts"),
    getFormatter(),
    getCreatorForUser(user.id),
  ]);
  if (!creator && user.role !== "admin") return <p className="text-muted">{t("noCreatorProfile")}</p>;
  const { rows, totals } = await listSalesForCreator({
    creatorId: user.role === "admin" ? null : (creator?.id ?? null),
  });
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl">{t("sales.title")}</h1>
      {totals.length > 0 && (
        <p className="text-muted">
          {totals.map((tot) => (
            <span key={tot.currency} className="mr-4">
              {t("sales.total", { count: tot.count })}{" "}
              <Price amount={tot.amount} currency={tot.currency} className="font-medium text-ink" />
            </span>
          ))}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="text-muted">{t("sales.none")}</p>
      ) : (
        <DataTable
          caption={t("sales.title")}
          className="rounded-lg bg-white [&_td]:p-2 [&_th]:p-2"
          columns={[
            { label: t("sales.date") },
            { label: t("sales.item") },
            { label: t("sales.buyer") },
            { label: t("sales.quantity"), numeric: true },
            { label: t("sales.amount"), numeric: true },
          ]}
        >
          {rows.map((r, i) => (
            <DataRow key={`${r.orderId}-${r.productId}-${i}`}>
              <td>{format.dateTime(r.createdAt, "date")}</td>
              <td>
                <Link href={productPath(r)} className="hover:text-accent">
                  {r.title}
                </Link>
              </td>
              <td>{r.buyerName ?? t("sales.deletedBuyer")}</td>
              <td className="text-right">{r.quantity}</td>
              <td className="text-right">
                <Price amount={r.unitAmount * r.quantity} currency={r.currency} />
              </td>
            </DataRow>
          ))}
        </DataTable>
      )}
    </div>
  );
}
