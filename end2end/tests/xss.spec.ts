// Cross-site scripting: a corpus of hostile texts is typed into every field a person controls
// (names, organisation, titles, descriptions, private notes, messages, thanks, reports,
// moderation messages, form echoes), then every page is opened as anonymous, resident, helper
// and staff. Each payload calls `__xss(n)`: a hook counts calls, CSP violations and any
// element the payload managed to create. All three must stay at 0.
import { APIRequestContext, Browser, TestInfo } from '@playwright/test';
import { appendFileSync } from 'node:fs';
import { test, expect, Page, isolate, markers } from './fixtures';
import { DEMO_ADMIN, DEMO_MODERATOR, DEMO_PASSWORD, logIn } from './journeys';
import { mailsTo, nextLink } from './mail';

const VECTORS: string[] = [
  '<script>__xss(N)</script>',
  '<img src=x onerror=__xss(N)>',
  '<svg onload=__xss(N)>',
  '</textarea><script>__xss(N)</script>',
  '</title><script>__xss(N)</script>',
  '"><img src=x onerror=__xss(N)>',
  "'><svg/onload=__xss(N)>",
  'javascript:__xss(N)',
  '<a href="javascript:__xss(N)">lien</a>',
  '<iframe src="javascript:parent.__xss(N)"></iframe>',
  '<iframe srcdoc="<script>parent.__xss(N)</script>"></iframe>',
  '<details open ontoggle=__xss(N)>',
  '<body onload=__xss(N)>',
  '<input autofocus onfocus=__xss(N)>',
  '<video><source onerror=__xss(N)></video>',
  '<math><mtext></p><img src=x onerror=__xss(N)>',
  "<style>@import 'javascript:__xss(N)'</style>",
  '<object data="javascript:__xss(N)"></object>',
  '<embed src="javascript:__xss(N)">',
  '<form><button formaction=javascript:__xss(N)>x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss(N)">',
  '<base href="javascript:__xss(N)//">',
  '<svg><script>__xss(N)</script></svg>',
  '<svg><a href="javascript:__xss(N)"><text y=20>x</text></a></svg>',
  '<<script>__xss(N)//<</script>',
  '<scr<script>ipt>__xss(N)</scr</script>ipt>',
  '<IMG SRC=JaVaScRiPt:__xss(N)>',
  '&lt;script&gt;__xss(N)&lt;/script&gt;',
  '<img src=x onerror="&#95;&#95;xss(N)">',
  '\\u003cscript\\u003e__xss(N)\\u003c/script\\u003e',
  '</script><script>__xss(N)</script>',
  '${__xss(N)}',
  '{{__xss(N)}}',
  '<div style="background:url(javascript:__xss(N))">fond</div>',
  '<marquee onstart=__xss(N)>défile</marquee>',
  '<select autofocus onfocus=__xss(N)></select>',
  '<textarea autofocus onfocus=__xss(N)></textarea>',
  '<audio src=x onerror=__xss(N)></audio>',
  '<a href="data:text/html,<script>__xss(N)</script>">x</a>',
  '<svg><animate onbegin=__xss(N) attributeName=x dur=1s>',
  '<x onclick=__xss(N)>clic</x>',
  '"onmouseover="__xss(N)',
  "' onfocus='__xss(N)' autofocus='",
  "<img src=x onerror=eval('__xss(N)')>",
  '<script src="data:,__xss(N)"></script>',
  '<noscript><p title="</noscript><img src=x onerror=__xss(N)>">',
  '<table background="javascript:__xss(N)"></table>',
  '<b onpointerenter=__xss(N)>survol</b>',
  '<b>gras</b><img src=x onerror=__xss(N)>',
  '</style><script>__xss(N)</script>',
  '<template><img src=x onerror=__xss(N)></template>',
  '<svg><foreignObject><img src=x onerror=__xss(N)></foreignObject></svg>',
  '<img srcset="x" onerror=__xss(N)>',
  '<a href=" &#14;javascript:__xss(N)">espace</a>',
  '<svg><use href="data:image/svg+xml,<svg id=x onload=__xss(N)>#x"/></svg>',
  '<img src=x onerror=__xss(N) <!--',
];
const PAYLOADS = VECTORS.map((v, i) => v.replaceAll('N', String(i + 1)));

/** Payloads joined up to `max` characters, starting at `from` (wrapping around). */
function pack(from: number, max: number): string {
  let out = '';
  for (let k = 0; k < PAYLOADS.length; k++) {
    const p = PAYLOADS[(from + k) % PAYLOADS.length];
    if (out.length + p.length + 1 > max) break;
    out += (out ? '\n' : '') + p;
  }
  return out;
}

