//! `/posts/:id`: one public post, its full text and its approximate place.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::forms::{read_form_echo, FormEcho};
use crate::api::posts::{get_post, PostDetail};
use crate::domain::conversation::respond_label;
use crate::domain::moderation::ReportReason;
use crate::domain::time::{absolute_fr, relative_fr, rfc3339};
use crate::error::AppError;
use crate::ui::components::error_box::ErrorBox;
use crate::ui::components::form_field::{FormMessage, SelectField, TextArea};
use crate::ui::map::PointMap;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::state::use_current_user;

/// The post page; unknown, unpublished or expired posts get the 404 page.
#[component]
pub fn PostPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok());
    let post = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_post(id).await,
            None => Err(AppError::NotFound),
        }
    });
    let echo = Resource::new(|| (), |_| read_form_echo());
    let reported = use_query_map().read_untracked().get("signalee").is_some();
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Chargement de l'annonce…"</p> }>
            {move || Suspend::new(async move {
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
            })}
        </Suspense>
    }
}

#[component]
fn PostView(post: PostDetail, echo: FormEcho, logged_in: bool, reported: bool) -> impl IntoView {
    let s = post.summary;
    let id = s.id;
    let reportable = s.status.is_public() && post.expires_at > post.now && !post.mine;
    let only_me =
        if post.mine { "seule vous voyez cette annonce" } else { "visible par l'équipe de modération seulement" };
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
    };
    let thanks = post.thanks.clone();
    let paragraphs: Vec<String> =
        post.description.split("\n\n").map(str::to_owned).filter(|p| !p.trim().is_empty()).collect();
    view! {
        <Title text=title/>
        <article class="page post-page">
            <p class="back">
                <a href="/">"← Retour aux annonces"</a>
            </p>
            <p class="post-tags">
                <span class=if s.kind == crate::domain::PostKind::Request { "badge badge-request" } else { "badge badge-offer" }>
                    {s.kind.label_fr()}
                </span>
                <span class="cat" style=format!("--cat:{}", s.category.colour())>
                    <span aria-hidden="true">{s.category.icon()}</span>
                    {s.category.label_fr()}
                </span>
                {(s.status == crate::domain::PostStatus::InProgress).then(|| view! { <span class="badge badge-progress">"En cours"</span> })}
            </p>
            {fulfilled.then(|| view! {
                <div class="notice" role="status"><p>"L'aide a été apportée. Merci à tous !"</p></div>
            })}
            {((!s.status.is_public() && !fulfilled) || (s.status.is_public() && post.expires_at <= post.now)).then(|| {
                let text = if s.status.is_public() { "Expirée".to_owned() } else { s.status.label_fr().to_owned() };
                view! {
                    <div class="notice" role="status">
                        <p>{format!("{text} : {only_me}.")}</p>
                    </div>
                }
            })}
            <h1>{s.title.clone()}</h1>
            <div class="post-body">
                {paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            </div>
            <dl class="facts">
                <dt>"Publiée par"</dt>
                <dd>{s.poster_kind.label_fr()}</dd>
                <dt>"Lieu"</dt>
                <dd>{s.commune.clone()}" (position approximative)"</dd>
                <dt>"Publiée"</dt>
                <dd>
                    <time datetime=rfc3339(s.created_at)>{relative_fr(post.now, s.created_at)}</time>
                    " — le "{absolute_fr(s.created_at)}
                </dd>
                <dt>"En ligne jusqu'au"</dt>
                <dd><time datetime=rfc3339(post.expires_at)>{absolute_fr(post.expires_at)}</time></dd>
            </dl>
            <PointMap point=s.point category=s.category label=s.title.clone()/>
            {respond.view(echo.clone())}
            {thanked.then(|| view! { <div class="notice" role="status"><p>"Merci, votre mot est publié."</p></div> })}
            {(!thanks.is_empty()).then(|| view! {
                <section class="thanks" aria-labelledby="merci-titre">
                    <h2 id="merci-titre">"Mots de remerciement"</h2>
                    <ul>
                        {thanks
                            .into_iter()
                            .map(|t| view! {
                                <li>
                                    <p class="pre-line">"« "{t.body}" »"</p>
                                    <p class="post-meta">{t.writer}", le "{absolute_fr(t.at)}</p>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </section>
            })}
            {reported.then(|| view! {
                <div class="notice" role="status">
                    <p>"Merci, votre signalement est enregistré. L'équipe du Département va vérifier cette annonce."</p>
                </div>
            })}
            {(reportable && !reported).then(|| view! { <ReportBox id=id echo=echo logged_in=logged_in/> })}
        </article>
    }
}

/// "Signaler cette annonce": a reason from the list and a few words, for logged-in people.
#[component]
fn ReportBox(id: i64, echo: FormEcho, logged_in: bool) -> impl IntoView {
    let open = echo.form == "report";
    let options: Vec<(&'static str, &'static str)> =
        ReportReason::ALL.iter().map(|r| (r.slug(), r.label_fr())).collect();
    view! {
        <details class="report-box" open=open>
            <summary>"Signaler un problème avec cette annonce"</summary>
            {if logged_in {
                view! {
                    <form method="post" action=format!("/posts/{id}/signaler")>
                        <FormMessage form="report" echo=echo.clone()/>
                        <SelectField form="report" name="reason" label="Qu'est-ce qui ne va pas ?" echo=echo.clone() options=options/>
                        <TextArea
                            form="report"
                            name="details"
                            label="Précisez (facultatif)"
                            hint="Votre signalement est lu par l'équipe du Département, pas par l'auteur."
                            echo=echo.clone()
                            required=false
                            rows=3
                            maxlength=1000
                        />
                        <button type="submit" class="btn btn-secondary">"Envoyer le signalement"</button>
                    </form>
                }
                    .into_any()
            } else {
                view! {
                    <p>
                        <a href=format!("/connexion?next=/posts/{id}")>"Connectez-vous"</a>
                        " pour signaler cette annonce à l'équipe du Département."
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
}

impl RespondBox {
    fn view(self, echo: FormEcho) -> Option<AnyView> {
        let label = respond_label(self.kind);
        let id = self.id;
        let body = if self.mine {
            return Some(
                view! {
                    <section class="respond-box" aria-labelledby="repondre-titre">
                        <h2 id="repondre-titre">"Les réponses à votre annonce"</h2>
                        <p>"Les personnes qui vous répondent vous écrivent en privé."</p>
                        <p><a class="btn" href="/messages">"Voir mes messages"</a></p>
                    </section>
                }
                .into_any(),
            );
        } else if let Some(c) = self.conversation {
            Some(
                view! {
                    <p>"Vous avez déjà écrit à l'auteur. "</p>
                    <p><a class="btn" href=format!("/messages/{c}")>"Voir la conversation"</a></p>
                }
                .into_any(),
            )
        } else if !self.open {
            None
        } else if !self.logged_in {
            Some(
                view! {
                    <p>"Pour répondre, connectez-vous : votre message restera privé entre vous et l'auteur."</p>
                    <p><a class="btn" href=format!("/connexion?next=/posts/{id}")>{format!("{label} — se connecter")}</a></p>
                }
                .into_any(),
            )
        } else {
            Some(
                view! {
                    <form method="post" action=format!("/posts/{id}/repondre") class="form respond-form">
                        <FormMessage form="respond" echo=echo.clone()/>
                        <TextArea
                            form="respond"
                            name="body"
                            label="Votre message à l'auteur"
                            hint="Présentez-vous en quelques mots et dites quand vous êtes disponible. Seul l'auteur le lira ; ne donnez pas votre adresse ici."
                            echo=echo.clone()
                            rows=4
                            maxlength=2000
                        />
                        <button type="submit" class="btn">{label}</button>
                    </form>
                }
                .into_any(),
            )
        };
        body.map(|b| {
            view! {
                <section class="respond-box" aria-labelledby="repondre-titre">
                    <h2 id="repondre-titre">{label}</h2>
                    {b}
                </section>
            }
            .into_any()
        })
    }
}
