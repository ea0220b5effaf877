/**
 * Links, redirects and the current path in the page's language: `<Link href="/courses">` points to
 * `/zh/courses` on a Chinese page. Use these instead of next/link and next/navigation for any path of
 * the shop; API routes, images and uploads have no language and keep plain URLs.
 */
import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
