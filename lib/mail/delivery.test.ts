/**
 * Outbox delivery against a real SMTP server in this process: what the server received (both parts,
 * subject, recipient, Content-Language, no remote images), a refusing or dead server leaving the row
 * pending with a later attempt, `dead` after the last attempt, and concurrent passes sending once.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import { deadSmtpUrl, startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { CLAIM_LEASE_MS, deliverDueMail, MAX_ATTEMPTS, retryDelayMs, startMailDelivery } from "./delivery";
import { renderMail, type MailMessage } from "./message";
import { enqueueMail } from "./outbox";
import { fileTransport, smtpTransport, type MailTransport, type StoredMail } from "./transport";
import { listDevMail } from "./dev-mailbox";

let fresh: FreshDb;
let sink: SmtpSink | undefined;

beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(() => fresh.dispose());
afterEach(async () => {
  await sink?.close();
  sink = undefined;
  // Each test starts with an empty outbox, so counts are its own.
  await fresh.db.delete(outbox);
});

const mail = (to: string, locale: "en" | "zh-CN" = "en", subject = "Hello"): MailMessage =>
  renderMail(to, locale, {
    subject,
    heading: subject,
    paragraphs: ["First <b>line</b> & more"],
    rows: [{ label: "Print", value: "$12" }],
    action: { label: "Open", url: "http://localhost:3000/orders/1" },
    footer: "Why you got this",
  });

const rowsOf = () => fresh.db.select().from(outbox).orderBy(outbox.createdAt);

describe("deliverDueMail over SMTP", () => {
  it("delivers both parts with subject, recipient and Content-Language, then marks the row sent", async () => {
    sink = await startSmtpSink();
    await enqueueMail(fresh.db, mail("ada@example.test", "en", "Your order"));
    await enqueueMail(fresh.db, mail("li@example.test", "zh-CN", "你的订单"));
    const transport = smtpTransport(sink.url, "Atelier <no-reply@atelier.test>");
    const report = await deliverDueMail({ db: fresh.db, transport });
    transport.close();
    expect(report).toMatchObject({ claimed: 2, sent: 2, retried: 0, dead: 0 });
    const got = await sink.waitFor(2);
    const en = got.find((m) => m.subject === "Your order");
    const zh = got.find((m) => m.subject === "你的订单");
    expect(en?.to && "text" in en.to ? en.to.text : "").toBe("ada@example.test");
    expect(en?.from?.text).toContain("no-reply@atelier.test");
    expect(en?.headers.get("content-language")).toBe("en");
    expect(zh?.headers.get("content-language")).toBe("zh-CN");
    expect(en?.text).toContain("First <b>line</b> & more");
    expect(en?.text).toContain("Open: http://localhost:3000/orders/1");
    // The HTML part escapes the text and loads nothing from elsewhere.
    expect(en?.html).toContain("First &lt;b&gt;line&lt;/b&gt; &amp; more");
    expect(en?.html).not.toMatch(/<img|url\(|src=/i);
    const rows = await rowsOf();
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(rows.every((r) => r.attempts === 1 && r.sentAt !== null)).toBe(true);
  });

  it("leaves the row pending with a later attempt when the server refuses the recipient", async () => {
    sink = await startSmtpSink({ refuse: true });
    await enqueueMail(fresh.db, mail("ada@example.test"));
    const transport = smtpTransport(sink.url);
    const report = await deliverDueMail({ db: fresh.db, transport, now: new Date(Date.now() + 1000) });
    transport.close();
    expect(report).toMatchObject({ claimed: 1, sent: 0, retried: 1 });
    const [row] = await rowsOf();
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.lastError).toMatch(/550|unavailable|rejected/i);
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(sink.received).toHaveLength(0);
  });

  it("backs off when the server is down, then delivers once it is back", async () => {
    await enqueueMail(fresh.db, mail("ada@example.test"));
    const t0 = new Date(Date.now() + 1000);
    const down = smtpTransport(await deadSmtpUrl());
    expect(await deliverDueMail({ db: fresh.db, transport: down, now: t0 })).toMatchObject({ claimed: 1, retried: 1 });
    down.close();
    const [row] = await rowsOf();
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1));
    expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);

    sink = await startSmtpSink();
    const up = smtpTransport(sink.url);
    // Not due yet: nothing is claimed before the back-off has passed.
    expect(await deliverDueMail({ db: fresh.db, transport: up, now: t0 })).toMatchObject({ claimed: 0 });
    expect(
      await deliverDueMail({ db: fresh.db, transport: up, now: new Date(t0.getTime() + retryDelayMs(1)) }),
    ).toMatchObject({ claimed: 1, sent: 1 });
    up.close();
    expect((await rowsOf())[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("gives up after MAX_ATTEMPTS with the last error kept", async () => {
    await enqueueMail(fresh.db, mail("ada@example.test"));
    const failing: MailTransport = {
      name: "failing",
      send: () => Promise.reject(new Error("451 try later")),
      close: () => undefined,
    };
    let now = Date.now() + 1000;
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const report = await deliverDueMail({ db: fresh.db, transport: failing, now: new Date(now) });
      expect(report.claimed).toBe(1);
      now += retryDelayMs(i);
    }
    const [row] = await rowsOf();
    expect(row).toMatchObject({ status: "dead", attempts: MAX_ATTEMPTS, lastError: "451 try later" });
    expect(await deliverDueMail({ db: fresh.db, transport: failing, now: new Date(now + 86_400_000) })).toMatchObject({
      claimed: 0,
    });
  });

  it("stops a pass after three failures in a row and hands the rest back unattempted", async () => {
    for (let i = 0; i < 5; i++) await enqueueMail(fresh.db, mail(`r${i}@example.test`, "en", `Mail ${i}`));
    let tries = 0;
    const failing: MailTransport = {
      name: "failing",
      send: () => Promise.reject(new Error(`timeout ${++tries}`)),
      close: () => undefined,
    };
    const now = new Date(Date.now() + 1000);
    expect(await deliverDueMail({ db: fresh.db, transport: failing, now })).toMatchObject({
      claimed: 5,
      retried: 3,
      released: 2,
    });
    expect(tries).toBe(3);
    const rows = await rowsOf();
    expect(rows.filter((r) => r.attempts === 1)).toHaveLength(3);
    const untouched = rows.filter((r) => r.attempts === 0);
    expect(untouched).toHaveLength(2);
    expect(
      untouched.every((r) => r.status === "pending" && r.nextAttemptAt.getTime() === now.getTime() + retryDelayMs(1)),
    ).toBe(true);
  });

  it("doubles the wait after each failure, capped", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(30)).toBe(6 * 60 * 60_000);
  });

  it("sends each mail once when two passes run at the same time", async () => {
    sink = await startSmtpSink();
    for (let i = 0; i < 12; i++) await enqueueMail(fresh.db, mail(`reader${i}@example.test`, "en", `Mail ${i}`));
    const a = smtpTransport(sink.url);
    const b = smtpTransport(sink.url);
    const now = new Date(Date.now() + 1000);
    const reports = await Promise.all([
      deliverDueMail({ db: fresh.db, transport: a, now, limit: 8 }),
      deliverDueMail({ db: fresh.db, transport: b, now, limit: 8 }),
    ]);
    // Whatever the two passes did not reach is left for the next one, never sent by both.
    const rest = await deliverDueMail({ db: fresh.db, transport: a, now, limit: 20 });
    a.close();
    b.close();
    expect(reports[0].sent + reports[1].sent + rest.sent).toBe(12);
    const subjects = sink.received.map((m) => m.subject);
    expect(subjects).toHaveLength(12);
    expect(new Set(subjects).size).toBe(12);
    expect((await rowsOf()).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("does not hand a claimed row to another pass while the lease runs", async () => {
    await enqueueMail(fresh.db, mail("ada@example.test"));
    let release!: () => void;
    const slow: MailTransport = {
      name: "slow",
      send: () => new Promise<void>((resolve) => (release = resolve)),
      close: () => undefined,
    };
    const now = new Date(Date.now() + 1000);
    const first = deliverDueMail({ db: fresh.db, transport: slow, now });
    // The first pass holds the row (its send is waiting) once its lease is visible.
    for (let i = 0; i < 200; i++) {
      const [row] = await rowsOf();
      if (row && row.nextAttemptAt.getTime() > now.getTime()) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const sent: string[] = [];
    const recorder: MailTransport = { name: "rec", send: async (m) => void sent.push(m.to), close: () => undefined };
    expect(
      await deliverDueMail({ db: fresh.db, transport: recorder, now: new Date(now.getTime() + CLAIM_LEASE_MS - 1) }),
    ).toMatchObject({ claimed: 0 });
    release();
    expect(await first).toMatchObject({ sent: 1 });
    expect(sent).toEqual([]);
  });

  it("marks a row whose payload is not a mail dead at once", async () => {
    await fresh.db.insert(outbox).values({ topic: "mail", payload: { to: "x" } });
    const recorder: MailTransport = { name: "rec", send: () => Promise.resolve(), close: () => undefined };
    expect(await deliverDueMail({ db: fresh.db, transport: recorder, now: new Date(Date.now() + 1000) })).toMatchObject(
      { dead: 1 },
    );
    const [row] = await rowsOf();
    expect(row).toMatchObject({ status: "dead", attempts: 1 });
    expect(row!.lastError).toMatch(/invalid payload/);
  });
});

describe("the development file transport", () => {
  it("writes an .eml and a listing entry that /dev/mail shows newest first", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "atelier-mail-"));
    try {
      const transport = fileTransport(dir, "Atelier <no-reply@atelier.test>");
      await enqueueMail(fresh.db, mail("ada@example.test", "en", "Older"));
      await deliverDueMail({ db: fresh.db, transport, now: new Date(Date.now() + 1000) });
      await new Promise((r) => setTimeout(r, 5));
      await enqueueMail(fresh.db, mail("li@example.test", "zh-CN", "较新"));
      await deliverDueMail({ db: fresh.db, transport, now: new Date(Date.now() + 1000) });
      const files = (await readdir(dir)).sort();
      expect(files.filter((f) => f.endsWith(".eml"))).toHaveLength(2);
      const eml = await readFile(
        path.join(
          dir,
          files.find((f) => f.endsWith(".eml"))!,
        ),
        "utf8",
      );
      expect(eml).toMatch(/^Content-Language: en$/m);
      expect(eml).toMatch(/multipart\/alternative/);
      const listed: StoredMail[] = await listDevMail(dir);
      expect(listed.map((m) => m.subject)).toEqual(["较新", "Older"]);
      expect(listed[0]).toMatchObject({ to: "li@example.test", locale: "zh-CN" });
      expect(listed[0]!.text).toContain("First <b>line</b>");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("lists nothing for a folder that does not exist yet", async () => {
    expect(await listDevMail(path.join(os.tmpdir(), "atelier-no-such-mail-dir"))).toEqual([]);
  });
});

describe("startMailDelivery", () => {
  it("keeps running when a pass fails and stops cleanly", async () => {
    let calls = 0;
    let reached!: () => void;
    const twice = new Promise<void>((resolve) => (reached = resolve));
    const errors: unknown[] = [];
    const loop = startMailDelivery({
      getDb: async () => {
        calls++;
        if (calls >= 2) reached();
        if (calls === 1) throw new Error("database down");
        return fresh.db;
      },
      transport: { name: "rec", send: () => Promise.resolve(), close: () => undefined },
      intervalMs: 5,
      onError: (e) => errors.push(e),
    });
    await twice;
    await loop.stop();
    const after = calls;
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(after);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain("database down");
  });

  it("delivers what is queued without being asked", async () => {
    sink = await startSmtpSink();
    await enqueueMail(fresh.db, mail("ada@example.test", "en", "From the loop"));
    const loop = startMailDelivery({ getDb: async () => fresh.db, transport: smtpTransport(sink.url), intervalMs: 10 });
    const [got] = await sink.waitFor(1);
    await loop.stop();
    expect(got?.subject).toBe("From the loop");
    const [row] = await fresh.db.select().from(outbox).where(eq(outbox.status, "sent"));
    expect(row).toBeDefined();
  });
});