/** The first payload from `from` that fits in `max` characters. */
function short(from: number, max: number): string {
  for (let k = 0; k < PAYLOADS.length; k++) {
    const p = PAYLOADS[(from + k) % PAYLOADS.length];
    if (p.length <= max) return p;
  }
  throw new Error('no payload that short');
}

type Person = { request: APIRequestContext; close: () => Promise<void> };

async function person(browser: Browser, baseURL: string): Promise<Person> {
  const context = await browser.newContext({ baseURL });
  return { request: context.request, close: () => context.close() };
}

async function form(p: Person, url: string, data: Record<string, string>, expectRedirect = true) {
  const res = await p.request.post(url, { form: data, maxRedirects: 0 });
  if (expectRedirect) expect(res.status(), `${url}: ${(await res.text()).slice(0, 300)}`).toBe(303);
  return res;
}

async function signUp(p: Person, email: string, name: string, organisation = '') {
  const seen = mailsTo(email).length;
  await form(p, '/inscription', {
    display_name: name,
    email,
    poster_kind: organisation ? 'association' : 'individual',
    organisation,
    password: 'le chat dort sur le toit',
    charter: 'on',
  });
  // The address is confirmed through the link of the e-mail it received.
  const link = new URL(await nextLink(email, '/verifier/', seen));
  await form(p, link.pathname, {});
}

async function publish(p: Person, title: string, description: string, note: string): Promise<number> {
  const res = await form(p, '/publier', {
    kind: 'request',
    category: 'groceries',
    title,
    description,
    lifetime_days: '30',
    commune: 'Lucelle',
    lat: '',
    lon: '',
    private_note: note,
  });
  return Number(res.headers()['location'].split('=').pop());
}

type World = { posts: number[]; conversation: number; seeded: number; residents: string[]; waiting: string; building: number };

