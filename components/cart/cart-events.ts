/**
 * The header's cart drawer and the product page's buy bar live in different parts of the tree: the bar
 * asks the drawer to open with a window event rather than through a context both would have to share.
 */
export const OPEN_CART_EVENT = "atelier:open-cart";

export function openCartDrawer(): void {
  window.dispatchEvent(new Event(OPEN_CART_EVENT));
}
