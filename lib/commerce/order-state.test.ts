import { describe, expect, it } from "vitest";
import { fulfilmentTransition, ORDER_STATUSES, transition, type OrderSignal } from "./order-state";

describe("order state machine", () => {
  it("moves a pending order by the provider's outcome, once", () => {
    expect(transition("pending_payment", "succeeded")).toEqual({ change: true, next: "paid", effect: "pay" });
    expect(transition("pending_payment", "failed")).toEqual({
      change: true,
      next: "payment_failed",
      effect: "release",
    });
    expect(transition("pending_payment", "expire")).toEqual({ change: true, next: "expired", effect: "release" });
    expect(transition("paid", "fulfil")).toEqual({ change: true, next: "fulfilled", effect: "fulfil" });
  });

  it("changes nothing for a replay, a reordered event or a late one", () => {
    expect(transition("paid", "succeeded")).toEqual({ change: false, outcome: "duplicate" });
    expect(transition("paid", "failed")).toEqual({ change: false, outcome: "stale" });
    expect(transition("paid", "expire")).toEqual({ change: false, outcome: "stale" });
    expect(transition("payment_failed", "failed")).toEqual({ change: false, outcome: "duplicate" });
    expect(transition("expired", "failed")).toEqual({ change: false, outcome: "duplicate" });
    expect(transition("payment_failed", "succeeded")).toEqual({ change: false, outcome: "late_success" });
    expect(transition("expired", "succeeded")).toEqual({ change: false, outcome: "late_success" });
    expect(transition("pending_payment", "fulfil")).toEqual({ change: false, outcome: "not_paid" });
    expect(transition("fulfilled", "fulfil")).toEqual({ change: false, outcome: "duplicate" });
  });

  it("only ever leaves pending_payment or paid", () => {
    const signals: OrderSignal[] = ["succeeded", "failed", "expire", "fulfil"];
    for (const status of ORDER_STATUSES)
      for (const signal of signals)
        if (transition(status, signal).change) expect(["pending_payment", "paid"]).toContain(status);
  });
});

describe("fulfilment state machine", () => {
  it("ships a pending part and delivers a shipped one, each once", () => {
    expect(fulfilmentTransition("pending", "ship")).toEqual({ change: true, next: "shipped" });
    expect(fulfilmentTransition("shipped", "deliver")).toEqual({ change: true, next: "delivered" });
  });
  it("delivers only what was shipped, and never ships twice", () => {
    expect(fulfilmentTransition("pending", "deliver")).toEqual({ change: false, outcome: "not_shipped" });
    expect(fulfilmentTransition("delivered", "deliver")).toEqual({ change: false, outcome: "already_delivered" });
    expect(fulfilmentTransition("shipped", "ship")).toEqual({ change: false, outcome: "already_shipped" });
    expect(fulfilmentTransition("delivered", "ship")).toEqual({ change: false, outcome: "already_shipped" });
  });
});
