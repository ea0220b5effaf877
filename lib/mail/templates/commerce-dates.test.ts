/**
 * Mail shows dates in the shop's zone (TIME_ZONE), as its pages do, with the zone written out: the same
 * instant reads as the 29th to a shop in Shanghai and the 28th to one in Los Angeles.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

const instant = new Date("2026-03-29T00:30:00Z");

/** The mail templates as a server whose TIME_ZONE is `zone` (unset: undefined) loads them. */
async function templatesIn(zone: string | undefined) {
  vi.resetModules();
  vi.stubEnv("TIME_ZONE", zone);
  return import("./commerce");
}

/** The order confirmation of an order paid at `instant`. */
async function orderMail(zone: string | undefined, locale: "en" | "zh") {
  const { orderConfirmationMail } = await templatesIn(zone);
  return orderConfirmationMail(
    { email: "buyer@atelier.test", locale },
    {
      orderId: "0f6c2a9e-4b1d-4c2e-9a57-3d2f1e0b8c41",
      lines: [{ title: "Morning Mist", quantity: 1, unitAmount: 90_000, currency: "USD" }],
      total: { amount: 90_000, currency: "USD" },
      paidAt: instant,
      hasCourses: false,
      hasArtworks: true,
    },
  );
}

/** The buyer's "offer accepted" mail, rendered by a server whose TIME_ZONE is `zone`. */
async function acceptedMail(zone: string | undefined, locale: "en" | "zh") {
  const { offerMail } = await templatesIn(zone);
  return offerMail(
    { email: "buyer@atelier.test", locale },
    {
      kind: "accepted",
      productTitle: "Morning Mist",
      productSlug: "morning-mist",
      buyerName: "Ana",
      currency: "USD",
      amount: 90_000,
      counterAmount: null,
      listAmount: 120_000,
      reservedUntil: instant,
    },
  );
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the payment date in an order confirmation", () => {
  it("follows TIME_ZONE in English and Chinese", async () => {
    expect((await orderMail("Asia/Shanghai", "en")).text).toContain("Paid: March 29, 2026 at 08:30 AM GMT+8");
    expect((await orderMail("America/Los_Angeles", "en")).text).toContain("Paid: March 28, 2026 at 05:30 PM PDT");
    const shanghai = await orderMail("Asia/Shanghai", "zh");
    expect(shanghai.text).toContain("付款时间: 2026年3月29日 GMT+8 08:30");
    expect(shanghai.html).toContain("2026年3月29日 GMT+8 08:30");
    expect((await orderMail("America/Los_Angeles", "zh")).text).toContain("2026年3月28日 GMT-7 17:30");
  });

  it("is in UTC, said so, when TIME_ZONE is unset", async () => {
    expect((await orderMail(undefined, "en")).text).toContain("March 29, 2026 at 12:30 AM UTC");
  });
});

describe("the date in an offer-accepted mail", () => {
  it("follows TIME_ZONE in English", async () => {
    const shanghai = await acceptedMail("Asia/Shanghai", "en");
    expect(shanghai.text).toContain("reserved for you until March 29, 2026 at 08:30 AM GMT+8.");
    expect(shanghai.html).toContain("March 29, 2026 at 08:30 AM GMT+8");
    const losAngeles = await acceptedMail("America/Los_Angeles", "en");
    expect(losAngeles.text).toContain("reserved for you until March 28, 2026 at 05:30 PM PDT.");
  });

  it("follows TIME_ZONE in Chinese", async () => {
    const shanghai = await acceptedMail("Asia/Shanghai", "zh");
    expect(shanghai.text).toContain("2026年3月29日 GMT+8 08:30");
    const losAngeles = await acceptedMail("America/Los_Angeles", "zh");
    expect(losAngeles.text).toContain("2026年3月28日 GMT-7 17:30");
    expect(losAngeles.text).not.toContain("3月29日");
  });

  it("is in UTC, said so, when TIME_ZONE is unset", async () => {
    const mail = await acceptedMail(undefined, "en");
    expect(mail.text).toContain("March 29, 2026 at 12:30 AM UTC");
  });
});
