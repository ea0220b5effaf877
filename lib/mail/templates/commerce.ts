/**
 * Commerce mails (order confirmation, payment failed, offer received / countered / accepted / declined,
 * shipped, delivered), rendered in
 * the recipient's language from the `mailCommerce` section of the message catalogues. Callers enqueue
 * the result inside the transaction that causes the mail (lib/commerce/checkout.ts, offers.ts).
 * Money and dates are formatted for the recipient; links are absolute, from SITE_URL.
 */
import { createTranslator } from "next-intl";
import { localizedPath } from "@/i18n/paths";
import { env } from "@/lib/env";
import { shopFormatter } from "@/lib/i18n/format";
import { formatMoney, type Money } from "@/lib/money";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { mailLocale, renderMail, shopLocale, type MailLocale, type MailMessage } from "../message";

/** Who gets the mail: their address and their interface language (users.locale). */
export type Recipient = { email: string; locale: string | null | undefined };

function translator(locale: MailLocale) {
  return createTranslator({ locale, messages: locale === "zh-CN" ? zh : en, namespace: "mailCommerce" });
}

/** An absolute link on this site, to the page in the mail's language (`/zh/orders/…` in Chinese). */
export function siteUrl(pathname: string, locale: MailLocale): string {
  return new URL(localizedPath(pathname, shopLocale(locale)), env.SITE_URL).toString();
}

function money(m: Money, locale: MailLocale): string {
  return formatMoney(m, locale === "zh-CN" ? "zh-CN" : "en-US");
}

function dateTime(date: Date, locale: MailLocale): string {
  // The recipient's own zone is unknown: the shop's (TIME_ZONE), as on its pages, with the zone written out.
  return shopFormatter({ locale: shopLocale(locale), timeZone: env.TIME_ZONE }).dateTime(date, "dateTimeZoned");
}

/** The short reference people quote: the first eight characters of the order id. */
export function orderReference(orderId: string): string {
  return orderId.slice(0, 8).toUpperCase();
}

export type OrderMailInput = {
  orderId: string;
  lines: {
    title: string;
    quantity: number;
    unitAmount: number;
    currency: string;
    /** "8 / 20" for a piece of a numbered edition. */
    edition?: string | null;
    /** The numbered edition pieces inside a bundle. */
    pieces?: { title: string; edition: string }[];
  }[];
  /** Shipping (per creator) and tax lines; an included tax is shown as part of the total. */
  charges?: { kind: "shipping" | "tax"; title: string; amount: number; currency: string; included: boolean }[];
  total: Money;
  /** When the payment arrived, shown in the shop's zone. */
  paidAt: Date;
  hasCourses: boolean;
  hasArtworks: boolean;
};

export function orderConfirmationMail(to: Recipient, order: OrderMailInput): MailMessage {
  const locale = mailLocale(to.locale);
  const t = translator(locale);
  const ref = orderReference(order.orderId);
  return renderMail(to.email, locale, {
    subject: t("order.subject", { ref }),
    heading: t("order.heading"),
    paragraphs: [
      t("order.intro", { total: money(order.total, locale) }),
      ...(order.hasCourses ? [t("order.courses")] : []),
      ...(order.hasArtworks ? [t("order.artworks")] : []),
    ],
    rows: [
      { label: t("order.paidAt"), value: dateTime(order.paidAt, locale) },
      ...order.lines.map((l) => ({
        label: l.edition
          ? t("order.editionLine", { title: l.title, quantity: l.quantity, edition: l.edition })
          : l.pieces?.length
            ? t("order.bundleLine", {
                title: l.title,
                quantity: l.quantity,
                pieces: l.pieces.map((p) => t("order.piece", p)).join("; "),
              })
            : t("order.line", { title: l.title, quantity: l.quantity }),
        value: money({ amount: l.unitAmount * l.quantity, currency: l.currency }, locale),
      })),
      ...(order.charges ?? []).map((c) => ({
        label:
          c.kind === "shipping"
            ? t("order.shipping", { title: c.title.replace(/^Shipping: /, "") })
            : t(c.included ? "order.taxIncluded" : "order.tax", { title: c.title.replace(/^Tax /, "") }),
        value: money({ amount: c.amount, currency: c.currency }, locale),
      })),
      { label: t("order.total"), value: money(order.total, locale) },
    ],
    action: { label: t("order.action"), url: siteUrl(`/orders/${order.orderId}`, locale) },
    footer: t("order.footer", { ref }),
  });
}

export type PaymentFailedMailInput = {
  orderId: string;
  total: Money;
  /** `declined`: the provider refused the payment; `expired`: nobody confirmed it in time. */
  reason: "declined" | "expired";
};

