//! `/posts/:id`: one public post, its full text and its approximate place. With JavaScript, the
//! first answer and a report are sent without leaving the page (`PostForm`): a mistake shows
//! next to its field, a sent answer opens its conversation.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::posts::get_post;
use crate::domain::moderation::ReportReason;
use crate::domain::time::rfc3339;
use crate::error::AppError;
use crate::i18n::{absolute, label, relative, s as text, t, t_args};
use crate::ui::components::error_box::ErrorBox;
use crate::ui::components::form_field::{FormMessage, SelectField, TextArea};
use crate::ui::components::post_form::PostForm;
use crate::ui::map::PointMap;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::state::use_current_user;
use crate::ui::writes::{by_route_id, echo_resource};
use crate::wire::forms::FormEcho;
use crate::wire::posts::{PostDetail, TerritoryContact};

/// The post page; unknown, unpublished or expired posts get the 404 page.
#[component]
pub fn PostPage() -> impl IntoView {
    // Read again after a write without a reload (a report may hide it).
    let post = by_route_id(get_post);
    let echo = echo_resource();
    let query = use_query_map();
    view! {
        <Transition fallback=|| view! { <p class="loading">{t("post-loading")}</p> }>
            {move || {
                let reported = query.read().get("signalee").is_some();
                Suspend::new(async move {
                let echo = echo.await.ok().flatten().unwrap_or_default();
                let logged_in = match use_current_user() {
                    Some(u) => u.await.ok().flatten().is_some(),
                    None => false,
                };
                match post.await {
                    Ok(p) => view! { <PostView post=p echo=echo logged_in=logged_in reported=reported/> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage/> }.into_any(),
                    Err(e) => view! { <ErrorBox error=e/> }.into_any(),
                }
                })
            }}
        </Transition>
    }
}

