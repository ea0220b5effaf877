import { useLocale, useTranslations } from "next-intl";
import type { ReasonView } from "@/lib/reco/read";

/** "Because you took Song-dynasty landscape painting": the stored reason, in the reader's language. */
export function ReasonLine({ reason, className }: { reason: ReasonView; className?: string }) {
  const t = useTranslations("reco.reason");
  const locale = useLocale();
  let text: string | null;
  switch (reason.kind) {
    case "because_item": {
      if (!reason.item) {
        text = t("popular");
        break;
      }
      const verb =
        reason.rel === "purchased"
          ? reason.item.kind === "course"
            ? "took"
            : "bought"
          : reason.rel === "carted"
            ? "carted"
            : reason.rel === "reviewed"
              ? "reviewed"
              : "viewed";
      text = t(`because.${verb}`, { title: reason.item.title });
      break;
    }
    case "similar_content":
      text = reason.item ? t("similarContent", { title: reason.item.title }) : t("popular");
      break;
    case "followed_creator":
      text = reason.creator ? t("followedCreator", { name: reason.creator.name }) : t("graph");
      break;
    case "tag":
      text = reason.tag ? t("tag", { tag: locale === "zh" ? reason.tag.nameZh : reason.tag.name }) : t("popular");
      break;
    case "similar_users":
      text = t("similarUsers");
      break;
    case "graph":
      text = t("graph");
      break;
    case "cluster":
      text = t("cluster");
      break;
    case "popular":
    case "newest":
      text = t("popular");
      break;
    default:
      // Product-page strips: the heading already says why.
      text = null;
  }
  return text ? <p className={className ?? "mt-1 text-xs text-moss"}>{text}</p> : null;
}
