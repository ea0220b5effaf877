import { getPaymentProvider } from "@/lib/commerce/providers";
import { errorResponse } from "@/lib/errors";
import { handlePaymentWebhook } from "./handler";

/** POST /api/payments/webhook: the configured provider's signed events (see handler.ts). */
export async function POST(request: Request): Promise<Response> {
  try {
    return await handlePaymentWebhook(request, { provider: getPaymentProvider() });
  } catch (error) {
    return errorResponse(error);
  }
}
