import { getDb } from "@/db/client";
import { errorResponse, AppError } from "@/lib/errors";
import { exportUserData } from "@/lib/privacy/account-data";
import { getCurrentUser } from "@/lib/server/session";

/** "Download my data": the signed-in person's rows as a JSON file. Never cached. */
export async function GET(): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized:privacy", "Sign in to download your data");
    const data = await exportUserData(await getDb(), user.id);
    if (!data) throw new AppError("not_found:privacy", "No such account");
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="atelier-data-${new Date().toISOString().slice(0, 10)}.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
