//! The site's pages: anyone reads them; editors and admins write drafts, each kept as a
//! revision; admins publish. The Markdown is rendered and sanitized each time it is shown
//! (`server/markdown.rs`); until a page is first published, the text shipped with the
//! application (`server/data/pages/`) is shown.

use crate::domain::site_page::{PageText, SitePage};
use crate::domain::user::{CurrentUser, Role};
use crate::error::AppError;
use crate::server::db::pages::{self as sql, RevisionRow};
use crate::server::db::Conn;
use crate::server::db::{self, Db};
use crate::server::markdown::render;
use crate::wire::pages::{PageEditor, PageView, Revision};

/// Revisions shown in the history.
const HISTORY: i64 = 50;

/// The text shipped with the application: (title, Markdown). Each file starts with its title
/// as `# Title`.
pub fn shipped(page: SitePage) -> (&'static str, &'static str) {
    let file = match page {
        SitePage::HowItWorks => include_str!("../data/pages/comment-ca-marche.md"),
        SitePage::Charter => include_str!("../data/pages/charte.md"),
        SitePage::LegalNotice => include_str!("../data/pages/mentions-legales.md"),
        SitePage::PersonalData => include_str!("../data/pages/donnees-personnelles.md"),
        SitePage::Accessibility => include_str!("../data/pages/accessibilite.md"),
    };
    let (first, body) = file.split_once('\n').unwrap_or((file, ""));
    (first.trim_start_matches('#').trim(), body.trim())
}

fn view(page: SitePage, published: Option<&RevisionRow>, version: i64) -> PageView {
    match published {
        Some(r) => {
            PageView { page, title: r.title.clone(), html: render(&r.body), published_at: r.published_at, version }
        }
        None => {
            let (title, body) = shipped(page);
            PageView { page, title: title.to_owned(), html: render(body), published_at: None, version }
        }
    }
}

/// Anyone: the page as published.
pub async fn public(db: &Db, page: SitePage) -> Result<PageView, AppError> {
    let fail = |e| db::internal("page", e);
    let mut conn = db.read.acquire().await.map_err(fail)?;
    let published = sql::published(&mut conn, page.slug()).await.map_err(fail)?;
    let version = sql::version(&mut conn, page.slug()).await.map_err(fail)?;
    Ok(view(page, published.as_ref(), version))
}

fn require_writer(me: &CurrentUser) -> Result<(), AppError> {
    if me.role.writes_pages() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Editors and admins: the page's editor.
pub async fn editor(db: &Db, me: &CurrentUser, page: SitePage) -> Result<PageEditor, AppError> {
    require_writer(me)?;
    let fail = |e| db::internal("page editor", e);
    let mut conn = db.read.acquire().await.map_err(fail)?;
    let published = sql::published(&mut conn, page.slug()).await.map_err(fail)?;
    let version = sql::version(&mut conn, page.slug()).await.map_err(fail)?;
    let rows = sql::revisions(&mut conn, page.slug(), HISTORY).await.map_err(fail)?;
    let current = view(page, published.as_ref(), version);
    let (title, body, draft) = match rows.first() {
        Some(r) => (r.title.clone(), r.body.clone(), r.published_at.is_none().then_some(r.id)),
        None => {
            let (t, b) = shipped(page);
            (t.to_owned(), b.to_owned(), None)
        }
    };
    let revisions = rows
        .into_iter()
        .map(|r| Revision {
            id: r.id,
            title: r.title,
            author: r.author.unwrap_or_default(),
            created_at: r.created_at,
            published_at: r.published_at,
            publisher: r.publisher,
        })
        .collect();
    Ok(PageEditor {
        current,
        preview: render(&body),
        title,
        body,
        draft,
        revisions,
        can_publish: me.role == Role::Admin,
    })
}

/// Editors and admins: saves a draft (a new revision, not shown to the public).
pub async fn save(db: &Db, me: &CurrentUser, page: SitePage, text: PageText, now: i64) -> Result<i64, AppError> {
    require_writer(me)?;
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("page: acquire", e))?;
    let id = sql::insert(&mut conn, page.slug(), &text.title, &text.body, me.id, now)
        .await
        .map_err(|e| db::internal("page: save", e))?;
    tracing::info!(user = me.id, page = page.slug(), revision = id, "page draft saved");
    Ok(id)
}

/// Admins only: publishes draft `id` (`NotFound` if it is not a draft of this page).
pub async fn publish(db: &Db, me: &CurrentUser, page: SitePage, id: i64, now: i64) -> Result<(), AppError> {
    if me.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("page: acquire", e))?;
    if sql::publish(&mut conn, page.slug(), id, me.id, now).await.map_err(|e| db::internal("page: publish", e))? {
        tracing::info!(user = me.id, page = page.slug(), revision = id, "page published");
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The charter's version: 1 for the shipped text, one more at each publication.
async fn charter_version(conn: &mut Conn) -> Result<i64, AppError> {
    let published = sql::version(conn, SitePage::Charter.slug()).await.map_err(|e| db::internal("charter", e))?;
    Ok(published + 1)
}

/// Whether account `user` has yet to accept the charter's current version.
pub async fn charter_due(db: &Db, user: i64) -> Result<bool, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("charter: acquire", e))?;
    let accepted = sql::charter_of(&mut conn, user).await.map_err(|e| db::internal("charter", e))?;
    Ok(accepted < charter_version(&mut conn).await?)
}

