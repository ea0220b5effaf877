import { getFormatter, getTranslations } from "next-intl/server";
import type { DeviceSession } from "@/lib/auth/sessions";
import { EndDeviceForm } from "./end-device-form";

/** The account's signed-in devices: browser and system, network (IP prefix), last activity, a sign-out button each. */
export async function DeviceList({ sessions }: { sessions: DeviceSession[] }) {
  const [t, format] = await Promise.all([getTranslations("settings"), getFormatter()]);
  return (
    <ul aria-label={t("sessionsListLabel")} className="divide-y divide-line rounded-lg border border-line bg-white">
      {sessions.map((s) => (
        <li
          key={s.id}
          className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm"
          data-testid="device"
        >
          <div>
            <p className="font-medium">
              {t("deviceName", { browser: s.browser ?? t("unknownBrowser"), system: s.system ?? t("unknownSystem") })}
              {s.current && (
                <span className="ml-2 rounded-full bg-moss/10 px-2 py-0.5 text-xs text-moss">{t("thisDevice")}</span>
              )}
            </p>
            <p className="text-muted">
              {s.ipPrefix ? t("place", { prefix: s.ipPrefix }) : t("placeUnknown")} ·{" "}
              {t("lastSeen", { time: format.relativeTime(s.lastSeenAt) })}
            </p>
          </div>
          {!s.current && <EndDeviceForm sessionId={s.id} />}
        </li>
      ))}
    </ul>
  );
}
