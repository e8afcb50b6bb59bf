// Every page of the site, as each kind of visitor reaches it: used by the layout checks
// (inclusion.spec.ts) and the screenshots (screens.spec.ts).
import { TestInfo } from '@playwright/test';
import { expect, Page, listItems } from './fixtures';
import { DEMO_MODERATOR, DEMO_PASSWORD, logIn, signUp } from './journeys';

// The last chips active too: each carries hidden text at the far end of the scrolled strip.
export const ANONYMOUS = ['/', '/?category=groceries,homework&kind=request', '/?category=transport,other', '/inscription', '/connexion', '/publier',
  '/nulle-part', '/compte-supprime', '/hors-ligne', '/pages/comment-ca-marche', '/pages/donnees-personnelles', '/mot-de-passe-oublie', `/mot-de-passe/${'0'.repeat(64)}`, '/adresse-confirmee'];
export const RESIDENT = ['/compte', '/compte/verification', '/publier', '/mes-annonces', '/messages', '/notifications'];
export const MODERATOR = ['/moderation', '/moderation/signalements', '/saisie', '/saisies', '/pilotage', '/pilotage/exports', '/suivi', '/verifications'];

/** Logs `page` in as `who` (a new resident, or the demo moderator) and returns that visitor's
 *  pages (the anonymous ones include a post's page). */
export async function pagesOf(page: Page, who: 'anonymous' | 'resident' | 'moderator', info: TestInfo): Promise<string[]> {
  if (who === 'anonymous') {
    await page.goto('/');
    const post = await listItems(page).first().getByRole('link').first().getAttribute('href');
    return [...ANONYMOUS, post!];
  }
  if (who === 'resident') {
    // A new resident who answered a post: the post's page and the conversation too.
    await signUp(page, `pages-${info.project.name}-${Date.now()}@exemple.fr`);
    await page.goto('/?category=homework');
    const post = (await listItems(page).first().getByRole('link').first().getAttribute('href'))!;
    await page.goto(post);
    await page.getByLabel(/Votre message/).fill('Bonjour, je peux aider le mercredi.');
    await page.locator('form.respond-form').getByRole('button').click();
    await expect(page).toHaveURL(/\/messages\/\d+/);
    return [...RESIDENT, post, new URL(page.url()).pathname];
  }
  await logIn(page, DEMO_MODERATOR, DEMO_PASSWORD);
  await page.goto('/moderation');
  const history = await page.getByRole('link', { name: "Historique complet de l'annonce" }).first().getAttribute('href');
  return [...MODERATOR, ...(history ? [history] : [])];
}

