//! The register of the processing (GDPR article 30), generated from the code's own list of
//! what each table stores: for every table, its purpose, who reads it, how long it is kept, and
//! which of its columns hold personal data. Every column of the schema is classified here: a
//! test (`every_column_of_the_schema_is_classified`) fails when a migration adds a column this
//! list does not name. `entraide register` prints it as Markdown, in French, for the
//! Département's data protection officer.

/// One table of the database.
pub struct Table {
    pub name: &'static str,
    /// Why it exists (the purpose of the processing).
    pub purpose: &'static str,
    /// Who reads it.
    pub readers: &'static str,
    /// How long its rows, or their personal part, are kept.
    pub kept: &'static str,
    /// The columns holding personal data (identifying a person, or about one).
    pub personal: &'static [&'static str],
    /// The other columns (ids, states, dates, counts, public facts).
    pub other: &'static [&'static str],
}

const ACCOUNT: &str = "tant que le compte existe (effacé par « Supprimer mon compte », ou 30 jours après l'avertissement d'un compte sans connexion depuis 3 ans)";

/// Every table holding data about people, or linked to them.
pub const REGISTER: &[Table] = &[
    Table {
        name: "users",
        purpose: "Comptes : identifier la personne, lui écrire, ses réglages et son rôle",
        readers: "la personne ; l'équipe (modération, administration) ; le public lit le nom affiché dans les conversations",
        kept: ACCOUNT,
        personal: &["email", "display_name", "organisation", "password_hash", "last_login_at", "lang", "poster_kind"],
        other: &[
            "id", "role", "disabled_at", "created_at", "updated_at", "email_notifications", "deleted_at",
            "email_verified_at", "session_epoch", "charter_version", "charter_accepted_at", "inactivity_warned_at",
        ],
    },
    Table {
        name: "posts",
        purpose: "Annonces : demandes et offres d'aide, placées près de la personne sans révéler où elle habite",
        readers: "le public (titre, description, catégorie, commune, point approximatif) ; l'auteur ; l'aidant accepté (point exact, précision) ; l'équipe",
        kept: "point exact, précision : 3 mois après la fin de l'annonce ; le reste : avec le compte (anonymisé à sa suppression)",
        personal: &["title", "description", "lat", "lon", "private_note", "author_id", "urgent_signs"],
        other: &[
            "id", "kind", "category", "poster_kind", "status", "public_lat", "public_lon", "commune_insee",
            "commune_name", "created_at", "updated_at", "expires_at", "hidden_at", "off_map_in_progress",
            "privacy_area_m", "details_erased_at", "when_kind", "when_day", "when_days", "when_from", "when_to",
            "when_until", "relative_consent_at", "building_id",
        ],
    },
    Table {
        name: "conversations",
        purpose: "Mise en relation entre l'auteur d'une annonce et une personne qui répond",
        readers: "les deux personnes ; l'équipe si un message est signalé",
        kept: "12 mois après la fin de l'annonce ; le téléphone partagé : 3 mois",
        personal: &["author_id", "responder_id", "shared_phone"],
        other: &[
            "id", "post_id", "created_at", "last_message_at", "accepted_at", "helper_done_at", "author_read",
            "responder_read", "author_blocked_at", "responder_blocked_at",
        ],
    },
    Table {
        name: "messages",
        purpose: "Messages échangés pour organiser l'aide",
        readers: "les deux personnes ; l'équipe si un message est signalé",
        kept: "12 mois après la fin de l'annonce",
        personal: &["sender_id", "body"],
        other: &["id", "conversation_id", "created_at"],
    },
    Table {
        name: "intakes",
        purpose: "Demandes déposées par téléphone pour une personne sans internet, avec son accord",
        readers: "l'équipe du Département",
        kept: "téléphone, adresse, heures d'appel : 3 mois après la fin de l'annonce ; nom et accord : avec l'annonce",
        personal: &["person_name", "person_phone", "street", "call_times", "filed_by", "consent_by"],
        other: &["post_id", "share_phone", "consent_at", "called_back_at"],
    },
    Table {
        name: "intake_events",
        purpose: "Journal de ce que l'équipe a fait pour une personne qui a appelé",
        readers: "l'équipe du Département",
        kept: "avec l'annonce",
        personal: &["actor_id"],
        other: &["id", "post_id", "action", "conversation_id", "created_at"],
    },
    Table {
        name: "reveals",
        purpose: "Journal des consultations du point exact et du téléphone d'une annonce",
        readers: "l'auteur de l'annonce (« Mes données ») ; l'équipe",
        kept: "avec l'annonce",
        personal: &["viewer_id"],
        other: &["id", "post_id", "fields", "created_at"],
    },
    Table {
        name: "thanks",
        purpose: "Remerciements publiés après une aide",
        readers: "le public ; signés seulement si la personne l'a choisi",
        kept: ACCOUNT,
        personal: &["writer_id", "body", "signed"],
        other: &["id", "post_id", "created_at"],
    },
    Table {
        name: "reports",
        purpose: "Signalements d'annonces et de messages, pour la modération",
        readers: "l'équipe de modération",
        kept: "avec l'annonce ; le lien vers un message part avec la conversation",
        personal: &["reporter_id", "details", "resolved_by"],
        other: &["id", "post_id", "reason", "created_at", "resolved_at", "resolution", "message_id"],
    },
    Table {
        name: "moderation_events",
        purpose: "Décisions de modération et leurs motifs (traçabilité)",
        readers: "l'équipe ; l'auteur lit la dernière décision sur son annonce",
        kept: "avec l'annonce (textes effacés à la suppression du compte de l'auteur)",
        personal: &["actor_id", "message", "before_title", "before_description", "after_title", "after_description"],
        other: &["id", "post_id", "action", "reason", "created_at"],
    },
    Table {
        name: "notifications",
        purpose: "Avis dans l'application (et par e-mail si la personne l'a choisi)",
        readers: "la personne",
        kept: ACCOUNT,
        personal: &["user_id", "body"],
        other: &["id", "post_id", "conversation_id", "kind", "created_at", "read_at"],
    },
    Table {
        name: "outbox",
        purpose: "E-mails à envoyer et envoyés",
        readers: "le serveur ; l'exploitant (`entraide outbox`)",
        kept: "30 jours après l'envoi",
        personal: &["to_email", "subject", "body", "unsubscribe_url"],
        other: &[
            "id",
            "created_at",
            "sent_at",
            "attempts",
            "last_error",
            "post_id",
            "conversation_id",
            "erase_after_send",
            "claimed_by",
            "claimed_until",
        ],
    },
    Table {
        name: "limit_attempts",
        purpose: "Tentatives comptées contre les limites (connexions manquées, inscriptions, demandes de nouveau mot de passe), communes à tous les serveurs",
        readers: "le serveur",
        kept: "une heure au plus",
        personal: &["key"],
        other: &["id", "bucket", "at"],
    },
    Table {
        name: "territories",
        purpose: "Territoires servis par l'instance (un département ou un ensemble de communes) et leurs coordonnées de contact et d'urgence",
        readers: "tout le monde (nom, contacts), les exploitants",
        kept: "tant que le territoire est servi",
        personal: &[],
        other: &["code", "name", "contact_email", "contact_phone", "emergency", "built_in", "created_at"],
    },
    Table {
        name: "territory_communes",
        purpose: "Communes de chaque territoire : nom, codes postaux, population, mairie et contour (données ouvertes INSEE, IGN, DILA)",
        readers: "le serveur",
        kept: "tant que le territoire est servi",
        personal: &[],
        other: &["insee", "territory", "name", "postcodes", "population", "lat", "lon", "outline"],
    },
    Table {
        name: "staff_territories",
        purpose: "Territoires où agit chaque modérateur ou administrateur (aucun : tous)",
        readers: "les administrateurs, les exploitants",
        kept: "tant que le compte existe",
        personal: &["user_id"],
        other: &["territory"],
    },
    Table {
        name: "account_tokens",
        purpose: "Liens à usage unique (confirmation d'adresse, nouveau mot de passe, changement d'adresse)",
        readers: "le serveur",
        kept: "jusqu'à leur expiration (au plus quelques jours)",
        personal: &["user_id", "email", "token_hash"],
        other: &["id", "purpose", "created_at", "expires_at", "used_at"],
    },
    Table {
        name: "reset_requests",
        purpose: "Limiter les demandes de nouveau mot de passe par adresse",
        readers: "le serveur",
        kept: "quelques heures",
        personal: &["email_hash"],
        other: &["id", "created_at"],
    },
    Table {
        name: "account_audit",
        purpose: "Journal de sécurité des comptes (connexions, changements)",
        readers: "l'équipe d'administration",
        kept: ACCOUNT,
        personal: &["user_id", "actor"],
        other: &["id", "action", "created_at"],
    },
    Table {
        name: "people_audit",
        purpose: "Journal des changements faits par les administrateurs sur les comptes",
        readers: "l'équipe d'administration",
        kept: ACCOUNT,
        personal: &["actor_id", "user_id", "detail"],
        other: &["id", "action", "created_at"],
    },
    Table {
        name: "export_audit",
        purpose: "Journal des exports faits par l'équipe",
        readers: "l'équipe d'administration",
        kept: "durée du service",
        personal: &["actor_id"],
        other: &["id", "format", "period_from", "period_to", "commune", "category", "created_at"],
    },
    Table {
        name: "follow_ups",
        purpose: "Suivi : demandes sans réponse, aide acceptée non confirmée",
        readers: "l'équipe ; l'auteur répond à « Avez-vous reçu l'aide ? »",
        kept: "avec l'annonce",
        personal: &["answer", "resolved_by"],
        other: &["id", "post_id", "kind", "state_at", "created_at", "answered_at", "escalated_at", "resolved_at"],
    },
    Table {
        name: "alerts",
        purpose: "Alertes : être prévenu des nouvelles annonces près d'un lieu",
        readers: "la personne",
        kept: ACCOUNT,
        personal: &["user_id", "place_label", "lat", "lon"],
        other: &["id", "commune_insee", "radius_km", "categories", "kind", "created_at"],
    },
    Table {
        name: "alert_settings",
        purpose: "Réglages des alertes (e-mail, heure du résumé, désinscription en un clic)",
        readers: "la personne",
        kept: ACCOUNT,
        personal: &["user_id", "unsubscribe_token"],
        other: &["email", "digest_hour", "last_digest_at", "paused_at", "updated_at"],
    },
    Table {
        name: "alert_hits",
        purpose: "Annonces à annoncer à une personne par ses alertes",
        readers: "le serveur ; la personne",
        kept: ACCOUNT,
        personal: &["user_id"],
        other: &["post_id", "alert_id", "created_at", "emailed"],
    },
    Table {
        name: "push_subscriptions",
        purpose: "Notifications sur le téléphone (Web Push)",
        readers: "le serveur",
        kept: "jusqu'au retrait de l'appareil ou la suppression du compte",
        personal: &["user_id", "endpoint", "p256dh", "auth"],
        other: &["id", "created_at"],
    },
    Table {
        name: "push_outbox",
        purpose: "Notifications à envoyer aux téléphones",
        readers: "le serveur",
        kept: "jusqu'à l'envoi",
        personal: &["payload"],
        other: &["id", "subscription_id", "created_at", "sent_at", "attempts", "last_error", "claimed_by", "claimed_until"],
    },
    Table {
        name: "tower_sessions",
        purpose: "Sessions de connexion",
        readers: "le serveur",
        kept: "jusqu'à la déconnexion ou l'expiration de la session",
        personal: &["data"],
        other: &["id", "expiry_date"],
    },
    Table {
        name: "page_revisions",
        purpose: "Pages du site écrites par l'équipe (charte, mentions, données personnelles…)",
        readers: "le public (version publiée) ; l'équipe",
        kept: "durée du service",
        personal: &["author_id", "published_by"],
        other: &["id", "slug", "title", "body", "created_at", "published_at"],
    },
    Table {
        name: "announcements",
        purpose: "Bandeaux d'information de la page d'accueil",
        readers: "le public ; l'équipe",
        kept: "durée du service",
        personal: &["created_by"],
        other: &["id", "message", "starts_at", "ends_at", "created_at"],
    },
    Table {
        name: "vetting_requests",
        purpose: "Demandes de vérification d'un bénévole (garde d'enfants, visites à domicile)",
        readers: "la personne ; l'équipe",
        kept: "jusqu'au rendez-vous ou au retrait de la demande",
        personal: &["user_id", "note"],
        other: &["asked_at"],
    },
    Table {
        name: "vettings",
        purpose: "Vérifications en personne des bénévoles (pièce d'identité vue, sans copie)",
        readers: "la personne ; l'équipe ; les auteurs lisent « bénévole vérifié »",
        kept: ACCOUNT,
        personal: &["user_id", "association", "checked_by", "recorded_by", "withdrawn_by", "withdrawn_reason"],
        other: &["id", "identity_seen", "checked_on", "recorded_at", "expires_at", "withdrawn_at", "reminded_at"],
    },
    Table {
        name: "buildings",
        purpose: "Mon immeuble : le groupe des voisins d'un immeuble, nommé par sa rue et sa commune (jamais le numéro)",
        readers: "les membres du groupe ; l'équipe lit la rue et la commune d'une annonce réservée à l'immeuble",
        kept: "tant que le groupe existe",
        personal: &["created_by", "street"],
        other: &["id", "commune_insee", "commune_name", "join_code", "created_at"],
    },
    Table {
        name: "building_members",
        purpose: "Mon immeuble : qui fait partie du groupe d'un immeuble (et lit ses annonces)",
        readers: "la personne ; les membres voient combien ils sont",
        kept: "jusqu'à ce que la personne quitte le groupe, ou avec le compte",
        personal: &["user_id"],
        other: &["building_id", "joined_at"],
    },
    Table {
        name: "building_join_failures",
        purpose: "Mon immeuble : les codes erronés tapés, pour freiner qui essaierait de deviner un code",
        readers: "personne (compté par le serveur)",
        kept: "24 heures",
        personal: &["user_id"],
        other: &["id", "at"],
    },
    Table {
        name: "carers",
        purpose: "Proches aidants : l'auteur d'une annonce invite un proche à la suivre et à écrire dans ses conversations",
        readers: "l'auteur ; le proche ; les personnes qui répondent lisent « proche de … » sur ses messages",
        kept: "l'adresse et le lien d'une invitation : jusqu'à son acceptation, son retrait ou 7 jours ; le lien accepté : 12 mois après la fin de l'annonce",
        personal: &["author_id", "email", "user_id"],
        other: &["id", "post_id", "token_hash", "invited_at", "expires_at", "accepted_at", "removed_at"],
    },
];

