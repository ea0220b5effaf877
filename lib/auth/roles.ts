import type { Role } from "@/db/schema";
import type { AccountUser } from "./accounts";

/** The roles that may open the studio. */
export const STUDIO_ROLES: Role[] = ["creator", "marketer", "admin"];

/** Pure, so actions' and pages' permission checks can be tested without a request. */
export function hasRole(user: AccountUser | null, roles: Role[]): user is AccountUser {
  return user !== null && roles.includes(user.role);
}