/// Records that account `user` accepts the charter's current version.
pub async fn accept_charter(db: &Db, user: i64, now: i64) -> Result<(), AppError> {
    let mut tx = db.begin_write().await.map_err(|e| db::internal("charter: begin", e))?;
    let version = charter_version(&mut tx).await?;
    sql::accept_charter(&mut tx, user, version, now).await.map_err(|e| db::internal("charter", e))?;
    tx.commit().await.map_err(|e| db::internal("charter: commit", e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::site_page::PageForm;
    use crate::server::services::accounts;
    use crate::server::services::posts::tests::NOW;

    fn text(title: &str, body: &str) -> PageText {
        PageForm { title: title.into(), body: body.into() }.parse().expect("text")
    }

    #[tokio::test]
    async fn an_editor_drafts_an_admin_publishes_the_public_reads_the_published() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let editor_ = accounts::test_account(&db, "com@departement.fr", Role::Editor, NOW).await;
        let admin = accounts::test_account(&db, "admin@departement.fr", Role::Admin, NOW).await;
        let moderator = accounts::test_account(&db, "modo@departement.fr", Role::Moderator, NOW).await;
        let resident = accounts::test_account(&db, "voisin@exemple.fr", Role::Resident, NOW).await;
        for p in SitePage::ALL {
            let (title, body) = shipped(p);
            assert!(!title.is_empty() && !title.starts_with('#') && !body.is_empty(), "{p}: {title}");
        }
        let page = SitePage::Charter;
        // The shipped text first.
        let before = public(&db, page).await.expect("page");
        assert_eq!((before.title.as_str(), before.version, before.published_at), ("Charte d'entraide", 0, None));
        assert!(before.html.contains("<strong>L'entraide est gratuite.</strong>"), "{}", before.html);
        // Only editors and admins write; only admins publish.
        for who in [&moderator, &resident] {
            assert!(matches!(editor(&db, who, page).await, Err(AppError::Forbidden)));
            assert!(matches!(save(&db, who, page, text("T", "B"), NOW).await, Err(AppError::Forbidden)));
        }
        let id =
            save(&db, &editor_, page, text("Charte", "## Nouveau\n\n<script>x()</script>\n\nSoyez *gentils*."), NOW)
                .await
                .expect("draft");
        assert!(matches!(publish(&db, &editor_, page, id, NOW).await, Err(AppError::Forbidden)));
        assert_eq!(public(&db, page).await.expect("page"), before, "a draft is not public");
        let e = editor(&db, &editor_, page).await.expect("editor");
        assert_eq!((e.draft, e.can_publish, e.title.as_str()), (Some(id), false, "Charte"));
        assert!(e.preview.contains("<em>gentils</em>") && !e.preview.contains("<script"), "{}", e.preview);
        publish(&db, &admin, page, id, NOW + 60).await.expect("published");
        assert!(matches!(publish(&db, &admin, page, id, NOW + 60).await, Err(AppError::NotFound)), "once");
        assert!(matches!(publish(&db, &admin, SitePage::LegalNotice, id, NOW).await, Err(AppError::NotFound)));
        let after = public(&db, page).await.expect("page");
        assert_eq!((after.title.as_str(), after.version, after.published_at), ("Charte", 1, Some(NOW + 60)));
        assert!(after.html.contains("<h2>Nouveau</h2>") && !after.html.contains("<script"), "{}", after.html);
        // The history keeps who did what.
        let e = editor(&db, &admin, page).await.expect("editor");
        assert_eq!(e.draft, None);
        assert!(e.can_publish);
        assert_eq!(e.revisions.len(), 1);
        assert_eq!(e.revisions[0].author, "com");
        assert_eq!(e.revisions[0].publisher.as_deref(), Some("admin"));
    }

    #[tokio::test]
    async fn a_new_charter_is_asked_again() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let admin = accounts::test_account(&db, "admin@departement.fr", Role::Admin, NOW).await;
        let resident = accounts::test_account(&db, "voisin@exemple.fr", Role::Resident, NOW).await;
        assert!(charter_due(&db, resident.id).await.expect("due"), "never accepted");
        accept_charter(&db, resident.id, NOW).await.expect("accepted");
        assert!(!charter_due(&db, resident.id).await.expect("due"));
        // Another page changes nothing; a new charter asks again.
        let id = save(&db, &admin, SitePage::LegalNotice, text("Mentions", "Texte."), NOW).await.expect("draft");
        publish(&db, &admin, SitePage::LegalNotice, id, NOW).await.expect("published");
        assert!(!charter_due(&db, resident.id).await.expect("due"));
        let id = save(&db, &admin, SitePage::Charter, text("Charte", "Nouvelle charte."), NOW).await.expect("draft");
        assert!(!charter_due(&db, resident.id).await.expect("due"), "a draft is not a new version");
        publish(&db, &admin, SitePage::Charter, id, NOW).await.expect("published");
        assert!(charter_due(&db, resident.id).await.expect("due"), "version 2");
        accept_charter(&db, resident.id, NOW + 1).await.expect("accepted");
        assert!(!charter_due(&db, resident.id).await.expect("due"));
    }
}
