//! The figures of « Pilotage », for staff: the facts read from the database in one read
//! transaction (so every figure sees the same moment), counted by `domain::stats`.

use crate::domain::stats::{compute, Decision, Facts, Figures, PostFacts, StatsForm};
use crate::domain::user::CurrentUser;
use crate::error::AppError;
use crate::server::communes::Communes;
use crate::server::db::stats::{self as sql, PostRow, Scope};
use crate::server::db::{self, Db};

/// Staff only. The figures of the selection typed in `form` (a period, a commune, a category),
/// or what was wrong with it.
pub async fn figures(
    db: &Db,
    communes: &Communes,
    me: &CurrentUser,
    form: &StatsForm,
    now: i64,
) -> Result<Figures, AppError> {
    super::moderation::require_staff(me)?;
    let selection = form.parse(&communes.refs(), now).map_err(AppError::Validation)?;
    let scope = Scope {
        from: selection.period.from,
        to: selection.period.to,
        commune: selection.commune.clone(),
        category: selection.category.map(|c| c.slug().to_owned()),
        staff: me.id,
    };
    let internal = |e| db::internal("stats", e);
    let mut tx = db.read.begin().await.map_err(internal)?;
    let posts = sql::posts(&mut tx, &scope).await.map_err(internal)?;
    let decisions = sql::decisions(&mut tx, &scope).await.map_err(internal)?;
    let waiting_now = sql::waiting(&mut tx, &scope).await.map_err(internal)?;
    let expired_unanswered = sql::expired_unanswered(&mut tx, &scope, now).await.map_err(internal)?;
    let active_volunteers = sql::active_volunteers(&mut tx, &scope).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    let facts = Facts {
        posts: posts.into_iter().map(facts_of).collect::<Result<_, _>>()?,
        decisions: decisions
            .into_iter()
            .map(|d| Decision { action: d.action, reason: d.reason, wait: d.wait })
            .collect(),
        waiting_now,
        expired_unanswered,
        active_volunteers,
    };
    let name = selection.commune.as_deref().and_then(|i| communes.by_insee(i)).map(|c| c.name.clone());
    Ok(compute(&facts, &selection, name, now))
}