/** Seeds every payload into every field a person controls; done once per project. */
async function seed(browser: Browser, info: TestInfo, baseURL: string): Promise<World> {
  const tag = `${info.project.name}-${Date.now()}`;
  const moderator = await person(browser, baseURL);
  await form(moderator, '/connexion', { email: DEMO_MODERATOR, password: DEMO_PASSWORD });
  const posts: number[] = [];
  const authors: Person[] = [];
  for (let a = 0; a < 4; a++) {
    const author = await person(browser, baseURL);
    await signUp(author, `xss-${a}-${tag}@exemple.fr`, short(a * 7, 60), a === 0 ? short(3, 120) : '');
    for (let k = 0; k < 3; k++) {
      const n = a * 3 + k;
      posts.push(await publish(author, short(n * 5, 120), pack(n * 4, 2000), pack(n * 3 + 1, 500)));
    }
    authors.push(author);
  }
  // Published as they are, or edited by a moderator whose message is hostile too; one refused.
  for (const [i, id] of posts.entries()) {
    if (i === posts.length - 1) {
      await form(moderator, '/moderation', { id: String(id), action: 'reject', reason: 'other', message: pack(i, 1000) });
    } else if (i % 4 === 1) {
      await form(moderator, '/moderation', {
        id: String(id), action: 'redact', title: short(i + 11, 120), description: pack(i + 17, 2000), message: pack(i + 2, 1000),
      });
    } else {
      await form(moderator, '/moderation', { id: String(id), action: 'approve' });
    }
  }
  // A helper answers, they talk, the author accepts and thanks; the helper reports a post.
  const helper = await person(browser, baseURL);
  await signUp(helper, `xss-aidant-${tag}@exemple.fr`, short(40, 60));
  const res = await form(helper, `/posts/${posts[0]}/repondre`, { body: pack(0, 2000) });
  const conversation = Number(res.headers()['location'].split('/').pop());
  await form(helper, `/messages/${conversation}`, { action: 'message', body: pack(28, 2000) });
  await form(authors[0], `/messages/${conversation}`, { action: 'message', body: pack(14, 2000) });
  // A relative of the author, with a hostile name, follows the post and writes in it; a second
  // invitation is left waiting (its page opens for anyone holding the link).
  const relative = await person(browser, baseURL);
  const relativeEmail = `xss-proche-${tag}@exemple.fr`;
  await signUp(relative, relativeEmail, short(44, 60));
  await form(authors[0], '/mes-annonces', { form: 'invite-carer', id: String(posts[0]), email: relativeEmail }, false);
  await form(relative, new URL(await nextLink(relativeEmail, '/proche/', 0)).pathname, {});
  await form(relative, `/messages/${conversation}`, { action: 'message', body: pack(20, 2000) });
  const waitingEmail = `xss-attente-${tag}@exemple.fr`;
  await form(authors[0], '/mes-annonces', { form: 'invite-carer', id: String(posts[0]), email: waitingEmail }, false);
  const waiting = new URL(await nextLink(waitingEmail, '/proche/', 0)).pathname;
  await relative.close();
  // « Mon immeuble »: a building's group named with a hostile street (its page and its notice).
  const made = await form(authors[0], '/immeuble', { form: 'create', street: short(50, 100), commune: 'Colmar' });
  const building = Number(made.headers()['location'].match(/cree=(\d+)/)![1]);
  await form(authors[0], `/messages/${conversation}`, { action: 'accept', share_phone: 'on', phone: '06 11 22 33 44', off_map: '' });
  await form(helper, `/messages/${conversation}`, { action: 'done' });
  await form(authors[0], `/messages/${conversation}`, { action: 'confirm' });
  await form(authors[0], `/messages/${conversation}`, { action: 'thank', note: pack(5, 500), signed: 'on' });
  await form(helper, `/posts/${posts[1]}/signaler`, { reason: 'other', details: pack(9, 1000) });
  // Vetted helpers: requests with hostile notes (one left waiting for the desk), a check
  // recorded with hostile words (shown on the desk, and told to the helper).
  await form(authors[0], '/compte/verification', { action: 'ask', note: pack(11, 500) });
  await form(helper, '/compte/verification', { action: 'ask', note: pack(12, 500) });
  const desk = await (await moderator.request.get('/api/get_vetting_desk')).json();
  const asked = desk.requests.find((r: { email: string }) => r.email === `xss-aidant-${tag}@exemple.fr`);
  await form(moderator, '/verifications', {
    action: 'record', user: String(asked.user_id), identity_seen: 'on', checked_on: new Date().toISOString().slice(0, 10),
    checked_by: short(13, 120), association: short(21, 120),
  });
  // Mistakes echo what was typed back into the form: hostile values in inputs and textareas.
  await form(authors[1], '/publier', {
    kind: 'request', category: 'groceries', title: short(3, 120), description: pack(33, 2000),
    lifetime_days: '30', commune: short(30, 60), lat: '', lon: '', private_note: pack(2, 500),
  }, false);
  // A page of the site published with every payload as Markdown (text, links, images), and a
  // hostile draft left for the editor's preview.
  const admin = await person(browser, baseURL);
  await form(admin, '/connexion', { email: DEMO_ADMIN, password: DEMO_PASSWORD });
  const markdown = [...PAYLOADS, ...PAYLOADS.map((p) => `[lien](${p}) ![image](${p})`)].join('\n\n');
  await form(admin, '/admin/pages/accessibilite', { title: short(5, 120), body: markdown });
  const draft = (await (await admin.request.get('/api/get_page_editor?slug=accessibilite')).json()).draft;
  await form(admin, '/admin/pages/accessibilite', { action: 'publish', id: String(draft) });
  await form(admin, '/admin/pages/accessibilite', { title: short(9, 120), body: pack(7, 20000) });
  await admin.close();
  for (const p of [moderator, helper, ...authors.slice(1)]) await p.close();
  await authors[0].close();
  return {
    posts, conversation, seeded: PAYLOADS.length, waiting, building,
    residents: [`xss-0-${tag}@exemple.fr`, `xss-aidant-${tag}@exemple.fr`, `xss-proche-${tag}@exemple.fr`],
  };
}

/** Installs the hooks before any page script: `__xss` counts calls, CSP violations are kept. */
async function hook(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __xssHits: number[]; __csp: string[]; __xss: (n: number) => void };
    w.__xssHits = [];
    w.__csp = [];
    w.__xss = (n: number) => w.__xssHits.push(n);
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

type Findings = { executions: number; violations: number; injected: string[] };

/** What the payloads achieved on the page now open. */
async function inspect(page: Page): Promise<Findings> {
  return page.evaluate(() => {
    const w = window as unknown as { __xssHits: number[]; __csp: string[] };
    const injected: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        const v = attr.value.toLowerCase();
        const name = attr.name.toLowerCase();
        if (name.startsWith('on') && v.includes('xss')) injected.push(`${el.tagName} ${name}`);
        if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc'].includes(name) &&
            (v.trim().startsWith('javascript:') || (v.includes('xss') && name === 'srcdoc'))) {
          injected.push(`${el.tagName} ${name}=${v}`);
        }
      }
      if (el.tagName === 'SCRIPT' && (el.textContent ?? '').includes('__xss') && !(el.textContent ?? '').includes('"')) {
        injected.push('SCRIPT');
      }
    }
    return { executions: w.__xssHits.length, violations: w.__csp.length, injected };
  });
}