/** Sent when an order's payment fails or expires: nothing was charged, the items are back for sale. */
export function paymentFailedMail(to: Recipient, order: PaymentFailedMailInput): MailMessage {
  const locale = mailLocale(to.locale);
  const t = translator(locale);
  const ref = orderReference(order.orderId);
  return renderMail(to.email, locale, {
    subject: t("paymentFailed.subject", { ref }),
    heading: t("paymentFailed.heading"),
    paragraphs: [
      t(order.reason === "expired" ? "paymentFailed.expired" : "paymentFailed.declined", {
        total: money(order.total, locale),
      }),
      t("paymentFailed.next"),
    ],
    rows: [{ label: t("order.total"), value: money(order.total, locale) }],
    action: { label: t("paymentFailed.action"), url: siteUrl("/cart", locale) },
    footer: t("order.footer", { ref }),
  });
}

export type OfferMailKind = "received" | "countered" | "accepted" | "declined" | "counterAccepted" | "counterDeclined";

export type OfferMailInput = {
  kind: OfferMailKind;
  productTitle: string;
  productSlug: string;
  buyerName: string | null;
  currency: string;
  /** The buyer's offer. */
  amount: number;
  counterAmount: number | null;
  listAmount: number;
  message?: string;
  reservedUntil?: Date | null;
};

const TO_SELLER: ReadonlySet<OfferMailKind> = new Set(["received", "counterAccepted", "counterDeclined"]);

/** Who an offer mail is for: the seller (the buyer's moves; links to the studio) or the buyer (the artist's; links to the artwork). */
export function offerMailRecipient(kind: OfferMailKind): "seller" | "buyer" {
  return TO_SELLER.has(kind) ? "seller" : "buyer";
}

export function offerMail(to: Recipient, offer: OfferMailInput): MailMessage {
  const locale = mailLocale(to.locale);
  const t = translator(locale);
  const m = (amount: number) => money({ amount, currency: offer.currency }, locale);
  const k = offer.kind;
  const values = {
    title: offer.productTitle,
    buyer: offer.buyerName?.trim() || t("offer.someone"),
    // The counter's fate is about the counter; everything else about the buyer's offer.
    amount: m(
      k === "counterAccepted" || k === "counterDeclined" ? (offer.counterAmount ?? offer.amount) : offer.amount,
    ),
    counter: m(offer.counterAmount ?? offer.amount),
    price: m(offer.listAmount),
    until: offer.reservedUntil ? dateTime(offer.reservedUntil, locale) : "",
  };
  const note =
    k === "received" && offer.message?.trim() ? [t("offer.received.note", { message: offer.message.trim() })] : [];
  const toSeller = offerMailRecipient(k) === "seller";
  return renderMail(to.email, locale, {
    subject: t(`offer.${k}.subject`, values),
    heading: t(`offer.${k}.heading`),
    paragraphs: [t(`offer.${k}.body`, values), ...note, t(`offer.${k}.next`, values)],
    action: {
      label: t(`offer.${k}.action`),
      url: siteUrl(toSeller ? "/studio/offers" : `/artworks/${encodeURIComponent(offer.productSlug)}`, locale),
    },
    footer: toSeller ? t("offer.footerSeller") : t("offer.footerBuyer"),
  });
}

export type ShippedMailInput = { orderId: string; creator: string; carrier: string; trackingNumber: string };

/** To the buyer when one creator's part of their order left: who sent it, with which carrier, the tracking number. */
export function shippedMail(to: Recipient, shipped: ShippedMailInput): MailMessage {
  const locale = mailLocale(to.locale);
  const t = translator(locale);
  const ref = orderReference(shipped.orderId);
  return renderMail(to.email, locale, {
    subject: t("shipped.subject", { ref }),
    heading: t("shipped.heading", { creator: shipped.creator }),
    paragraphs: [
      t("shipped.body", { creator: shipped.creator, carrier: shipped.carrier, ref }),
      t("shipped.tracking", { tracking: shipped.trackingNumber }),
    ],
    action: { label: t("shipped.action"), url: siteUrl(`/orders/${shipped.orderId}`, locale) },
    footer: t("shipped.footer", { ref }),
  });
}

export type DeliveredMailInput = { orderId: string; creator: string; deliveredAt: Date };

/** To the buyer when a creator marks their parcel delivered: a receipt of sorts, and where to look if it was not. */
export function deliveredMail(to: Recipient, delivered: DeliveredMailInput): MailMessage {
  const locale = mailLocale(to.locale);
  const t = translator(locale);
  const ref = orderReference(delivered.orderId);
  return renderMail(to.email, locale, {
    subject: t("delivered.subject", { ref }),
    heading: t("delivered.heading", { creator: delivered.creator }),
    paragraphs: [
      t("delivered.body", { creator: delivered.creator, ref, date: dateTime(delivered.deliveredAt, locale) }),
      t("delivered.notReceived"),
    ],
    action: { label: t("delivered.action"), url: siteUrl(`/orders/${delivered.orderId}`, locale) },
    footer: t("delivered.footer", { ref }),
  });
}
