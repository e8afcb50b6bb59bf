//! `/compte`: "Mon compte" — who I am, change my name or password, log out.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::forms::{read_form_echo, FormEcho};
use crate::domain::user::CurrentUser;
use crate::ui::components::form_field::{FormMessage, TextField};
use crate::ui::components::http_status::set_http_status;
use crate::ui::state::use_current_user;

/// The account page; asks to log in first when nobody is.
#[component]
pub fn AccountPage() -> impl IntoView {
    let echo = Resource::new(|| (), |_| read_form_echo());
    let user = use_current_user();
    let welcome = use_query_map().read_untracked().get("bienvenue").is_some();
    view! {
        <Title text="Mon compte — Entraide Haut-Rhin"/>
        <div class="page narrow">
            <h1>"Mon compte"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    let me = match user {
                        Some(u) => u.await.ok().flatten(),
                        None => None,
                    };
                    match me {
                        Some(me) => view! { <Account me=me echo=echo welcome=welcome/> }.into_any(),
                        None => {
                            set_http_status(401);
                            view! {
                                <p>"Connectez-vous pour voir votre compte."</p>
                                <p><a class="btn" href="/connexion?next=/compte">"Se connecter"</a></p>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Account(me: CurrentUser, echo: FormEcho, welcome: bool) -> impl IntoView {
    // Prefill the name with the stored one unless the person just typed another.
    let mut name_echo = echo.clone();
    if name_echo.form != "profile" || name_echo.notice.is_some() {
        name_echo = FormEcho { form: "profile".into(), ..echo.clone() };
        name_echo.values.insert("display_name".into(), me.display_name.clone());
    }
    view! {
        {welcome.then(|| view! {
            <div class="notice" role="status"><p>"Bienvenue ! Votre compte est créé."</p></div>
        })}
        <dl class="facts">
            <dt>"Nom"</dt><dd>{me.display_name.clone()}</dd>
            <dt>"Adresse e-mail"</dt><dd>{me.email.clone()}</dd>
            <dt>"Vous êtes"</dt>
            <dd>{me.poster_kind.label_fr()}{me.organisation.clone().map(|o| format!(" — {o}"))}</dd>
        </dl>
        <h2>"Changer mon nom"</h2>
        <form method="post" action="/compte" class="form" novalidate>
            <input type="hidden" name="form" value="profile"/>
            <FormMessage form="profile" echo=echo.clone()/>
            <TextField form="profile" name="display_name" label="Nom affiché" echo=name_echo autocomplete="nickname"/>
            <button type="submit" class="btn">"Enregistrer le nom"</button>
        </form>
        <h2>"Changer mon mot de passe"</h2>
        <form method="post" action="/compte" class="form" novalidate>
            <input type="hidden" name="form" value="password"/>
            <FormMessage form="password" echo=echo.clone()/>
            <TextField form="password" name="current_password" label="Mot de passe actuel" kind="password"
                echo=echo.clone() autocomplete="current-password"/>
            <TextField form="password" name="new_password" label="Nouveau mot de passe" kind="password"
                echo=echo.clone() autocomplete="new-password" hint="10 caractères au moins."/>
            <button type="submit" class="btn">"Changer le mot de passe"</button>
        </form>
        <h2>"Notifications par e-mail"</h2>
        <form method="post" action="/compte" class="form">
            <input type="hidden" name="form" value="emails"/>
            <FormMessage form="emails" echo=echo.clone()/>
            <label class="choice">
                <input type="checkbox" name="email_notifications" checked=me.email_notifications/>
                "Recevoir aussi les notifications par e-mail (réponses, messages, décisions)"
            </label>
            <button type="submit" class="btn btn-secondary">"Enregistrer ce choix"</button>
        </form>
        <h2>"Se déconnecter"</h2>
        <form method="post" action="/deconnexion">
            <button type="submit" class="btn btn-secondary">"Se déconnecter"</button>
        </form>
        <h2>"Mes données"</h2>
        <p>
            "Téléchargez tout ce qu'Entraide garde sur vous : votre compte, vos annonces (avec le lieu exact), "
            "vos conversations, vos signalements, vos notifications, et qui a vu vos coordonnées."
        </p>
        <p><a class="btn btn-secondary" href="/compte/mes-donnees.json" download="mes-donnees-entraide.json" rel="external">
            "Télécharger mes données (fichier JSON)"
        </a></p>
        <h2 id="supprimer">"Supprimer mon compte"</h2>
        // The fragment brings the person back to this form when it shows a mistake.
        <form method="post" action="/compte/supprimer#supprimer" class="form danger-zone" novalidate>
            <FormMessage form="delete" echo=echo.clone()/>
            <p>
                "Votre nom, votre adresse e-mail, vos numéros de téléphone, vos notes privées et le lieu exact "
                "de vos annonces sont effacés. Vos annonces sont retirées. Les messages déjà envoyés restent "
                "lisibles par les personnes à qui vous avez écrit, signés « Utilisateur supprimé ». "
                "Cela ne peut pas être annulé."
            </p>
            <TextField form="delete" name="password" label="Votre mot de passe, pour confirmer" kind="password"
                echo=echo.clone() autocomplete="current-password"/>
            <button type="submit" class="btn btn-danger">"Supprimer définitivement mon compte"</button>
        </form>
    }
}

/// `/compte-supprime`: where a person lands after erasing their account.
#[component]
pub fn AccountDeletedPage() -> impl IntoView {
    view! {
        <Title text="Compte supprimé — Entraide Haut-Rhin"/>
        <div class="page narrow">
            <h1>"Votre compte est supprimé"</h1>
            <p>"Vos données personnelles ont été effacées. Merci d'avoir participé à l'entraide de votre quartier."</p>
            <p><a class="btn" href="/">"Revenir à l'accueil"</a></p>
        </div>
    }
}