#[component]
fn PostView(post: PostDetail, echo: FormEcho, logged_in: bool, reported: bool) -> impl IntoView {
    let s = post.summary;
    let id = s.id;
    let reportable = s.status.is_public() && post.expires_at > post.now && !post.mine;
    // Any open public post can be printed as a notice, by anyone.
    let printable = s.status.is_public() && post.expires_at > post.now && post.building.is_none();
    let only_me = if post.mine { t("post-only-me") } else { t("post-only-staff") };
    let title = format!("{} — Entraide Haut-Rhin", s.title);
    let fulfilled = s.status == crate::domain::PostStatus::Fulfilled;
    let thanked = query_flag("merci");
    let respond = RespondBox {
        id,
        kind: s.kind,
        mine: post.mine,
        open: post.open_to_responses,
        conversation: post.my_conversation,
        logged_in,
        vetted: post.vetted_helper,
    };
    let thanks = post.thanks.clone();
    let paragraphs: Vec<String> =
        post.description.split("\n\n").map(str::to_owned).filter(|p| !p.trim().is_empty()).collect();
    view! {
        <Title text=title/>
        <article class="page post-page">
            <p class="back">
                <a href="/">{t("post-back")}</a>
            </p>
            <p class="post-tags">
                <span class=if s.kind == crate::domain::PostKind::Request { "badge badge-request" } else { "badge badge-offer" }>
                    {label("kind", s.kind.slug())}
                </span>
                <span class="cat" style=format!("--cat:{}", s.category.colour())>
                    <span aria-hidden="true">{s.category.icon()}</span>
                    {label("category", s.category.slug())}
                </span>
                {(s.status == crate::domain::PostStatus::InProgress).then(|| view! {
                    <span class="badge badge-progress">{label("status", s.status.slug())}</span>
                })}
            </p>
            {fulfilled.then(|| view! {
                <div class="notice" role="status"><p>{t("post-fulfilled")}</p></div>
            })}
            {((!s.status.is_public() && !fulfilled) || (s.status.is_public() && post.expires_at <= post.now)).then(|| {
                let state = if s.status.is_public() { t("status-expired") } else { label("status", s.status.slug()) };
                view! {
                    <div class="notice" role="status">
                        <p>{t_args("post-state-notice", &[("state", text(state)), ("who", text(only_me))])}</p>
                    </div>
                }
            })}
            <h1>{s.title.clone()}</h1>
            <div class="post-body">
                {paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            </div>
            {post.building.clone().map(|(street, commune)| view! {
                <p class="notice building-only">
                    {t_args("post-building-only", &[("street", text(street)), ("commune", text(commune))])}
                </p>
            })}
            {s.for_relative.then(|| view! {
                <p class="for-relative"><span class="badge badge-relative">{t("badge-for-relative")}</span>" "{t("post-for-relative")}</p>
            })}
            <dl class="facts">
                {if post.by_phone {
                    // "Déposée par le Département": filed by staff for a person who called.
                    view! {
                        <dt>{t("post-filed-by")}</dt>
                        <dd>{t("post-by-phone")}</dd>
                    }
                        .into_any()
                } else {
                    view! {
                        <dt>{t("post-published-by")}</dt>
                        <dd>{label("poster", s.poster_kind.slug())}</dd>
                    }
                        .into_any()
                }}
                {s.when.map(|w| {
                    use crate::domain::schedule::paris_day;
                    let next = if w.is_recurring() { w.next_from(paris_day(post.now)) } else { None };
                    view! {
                        <dt>{t("when-label")}</dt>
                        <dd>
                            <strong>{crate::i18n::schedule(&w)}</strong>
                            {next.map(|d| {
                                let today = paris_day(post.now);
                                let day = match d - today {
                                    0 => t("when-today"),
                                    1 => t("when-tomorrow"),
                                    _ => crate::i18n::weekday_day_for(crate::i18n::locale(), d),
                                };
                                view! {
                                    <br/>
                                    {t_args("when-next", &[("day", text(day))])}
                                }
                            })}
                        </dd>
                    }
                })}
                <dt>{t("post-place")}</dt>
                <dd>{t_args("post-place-approximate", &[("commune", text(s.commune.clone()))])}</dd>
                <dt>{t("post-published")}</dt>
                <dd>
                    <time datetime=rfc3339(s.created_at)>{relative(post.now, s.created_at)}</time>
                    " "{t_args("post-published-on", &[("date", text(absolute(s.created_at)))])}
                </dd>
                <dt>{t("post-online-until")}</dt>
                <dd><time datetime=rfc3339(post.expires_at)>{absolute(post.expires_at)}</time></dd>
            </dl>
            <PointMap point=s.point category=s.category label=s.title.clone()/>
            {respond.view(echo.clone())}
            {printable.then(|| view! {
                <p class="notice-link">
                    <a href=format!("/posts/{id}/affichette")><span aria-hidden="true">"🖨 "</span>{t("notice-link")}</a>
                </p>
            })}
            {thanked.then(|| view! { <div class="notice" role="status"><p>{t("post-thanked")}</p></div> })}
            {(!thanks.is_empty()).then(|| view! {
                <section class="thanks" aria-labelledby="merci-titre">
                    <h2 id="merci-titre">{t("post-thanks")}</h2>
                    <ul>
                        {thanks
                            .into_iter()
                            .map(|t| view! {
                                <li>
                                    <p class="pre-line">"« "{t.body}" »"</p>
                                    <p class="post-meta">{match t.writer {
                                        Some(w) => t_args("post-thanks-by", &[("writer", text(w)), ("date", text(absolute(t.at)))]),
                                        None => t_args("post-thanks-unsigned", &[("date", text(absolute(t.at)))]),
                                    }}</p>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </section>
            })}
            {reported.then(|| view! {
                <div class="notice" role="status">
                    <p>{t("post-reported")}</p>
                </div>
            })}
            {(reportable && !reported).then(|| view! { <ReportBox id=id echo=echo logged_in=logged_in/> })}
            {post.contact.map(|c| view! { <TeamContact contact=c/> })}
        </article>
    }
}

/// Whom to ask about posts there: the team of the post's territory.
#[component]
fn TeamContact(contact: TerritoryContact) -> impl IntoView {
    let digits: String = contact.phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    let email = contact.email.clone();
    view! {
        <p class="hint post-contact">
            {t_args("post-contact", &[("territory", text(contact.territory))])}" "
            {(!email.is_empty()).then(|| view! { <a href=format!("mailto:{email}")>{email.clone()}</a> })}
            {(!contact.email.is_empty() && !contact.phone.is_empty()).then_some(" · ")}
            {(!contact.phone.is_empty()).then(|| view! { <a href=format!("tel:{digits}")>{contact.phone.clone()}</a> })}
        </p>
    }
}

/// "Signaler cette annonce": a reason from the list and a few words, for logged-in people.
#[component]
fn ReportBox(id: i64, echo: FormEcho, logged_in: bool) -> impl IntoView {
    let open = echo.form == "report";
    let options: Vec<(&'static str, String)> =
        ReportReason::ALL.iter().map(|r| (r.slug(), label("report-reason", r.slug()))).collect();
    view! {
        <details class="report-box" open=open>
            <summary>{t("report-summary")}</summary>
            {if logged_in {
                view! {
                    <PostForm action=format!("/posts/{id}/signaler")>
                        <FormMessage form="report" echo=echo.clone()/>
                        <SelectField form="report" name="reason" label=t("report-reason") echo=echo.clone() options=options/>
                        <TextArea
                            form="report"
                            name="details"
                            label=t("report-details")
                            hint=t("report-details-hint")
                            echo=echo.clone()
                            required=false
                            rows=3
                            maxlength=1000
                        />
                        <button type="submit" class="btn btn-secondary">{t("report-send")}</button>
                    </PostForm>
                }
                    .into_any()
            } else {
                view! {
                    <p>
                        <a href=format!("/connexion?next=/posts/{id}")>{t("report-log-in")}</a>
                        " "{t("report-log-in-rest")}
                    </p>
                }
                    .into_any()
            }}
        </details>
    }
}

fn query_flag(name: &str) -> bool {
    use_query_map().read_untracked().get(name).is_some()
}

/// "Je peux aider" / "Ça m'intéresse": a first message to the author, or my conversation.
struct RespondBox {
    id: i64,
    kind: crate::domain::PostKind,
    mine: bool,
    open: bool,
    conversation: Option<i64>,
    logged_in: bool,
    /// Only vetted helpers answer it; whether I am one.
    vetted: Option<crate::wire::posts::VettedHelper>,
}

impl RespondBox {
    fn view(self, echo: FormEcho) -> Option<AnyView> {
        let label = t(&format!("respond-{}", self.kind.slug()));
        let id = self.id;
        let body = if self.mine {
            return Some(
                view! {
                    <section class="respond-box" aria-labelledby="repondre-titre">
                        <h2 id="repondre-titre">{t("respond-mine-heading")}</h2>
                        <p>{t("respond-mine-text")}</p>
                        <p><a class="btn" href="/messages">{t("respond-see-messages")}</a></p>
                    </section>
                }
                .into_any(),
            );
        } else if let Some(c) = self.conversation {
            Some(
                view! {
                    <p>{t("respond-already")}</p>
                    <p><a class="btn" href=format!("/messages/{c}")>{t("respond-see-conversation")}</a></p>
                }
                .into_any(),
            )
        } else if !self.open {
            None
        } else if self.vetted.is_some_and(|v| !v.me) && self.logged_in && echo.form != "respond" {
            // Not vetted: how to become a vetted helper, instead of a form that would be refused.
            Some(
                view! {
                    <p>{t("respond-vetted-only")}</p>
                    <p><a class="btn btn-secondary" href="/compte/verification">{t("respond-become-vetted")}</a></p>
                }
                .into_any(),
            )
        } else if !self.logged_in {
            Some(
                view! {
                    <p>{t("respond-log-in-text")}</p>
                    <p><a class="btn" href=format!("/connexion?next=/posts/{id}")>{t_args("respond-log-in", &[("action", text(label.clone()))])}</a></p>
                }
                .into_any(),
            )
        } else {
            // The form's own copies (its fields are built when it is).
            let (echo, button) = (echo.clone(), label.clone());
            Some(
                view! {
                    <PostForm action=format!("/posts/{id}/repondre") class="form respond-form">
                        <FormMessage form="respond" echo=echo.clone()/>
                        <TextArea
                            form="respond"
                            name="body"
                            label=t("respond-message")
                            hint=t("respond-message-hint")
                            echo=echo.clone()
                            rows=4
                            maxlength=2000
                        />
                        <button type="submit" class="btn">{button}</button>
                    </PostForm>
                }
                .into_any(),
            )
        };
        // With the form (vetted, logged out, or a refused answer shown again with its text), the
        // rule is said above it.
        let with_form = self.vetted.is_some_and(|v| v.me) || !self.logged_in || echo.form == "respond";
        let vetted_note =
            self.vetted.filter(|_| with_form).map(|_| view! { <p class="hint">{t("respond-vetted-only")}</p> });
        body.map(|b| {
            view! {
                <section class="respond-box" aria-labelledby="repondre-titre">
                    <h2 id="repondre-titre">{label}</h2>
                    {vetted_note}
                    {b}
                </section>
            }
            .into_any()
        })
    }
}
