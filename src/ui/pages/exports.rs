//! `/pilotage/exports`: staff download the posts of a period — CSV for a spreadsheet, GeoJSON
//! for a map, and for admins the full CSV with the phone-intake records. A plain form posted to
//! this page's address (`server/forms/exports.rs`), so that it works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::forms::read_form_echo;
use crate::api::posts::list_communes;
use crate::domain::export::ExportFormat;
use crate::domain::user::Role;
use crate::domain::Category;
use crate::error::AppError;
use crate::i18n::{label, t};
use crate::ui::components::form_field::{FormMessage, SelectField, TextField};
use crate::ui::components::restricted::Restricted;
use crate::ui::state::use_current_user;
use crate::wire::forms::FormEcho;

/// The form's name in `FormEcho`.
const F: &str = "export";

/// The exports page.
#[component]
pub fn ExportsPage() -> impl IntoView {
    let echo = Resource::new(|| (), |_| read_form_echo());
    let communes = Resource::new(|| (), |_| list_communes());
    let user = use_current_user();
    view! {
        <Title text=t("exports-title")/>
        <div class="page narrow">
            <h1>{t("exports-heading")}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    let communes = communes.await.unwrap_or_default();
                    let me = match user {
                        Some(u) => u.await.ok().flatten(),
                        None => None,
                    };
                    match me {
                        Some(me) if me.role.is_staff() => {
                            view! { <ExportForm echo=echo communes=communes admin=me.role == Role::Admin/> }.into_any()
                        }
                        Some(_) => view! { <Restricted error=AppError::Forbidden next="/pilotage/exports"/> }.into_any(),
                        None => view! { <Restricted error=AppError::Unauthenticated next="/pilotage/exports"/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn ExportForm(echo: FormEcho, communes: Vec<crate::domain::commune::CommuneRef>, admin: bool) -> impl IntoView {
    let categories: Vec<(&'static str, String)> =
        Category::ALL.iter().map(|c| (c.slug(), label("category", c.slug()))).collect();
    let chosen = echo.value(F, "format");
    let formats: Vec<ExportFormat> =
        ExportFormat::ALL.into_iter().filter(|f| admin || *f != ExportFormat::Full).collect();
    let format_error = echo.error(F, "format");
    let format_bad = format_error.is_some();
    view! {
        <p class="notice-plain">{t("exports-intro")}</p>
        <form method="post" action="/pilotage/exports" class="form" novalidate>
            <FormMessage form=F echo=echo.clone()/>
            <TextField form=F name="from" label=t("exports-from") echo=echo.clone() kind="date" required=false
                hint=t("exports-from-hint")/>
            <TextField form=F name="to" label=t("exports-to") echo=echo.clone() kind="date" required=false
                hint=t("exports-to-hint")/>
            <TextField form=F name="commune" label=t("exports-commune") echo=echo.clone() required=false
                hint=t("exports-commune-hint") autocomplete="off" list="communes-export"/>
            <datalist id="communes-export">
                {communes.into_iter().map(|c| view! { <option value=c.label()></option> }).collect_view()}
            </datalist>
            <SelectField form=F name="category" label=t("exports-category") echo=echo.clone() options=categories
                placeholder=t("exports-category-all")/>
            <fieldset class="field" class:field-invalid=format_bad>
                <legend>{t("exports-format")}</legend>
                {format_error.map(|e| view! { <p class="field-error">{e}</p> })}
                {formats.into_iter().map(|f| {
                    let checked = if chosen.is_empty() { f == ExportFormat::Csv } else { chosen == f.slug() };
                    view! {
                        <label class="choice">
                            <input type="radio" name="format" value=f.slug() checked=checked/>
                            {t(&format!("exports-format-{}", f.slug()))}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <button type="submit" class="btn">{t("exports-download")}</button>
        </form>
        <p class="hint">{t("exports-open-data")}" "<a href="/api/v1/posts.csv">"posts.csv"</a>" · "<a href="/api/v1/posts.geojson">"posts.geojson"</a></p>
    }
}
