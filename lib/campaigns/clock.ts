/** The request's "now" for campaign windows; one place to read the clock (a page renders once per request). */
export function requestTime(): number {
  return Date.now();
}
