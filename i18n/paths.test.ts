import { describe, expect, it } from "vitest";
import { getPathname } from "./navigation";
import { localizedPath } from "./paths";

describe("localizedPath", () => {
  const hrefs = ["/", "/courses", "/courses/ink-basics", "/search?q=%E6%B0%B4", "/?account=deleted", "/sign-in?x=1"];

  it("leaves English alone and puts Chinese under /zh", () => {
    expect(hrefs.map((h) => localizedPath(h, "zh"))).toEqual([
      "/zh",
      "/zh/courses",
      "/zh/courses/ink-basics",
      "/zh/search?q=%E6%B0%B4",
      "/zh?account=deleted",
      "/zh/sign-in?x=1",
    ]);
    for (const href of hrefs) expect(localizedPath(href, "en")).toBe(href);
  });

  it("agrees with next-intl's getPathname for the routing the app uses", () => {
    for (const href of hrefs)
      for (const locale of ["en", "zh"] as const)
        expect(localizedPath(href, locale), `${locale} ${href}`).toBe(getPathname({ href, locale }));
  });
});
