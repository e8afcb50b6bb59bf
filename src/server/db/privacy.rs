//! SQL of "Mes données" (everything linked to one account, as JSON built by SQLite) and of
//! "Supprimer mon compte" (erase or anonymise it). No authorization decisions here.

use super::sql::{self, Conn, Engine};

/// The name shown in place of a deleted account, everywhere.
pub const DELETED_NAME: &str = "Utilisateur supprimé";
const DELETED_TITLE: &str = "Annonce supprimée";
const DELETED_DESCRIPTION: &str = "Cette annonce a été supprimée par son auteur.";

/// One section of the export: its key and the query returning one JSON array (bound to the id).
const EXPORT: [(&str, &str); 16] = [
    (
        "compte",
        "SELECT json_object('id', id, 'email', email, 'nom', display_name, 'type', poster_kind, \
         'organisation', organisation, 'role', role, 'notifications_par_email', \
         CASE WHEN email_notifications THEN 1 ELSE 0 END, \
         'cree_le', created_at, 'modifie_le', updated_at) FROM users WHERE id = $1",
    ),
    (
        "annonces",
        "SELECT json_group_array(json_object('id', id, 'type', kind, 'categorie', category, 'statut', status, \
         'titre', title, 'description', description, 'commune', commune_name, 'latitude_exacte', lat, \
         'longitude_exacte', lon, 'latitude_publique', public_lat, 'longitude_publique', public_lon, \
         'note_privee', private_note, 'cree_le', created_at, 'modifie_le', updated_at, \
         'expire_le', expires_at)) FROM (SELECT * FROM posts WHERE author_id = $1 ORDER BY id)",
    ),
    (
        "conversations",
        "SELECT json_group_array(json_object('id', c.id, 'annonce', c.post_id, \
         'role', CASE WHEN c.author_id = $1 THEN 'auteur' ELSE 'repondant' END, \
         'avec', (SELECT display_name FROM users WHERE id = CASE WHEN c.author_id = $1 THEN c.responder_id \
         ELSE c.author_id END), 'acceptee_le', c.accepted_at, 'telephone_partage', c.shared_phone, \
         'cree_le', c.created_at, \
         'messages', (SELECT json_group_array(json_object('de', CASE WHEN m.sender_id = $1 THEN 'moi' ELSE 'autre' \
         END, 'texte', m.body, 'envoye_le', m.created_at)) FROM (SELECT * FROM messages WHERE conversation_id = c.id \
         ORDER BY id) m))) FROM (SELECT * FROM conversations WHERE author_id = $1 OR responder_id = $1 ORDER BY id) c",
    ),
    (
        "immeubles",
        "SELECT json_group_array(json_object('rue', b.street, 'commune', b.commune_name, 'cree_par_moi', \
         CASE WHEN b.created_by = $1 THEN 1 ELSE 0 END, 'rejoint_le', m.joined_at)) FROM (SELECT * FROM building_members WHERE user_id = $1 \
         ORDER BY joined_at) m JOIN buildings b ON b.id = m.building_id",
    ),
    (
        "proches_invites",
        "SELECT json_group_array(json_object('annonce', c.post_id, 'proche', u.display_name, \
         'adresse_invitee', c.email, 'invite_le', c.invited_at, 'accepte_le', c.accepted_at, \
         'retire_le', c.removed_at)) FROM (SELECT * FROM carers WHERE author_id = $1 ORDER BY id) c \
         LEFT JOIN users u ON u.id = c.user_id",
    ),
    (
        "annonces_suivies_en_proche",
        "SELECT json_group_array(json_object('annonce', c.post_id, 'auteur', u.display_name, \
         'accepte_le', c.accepted_at, 'retire_le', c.removed_at, \
         'messages', (SELECT json_group_array(json_object('conversation', m.conversation_id, 'texte', m.body, \
         'envoye_le', m.created_at)) FROM messages m JOIN conversations v ON v.id = m.conversation_id \
         WHERE v.post_id = c.post_id AND m.sender_id = $1 AND v.author_id <> $1 AND v.responder_id <> $1))) \
         FROM (SELECT * FROM carers WHERE user_id = $1 ORDER BY id) c JOIN users u ON u.id = c.author_id",
    ),
    (
        "signalements",
        "SELECT json_group_array(json_object('annonce', post_id, 'message', message_id, 'motif', reason, \
         'details', details, 'cree_le', created_at, 'traite_le', resolved_at, 'suite', resolution)) \
         FROM (SELECT * FROM reports WHERE reporter_id = $1 ORDER BY id)",
    ),
    (
        "remerciements_ecrits",
        "SELECT json_group_array(json_object('annonce', post_id, 'texte', body, 'cree_le', created_at)) \
         FROM (SELECT * FROM thanks WHERE writer_id = $1 ORDER BY id)",
    ),
    (
        "remerciements_recus",
        "SELECT json_group_array(json_object('annonce', t.post_id, 'texte', t.body, 'cree_le', t.created_at)) \
         FROM (SELECT t.* FROM thanks t JOIN posts p ON p.id = t.post_id WHERE p.author_id = $1 ORDER BY t.id) t",
    ),
    (
        "alertes",
        "SELECT json_group_array(json_object('lieu', place_label, 'autour_de_ma_position', \
         CASE WHEN commune_insee IS NULL THEN 1 ELSE 0 END, \
         'latitude_arrondie', lat, 'longitude_arrondie', lon, 'rayon_km', radius_km, 'categories', categories, \
         'type', kind, 'cree_le', created_at)) FROM (SELECT * FROM alerts WHERE user_id = $1 ORDER BY id)",
    ),
    (
        "reglages_des_alertes",
        "SELECT json_group_array(json_object('par_email', email, 'heure_du_resume', digest_hour, \
         'en_pause_depuis', paused_at, 'dernier_resume_le', last_digest_at)) \
         FROM alert_settings WHERE user_id = $1",
    ),
    (
        "notifications",
        "SELECT json_group_array(json_object('type', kind, 'texte', body, 'annonce', post_id, \
         'conversation', conversation_id, 'cree_le', created_at, 'lue_le', read_at)) \
         FROM (SELECT * FROM notifications WHERE user_id = $1 ORDER BY id)",
    ),
    (
        "consultations_de_mes_coordonnees",
        "SELECT json_group_array(json_object('annonce', r.post_id, 'par', (SELECT CASE WHEN role = 'resident' \
         THEN display_name ELSE 'Équipe de modération' END FROM users WHERE id = r.viewer_id), \
         'donnees', r.fields, 'le', r.created_at)) \
         FROM (SELECT r.* FROM reveals r JOIN posts p ON p.id = r.post_id WHERE p.author_id = $1 ORDER BY r.id) r",
    ),
    (
        "demande_de_verification",
        "SELECT json_group_array(json_object('demandee_le', asked_at, 'mot', note)) \
         FROM vetting_requests WHERE user_id = $1",
    ),
    (
        "verifications",
        "SELECT json_group_array(json_object('piece_d_identite_vue', CASE WHEN identity_seen THEN 1 ELSE 0 END, 'association', association, \
         'rencontre_le', checked_on, 'rencontre_par', checked_by, 'enregistree_le', recorded_at, \
         'valable_jusqu_au', expires_at, 'retiree_le', withdrawn_at, 'motif_du_retrait', withdrawn_reason)) \
         FROM (SELECT * FROM vettings WHERE user_id = $1 ORDER BY id)",
    ),
    (
        "decisions_de_moderation",
        "SELECT json_group_array(json_object('annonce', e.post_id, 'action', e.action, 'motif', e.reason, \
         'message', e.message, 'le', e.created_at)) FROM (SELECT e.* FROM moderation_events e \
         JOIN posts p ON p.id = e.post_id WHERE p.author_id = $1 ORDER BY e.id) e",
    ),
];

