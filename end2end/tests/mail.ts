// The mailbox of the end-to-end tests: the SMTP server started by serve.sh (end2end/mailbox.py)
// writes each message it receives as a JSON file; the journeys read their links from there,
// as a person reads their mail. Never from the database.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from './fixtures';

export const MAIL_DIR = process.env.E2E_MAIL_DIR ?? `/tmp/entraide-mail-${process.env.E2E_PORT ?? 3100}`;

export type Mail = {
  to: string; subject: string; body: string;
  /** The List-Unsubscribe and List-Unsubscribe-Post headers (RFC 8058), or "". */
  list_unsubscribe: string; list_unsubscribe_post: string;
};

/** Every message received for `to`, oldest first. */
export function mailsTo(to: string): Mail[] {
  if (!fs.existsSync(MAIL_DIR)) return [];
  return fs.readdirSync(MAIL_DIR)
    .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(MAIL_DIR, f), 'utf8')) as Mail)
    .filter((m) => m.to === to.toLowerCase());
}

/** Waits for a message to `to` newer than the first `seen` ones that holds a link to `prefix`
 *  (`/verifier/`, `/mot-de-passe/`), and returns that link. */
export async function nextLink(to: string, prefix: string, seen: number): Promise<string> {
  let link = '';
  await expect.poll(() => {
    const fresh = mailsTo(to).slice(seen).reverse();
    for (const m of fresh) {
      const found = m.body.match(new RegExp(`https?://\\S+${prefix.replace(/\//g, '\\/')}[0-9a-f]{64}`));
      if (found) {
        link = found[0];
        return true;
      }
    }
    return false;
  }, { timeout: 20_000, message: `an e-mail to ${to} with a ${prefix} link` }).toBe(true);
  return link;
}
