//! "Est-ce une urgence ?": shown before a post is sent when its text shows signs of an
//! emergency or of distress (`domain::triage`). The numbers to call, each one tap away, the
//! town hall, then the way to go on: Entraide's volunteers cannot come at once.

use leptos::prelude::*;

use crate::domain::triage::{self, Number, Sign};
use crate::i18n::{label, s, t, t_args};

/// The field a form sends once the person has seen the numbers and goes on.
pub const SEEN: &str = "urgence_vue";
/// The echo's value listing the signs found (`triage::to_stored`).
pub const SIGNS: &str = "urgence";
/// The echo's values of what the territory of the place adds (may be empty): its name, its
/// own emergency numbers or services, its team's phone.
pub const LOCAL_NAME: &str = "urgence_territoire";
pub const LOCAL_TEXT: &str = "urgence_locale";
pub const LOCAL_PHONE: &str = "urgence_equipe";

/// What the territory of the place adds to the national numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocalHelp {
    pub territory: String,
    pub emergency: String,
    pub phone: String,
}

impl LocalHelp {
    /// From the echo of form `form`.
    pub fn of_echo(echo: &crate::wire::forms::FormEcho, form: &str) -> LocalHelp {
        LocalHelp {
            territory: echo.value(form, LOCAL_NAME),
            emergency: echo.value(form, LOCAL_TEXT),
            phone: echo.value(form, LOCAL_PHONE),
        }
    }
}

/// The panel for `signs` (as stored), inside the form: going on sends it again with `SEEN`.
/// `commune` is what the person wrote as their commune, if anything.
#[component]
pub fn EmergencyPanel(
    signs: String,
    commune: String,
    #[prop(into)] go_on: String,
    #[prop(optional)] local: LocalHelp,
) -> impl IntoView {
    let signs: Vec<Sign> = triage::from_stored(&signs);
    let numbers = triage::numbers_for(&signs);
    let why = signs.iter().map(|s| label("sign", s.slug())).collect::<Vec<_>>().join(", ");
    // "Colmar (68000)" → "Colmar".
    let commune = commune.split(" (").next().unwrap_or_default().trim().to_owned();
    let town_hall = if commune.is_empty() {
        t("urgent-town-hall-any")
    } else {
        t_args("urgent-town-hall", &[("commune", s(commune))])
    };
    view! {
        <section class="emergency" role="alert" aria-labelledby="emergency-heading">
            <h2 id="emergency-heading">{t("urgent-heading")}</h2>
            <p>{t("urgent-intro")}</p>
            <p class="hint">{t_args("urgent-why", &[("signs", s(why))])}</p>
            <ul class="emergency-numbers">
                {numbers.into_iter().map(|n| view! { <NumberLink number=n/> }).collect_view()}
                {(!local.emergency.is_empty()).then(|| view! {
                    <li class="emergency-local">
                        {t_args("urgent-local", &[("territory", s(local.territory.clone())), ("services", s(local.emergency.clone()))])}
                    </li>
                })}
                {(!local.phone.is_empty()).then(|| {
                    let digits: String = local.phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
                    view! {
                        <li>
                            <a class="emergency-number emergency-team" href=format!("tel:{digits}")>
                                <span class="emergency-digits">{local.phone.clone()}</span>" "
                                <span>{t_args("urgent-team", &[("territory", s(local.territory.clone()))])}</span>
                            </a>
                        </li>
                    }
                })}
                <li>
                    <a class="emergency-town-hall" href="https://lannuaire.service-public.gouv.fr/" rel="noopener">
                        {town_hall}
                    </a>
                </li>
            </ul>
            <p>{t("urgent-go-on")}</p>
            <input type="hidden" name=SEEN value="1"/>
            <button type="submit" class="btn btn-secondary">{go_on}</button>
        </section>
    }
}

/// One number, called (or texted) with one tap.
#[component]
fn NumberLink(number: Number) -> impl IntoView {
    view! {
        <li>
            <a class="emergency-number" href=number.href()>
                <span class="emergency-digits">{number.digits()}</span>" "
                <span>{t(&format!("urgent-number-{}", number.digits()))}</span>
            </a>
        </li>
    }
}
