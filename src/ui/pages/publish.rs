//! `/publier`: "Publier une annonce" — a request or an offer, pending validation by staff.
//! A plain form post (see `server/forms.rs`): it works without JavaScript, with the list of
//! communes as the way to say where.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::posts::list_communes;
use crate::domain::commune::CommuneRef;
use crate::domain::post::{Description, Title, DEFAULT_LIFETIME_DAYS, DESCRIPTION_MAX, TITLE_MAX};
use crate::domain::{Category, LatLng, PostKind};
use crate::i18n::{label, n, s as text, t, t_args};
use crate::ui::components::draft::{self, Draft};
use crate::ui::components::form_field::{FormMessage, TextArea, TextField};
use crate::ui::components::http_status::set_http_status;
use crate::ui::components::post_form::PostForm;
use crate::ui::components::schedule_field::ScheduleField;
use crate::ui::map::LocationPicker;
use crate::ui::pages::publish_steps::StepByStep;
use crate::ui::state::use_current_user;
use crate::ui::writes::echo_resource;
use crate::wire::forms::FormEcho;

/// The form's name in `FormEcho` (the same for a new and an edited post).
pub const F: &str = "publish";

/// The publishing page; asks to log in first when nobody is.
#[component]
pub fn PublishPage() -> impl IntoView {
    let echo = echo_resource();
    let communes = Resource::new(|| (), |_| list_communes());
    let buildings = Resource::new(|| (), |_| crate::api::buildings::my_buildings());
    let user = use_current_user();
    let chosen_building = leptos_router::hooks::use_query_map().read_untracked().get("immeuble").unwrap_or_default();
    view! {
        <Title text=t("publish-title")/>
        <div class="page narrow">
            <h1>{t("publish-heading")}</h1>
            // A refusal read without a reload keeps the form on screen while its echo comes.
            <Transition fallback=|| ()>
                {move || {
                    let chosen_building = chosen_building.clone();
                    Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    let communes = communes.await.unwrap_or_default();
                    let me = match user {
                        Some(u) => u.await.ok().flatten(),
                        None => None,
                    };
                    match me {
                        // Easy-read mode: one question per screen.
                        Some(me) if crate::i18n::easy() => view! {
                            {unverified(&me)}
                            <StepByStep echo=echo communes=communes/>
                        }
                            .into_any(),
                        Some(me) => {
                            let buildings = buildings.await.unwrap_or_default();
                            let audience = Audience { buildings, chosen: chosen_building };
                            view! {
                                {unverified(&me)}
                                <PostEditor echo=echo communes=communes action="/publier".into() submit=t("steps-publish") new=true owner=me.id
                                    audience=audience/>
                            }
                                .into_any()
                        }
                        None => {
                            set_http_status(401);
                            view! {
                                <p>{t("publish-log-in")}</p>
                                <p class="actions">
                                    <a class="btn" href="/connexion?next=/publier">{t("nav-log-in")}</a>
                                    <a class="btn btn-secondary" href="/inscription">{t("sign-up-heading")}</a>
                                </p>
                            }
                                .into_any()
                        }
                    }
                })}}
            </Transition>
        </div>
    }
}

/// Until the address is proved, a post can be written but not sent: the page says why and how.
fn unverified(me: &crate::domain::user::CurrentUser) -> impl IntoView {
    (!me.email_verified).then(|| {
        view! {
            <div class="notice notice-warning" role="status">
                <p>{t("verify-first")}</p>
                <p><a href="/compte">{t("verify-where")}</a></p>
            </div>
        }
    })
}

