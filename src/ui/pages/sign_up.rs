//! `/inscription`: create an account. A plain form post (see `server/forms.rs`).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::forms::{read_form_echo, FormEcho};
use crate::domain::user::{DisplayName, Email, Password};
use crate::domain::PosterKind;
use crate::ui::components::form_field::{FormMessage, TextField};

/// The sign-up page.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let echo = Resource::new(|| (), |_| read_form_echo());
    view! {
        <Title text="Créer un compte — Entraide Haut-Rhin"/>
        <div class="page narrow">
            <h1>"Créer un compte"</h1>
            <p>"Un compte vous permet de publier une demande ou une offre d'aide. Il est gratuit."</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    view! { <SignUpForm echo=echo/> }
                })}
            </Suspense>
            <p>"Vous avez déjà un compte ? " <a href="/connexion">"Se connecter"</a></p>
        </div>
    }
}

#[component]
fn SignUpForm(echo: FormEcho) -> impl IntoView {
    const F: &str = "sign_up";
    // The same checks as the server's, run as soon as a field is left.
    let name_check = Callback::new(|v: String| DisplayName::parse(&v).err());
    let email_check = Callback::new(|v: String| Email::parse(&v).err());
    let password_check = Callback::new(|v: String| Password::parse_new(&v, &[]).err());
    let chosen = echo.value(F, "poster_kind");
    let kind_error = echo.error(F, "poster_kind");
    let kind_invalid = kind_error.is_some();
    view! {
        <form method="post" action="/inscription" class="form" novalidate>
            <FormMessage form=F echo=echo.clone()/>
            <TextField form=F name="display_name" label="Votre nom (ce que les autres verront)" echo=echo.clone()
                autocomplete="nickname" hint="Votre prénom suffit." check=name_check/>
            <TextField form=F name="email" label="Adresse e-mail" kind="email" echo=echo.clone() autocomplete="email"
                check=email_check/>
            <fieldset class="field" class:field-invalid=kind_invalid>
                <legend>"Vous êtes"</legend>
                {kind_error.map(|e| view! { <p class="field-error" id="sign_up-poster_kind-error">{e}</p> })}
                {PosterKind::ALL
                    .into_iter()
                    .map(|k| {
                        let checked = chosen == k.slug() || (chosen.is_empty() && k == PosterKind::Individual);
                        view! {
                            <label class="choice">
                                <input type="radio" name="poster_kind" value=k.slug() checked=checked/>
                                {k.label_fr()}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <TextField form=F name="organisation" label="Nom de l'organisation" echo=echo.clone()
                autocomplete="organization" required=false
                hint="Seulement si vous représentez une entreprise, une association ou une structure."/>
            <TextField form=F name="password" label="Mot de passe" kind="password" echo=echo.clone()
                autocomplete="new-password" check=password_check
                hint="10 caractères au moins. Une phrase facile à retenir convient très bien, par exemple « le chat dort sur le toit »."/>
            <button type="submit" class="btn">"Créer mon compte"</button>
        </form>
    }
}
