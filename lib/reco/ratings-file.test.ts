import { describe, expect, it } from "vitest";
import {
  DatasetError,
  detectFormat,
  keepItemsWithDomain,
  parseDataset,
  parseDomainsText,
  parseOnlineRetailText,
  parseRatingsText,
  targetDomainIndex,
} from "./ratings-file";

describe("parseRatingsText", () => {
  it("reads MovieLens ratings.dat (:: separated, no header)", () => {
    const d = parseRatingsText("1::1193::5::978300760\n1::661::3::978302109\n\n2::1193::4::978298413\n");
    expect(d.separator).toBe("::");
    expect(d.header).toBe(false);
    expect(d.interactions).toEqual([
      { user: "1", item: "1193", rating: 5, timestamp: 978300760 },
      { user: "1", item: "661", rating: 3, timestamp: 978302109 },
      { user: "2", item: "1193", rating: 4, timestamp: 978298413 },
    ]);
  });

  it("reads MovieLens u.data (tab separated)", () => {
    const d = parseRatingsText("196\t242\t3\t881250949\r\n186\t302\t3\t891717742\r\n");
    expect(d.separator).toBe("\t");
    expect(d.interactions.map((r) => [r.user, r.item, r.rating])).toEqual([
      ["196", "242", 3],
      ["186", "302", 3],
    ]);
  });

  it("reads ratings.csv with a header, using the header's column names", () => {
    const d = parseRatingsText("userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,1260759179\n");
    expect(d.header).toBe(true);
    expect(d.interactions[0]).toEqual({ user: "1", item: "31", rating: 2.5, timestamp: 1260759144 });
    const reordered = parseRatingsText("rating,item_id,user_id\n4,i9,u1\n");
    expect(reordered.interactions).toEqual([{ user: "u1", item: "i9", rating: 4 }]);
  });

  it("reads comma files without a header and without timestamps", () => {
    const d = parseRatingsText("u1,i1,5\nu2,i1,1\n");
    expect(d.header).toBe(false);
    expect(d.interactions).toHaveLength(2);
    expect(d.interactions[0]!.timestamp).toBeUndefined();
  });

  it("fails clearly on unparseable columns", () => {
    expect(() => parseRatingsText("")).toThrow(DatasetError);
    expect(() => parseRatingsText("1,2\n")).toThrow(/at least 3 columns/);
    expect(() => parseRatingsText("1,2,3\n4,5\n")).toThrow(/line 2: expected at least 3 columns/);
    expect(() => parseRatingsText("1,2,3\n4,5,abc\n")).toThrow(/line 2: rating "abc" is not a number/);
    expect(() => parseRatingsText("justoneword\n")).toThrow(/separator/);
  });
});

const RETAIL_HEADER = "invoice\tstock_code\tdescription\tquantity\tinvoice_date\tunit_price\tcustomer_id\tcountry";

describe("Online Retail", () => {
  const text = [
    RETAIL_HEADER,
    "573415\t21166\tCOOK WITH WINE METAL SIGN\t1\t2011-10-30T16:17\t2.08\t13607\tUnited Kingdom",
    "578065\t23169\tCLASSIC GLASS COOKIE JAR\t1\t2011-11-22T15:41\t8.29\t\tUnited Kingdom",
    "C567940\t22423\tREGENCY CAKESTAND 3 TIER\t-1\t2011-09-22T18:21\t12.75\t16984\tUnited Kingdom",
    "573416\tPOST\tPOSTAGE\t3\t2011-10-30T16:18\t18\t12500\tGermany",
    '573417\t85123A\t"WHITE HANGING HEART"\t6\t2011-10-30T16:19\t2.55\t13607\tUnited Kingdom',
  ].join("\n");

  it("is auto-detected from its header", () => {
    expect(detectFormat(text)).toBe("retail");
    expect(detectFormat("1::2::3")).toBe("ratings");
    expect(parseDataset(text).format).toBe("retail");
  });

  it("keeps customer purchases and skips guests, returns and service codes", () => {
    const d = parseOnlineRetailText(text);
    expect(d.interactions.map((r) => [r.user, r.item, r.rating])).toEqual([
      ["13607", "21166", 1],
      ["13607", "85123A", 1],
    ]);
    expect(d.skippedBy).toEqual({ no_customer: 1, return_or_zero_quantity: 1, service_code: 1 });
    expect(d.skipped).toBe(3);
    expect(d.interactions[0]!.timestamp).toBe(Date.parse("2011-10-30T16:17"));
  });

  it("rejects a header without the needed columns", () => {
    expect(() => parseOnlineRetailText("invoice\tstock_code\n1\t2\n")).toThrow(/quantity, customer_id/);
  });
});

describe("parseDomainsText", () => {
  it("reads item<TAB>domain lines, skipping blank lines and a header", () => {
    const d = parseDomainsText("item\tdomain\r\np1\tcourse\n\np2\tartwork\np1\tcourse\np3\tbundle\n");
    expect(d.header).toBe(true);
    expect([...d.domainOf]).toEqual([
      ["p1", "course"],
      ["p2", "artwork"],
      ["p3", "bundle"],
    ]);
    expect(d.domains).toEqual(["artwork", "bundle", "course"]);
    expect(parseDomainsText("p1\tcourse\n").header).toBe(false);
  });

  it("names the line of a malformed row, a conflicting domain or an empty cell", () => {
    expect(() => parseDomainsText("p1\tcourse\np2 artwork\n")).toThrow(
      /domains file line 2: expected item<TAB>domain \(2 tab-separated columns\), found 1/,
    );
    expect(() => parseDomainsText("p1\tcourse\tx\n")).toThrow(/line 1: .*found 3/);
    expect(() => parseDomainsText("p1\tcourse\np1\tartwork\n")).toThrow(
      /line 2: item "p1" is in domain "artwork" but was "course" earlier/,
    );
    expect(() => parseDomainsText("p1\t\n")).toThrow(/line 1: empty item or domain/);
    expect(() => parseDomainsText("\n\n")).toThrow(DatasetError);
    expect(() => parseDomainsText("item\tdomain\n")).toThrow(/lists no item/);
  });

  it("resolves the target to its number or says which domains exist", () => {
    const d = parseDomainsText("p1\tcourse\np2\tartwork\n");
    expect(targetDomainIndex(d, "course")).toBe(1);
    expect(() => targetDomainIndex(d, "music")).toThrow(
      'target domain "music" is not in the domains file; it has artwork, course',
    );
    expect(() => targetDomainIndex(parseDomainsText("p1\tcourse\n"), "course")).toThrow(/needs two/);
  });

  it("drops interactions with items missing from the domains file and counts them", () => {
    const d = parseDomainsText("p1\tcourse\np2\tartwork\n");
    const rows = [
      { user: "a", item: "p1", rating: 1 },
      { user: "a", item: "zz", rating: 1 },
      { user: "b", item: "zz", rating: 1 },
      { user: "b", item: "p2", rating: 1 },
      { user: "b", item: "yy", rating: 1 },
    ];
    const kept = keepItemsWithDomain(rows, d);
    expect(kept.interactions.map((r) => r.item)).toEqual(["p1", "p2"]);
    expect(kept.rowsWithoutDomain).toBe(3);
    expect(kept.itemsWithoutDomain).toBe(2);
    expect(kept.examplesWithoutDomain).toEqual(["zz", "yy"]);
    expect(() => keepItemsWithDomain([{ user: "a", item: "q", rating: 1 }], d)).toThrow(/do the ids match/);
  });
});