fn facts_of(r: PostRow) -> Result<PostFacts, AppError> {
    let bad = |what: &str| db::internal("stats: row", format!("unknown {what}"));
    Ok(PostFacts {
        kind: r.kind.parse().map_err(|_| bad("kind"))?,
        category: r.category.parse().map_err(|_| bad("category"))?,
        poster_kind: r.poster_kind.parse().map_err(|_| bad("poster kind"))?,
        commune_insee: r.commune_insee,
        commune_name: r.commune_name,
        published_at: r.published_at,
        first_answer_at: r.first_answer_at,
        accepted_at: r.accepted_at,
        fulfilled_at: r.fulfilled_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::conversation::{Acceptance, MessageBody};
    use crate::domain::moderation::{Decision as Refusal, DecisionReason};
    use crate::domain::period::Period;
    use crate::domain::stats::Shown;
    use crate::domain::user::Role;
    use crate::domain::vetting::VettedCategories;
    use crate::domain::{Category, PostKind, PostStatus};
    use crate::server::services::posts::tests::{creation, COLMAR, MULHOUSE, NOW};
    use crate::server::services::{accounts, conversations, moderation, posts};

    const H: i64 = 3600;

    /// What the test did to one post, to count on its own.
    #[derive(Default)]
    struct Done {
        request: bool,
        category: Option<Category>,
        colmar: bool,
        published: Option<i64>,
        answered: Option<i64>,
        accepted: Option<i64>,
        fulfilled: Option<i64>,
    }

    fn form(from: &str, to: &str, commune: &str, category: &str) -> StatsForm {
        StatsForm { from: from.into(), to: to.into(), commune: commune.into(), category: category.into() }
    }

    fn median(mut v: Vec<i64>) -> Option<i64> {
        v.sort();
        // Nearest rank: the lower middle.
        (!v.is_empty()).then(|| v[v.len().div_ceil(2) - 1])
    }

    #[tokio::test]
    async fn every_figure_equals_a_count_made_by_the_test() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().expect("communes");
        let start = NOW - 10 * 86_400;
        let staff = accounts::test_account(&db, "chiffres@departement.fr", Role::Moderator, start - H).await;
        let author = accounts::test_account(&db, "auteure@exemple.fr", Role::Resident, start - H).await;
        let mut helpers = Vec::new();
        for k in 0..5 {
            helpers
                .push(accounts::test_account(&db, &format!("aidant{k}@exemple.fr"), Role::Resident, start - H).await);
        }
        // The period: 4 days in the middle of what happens.
        let (from, to) = ("2027-01-07", "2027-01-10");
        let period = Period::parse(from, to, NOW).expect("period");
        let inside = |t: i64| period.from <= t && t < period.to;

        let mut done: Vec<Done> = Vec::new();
        // (action, when, wait since creation)
        let mut decisions: Vec<(&str, i64, i64)> = Vec::new();
        let mut waiting = 0;
        let mut volunteers: Vec<(usize, i64)> = Vec::new();
        for i in 0..48i64 {
            let kind = if i % 3 == 0 { PostKind::Offer } else { PostKind::Request };
            let category = Category::ALL[i as usize % Category::ALL.len()];
            let at = if i % 2 == 0 { COLMAR } else { MULHOUSE };
            let created = start + i * 4 * H;
            let mut c = creation(&format!("Annonce {i}"), kind, category, at, PostStatus::Pending);
            c.author_id = Some(author.id);
            c.created_at = created;
            let id = posts::create(&db, &communes, c).await.expect("post");
            let mut d = Done {
                request: kind == PostKind::Request,
                category: Some(category),
                colmar: i % 2 == 0,
                ..Done::default()
            };
            let decided = created + (i * 37 % 20 + 1) * H;
            if i % 11 == 5 {
                // Left waiting.
                waiting += 1;
                done.push(d);
                continue;
            }
            if i % 7 == 0 {
                let refusal = Refusal { reason: DecisionReason::Commercial, message: None };
                moderation::reject(&db, &staff, id, refusal, decided).await.expect("reject");
                decisions.push(("reject", decided, decided - created));
                done.push(d);
                continue;
            }
            moderation::approve(&db, &staff, id, decided).await.expect("approve");
            decisions.push(("approve", decided, decided - created));
            d.published = Some(decided);
            if i % 4 != 0 {
                let helper = (i % 5) as usize;
                let answered = decided + (i * 13 % 90) * H + 60;
                let body = MessageBody::parse("Je peux aider.").expect("message");
                let conv = conversations::respond(&db, &VettedCategories::none(), &helpers[helper], id, body, answered)
                    .await
                    .expect("respond");
                d.answered = Some(answered);
                volunteers.push((helper, answered));
                if i % 4 == 1 {
                    let accepted = answered + H;
                    let choice = Acceptance { phone: None, off_map: false };
                    conversations::accept(&db, &VettedCategories::none(), &author, conv, choice, accepted)
                        .await
                        .expect("accept");
                    d.accepted = Some(accepted);
                    let fulfilled = accepted + (i % 5 + 1) * 10 * H;
                    conversations::confirm(&db, &author, conv, fulfilled).await.expect("confirm");
                    d.fulfilled = Some(fulfilled);
                }
            }
            done.push(d);
        }
        // Requests published before the period that run out inside it, one of them answered.
        let mut expiring = Vec::new();
        for k in 0..3 {
            let mut c =
                creation(&format!("Brève {k}"), PostKind::Request, Category::Transport, COLMAR, PostStatus::Published);
            c.author_id = Some(author.id);
            c.created_at = period.from - 86_400;
            c.post.lifetime_days = 2;
            expiring.push(posts::create(&db, &communes, c).await.expect("post"));
        }
        let body = MessageBody::parse("Je peux vous conduire.").expect("message");
        conversations::respond(&db, &VettedCategories::none(), &helpers[0], expiring[0], body, period.from - H)
            .await
            .expect("respond");
        volunteers.push((0, period.from - H));
        let now = NOW;

        let f = figures(&db, &communes, &staff, &form(from, to, "", ""), now).await.expect("figures");
        let published: Vec<&Done> = done.iter().filter(|d| d.published.is_some_and(inside)).collect();
        let requests: Vec<&Done> = published.iter().copied().filter(|d| d.request).collect();
        let count = |pred: &dyn Fn(&Done) -> bool| Shown::Exact(requests.iter().filter(|d| pred(d)).count() as i64);
        let first = |d: &Done| d.answered.map(|a| a - d.published.unwrap_or(a));
        assert!(requests.len() > 5 && published.len() > requests.len(), "a scenario worth counting");
        assert_eq!(f.requests, Shown::Exact(requests.len() as i64));
        assert_eq!(f.offers, Shown::Exact((published.len() - requests.len()) as i64));
        assert_eq!(f.answered_24h, count(&|d| first(d).is_some_and(|s| s <= 24 * H)));
        assert_eq!(f.answered_72h, count(&|d| first(d).is_some_and(|s| s <= 72 * H)));
        assert_eq!(f.unanswered, count(&|d| d.answered.is_none()));
        assert_eq!(f.fulfilled, count(&|d| d.fulfilled.is_some()));
        assert_eq!(f.median_first_answer, median(requests.iter().filter_map(|d| first(d)).collect()));
        assert_eq!(
            f.median_to_help,
            median(requests.iter().filter_map(|d| Some(d.fulfilled? - d.accepted?)).collect())
        );
        let fulfilled = requests.iter().filter(|d| d.fulfilled.is_some()).count() as f64;
        assert_eq!(f.fulfilment_rate, Some((fulfilled * 1000.0 / requests.len() as f64).round() / 10.0));
        assert_eq!(f.expired_unanswered, Shown::Exact(2));
        let mut active: Vec<usize> = volunteers.iter().filter(|(_, t)| inside(*t)).map(|(h, _)| *h).collect();
        active.sort();
        active.dedup();
        assert_eq!(f.active_volunteers, Shown::Exact(active.len() as i64));
        // Moderation: waiting now, waits and decisions of the period.
        assert_eq!(f.moderation.waiting_now, waiting);
        let decided: Vec<_> = decisions.iter().filter(|(_, at, _)| inside(*at)).collect();
        let of = |action: &str| {
            let n = decided.iter().filter(|(a, _, _)| *a == action).count() as i64;
            (n > 0).then_some(Shown::Exact(n))
        };
        let counted = |action: &str| f.moderation.decisions.iter().find(|d| d.action == action).map(|d| d.count);
        assert_eq!(counted("approve"), of("approve"));
        assert_eq!(counted("reject"), of("reject"));
        assert!(of("reject").is_some(), "a refusal in the period");
        let mut waits: Vec<i64> = decided.iter().map(|(_, _, w)| *w).collect();
        assert_eq!(f.moderation.median_wait, median(waits.clone()));
        waits.sort();
        assert_eq!(f.moderation.p90_wait, Some(waits[(waits.len() * 9).div_ceil(10) - 1]));
        // By category and commune: each row is the test's own count.
        for c in Category::ALL {
            let row = f.by_category.iter().find(|b| b.key == c.slug()).expect("row");
            let n = requests.iter().filter(|d| d.category == Some(c)).count() as i64;
            assert_eq!(row.requests, Shown::of(n, false), "{c}");
        }
        for b in &f.by_commune {
            let colmar = b.name == "Colmar";
            let n = requests.iter().filter(|d| d.colmar == colmar).count() as i64;
            assert_eq!(b.requests, Shown::of(n, true), "{}", b.name);
            let u = requests.iter().filter(|d| d.colmar == colmar && d.answered.is_none()).count() as i64;
            assert_eq!(b.unanswered, Shown::of(u, true), "{}", b.name);
        }
        assert_eq!(f.buckets.iter().map(|b| b.requests + b.offers).sum::<i64>(), published.len() as i64);

        // One commune, one category: counted again, small counts hidden.
        let f = figures(&db, &communes, &staff, &form(from, to, "Colmar", ""), now).await.expect("figures");
        let n = requests.iter().filter(|d| d.colmar).count() as i64;
        assert_eq!(f.requests, Shown::of(n, true));
        assert_eq!(f.commune.as_deref(), Some("Colmar"));
        let f = figures(&db, &communes, &staff, &form(from, to, "", "groceries"), now).await.expect("figures");
        let n = requests.iter().filter(|d| d.category == Some(Category::Groceries)).count() as i64;
        assert_eq!(f.requests, Shown::Exact(n));
    }

    #[tokio::test]
    async fn only_staff_see_figures_and_a_wrong_selection_is_named() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().expect("communes");
        let resident = accounts::test_account(&db, "voisin@exemple.fr", Role::Resident, NOW).await;
        let staff = accounts::test_account(&db, "staff@departement.fr", Role::Admin, NOW).await;
        let any = form("", "", "", "");
        assert!(matches!(figures(&db, &communes, &resident, &any, NOW).await, Err(AppError::Forbidden)));
        let wrong = form("2027-02-30", "hier", "Atlantis", "cuisine");
        let Err(AppError::Validation(errors)) = figures(&db, &communes, &staff, &wrong, NOW).await else {
            panic!("expected the mistakes");
        };
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["from", "to", "commune", "category"]);
        // An empty service: zeros, no medians, every category still listed.
        let f = figures(&db, &communes, &staff, &any, NOW).await.expect("figures");
        assert_eq!((f.requests, f.median_first_answer, f.fulfilment_rate), (Shown::Exact(0), None, None));
        assert_eq!(f.by_category.len(), Category::ALL.len());
    }
}
