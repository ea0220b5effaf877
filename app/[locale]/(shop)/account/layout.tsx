import type { ReactNode } from "react";
import { AccountNav } from "@/components/account/account-nav";

/** Every account page gets the same section links, so the address book is one tap from any of them. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AccountNav />
      {children}
    </>
  );
}