/// The form of a post: new (`/publier`) or edited (`/mes-annonces/:id/modifier`).
#[component]
pub fn PostEditor(
    echo: FormEcho,
    communes: Vec<CommuneRef>,
    action: String,
    #[prop(into)] submit: String,
    /// A new post chooses its duration; an edited one keeps it (extend it from the list).
    new: bool,
    /// The account writing a new post: its draft is kept on the device under its id.
    #[prop(optional)]
    owner: i64,
    /// Staff filing it for a person who called (phone intake): the person's fields come first,
    /// and nothing is kept on the device (it would hold the person's name and phone).
    #[prop(optional)]
    intake: bool,
    /// A new post by a member of buildings' groups: everyone, or one building only.
    #[prop(optional)]
    audience: Audience,
) -> impl IntoView {
    let keep_draft = new && !intake;
    let kind = echo.value(F, "kind");
    let category = echo.value(F, "category");
    let commune = echo.value(F, "commune");
    let days = Some(echo.value(F, "lifetime_days"))
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| DEFAULT_LIFETIME_DAYS.to_string());
    let error = |f: &str| echo.error(F, f);
    // A pin on the map (JavaScript only) fills these; it takes precedence over the commune.
    let (lat, set_lat) = signal(echo.value(F, "lat"));
    let (lon, set_lon) = signal(echo.value(F, "lon"));
    let initial = Signal::derive(move || match (lat.get().parse::<f64>(), lon.get().parse::<f64>()) {
        (Ok(lat), Ok(lon)) => LatLng::parse(lat, lon).ok(),
        _ => None,
    });
    let title_check = Callback::new(|v: String| Title::parse(&v).err());
    let description_check = Callback::new(|v: String| Description::parse(&v).err());

    // A new post is kept on the device as it is typed (see `components/draft.rs`); a page
    // showing the server's errors holds newer values than the draft, so it is not refilled.
    let form = NodeRef::<leptos::html::Form>::new();
    let (kept, set_kept) = signal(Kept::Nothing);
    let save = move || {
        if !keep_draft {
            return;
        }
        if let Some(form) = form.get_untracked() {
            let mut d = Draft::read(&form);
            d.fields.retain(|(n, _)| n != "lat" && n != "lon");
            d.fields.push(("lat".into(), lat.get_untracked()));
            d.fields.push(("lon".into(), lon.get_untracked()));
            d.save(owner);
        }
    };
    let refill = keep_draft && echo.form != F;
    Effect::new(move |_| {
        let Some(el) = form.get() else { return };
        if !keep_draft {
            return;
        }
        if refill {
            if let Some(d) = Draft::load(owner) {
                d.fill(&el, &["lat", "lon"]);
                if let (Some(a), Some(b)) = (d.get("lat"), d.get("lon")) {
                    set_lat.set(a.to_owned());
                    set_lon.set(b.to_owned());
                }
                set_kept.set(Kept::Found);
            }
        }
        // Sent without a network: it leaves by itself when the network is back.
        let back_online = window_event_listener(leptos::ev::online, move |_| {
            if kept.get_untracked() != Kept::Waiting {
                return;
            }
            leptos::task::spawn_local(async move {
                if draft::reachable().await && kept.get_untracked() == Kept::Waiting {
                    if let Some(el) = form.get_untracked() {
                        let _ = el.request_submit();
                    }
                }
            });
        });
        on_cleanup(move || back_online.remove());
    });
    // Sent without a network: kept back, and said so (it leaves when the network is back).
    let hold = Callback::new(move |()| {
        let offline = keep_draft && !draft::online();
        if offline {
            save();
            set_kept.set(Kept::Waiting);
        }
        offline
    });
    let forget = move |_| {
        draft::forget();
        if let Some(w) = web_sys::window() {
            let _ = w.location().assign("/publier");
        }
    };
    let on_pick = Callback::new(move |p: LatLng| {
        set_lat.set(format!("{:.6}", p.lat));
        set_lon.set(format!("{:.6}", p.lon));
        save();
    });
    // Signs of an emergency in what was sent: the numbers first, then the way to go on.
    let urgent = echo.value(F, crate::ui::components::emergency::SIGNS);
    let emergency = (!urgent.is_empty()).then(|| {
        use crate::ui::components::emergency::EmergencyPanel;
        let local = crate::ui::components::emergency::LocalHelp::of_echo(&echo, F);
        view! { <EmergencyPanel signs=urgent.clone() commune=commune.clone() go_on=t("urgent-continue") local=local/> }
    });
    let (kind_err, cat_err, loc_err, days_err) =
        (error("kind"), error("category"), error("location"), error("lifetime_days"));
    let audience_bad = error("audience").is_some();
    let (kind_bad, cat_bad, loc_bad, days_bad) =
        (kind_err.is_some(), cat_err.is_some(), loc_err.is_some(), days_err.is_some());
    view! {
        <p class="notice-plain">
            {if intake { t("intake-intro") } else { t("publish-intro") }}
        </p>
        // What is typed is kept as it is typed (input and change come up from the fields).
        <div on:input=move |_| save() on:change=move |_| save()>
        <PostForm action=action class="form" novalidate=true node_ref=form hold=hold>
            <div class="draft-status" role="status">
                {move || match kept.get() {
                    Kept::Nothing => None,
                    Kept::Found => Some(view! {
                        <div class="notice">
                            <p>{t("draft-found")}</p>
                            <button type="button" class="btn btn-small btn-secondary" on:click=forget>{t("draft-forget")}</button>
                        </div>
                    }.into_any()),
                    Kept::Waiting => Some(view! {
                        <div class="notice notice-warning">
                            <p>
                                <strong>{t("draft-waiting")}</strong>
                                " "{t("draft-waiting-more")}
                            </p>
                        </div>
                    }.into_any()),
                }}
            </div>
            <FormMessage form=F echo=echo.clone()/>
            {emergency}
            {intake.then(|| view! { <CallerFields echo=echo.clone()/> })}
            <fieldset class="field" class:field-invalid=kind_bad>
                <legend>{if intake { t("intake-kind") } else { t("publish-you") }}</legend>
                {kind_err.map(|e| view! { <p class="field-error">{e}</p> })}
                {[
                    (PostKind::Request, if intake { t("intake-kind-request") } else { t("publish-you-request") }),
                    (PostKind::Offer, if intake { t("intake-kind-offer") } else { t("publish-you-offer") }),
                ]
                    .into_iter()
                    .map(|(k, label)| view! {
                        <label class="choice">
                            <input type="radio" name="kind" value=k.slug() checked=kind == k.slug() required=true/>
                            {label}
                        </label>
                    })
                    .collect_view()}
            </fieldset>
            <fieldset class="field" class:field-invalid=cat_bad>
                <legend>{t("publish-category")}</legend>
                {cat_err.map(|e| view! { <p class="field-error">{e}</p> })}
                <div class="choices-grid">
                    {Category::ALL
                        .into_iter()
                        .map(|c| view! {
                            <label class="choice">
                                <input type="radio" name="category" value=c.slug() checked=category == c.slug() required=true/>
                                <span class="chip-icon" aria-hidden="true" style=format!("background:{}", c.colour())>{c.icon()}</span>
                                {label("category", c.slug())}
                            </label>
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <TextField form=F name="title" label=t("publish-field-title") echo=echo.clone() check=title_check
                hint=t("publish-field-title-hint")/>
            <TextArea form=F name="description" label=t("publish-field-description") echo=echo.clone() rows=6 check=description_check
                maxlength=DESCRIPTION_MAX as u32 hint=t("publish-field-description-hint")/>
            <div class="field" class:field-invalid=loc_bad>
                <label for="publish-commune">{t("publish-commune")}</label>
                <p class="hint" id="publish-commune-hint">
                    {t("publish-commune-hint")}
                </p>
                {loc_err.map(|e| view! { <p class="field-error" id="publish-commune-error">{e}</p> })}
                <input id="publish-commune" name="commune" type="text" list="communes-68" value=commune
                    autocomplete="address-level2" required=true aria-invalid=loc_bad.then_some("true")
                    aria-describedby=if loc_bad { "publish-commune-hint publish-commune-error" } else { "publish-commune-hint" }/>
                <datalist id="communes-68">
                    {communes.into_iter().map(|c| view! { <option value=c.label()></option> }).collect_view()}
                </datalist>
                <LocationPicker initial=initial on_pick=on_pick/>
            </div>
            <ScheduleField echo=echo.clone() form=F/>
            {(!intake).then(|| view! { <ForRelative echo=echo.clone()/> })}
            {(new && (!audience.buildings.is_empty() || audience_bad)).then(|| view! {
                <AudienceField echo=echo.clone() audience=audience.clone()/>
            })}
            {new.then(|| view! {
            <div class="field" class:field-invalid=days_bad>
                <label for="publish-lifetime_days">{t("publish-duration")}</label>
                {days_err.map(|e| view! { <p class="field-error">{e}</p> })}
                <select id="publish-lifetime_days" name="lifetime_days">
                    {[7u32, 14, 30, 60, 90]
                        .into_iter()
                        .map(|d| view! {
                            <option value=d.to_string() selected=days == d.to_string()>{t_args("publish-days", &[("n", n(d))])}</option>
                        })
                        .collect_view()}
                </select>
            </div>
            })}
            <TextArea form=F name="private_note" label=t("publish-note")
                echo=echo.clone() required=false rows=2 maxlength=500
                hint=t("publish-note-hint")/>
            <input type="hidden" name="lat" value=move || lat.get()/>
            <input type="hidden" name="lon" value=move || lon.get()/>
            <button type="submit" class="btn">{submit}</button>
            <p class="hint">{t_args("publish-limits", &[("title", n(TITLE_MAX as f64)), ("description", n(DESCRIPTION_MAX as f64))])}</p>
        </PostForm>
        </div>
    }
}

/// The person who called, for phone intake: name, phone, when to call, street (all private),
/// whether their phone may be given to the helper, and their consent to publishing.
#[component]
fn CallerFields(echo: FormEcho) -> impl IntoView {
    let share = echo.form == F && echo.value(F, "share_phone") == "on";
    let consent = echo.form == F && echo.value(F, "consent") == "on";
    let consent_err = echo.error(F, "consent");
    let consent_bad = consent_err.is_some();
    view! {
        <fieldset class="field-group">
            <legend>{t("intake-person")}</legend>
            <p class="hint">{t("intake-person-hint")}</p>
            <TextField form=F name="person_name" label=t("intake-person-name") echo=echo.clone() autocomplete="off"/>
            <TextField form=F name="person_phone" label=t("intake-person-phone") echo=echo.clone() kind="tel" autocomplete="off"/>
            <TextField form=F name="call_times" label=t("intake-call-times") echo=echo.clone() required=false
                hint=t("intake-call-times-hint") autocomplete="off"/>
            <TextField form=F name="street" label=t("intake-street") echo=echo.clone() required=false
                hint=t("intake-street-hint") autocomplete="off"/>
            <div class="field">
                <label class="choice">
                    <input type="checkbox" name="share_phone" checked=share/>
                    {t("intake-share-phone")}
                </label>
            </div>
            <div class="field" class:field-invalid=consent_bad>
                {consent_err.map(|e| view! { <p class="field-error" id="publish-consent-error">{e}</p> })}
                <label class="choice">
                    <input type="checkbox" name="consent" checked=consent required=true
                        aria-invalid=consent_bad.then_some("true")
                        aria-describedby=consent_bad.then_some("publish-consent-error")/>
                    {t("intake-consent")}
                </label>
            </div>
        </fieldset>
    }
}

/// The buildings a new post may be kept to, and the one the page was opened for
/// (`/publier?immeuble=ID`).
#[derive(Clone, Debug, Default)]
pub struct Audience {
    pub buildings: Vec<crate::wire::buildings::BuildingView>,
    pub chosen: String,
}

/// « Qui peut voir l'annonce ? »: everyone (the public map), or the members of one of my
/// buildings only.
#[component]
fn AudienceField(echo: FormEcho, audience: Audience) -> impl IntoView {
    let typed = echo.value(F, "audience");
    let chosen = if echo.form == F {
        typed
    } else {
        audience.chosen.parse::<i64>().map(|id| format!("building-{id}")).unwrap_or_default()
    };
    let error = echo.error(F, "audience");
    let bad = error.is_some();
    let public = chosen.is_empty() || chosen == "public";
    view! {
        <fieldset class="field audience" class:field-invalid=bad>
            <legend>{t("publish-audience")}</legend>
            {error.map(|e| view! { <p class="field-error" id="publish-audience-error">{e}</p> })}
            <label class="choice">
                <input type="radio" name="audience" value="public" checked=public/>
                {t("publish-audience-public")}
            </label>
            {audience.buildings.into_iter().map(|b| {
                let value = format!("building-{}", b.id);
                let checked = chosen == value;
                let name = t_args("building-label", &[("street", text(b.street.clone())), ("commune", text(b.commune.clone()))]);
                view! {
                    <label class="choice">
                        <input type="radio" name="audience" value=value checked=checked/>
                        {t_args("publish-audience-building", &[("building", text(name))])}
                    </label>
                }
            }).collect_view()}
            <p class="hint">{t("publish-audience-hint")}</p>
        </fieldset>
    }
}

/// « Je publie pour un proche »: the post is for someone close (a parent, a neighbour one helps),
/// who must have agreed; the answers come to the person publishing, and the place given is the
/// person's, private as any exact place.
#[component]
fn ForRelative(echo: FormEcho) -> impl IntoView {
    let ticked = |k: &str| echo.form == F && crate::domain::post::checked(&echo.value(F, k));
    let consent_err = echo.error(F, "relative_consent");
    let consent_bad = consent_err.is_some();
    view! {
        <fieldset class="field relative" class:field-invalid=consent_bad>
            <legend>{t("publish-relative")}</legend>
            <label class="choice">
                <input type="checkbox" name="for_relative" checked=ticked("for_relative")/>
                {t("publish-for-relative")}
            </label>
            <div class="relative-consent">
                <p class="hint" id="publish-relative-hint">{t("publish-for-relative-hint")}</p>
                {consent_err.map(|e| view! { <p class="field-error" id="publish-relative_consent-error">{e}</p> })}
                <label class="choice">
                    <input type="checkbox" name="relative_consent" checked=ticked("relative_consent")
                        aria-invalid=consent_bad.then_some("true")
                        aria-describedby=if consent_bad { "publish-relative-hint publish-relative_consent-error" } else { "publish-relative-hint" }/>
                    {t("publish-relative-consent")}
                </label>
            </div>
        </fieldset>
    }
}

/// What the page says about the draft kept on the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kept {
    Nothing,
    /// A draft from an earlier visit was put back into the form.
    Found,
    /// Sent without a network: waiting for it.
    Waiting,
}
