//! `/alertes`: « Mes alertes » — be told about new posts near a place. Each alert: a commune or
//! postcode (or, with JavaScript, my position, kept only roughly), a radius, categories, kind;
//! then how I am told (e-mail at once, a daily digest at my hour, or in the app only).
//! `/alertes/desabonner/:token`: the e-mails' unsubscribe link, without logging in.
//! Plain form posts (`server/forms/alerts.rs`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::alerts::{alert_unsubscribe_state, get_my_alerts};
use crate::api::posts::list_communes;
use crate::domain::alert::{EmailMode, DEFAULT_RADIUS_KM, RADII_KM};
use crate::domain::commune::CommuneRef;
use crate::domain::{Category, PostKind};
use crate::i18n::{label, n, t, t_args};
use crate::ui::components::error_box::ErrorBox;
use crate::ui::components::form_field::FormMessage;
use crate::ui::components::post_form::PostForm;
use crate::ui::components::restricted::Restricted;
use crate::ui::writes::{echo_resource, written};
use crate::wire::alerts::{AlertView, MyAlerts};
use crate::wire::forms::FormEcho;

const F: &str = "alert";
const S: &str = "alert_settings";

/// The page.
#[component]
pub fn AlertsPage() -> impl IntoView {
    // Read again after each change made without a reload.
    let mine = Resource::new(written, |_| get_my_alerts());
    let communes = Resource::new(|| (), |_| list_communes());
    let echo = echo_resource();
    let query = use_query_map();
    view! {
        <Title text=t("alerts-title")/>
        <div class="page narrow">
            <h1>{t("alerts-heading")}</h1>
            <p class="lead">{t("alerts-intro")}</p>
            {move || query.read().get("fait")
                .filter(|d| ["enregistree", "supprimee", "reglages", "reprises"].contains(&d.as_str()))
                .map(|d| view! { <div class="notice" role="status"><p>{t(&format!("alerts-done-{d}"))}</p></div> })}
            <Transition fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    let communes = communes.await.unwrap_or_default();
                    match mine.await {
                        Ok(m) => view! { <Manage mine=m communes=communes echo=echo/> }.into_any(),
                        Err(e) => view! { <Restricted error=e next="/alertes"/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Manage(mine: MyAlerts, communes: Vec<CommuneRef>, echo: FormEcho) -> impl IntoView {
    let full = mine.alerts.len() >= mine.max;
    let has_alerts = !mine.alerts.is_empty();
    view! {
        {mine.paused.then(|| view! {
            <section class="notice notice-warning" aria-labelledby="alertes-pause">
                <h2 id="alertes-pause">{t("alerts-paused-heading")}</h2>
                <p>{t("alerts-paused-text")}</p>
                <PostForm action="/alertes">
                    <input type="hidden" name="action" value="resume"/>
                    <button type="submit" class="btn">{t("alerts-resume")}</button>
                </PostForm>
            </section>
        })}
        <section aria-labelledby="alertes-liste">
            <h2 id="alertes-liste">{t_args("alerts-list-heading", &[("count", n(mine.alerts.len() as f64))])}</h2>
            {(!has_alerts).then(|| view! { <p class="empty">{t("alerts-none")}</p> })}
            <ul class="alert-list">
                {mine.alerts.into_iter().map(|a| view! { <AlertItem alert=a/> }).collect_view()}
            </ul>
        </section>
        {if full {
            view! { <p class="notice">{t_args("alerts-full", &[("max", n(mine.max as f64))])}</p> }.into_any()
        } else {
            view! { <NewAlertForm communes=communes echo=echo.clone()/> }.into_any()
        }}
        {has_alerts.then(|| view! {
            <SettingsForm mine_settings=mine.settings echo=echo.clone()/>
            <PushToggle push_key=mine.push_key.clone() devices=mine.push_devices/>
        })}
    }
}

/// One alert and its "Supprimer" button.
#[component]
fn AlertItem(alert: AlertView) -> impl IntoView {
    let place = if alert.around_position {
        t_args("alerts-around-position", &[("commune", crate::i18n::s(alert.place.clone()))])
    } else {
        alert.place.clone()
    };
    let what = if alert.categories.is_empty() {
        t("alerts-all-categories")
    } else {
        alert.categories.iter().map(|c| label("category", c.slug())).collect::<Vec<_>>().join(", ")
    };
    let kind = match alert.kind {
        None => t("alerts-kind-all"),
        Some(PostKind::Request) => t("filters-requests"),
        Some(PostKind::Offer) => t("filters-offers"),
    };
    let heading = t_args("alerts-item", &[("place", crate::i18n::s(place)), ("radius", n(alert.radius_km as f64))]);
    view! {
        <li class="alert-item">
            <p class="alert-where">{heading}</p>
            <p class="post-meta">{kind}" · "{what}</p>
            <PostForm action="/alertes">
                <input type="hidden" name="action" value="delete"/>
                <input type="hidden" name="id" value=alert.id.to_string()/>
                <button type="submit" class="btn btn-small btn-secondary">{t("alerts-delete")}</button>
            </PostForm>
        </li>
    }
}

/// The form of a new alert.
#[component]
fn NewAlertForm(communes: Vec<CommuneRef>, echo: FormEcho) -> impl IntoView {
    let mine = echo.form == F;
    let value = |k: &str| if mine { echo.value(F, k) } else { String::new() };
    let (place, radius, kind) = (value("place"), value("radius"), value("kind"));
    let radius = if radius.is_empty() { DEFAULT_RADIUS_KM.to_string() } else { radius };
    let ticked: Vec<String> = value("categories").split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect();
    let err = |k: &str| echo.error(F, k);
    let (place_err, radius_err, cats_err, kind_err) = (err("place"), err("radius"), err("categories"), err("kind"));
    let place_bad = place_err.is_some();
    let (radius_bad, cats_bad, kind_bad) = (radius_err.is_some(), cats_err.is_some(), kind_err.is_some());
    view! {
        <section aria-labelledby="alertes-nouvelle">
            <h2 id="alertes-nouvelle">{t("alerts-new-heading")}</h2>
            <PostForm action="/alertes" class="form" novalidate=true>
                <FormMessage form=F echo=echo.clone()/>
                <div class="field" class:field-invalid=place_bad>
                    <label for="alert-place">{t("alerts-place")}</label>
                    <p class="hint" id="alert-place-hint">{t("alerts-place-hint")}</p>
                    {place_err.map(|e| view! { <p class="field-error" id="alert-place-error">{e}</p> })}
                    <input id="alert-place" name="place" type="text" list="communes-alert" value=place
                        autocomplete="address-level2" required=true aria-invalid=place_bad.then_some("true")
                        aria-describedby=if place_bad { "alert-place-hint alert-place-error" } else { "alert-place-hint" }/>
                    <datalist id="communes-alert">
                        {communes.into_iter().map(|c| view! { <option value=c.label()></option> }).collect_view()}
                    </datalist>
                    <UsePosition/>
                </div>
                <div class="field" class:field-invalid=radius_bad>
                    <label for="alert-radius">{t("alerts-radius")}</label>
                    {radius_err.map(|e| view! { <p class="field-error">{e}</p> })}
                    <select id="alert-radius" name="radius">
                        {RADII_KM
                            .into_iter()
                            .map(|r| view! {
                                <option value=r.to_string() selected=radius == r.to_string()>
                                    {t_args("alerts-radius-km", &[("km", n(r as f64))])}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <fieldset class="field" class:field-invalid=kind_bad>
                    <legend>{t("alerts-kind")}</legend>
                    {kind_err.map(|e| view! { <p class="field-error">{e}</p> })}
                    {[("all", t("alerts-kind-all")), ("request", t("filters-requests")),
                      ("offer", t("filters-offers"))]
                        .into_iter()
                        .map(|(v, text)| {
                            let on = if kind.is_empty() { v == "all" } else { kind == v };
                            view! {
                                <label class="choice">
                                    <input type="radio" name="kind" value=v checked=on/>
                                    {text}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <fieldset class="field" class:field-invalid=cats_bad>
                    <legend>{t("alerts-categories")}</legend>
                    <p class="hint">{t("alerts-categories-hint")}</p>
                    {cats_err.map(|e| view! { <p class="field-error">{e}</p> })}
                    <div class="choices-grid">
                        {Category::ALL
                            .into_iter()
                            .map(|c| view! {
                                <label class="choice">
                                    <input type="checkbox" name=format!("cat-{}", c.slug()) value="on"
                                        checked=ticked.iter().any(|s| s == c.slug())/>
                                    <span class="chip-icon" aria-hidden="true" style=format!("background:{}", c.colour())>{c.icon()}</span>
                                    {label("category", c.slug())}
                                </label>
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <button type="submit" class="btn">{t("alerts-save")}</button>
            </PostForm>
        </section>
    }
}

/// "Utiliser ma position", with JavaScript: fills hidden `lat`/`lon` fields from the browser's
/// position (the server keeps it only as precisely as a post's public point).
#[component]
fn UsePosition() -> impl IntoView {
    let (lat, set_lat) = signal(String::new());
    let (lon, set_lon) = signal(String::new());
    let (said, set_said) = signal(None::<String>);
    let (shown, set_shown) = signal(false);
    // Only once hydrated: without JavaScript the button would do nothing.
    Effect::new(move |_| set_shown.set(true));
    let locate = move |_| {
        set_said.set(Some(t("alerts-position-asking")));
        crate::ui::geolocate::current_position(move |r| match r {
            Ok((la, lo)) => {
                set_lat.set(format!("{la:.5}"));
                set_lon.set(format!("{lo:.5}"));
                set_said.set(Some(t("alerts-position-found")));
            }
            Err(m) => set_said.set(Some(m)),
        });
    };
    view! {
        <input type="hidden" name="lat" prop:value=lat/>
        <input type="hidden" name="lon" prop:value=lon/>
        <Show when=move || shown.get()>
            <p class="use-position">
                <button type="button" class="btn btn-small btn-secondary" on:click=locate>{t("map-use-my-position")}</button>
                <span role="status">{move || said.get()}</span>
            </p>
        </Show>
    }
}

/// How I am told.
#[component]
fn SettingsForm(mine_settings: crate::domain::alert::AlertSettings, echo: FormEcho) -> impl IntoView {
    let posted = echo.form == S;
    let email = if posted { echo.value(S, "email") } else { mine_settings.email.slug().to_owned() };
    let hour = if posted { echo.value(S, "hour") } else { mine_settings.digest_hour.to_string() };
    let hour_err = echo.error(S, "hour");
    let hour_bad = hour_err.is_some();
    view! {
        <section aria-labelledby="alertes-reglages">
            <h2 id="alertes-reglages">{t("alerts-settings-heading")}</h2>
            <PostForm action="/alertes" class="form" novalidate=true keep_fields=true>
                <input type="hidden" name="action" value="settings"/>
                <FormMessage form=S echo=echo.clone()/>
                <fieldset class="field">
                    <legend>{t("alerts-email")}</legend>
                    {EmailMode::ALL
                        .into_iter()
                        .map(|m| view! {
                            <label class="choice">
                                <input type="radio" name="email" value=m.slug() checked=email == m.slug()/>
                                {t(&format!("alerts-email-{}", m.slug()))}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
                <div class="field" class:field-invalid=hour_bad>
                    <label for="alert-hour">{t("alerts-hour")}</label>
                    {hour_err.map(|e| view! { <p class="field-error">{e}</p> })}
                    <select id="alert-hour" name="hour">
                        {(0u8..24)
                            .map(|h| view! {
                                <option value=h.to_string() selected=hour == h.to_string()>{format!("{h:02}:00")}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" class="btn btn-secondary">{t("alerts-settings-save")}</button>
            </PostForm>
        </section>
    }
}

/// The unsubscribe link's page: one button, no log-in.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let params = use_params_map();
    let token = params.read_untracked().get("token").unwrap_or_default();
    let done = use_query_map().read_untracked().get("fait").is_some();
    let state = Resource::new(
        {
            let token = token.clone();
            move || token.clone()
        },
        alert_unsubscribe_state,
    );
    view! {
        <Title text=t("unsubscribe-title")/>
        <div class="page narrow">
            <h1>{t("unsubscribe-heading")}</h1>
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match state.await {
                            Ok(s) if s.email_on => view! {
                                <p>{t("unsubscribe-text")}</p>
                                <form method="post" action=format!("/alertes/desabonner/{token}")>
                                    <button type="submit" class="btn">{t("unsubscribe-button")}</button>
                                </form>
                                <p><a href="/alertes">{t("unsubscribe-settings")}</a></p>
                            }.into_any(),
                            Ok(_) => view! {
                                <div class="notice" role="status">
                                    <p>{if done { t("alert-unsubscribed") } else { t("unsubscribe-already") }}</p>
                                </div>
                                <p><a href="/alertes">{t("unsubscribe-settings")}</a></p>
                            }.into_any(),
                            Err(e) => view! { <ErrorBox error=e/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// "Sur ce téléphone": turning Web Push on and off for this browser, shown only once hydrated
/// where push is available and the server sends pushes.
#[component]
fn PushToggle(push_key: Option<String>, devices: u32) -> impl IntoView {
    let (shown, set_shown) = signal(false);
    let (on_here, set_on_here) = signal(false);
    let (said, set_said) = signal(None::<String>);
    let (devices, set_devices) = signal(devices);
    let key = StoredValue::new(push_key.clone());
    Effect::new(move |_| {
        if key.get_value().is_some() && crate::ui::push::supported() {
            set_shown.set(true);
            leptos::task::spawn_local(async move {
                set_on_here.set(crate::ui::push::subscribed().await);
            });
        }
    });
    let turn_on = move |_| {
        let Some(key) = key.get_value() else { return };
        set_said.set(Some(t("push-asking")));
        leptos::task::spawn_local(async move {
            use crate::ui::push::{subscribe, PushError};
            let result = match subscribe(&key).await {
                Ok((endpoint, p256dh, auth)) => {
                    crate::api::alerts::subscribe_push(endpoint, p256dh, auth).await.map_err(|_| PushError::Failed)
                }
                Err(e) => Err(e),
            };
            match result {
                Ok(()) => {
                    set_on_here.set(true);
                    set_devices.update(|d| *d += 1);
                    set_said.set(Some(t("push-done-on")));
                }
                Err(PushError::Denied) => set_said.set(Some(t("push-denied"))),
                Err(PushError::Failed) => set_said.set(Some(t("push-failed"))),
            }
        });
    };
    let turn_off = move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(Some(endpoint)) = crate::ui::push::unsubscribe().await {
                let _ = crate::api::alerts::unsubscribe_push(endpoint).await;
                set_devices.update(|d| *d = d.saturating_sub(1));
            }
            set_on_here.set(false);
            set_said.set(Some(t("push-done-off")));
        });
    };
    view! {
        <Show when=move || shown.get()>
            <section aria-labelledby="alertes-push" class="push-toggle">
                <h2 id="alertes-push">{t("push-heading")}</h2>
                <p>{t("push-text")}</p>
                <p class="post-meta">{move || t_args("push-devices", &[("count", n(devices.get() as f64))])}</p>
                <p>
                    {move || if on_here.get() {
                        view! { <button type="button" class="btn btn-secondary" on:click=turn_off>{t("push-off")}</button> }.into_any()
                    } else {
                        view! { <button type="button" class="btn" on:click=turn_on>{t("push-on")}</button> }.into_any()
                    }}
                </p>
                <p role="status">{move || said.get()}</p>
            </section>
        </Show>
    }
}
