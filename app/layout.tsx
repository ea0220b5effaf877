/**
 * Every page lives under `[locale]`, whose layout renders `<html lang>`; this root only exists because
 * Next requires one, and for the not-found page of a path outside any language (app/not-found.tsx).
 */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
