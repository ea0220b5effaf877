/**
 * What a person does in the shop, over plain HTTP (scripts/cluster/http.ts): sign in through Auth.js,
 * submit a page's server-action form the way a browser without JavaScript does, put something in the
 * cart, check out. Each function names the instance (base URL) it talks to.
 */
import {
  findForm,
  formData,
  hasField,
  pageText,
  readForms,
  type HtmlForm,
  type HttpClient,
  type HttpResponse,
} from "./http";

/** The seeded demo accounts' password (README, "Demo accounts"). */
export const DEMO_PASSWORD = "atelier-demo-2026";

/** Auth.js credentials sign-in: GET /api/auth/csrf, then POST /api/auth/callback/credentials. */
export async function signIn(client: HttpClient, base: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = await client.get(`${base}/api/auth/csrf`);
  const { csrfToken } = JSON.parse(csrf.text()) as { csrfToken: string };
  const res = await client.postUrlEncoded(`${base}/api/auth/callback/credentials`, {
    csrfToken,
    email,
    password,
    callbackUrl: `${base}/account`,
  });
  if (!client.cookies.has("authjs.session-token") || res.location?.searchParams.has("error"))
    throw new Error(
      `sign-in of ${email} on ${base} failed (HTTP ${res.status}, ${res.location?.href ?? "no redirect"})`,
    );
}

export type PageForm = { url: string; page: HttpResponse; form: HtmlForm };

/** Loads `path` on `base` and picks a form on it. */
export async function pageForm(
  client: HttpClient,
  base: string,
  path: string,
  match: (form: HtmlForm) => boolean,
  what: string,
): Promise<PageForm> {
  const url = `${base}${path}`;
  const page = await client.get(url);
  if (page.status !== 200)
    throw new Error(`GET ${url}: HTTP ${page.status}${page.location ? ` to ${page.location.href}` : ""}`);
  return { url, page, form: findForm(page.text(), match, what) };
}

/** Posts a server-action form back to its page (a form without JavaScript posts to its own URL). */
export function submit(
  client: HttpClient,
  url: string,
  form: HtmlForm,
  overrides: Record<string, string> = {},
  files: Parameters<typeof formData>[2] = {},
  button?: { name: string; value: string },
): Promise<HttpResponse> {
  return client.postForm(url, formData(form, overrides, files, button));
}

/** The product page's "Add to cart" form, posted; throws unless the page says it was added. */
export async function addToCart(client: HttpClient, base: string, productPath: string): Promise<void> {
  const { url, form } = await pageForm(
    client,
    base,
    productPath,
    (f) => hasField("productId")(f) && f.html.includes(">Add to cart</button>"),
    "add-to-cart",
  );
  const res = await submit(client, url, form);
  if (res.status !== 200 || !res.text().includes("Added to your cart."))
    throw new Error(`add to cart of ${productPath} on ${base}: HTTP ${res.status}`);
}

/** Where the cluster's buyers have artworks sent: a US address (no tax line), as the browser specs do. */
const SHIPPING_ADDRESS = {
  country: "US",
  name: "Ada Collector",
  line1: "1 Market Street",
  city: "San Francisco",
  region: "CA",
  postalCode: "94105",
  phone: "+1 415 555 0100",
};

/**
 * The checkout page's form, ready to post: it carries this attempt's idempotency key and shown totals.
 * A cart with artworks first asks where to ship them: the address form is posted (the account keeps the
 * address, so later checkouts go straight to the form).
 */
export async function checkoutForm(client: HttpClient, base: string): Promise<PageForm> {
  const page = await client.get(`${base}/checkout`);
  if (page.status !== 200) throw new Error(`GET ${base}/checkout: HTTP ${page.status}`);
  if (!page.text().includes('name="postalCode"'))
    return { url: `${base}/checkout`, page, form: findForm(page.text(), hasField("idempotencyKey"), "checkout") };
  const address = findForm(page.text(), hasField("postalCode"), "shipping address");
  const saved = await submit(client, `${base}/checkout`, address, SHIPPING_ADDRESS);
  if (saved.status !== 303 || !saved.location)
    throw new Error(`shipping address on ${base}: HTTP ${saved.status}, no redirect to the checkout`);
  return pageForm(
    client,
    base,
    `${saved.location.pathname}${saved.location.search}`,
    hasField("idempotencyKey"),
    "checkout",
  );
}

export type CheckoutAnswer =
  | { kind: "placed"; orderId: string; status: number }
  | { kind: "sold_out"; status: number }
  | { kind: "other"; status: number; detail: string };

const ORDER_PATH = /^\/orders\/([0-9a-f-]{36})$/;
const SIM_PAY_PATH = /^\/pay\/sim\/simpay_[0-9a-f]{24}$/;

/**
 * Places the order of a loaded checkout form, posting it to `base`, and pays it as a buyer would: the
 * answer sends them to the simulated provider's page, whose "Pay" form they post on the same instance;
 * the provider's webhook marks the order paid before the buyer is sent back to it.
 */
export async function placeOrder(client: HttpClient, base: string, checkout: PageForm): Promise<CheckoutAnswer> {
  const res = await client.postForm(`${base}/checkout`, formData(checkout.form));
  if (!(res.status === 303 && res.location && SIM_PAY_PATH.test(res.location.pathname))) return readCheckoutAnswer(res);
  const url = `${base}${res.location.pathname}`;
  const page = await client.get(url);
  if (page.status !== 200)
    throw new Error(`GET ${url}: HTTP ${page.status}${page.location ? ` to ${page.location.href}` : ""}`);
  const html = page.text();
  // The form, not the page: the page's flight data carries the button's words whatever its state.
  const pay = readForms(html).find((f) => f.html.includes("Pay: test card"));
  if (pay) return readCheckoutAnswer(await submit(client, url, pay));
  // A retry after an instance died between the provider recording the payment and answering: the
  // provider's page says it succeeded and links back to the order, which the buyer follows. Its webhook
  // may still be on its way (the payment sweep re-sends it), so the order can read "processing" a while.
  const back = SETTLED_BACK_LINK.exec(html);
  if (pageText(html).includes("This payment succeeded.") && back?.[1])
    return { kind: "placed", orderId: back[1], status: 200 };
  return { kind: "other", status: page.status, detail: `${url} shows no payment form` };
}

/** The provider page's link back to a settled payment's order (simPay.back, messages/en.json). */
const SETTLED_BACK_LINK = /href="\/orders\/([0-9a-f-]{36})(?:\?[^"]*)?"[^>]*>Return to Atelier</;

export function readCheckoutAnswer(res: HttpResponse): CheckoutAnswer {
  const placed = res.location ? ORDER_PATH.exec(res.location.pathname) : null;
  if (res.status === 303 && placed?.[1]) return { kind: "placed", orderId: placed[1], status: res.status };
  const html = res.status === 200 ? res.text() : "";
  // The action's answer (checkout.errors.sold_out / sold_out_only / out_of_stock) travels in the page's
  // flight data as its message key; the messages themselves are there too whatever the answer, so the
  // words alone would say nothing.
  if (/"checkout\.errors\.(?:sold_out|sold_out_only|out_of_stock)\\?"/.test(html))
    return { kind: "sold_out", status: res.status };
  const alert = /role="alert"[^>]*>([^<]*)/.exec(html)?.[1];
  return { kind: "other", status: res.status, detail: alert ?? res.location?.pathname ?? `HTTP ${res.status}` };
}