/// An export query (written for SQLite) in PostgreSQL's terms: `json_build_object` and
/// `json_agg` (an empty list is `[]`, as SQLite's `json_group_array` gives), the result as text,
/// and a name for the last subquery of `FROM` (PostgreSQL 15 wants one).
fn postgres_export(sqlite: &str) -> String {
    let mut s = sqlite.replace("json_object(", "json_build_object(");
    while let Some(at) = s.find("json_group_array(") {
        let open = at + "json_group_array".len();
        let close = matching_paren(&s, open);
        let inner = s[open + 1..close].to_owned();
        s.replace_range(at..=close, &format!("COALESCE(json_agg({inner}), '[]'::json)"));
    }
    let start = "SELECT ".len();
    let close = matching_paren(&s, s.find('(').unwrap_or(start));
    s.replace_range(start..=close, &format!("CAST({} AS TEXT)", &s[start..=close]));
    if s.ends_with(')') {
        s.push_str(" AS picked");
    }
    s
}

/// The index of the `)` closing the `(` at `open`.
fn matching_paren(s: &str, open: usize) -> usize {
    let mut depth = 0;
    for (i, c) in s[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return open + i;
                }
            }
            _ => {}
        }
    }
    s.len() - 1
}

/// Everything linked to account `id`, section by section, each section a JSON text.
pub async fn export(conn: &mut Conn, id: i64) -> Result<Vec<(&'static str, String)>, sqlx::Error> {
    let mut sections = Vec::with_capacity(EXPORT.len());
    let engine = conn.engine();
    for (key, sqlite) in EXPORT {
        let text = match engine {
            Engine::Sqlite => std::borrow::Cow::Borrowed(sqlite),
            Engine::Postgres => std::borrow::Cow::Owned(postgres_export(sqlite)),
        };
        let json: Option<String> = sql::query_scalar(&text).bind(id).fetch_optional(&mut *conn).await?;
        sections.push((key, json.unwrap_or_else(|| "null".into())));
    }
    Ok(sections)
}

/// What identified the person, read before erasing so other people's copies can be cleaned.
pub struct Identity {
    pub email: String,
    pub display_name: String,
    pub post_titles: Vec<String>,
}

