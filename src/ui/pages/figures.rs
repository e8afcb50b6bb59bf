//! `/pilotage`: the figures of a period for staff — what was asked and offered, how fast
//! answers came, what was done, the moderation's pace, by category, kind of poster and
//! commune — with charts drawn as SVG and their tables. A plain GET form: the address keeps
//! the selection, and the same figures are at `/api/v1/stats` with the same query.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::posts::list_communes;
use crate::api::stats::get_stats;
use crate::domain::commune::CommuneRef;
use crate::domain::stats::{presets, Breakdown, Figures, Shown, StatsForm};
use crate::domain::Category;
use crate::error::AppError;
use crate::i18n::{duration, label, n, s as text, t, t_args};
use crate::ui::components::charts::{FirstAnswerByCategory, PostsOverTime};
use crate::ui::components::form_field::{SelectField, TextField};
use crate::ui::components::http_status::set_http_status;
use crate::ui::components::restricted::Restricted;
use crate::wire::forms::{field_errors, FormEcho};

/// The form's name in `FormEcho`.
const F: &str = "stats";

/// « Pilotage ».
#[component]
pub fn FiguresPage() -> impl IntoView {
    let query = use_query_map();
    let form = Memo::new(move |_| {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        StatsForm { from: get("from"), to: get("to"), commune: get("commune"), category: get("category") }
    });
    let figures = Resource::new(move || form.get(), |f| get_stats(f.from, f.to, f.commune, f.category));
    let communes = Resource::new(|| (), |_| list_communes());
    view! {
        <Title text=t("stats-title")/>
        <div class="page staff-page">
            <h1>{t("stats-heading")}</h1>
            <Transition fallback=|| view! { <p class="loading">{t("list-loading")}</p> }>
                {move || Suspend::new(async move {
                    let communes = communes.await.unwrap_or_default();
                    let form = form.get_untracked();
                    let echo = |errors| FormEcho {
                        form: F.into(),
                        values: [("from", &form.from), ("to", &form.to), ("commune", &form.commune), ("category", &form.category)]
                            .into_iter()
                            .map(|(k, v)| (k.to_owned(), v.clone()))
                            .collect(),
                        errors,
                        notice: None,
                    };
                    match figures.await {
                        Ok(f) => view! {
                            <Selection form=form.clone() echo=echo(Default::default()) communes=communes now=f.now/>
                            <Report f=f/>
                        }.into_any(),
                        Err(e @ AppError::Validation(_)) => {
                            set_http_status(400);
                            view! { <Selection form=form.clone() echo=echo(field_errors(&e)) communes=communes now=0/> }.into_any()
                        }
                        Err(e) => view! { <Restricted error=e next="/pilotage"/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// The presets, then the form choosing the period, the commune and the category.
#[component]
fn Selection(form: StatsForm, echo: FormEcho, communes: Vec<CommuneRef>, now: i64) -> impl IntoView {
    let categories: Vec<(&'static str, String)> =
        Category::ALL.iter().map(|c| (c.slug(), label("category", c.slug()))).collect();
    let keep = StatsForm { from: String::new(), to: String::new(), ..form.clone() };
    view! {
        <nav class="console-links" aria-label=t("stats-console")>
            <a href="/suivi">{t("follow-ups-heading")}</a>
            <a href="/saisies">{t("intakes-heading")}</a>
            <a href="/verifications">{t("vetting-desk-heading")}</a>
            <a href="/pilotage/exports">{t("exports-heading")}</a>
        </nav>
        {(now > 0).then(|| view! {
            <p class="presets">
                {presets(now).into_iter().map(|(name, from, to)| {
                    let q = StatsForm { from, to, ..keep.clone() }.query();
                    view! { <a class="chip" href=format!("/pilotage?{q}")>{t(&format!("stats-preset-{name}"))}</a> }
                }).collect_view()}
            </p>
        })}
        <form method="get" action="/pilotage" class="form form-inline" novalidate>
            <TextField form=F name="from" label=t("exports-from") echo=echo.clone() kind="date" required=false/>
            <TextField form=F name="to" label=t("exports-to") echo=echo.clone() kind="date" required=false/>
            <TextField form=F name="commune" label=t("exports-commune") echo=echo.clone() required=false
                autocomplete="off" list="communes-stats"/>
            <datalist id="communes-stats">
                {communes.into_iter().map(|c| view! { <option value=c.label()></option> }).collect_view()}
            </datalist>
            <SelectField form=F name="category" label=t("exports-category") echo=echo.clone() options=categories
                placeholder=t("exports-category-all")/>
            <button type="submit" class="btn">{t("stats-show")}</button>
        </form>
    }
}

/// One figure of the summary.
fn figure(name: String, value: String) -> impl IntoView {
    view! { <div class="figure"><dt>{name}</dt><dd>{value}</dd></div> }
}

fn shown(s: Shown) -> String {
    s.text()
}

fn delay(d: Option<i64>) -> String {
    d.map(duration).unwrap_or_else(|| t("stats-none"))
}

/// The figures of the selection.
#[component]
fn Report(f: Figures) -> impl IntoView {
    let query = StatsForm {
        from: f.from.clone(),
        to: f.to.clone(),
        commune: f.commune.clone().unwrap_or_default(),
        category: f.category.map(|c| c.slug().to_owned()).unwrap_or_default(),
    }
    .query();
    let scope = match (&f.commune, f.category) {
        (Some(c), Some(cat)) => format!("{c} · {}", label("category", cat.slug())),
        (Some(c), None) => c.clone(),
        (None, Some(cat)) => label("category", cat.slug()),
        (None, None) => t("stats-everywhere"),
    };
    let rate = f.fulfilment_rate.map(|r| format!("{r} %")).unwrap_or_else(|| t("stats-none"));
    let m = f.moderation.clone();
    let no_decision = m.decisions.is_empty();
    view! {
        <h2>{t_args("stats-period", &[("from", text(f.from.clone())), ("to", text(f.to.clone()))])}</h2>
        <p class="hint">{scope}" · "<a href=format!("/api/v1/stats?{query}")>{t("stats-json")}</a></p>
        <section aria-labelledby="stats-posts">
            <h3 id="stats-posts">{t("stats-posts")}</h3>
            <dl class="figures">
                {figure(t("stats-requests"), shown(f.requests))}
                {figure(t("stats-offers"), shown(f.offers))}
                {figure(t("stats-answered-24h"), shown(f.answered_24h))}
                {figure(t("stats-answered-72h"), shown(f.answered_72h))}
                {figure(t("stats-unanswered"), shown(f.unanswered))}
                {figure(t("stats-median-first-answer"), delay(f.median_first_answer))}
                {figure(t("stats-median-to-help"), delay(f.median_to_help))}
                {figure(t("stats-fulfilled"), shown(f.fulfilled))}
                {figure(t("stats-fulfilment-rate"), rate)}
                {figure(t("stats-expired-unanswered"), shown(f.expired_unanswered))}
                {figure(t("stats-active-volunteers"), shown(f.active_volunteers))}
            </dl>
        </section>
        <section aria-labelledby="stats-moderation">
            <h3 id="stats-moderation">{t("stats-moderation")}</h3>
            <dl class="figures">
                {figure(t("stats-waiting-now"), m.waiting_now.to_string())}
                {figure(t("stats-median-wait"), delay(m.median_wait))}
                {figure(t("stats-p90-wait"), delay(m.p90_wait))}
            </dl>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t("stats-decisions")>
                <table class="data">
                    <caption>{t("stats-decisions")}</caption>
                    <thead><tr>
                        <th scope="col">{t("stats-decision")}</th>
                        <th scope="col">{t("stats-reason")}</th>
                        <th scope="col" class="num">{t("stats-count")}</th>
                    </tr></thead>
                    <tbody>
                        {m.decisions.into_iter().map(|d| view! {
                            <tr>
                                <th scope="row">{label("action", &d.action)}</th>
                                <td>{d.reason.map(|r| label("decision-reason", &r)).unwrap_or_else(|| t("stats-none"))}</td>
                                <td class="num">{d.count.text()}</td>
                            </tr>
                        }).collect_view()}
                        {no_decision.then(|| view! { <tr><td colspan="3">{t("stats-no-decision")}</td></tr> })}
                    </tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="stats-charts">
            <h3 id="stats-charts">{t("stats-charts")}</h3>
            <PostsOverTime buckets=f.buckets.clone() by_month=f.by_month/>
            <FirstAnswerByCategory delays=f.first_answer_by_category.clone()/>
            <figure class="chart">
                <figcaption id="chart-map">{t("stats-chart-map")}</figcaption>
                <img class="chart-map" src=format!("/pilotage/carte.svg?{query}") alt=t("stats-chart-map-alt")
                    width="560" height="987" loading="lazy"/>
            </figure>
            <BreakdownTable caption=t("stats-by-commune") head=t("stats-commune") rows=f.by_commune.clone() kind="commune"/>
        </section>
        <section aria-labelledby="stats-breakdowns">
            <h3 id="stats-breakdowns">{t("stats-breakdowns")}</h3>
            <BreakdownTable caption=t("stats-by-category") head=t("stats-category") rows=f.by_category.clone() kind="category"/>
            <BreakdownTable caption=t("stats-by-poster") head=t("stats-poster") rows=f.by_poster.clone() kind="poster"/>
        </section>
        <p class="hint">{t_args("stats-small", &[("n", n(5))])}</p>
    }
}

/// Requests, offers and unanswered requests per category, kind of poster or commune.
#[component]
fn BreakdownTable(caption: String, head: String, rows: Vec<Breakdown>, kind: &'static str) -> impl IntoView {
    let empty = rows.is_empty();
    let region = caption.clone();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=region>
            <table class="data">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{head}</th>
                    <th scope="col" class="num">{t("stats-requests")}</th>
                    <th scope="col" class="num">{t("stats-offers")}</th>
                    <th scope="col" class="num">{t("stats-unanswered-short")}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|b| {
                        let name = if kind == "commune" { b.name.clone() } else { label(kind, &b.key) };
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td class="num">{b.requests.text()}</td>
                                <td class="num">{b.offers.text()}</td>
                                <td class="num">{b.unanswered.text()}</td>
                            </tr>
                        }
                    }).collect_view()}
                    {empty.then(|| view! { <tr><td colspan="4">{t("stats-nothing")}</td></tr> })}
                </tbody>
            </table>
        </div>
    }
}
