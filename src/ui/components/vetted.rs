//! « Bénévole vérifié par le Département »: the badge of a helper staff met in person.

use leptos::prelude::*;

use crate::i18n::t;

/// The badge, next to the helper's name (text, not only a colour or an icon).
#[component]
pub fn VettedBadge() -> impl IntoView {
    view! {
        <span class="badge badge-vetted"><span aria-hidden="true">"✔ "</span>{t("vetted-badge")}</span>
    }
}
