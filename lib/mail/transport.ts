/**
 * Where mail goes once the outbox hands it over: an SMTP server (SMTP_URL) or, in development without
 * one, .eml files under MAIL_DIR that /dev/mail lists. Both build the same MIME message with nodemailer
 * (text and HTML alternatives, Content-Language), so what a developer reads is what a server would get.
 */
import { randomUUID } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { env } from "@/lib/env";
import type { MailMessage } from "./message";

export type MailTransport = {
  /** For logs: "smtp" or "file". */
  readonly name: string;
  /** Resolves once the message was accepted (by the server, or written to disk); throws otherwise. */
  send(message: MailMessage): Promise<void>;
  close(): void;
};

function mailOptions(from: string, message: MailMessage): Mail.Options {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: {
      "Content-Language": message.locale,
      // Tells auto-responders (out of office) not to answer a machine (RFC 3834).
      "Auto-Submitted": "auto-generated",
    },
  };
}

/**
 * Sends through the SMTP server of `url` (smtp://user:pass@host:587 or smtps://…). Timeouts are short so
 * a hung server costs one delivery pass a few seconds, never a request: delivery runs in the background.
 */
export function smtpTransport(url: string, from = env.MAIL_FROM): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    name: "smtp",
    async send(message) {
      const info = await transporter.sendMail(mailOptions(from, message));
      // A server that accepts the message but rejects every recipient has not delivered it.
      if (info.accepted.length === 0)
        throw new Error(`recipient refused: ${info.rejected.map(String).join(", ") || message.to}`);
    },
    close: () => transporter.close(),
  };
}

/** What /dev/mail reads beside each .eml (so the page needs no MIME parser). */
export type StoredMail = MailMessage & { date: string; file: string };

/** File names the file transport writes (and the only ones /dev/mail serves). */
export const STORED_MAIL_NAME = /^[0-9]{13}-[0-9a-f]{8}$/;

/** Writes each message as `<time>-<id>.eml` (the full MIME message) plus `<time>-<id>.json` under `dir`. */
export function fileTransport(dir = env.MAIL_DIR, from = env.MAIL_FROM): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    name: "file",
    async send(message) {
      const info = await builder.sendMail(mailOptions(from, message));
      const date = new Date();
      const base = `${date.getTime()}-${randomUUID().slice(0, 8)}`;
      const folder = path.resolve(dir);
      await mkdir(folder, { recursive: true });
      const stored: StoredMail = { ...message, date: date.toISOString(), file: `${base}.eml` };
      await writeFile(path.join(folder, `${base}.eml`), info.message);
      // The listing keys on the .json: write it last and atomically, so a half-written mail is never listed.
      await writeFile(path.join(folder, `${base}.json.tmp`), JSON.stringify(stored));
      await rename(path.join(folder, `${base}.json.tmp`), path.join(folder, `${base}.json`));
    },
    close: () => builder.close(),
  };
}

/** The configured transport: SMTP when SMTP_URL is set, otherwise files under MAIL_DIR. */
export function configuredTransport(): MailTransport {
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL) : fileTransport();
}
