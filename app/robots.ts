import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

/** Shop and landing pages are for search engines; studio, account, checkout and APIs are not. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: [
          "/studio",
          "/account",
          "/cart",
          "/checkout",
          "/orders",
          "/learn",
          "/api/",
          "/sign-in",
          "/sign-up",
          "/search",
        ],
      },
    ],
    sitemap: new URL("/sitemap.xml", env.SITE_URL).toString(),
    host: env.SITE_URL,
  };
}