pub async fn identity(conn: &mut Conn, id: i64) -> Result<Option<Identity>, sqlx::Error> {
    let row: Option<(String, String)> = sql::query_as("SELECT email, display_name FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some((email, display_name)) = row else { return Ok(None) };
    let post_titles =
        sql::query_scalar("SELECT title FROM posts WHERE author_id = $1").bind(id).fetch_all(conn).await?;
    Ok(Some(Identity { email, display_name, post_titles }))
}

/// Erases account `id` inside the caller's transaction; returns the ids of its posts (the
/// caller re-syncs the map index). Kept, without identity: the account row (so the other
/// party of a conversation still reads its messages, signed `DELETED_NAME`), the posts'
/// public facts (closed), and the moderation audit (who decided what, when, why).
pub async fn erase(conn: &mut Conn, id: i64, who: &Identity, now: i64) -> Result<Vec<i64>, sqlx::Error> {
    sql::query(
        "UPDATE users SET email = 'supprime-' || id || '@compte-supprime.invalid', display_name = $2, \
         organisation = NULL, password_hash = '!', email_notifications = FALSE, disabled_at = $3, deleted_at = $3, \
         updated_at = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(DELETED_NAME)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sql::query("DELETE FROM staff_territories WHERE user_id = $1").bind(id).execute(&mut *conn).await?;
    let posts: Vec<i64> =
        sql::query_scalar("SELECT id FROM posts WHERE author_id = $1").bind(id).fetch_all(&mut *conn).await?;
    // The exact place becomes the public (approximate) one; open posts are closed.
    sql::query(
        "UPDATE posts SET title = $2, description = $3, private_note = NULL, lat = public_lat, \
         lon = public_lon, status = CASE WHEN status IN ('pending', 'published', 'in-progress') THEN 'closed' \
         ELSE status END, updated_at = $4 WHERE author_id = $1",
    )
    .bind(id)
    .bind(DELETED_TITLE)
    .bind(DELETED_DESCRIPTION)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sql::query(
        "UPDATE moderation_events SET before_title = NULL, before_description = NULL, after_title = NULL, \
         after_description = NULL, message = NULL WHERE post_id IN (SELECT id FROM posts WHERE author_id = $1)",
    )
    .bind(id)
    .execute(&mut *conn)
    .await?;
    sql::query("DELETE FROM notifications WHERE user_id = $1").bind(id).execute(&mut *conn).await?;
    super::alerts::erase_user(conn, id).await?;
    super::push::erase_user(conn, id).await?;
    super::vetting::erase_user(conn, id).await?;
    super::carers::erase_user(conn, id).await?;
    super::buildings::erase_user(conn, id).await?;
    sql::query("UPDATE conversations SET shared_phone = NULL WHERE author_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    // Thank-you notes are public words of the person: they go with the account.
    sql::query("DELETE FROM thanks WHERE writer_id = $1").bind(id).execute(&mut *conn).await?;
    sql::query("DELETE FROM outbox WHERE to_email = $1").bind(&who.email).execute(&mut *conn).await?;
    // Other people's notifications and e-mails about this person name them or their posts.
    let mut words: Vec<(&str, &str)> = vec![(who.display_name.as_str(), DELETED_NAME)];
    words.extend(who.post_titles.iter().map(|t| (t.as_str(), DELETED_TITLE)));
    let engine = conn.engine();
    let (in_body, in_subject) = (engine.contains("body", "$1"), engine.contains("subject", "$1"));
    let about_them = "(post_id IN (SELECT id FROM posts WHERE author_id = $3) OR conversation_id IN \
         (SELECT id FROM conversations WHERE author_id = $3 OR responder_id = $3))";
    for (word, by) in words {
        for statement in [
            format!("UPDATE notifications SET body = replace(body, $1, $2) WHERE {in_body} AND {about_them}"),
            format!(
                "UPDATE outbox SET body = replace(body, $1, $2), subject = replace(subject, $1, $2) \
                 WHERE ({in_body} OR {in_subject}) AND {about_them}"
            ),
        ] {
            sql::query(&statement).bind(word).bind(by).bind(id).execute(&mut *conn).await?;
        }
    }
    Ok(posts)
}

/// Has the values this transaction deletes overwritten in the database file (SQLite's
/// `secure_delete`; the connection keeps it on). PostgreSQL has no such setting: a deleted row
/// stays in its page until `VACUUM` reclaims it (autovacuum, within minutes on a busy table).
pub async fn overwrite_deleted(conn: &mut Conn) -> Result<(), sqlx::Error> {
    if conn.engine() == Engine::Sqlite {
        sql::query("PRAGMA secure_delete = ON").execute(conn).await?;
    }
    Ok(())
}

/// Moves the write-ahead log into the database and empties it, so erased values do not stay in
/// old WAL frames. Returns whether it completed (a long reader can keep it from finishing).
/// PostgreSQL recycles its WAL segments itself: nothing to do there.
pub async fn truncate_wal(conn: &mut Conn) -> Result<bool, sqlx::Error> {
    if conn.engine() == Engine::Postgres {
        return Ok(true);
    }
    let (busy, _, _): (i64, i64, i64) = sql::query_as("PRAGMA wal_checkpoint(TRUNCATE)").fetch_one(conn).await?;
    Ok(busy == 0)
}