/// Tables with no personal data, with why.
pub const TECHNICAL: &[(&str, &str)] = &[
    ("categories", "la liste des catégories"),
    ("map_cells", "des comptes d'annonces publiques par case de la carte"),
    ("map_levels", "les niveaux de la grille de la carte"),
    ("map_state", "l'état du balayage des annonces expirées"),
    ("alert_fanout", "les annonces publiques à annoncer aux alertes"),
    ("server_keys", "les clés du serveur (Web Push)"),
    ("_sqlx_migrations", "les versions du schéma appliquées"),
];

/// Derived indexes, rebuilt from a table above and holding nothing else: the word index
/// (titles and descriptions of `posts`), the map's spatial indexes (public points) and the
/// alerts' (their places: personal, kept and erased with `alerts`).
pub const DERIVED: &[(&str, &str)] =
    &[("posts_fts", "posts"), ("posts_geo", "posts"), ("posts_geo_cat", "posts"), ("alerts_geo", "alerts")];

/// The register as Markdown.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Registre des traitements — Entraide\n\n\
         Responsable : le Département. Finalité générale : la solidarité de proximité (mission \
         d'intérêt public). Généré par `entraide register` à partir de la liste que le code tient \
         de chaque table.\n",
    );
    for t in REGISTER {
        out.push_str(&format!(
            "\n## `{}`\n\n- Finalité : {}\n- Qui lit : {}\n- Conservation : {}\n- Données personnelles : {}\n- Autres colonnes : {}\n",
            t.name,
            t.purpose,
            t.readers,
            t.kept,
            t.personal.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", "),
            t.other.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", "),
        ));
    }
    out.push_str("\n## Tables sans donnée personnelle\n\n");
    for (name, what) in TECHNICAL {
        out.push_str(&format!("- `{name}` : {what}\n"));
    }
    for (name, from) in DERIVED {
        out.push_str(&format!("- `{name}` : index dérivé de `{from}`, reconstruit à partir d'elle\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::db;
    use std::collections::BTreeSet;

    /// Every column of every table of the migrated schema is named once, as personal or not;
    /// no table or column is named that does not exist.
    #[sqlx::test]
    async fn every_column_of_the_schema_is_classified(pool: sqlx::SqlitePool) {
        use tower_sessions_sqlx_store::SqliteStore;
        // The sessions' table is made by its store at start, as the server does.
        SqliteStore::new(pool.clone()).migrate().await.unwrap();
        let tables: Vec<(String, String)> =
            db::query_as("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                .fetch_all(&pool)
                .await
                .unwrap();
        let virtual_tables: Vec<&str> =
            tables.iter().filter(|(_, sql)| sql.starts_with("CREATE VIRTUAL")).map(|(n, _)| n.as_str()).collect();
        let mut unclassified = Vec::new();
        let mut seen = BTreeSet::new();
        for (name, sql) in &tables {
            if sql.starts_with("CREATE VIRTUAL") {
                assert!(DERIVED.iter().any(|(d, _)| d == name), "virtual table {name} is not in DERIVED");
                continue;
            }
            // The shadow tables of a virtual table (the word index's data, the R*Tree's nodes).
            if virtual_tables.iter().any(|v| name.starts_with(&format!("{v}_"))) {
                continue;
            }
            if TECHNICAL.iter().any(|(t, _)| t == name) {
                continue;
            }
            let Some(entry) = REGISTER.iter().find(|t| t.name == name) else {
                unclassified.push(format!("table {name}"));
                continue;
            };
            seen.insert(name.clone());
            let columns: Vec<String> =
                db::query_scalar("SELECT name FROM pragma_table_info($1)").bind(name).fetch_all(&pool).await.unwrap();
            for c in &columns {
                let named = entry.personal.iter().chain(entry.other).filter(|x| *x == c).count();
                if named != 1 {
                    unclassified.push(format!("{name}.{c} (named {named} times)"));
                }
            }
            for c in entry.personal.iter().chain(entry.other) {
                assert!(columns.iter().any(|x| x == c), "{name}.{c} is in the register but not in the schema");
            }
        }
        assert!(unclassified.is_empty(), "classify in src/server/register.rs: {unclassified:?}");
        for t in REGISTER {
            assert!(seen.contains(t.name), "{} is in the register but not in the schema", t.name);
        }
        let md = markdown();
        assert!(md.contains("## `vettings`") && md.contains("`person_phone`"));
    }
}