let world: World | undefined;

test('no hostile text runs or injects markup on any page, for anyone', async ({ page, browser, outside, js }, info) => {
  test.skip(!js || info.project.name !== 'desktop-js',
    'once, hydrated: scripts only run with JavaScript, and the pages are the same on a phone');
  test.setTimeout(300_000);
  const baseURL = new URL(info.project.use.baseURL ?? 'http://127.0.0.1:3100').origin;
  const s0 = Date.now();
  world ??= await seed(browser, info, baseURL);
  console.log(`seeded in ${Date.now() - s0} ms`);
  const { posts, conversation, waiting, building } = world;

  const pages = (role: string): string[] => {
    const home = ['/', '/?bbox=7.20,47.40,7.30,47.45'];
    if (role === 'anonymous') {
      return [...home, '/?category=groceries', '/pages/accessibilite', ...posts.map((id) => `/posts/${id}`),
        `/posts/${posts[0]}/affichette`, `/posts/${posts[1]}/affichette`, waiting];
    }
    if (role === 'admin') return ['/pages/accessibilite', '/admin/pages', '/admin/pages/accessibilite'];
    if (role === 'staff') {
      return [...home, '/moderation', '/moderation/signalements', '/verifications', `/posts/${posts[1]}`,
        ...posts.slice(0, 4).map((id) => `/moderation/annonces/${id}`), `/moderation/annonces/${posts[posts.length - 1]}`];
    }
    return [...home, '/compte', '/compte/verification', '/mes-annonces', '/messages', `/messages/${conversation}`, '/notifications', '/publier',
      `/posts/${posts[0]}`, `/posts/${posts[1]}`, `/mes-annonces/${posts[1]}/modifier`, '/immeuble',
      `/immeuble/${building}/affiche`];
  };
  // The hook itself catches what it should (else a 0 below would prove nothing).
  {
    const probe = await (await browser.newContext()).newPage();
    await hook(probe);
    await probe.goto('data:text/html,<img src=x onerror="__xss(0)"><a href="javascript:__xss(0)">x</a>');
    await expect.poll(async () => (await inspect(probe)).executions).toBe(1);
    expect((await inspect(probe)).injected).toHaveLength(2);
    await probe.context().close();
  }
  await hook(page);
  const t0 = Date.now();
  const total: Findings = { executions: 0, violations: 0, injected: [] };
  let visited = 0;
  const visit = async (p: Page, url: string) => {
    await p.goto(url);
    await p.waitForLoadState('networkidle');
    if (url.startsWith('/?bbox')) {
      // Open every pin's popup in the area of the seeded posts.
      const pins = markers(p);
      const n = await pins.count();
      for (let i = 0; i < n; i++) {
        await pins.nth(i).click({ force: true });
      }
    }
    const f = await inspect(p);
    total.executions += f.executions;
    total.violations += f.violations;
    total.injected.push(...f.injected.map((x) => `${url}: ${x}`));
    visited++;
  };

  for (const url of pages('anonymous')) await visit(page, url);

  // The moderator, then the residents (the first author and the helper), each in a browser of
  // their own, logged in through the log-in page.
  const people: [string, string, string][] = [
    ['staff', DEMO_MODERATOR, DEMO_PASSWORD],
    ['admin', DEMO_ADMIN, DEMO_PASSWORD],
    ...world.residents.map((email): [string, string, string] => ['resident', email, 'le chat dort sur le toit']),
  ];
  for (const [role, email, password] of people) {
    const ctx = await browser.newContext({ baseURL, viewport: info.project.use.viewport });
    const p = await ctx.newPage();
    await isolate(p);
    await hook(p);
    await logIn(p, email, password);
    for (const url of pages(role)) await visit(p, url);
    await ctx.close();
  }

  console.log(`visited in ${Date.now() - t0} ms`);
  const figures = process.env.FIGURES_FILE;
  if (figures) {
    appendFileSync(figures, `xss.payloads ${world.seeded}\nxss.executions ${total.executions}\n` +
      `csp.violations ${total.violations}\nxss.pages_checked ${visited}\n`);
  }
  console.log(`XSS: ${world.seeded} payloads, ${visited} pages checked, ${total.executions} executions, ` +
    `${total.violations} CSP violations, ${total.injected.length} injected elements`);
  expect(total.injected, 'elements or attributes created by a payload').toEqual([]);
  expect(total.executions, 'payload executions').toBe(0);
  expect(total.violations, 'CSP violations').toBe(0);
  expect(visited).toBeGreaterThan(35);
});

