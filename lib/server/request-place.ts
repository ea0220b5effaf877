import "server-only";
import { headers } from "next/headers";
import { trustProxy } from "@/lib/auth/sign-in-guard";
import { clientAddress, limitSubject } from "@/lib/security/client-address";

/** The bucket per-address limits count this request in (see lib/security/client-address.ts). */
export async function requestAddressSubject(): Promise<string> {
  return limitSubject(clientAddress(await headers(), { trustProxy: trustProxy() }).address);
}
