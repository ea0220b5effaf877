/**
 * A real SMTP server in the test process (smtp-server on a free port) that keeps what it receives,
 * parsed by mailparser: tests assert on the mail a server actually got, headers and both parts.
 * `refuse` makes it answer every recipient with a permanent 550, as a server that will not relay.
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpSink = {
  url: string;
  port: number;
  received: ParsedMail[];
  /** Resolves once `count` mails have arrived in total. */
  waitFor(count: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
};

export async function startSmtpSink(opts: { refuse?: boolean } = {}): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const waiters: { count: number; resolve: (mails: ParsedMail[]) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (opts.refuse) {
        const error = Object.assign(new Error(`mailbox ${address.address} unavailable`), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          for (const w of waiters.filter((x) => received.length >= x.count)) w.resolve(received);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    waitFor: (count) =>
      received.length >= count ? Promise.resolve(received) : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: a mail server that is down. */
export async function deadSmtpUrl(): Promise<string> {
  const sink = await startSmtpSink();
  await sink.close();
  return sink.url;
}
