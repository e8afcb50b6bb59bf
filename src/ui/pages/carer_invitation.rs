//! `/proche/:token`: the page an invitation to follow a post opens. Who invites, for which post,
//! what following means; then « Accepter » (a plain form posted to the same address), or
//! logging in / creating an account first and coming back.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::carers::carer_invitation;
use crate::api::forms::read_form_echo;
use crate::domain::local_path::encode_query_value;
use crate::i18n::{s as text, t, t_args};
use crate::ui::components::form_field::FormMessage;
use crate::ui::components::http_status::set_http_status;
use crate::wire::carers::Invitation;

#[component]
pub fn CarerInvitationPage() -> impl IntoView {
    const F: &str = "carer_accept";
    let token = move || use_params_map().read_untracked().get("token").unwrap_or_default();
    let invitation = Resource::new(token, carer_invitation);
    let echo = Resource::new(|| (), |_| read_form_echo());
    view! {
        <Title text=t("carer-invitation-title")/>
        <div class="page narrow">
            <h1>{t("carer-invitation-heading")}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    let logged_in = match crate::ui::state::use_current_user() {
                        Some(u) => u.await.ok().flatten().is_some(),
                        None => false,
                    };
                    let here = format!("/proche/{}", token());
                    match invitation.await {
                        Ok(Invitation::Open { author_name, title, commune, i_am_author, already }) => view! {
                            <FormMessage form=F echo=echo/>
                            <p class="lead">
                                {t_args("carer-invitation-text", &[
                                    ("name", text(&author_name)),
                                    ("title", text(&title)),
                                    ("commune", text(&commune)),
                                ])}
                            </p>
                            <ul class="carer-means">
                                <li>{t("carer-means-news")}</li>
                                <li>{t("carer-means-helper")}</li>
                                <li>{t("carer-means-write")}</li>
                                <li>{t("carer-means-private")}</li>
                            </ul>
                            {if i_am_author {
                                view! { <p class="notice">{t("carer-invitation-yours")}</p> }.into_any()
                            } else if already {
                                view! {
                                    <p class="notice" role="status">{t("carer-invitation-already")}</p>
                                    <p><a class="btn" href="/mes-annonces#proches">{t("carer-invitation-see")}</a></p>
                                }.into_any()
                            } else if logged_in {
                                view! {
                                    <form method="post" action=here.clone() class="form">
                                        <button type="submit" class="btn">{t("carer-accept")}</button>
                                    </form>
                                }.into_any()
                            } else {
                                let next = encode_query_value(&here);
                                view! {
                                    <p>{t("carer-invitation-account")}</p>
                                    <p class="row-actions">
                                        <a class="btn" href=format!("/connexion?next={next}")>{t("carer-invitation-log-in")}</a>
                                        <a class="btn btn-secondary" href=format!("/inscription?next={next}")>{t("sign-up-heading")}</a>
                                    </p>
                                }.into_any()
                            }}
                        }.into_any(),
                        Ok(Invitation::Gone) => {
                            set_http_status(404);
                            view! {
                                <div class="notice notice-warning" role="alert"><p>{t("carer-invitation-gone")}</p></div>
                                <p><a class="btn" href="/">{t("not-found-back")}</a></p>
                            }.into_any()
                        }
                        Err(e) => view! { <div class="alert" role="alert"><p>{e.to_string()}</p></div> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
