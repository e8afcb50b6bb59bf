//! `PostForm`: a form that, once the page is hydrated, posts without leaving the page
//! (`ui/writes.rs`), with a visible pending state; before that, or without JavaScript, a plain
//! `<form method="post">` to the same address. Anything the background post cannot handle (no
//! network, a refusal that is not a form's mistake) is posted again plainly, so the server's page
//! says what happened, as without JavaScript.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::i18n::t;
use crate::ui::state::hydrated;
use crate::ui::writes::use_writes;
use crate::wire::forms::{FormReply, IN_BACKGROUND};

#[component]
pub fn PostForm(
    #[prop(into)] action: String,
    #[prop(optional, into)] class: Option<String>,
    #[prop(optional, into)] id: Option<String>,
    /// The server checks the fields, and says what is wrong next to each (not the browser).
    #[prop(optional)]
    novalidate: bool,
    /// Stay where the page is scrolled after a success (a thread), rather than go to the top.
    #[prop(optional)]
    keep_scroll: bool,
    /// Leave the fields as they are after a success, rather than as the page first held them:
    /// an editor whose page is read again with what was just saved (no old text in between).
    #[prop(optional)]
    keep_fields: bool,
    /// Called with what is sent, as it leaves (the page may show it at once: a message in its
    /// thread); whatever the answer, the page is read again after it.
    #[prop(optional)]
    on_send: Option<Callback<web_sys::FormData>>,
    /// The form element, for a page that reads its fields (the draft kept on the device).
    #[prop(optional)]
    node_ref: NodeRef<leptos::html::Form>,
    /// Asked first when the form is sent: true when the page keeps it back itself (no network:
    /// the draft waits for it), and then nothing is sent.
    #[prop(optional)]
    hold: Option<Callback<(), bool>>,
    children: Children,
) -> impl IntoView {
    let writes = use_writes();
    let navigate = use_navigate();
    // Marked once hydrated (`data-background`): from then on it posts in the background.
    let ready = hydrated();
    let pending = RwSignal::new(false);
    // Set when the form is to be posted plainly after all (the next submit is let through).
    let plainly = StoredValue::new(false);
    let target = action.clone();
    let on_submit = move |ev: web_sys::SubmitEvent| {
        if plainly.get_value() || ev.default_prevented() {
            plainly.set_value(false);
            return;
        }
        ev.prevent_default();
        if pending.get_untracked() || hold.is_some_and(|hold| hold.run(())) {
            return;
        }
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else {
            return;
        };
        let submitter = ev.submitter();
        let post_plainly = {
            let (form, submitter) = (form.clone(), submitter.clone());
            move || {
                plainly.set_value(true);
                if form.request_submit_with_submitter(submitter.as_ref()).is_err() {
                    plainly.set_value(false);
                }
            }
        };
        let Some((data, body)) = encoded(&form, submitter.as_ref()) else {
            post_plainly();
            return;
        };
        pending.set(true);
        if let Some(on_send) = on_send {
            on_send.run(data);
        }
        let (target, navigate) = (target.clone(), navigate.clone());
        spawn_local(async move {
            let reply = send(&target, body).await;
            pending.set(false);
            match reply {
                Some(FormReply { location: Some(to), .. }) if to.starts_with('/') && !to.starts_with("//") => {
                    // As a fresh page would be: the fields back to what they held (a reply box
                    // empty again); what is on screen is read again.
                    if !keep_fields {
                        form.reset();
                    }
                    writes.done();
                    navigate(&to, NavigateOptions { scroll: !keep_scroll, ..Default::default() });
                }
                Some(FormReply { echo: Some(echo), .. }) => writes.refused(echo),
                _ => post_plainly(),
            }
        });
    };
    view! {
        <form method="post" action=action class=class id=id novalidate=novalidate on:submit=on_submit node_ref=node_ref
            aria-busy=move || pending.get().then_some("true") data-background=move || ready.get().then_some("1")>
            {children()}
            // Only while it is sent: a page with many small forms (« Mes annonces ») would
            // otherwise hold as many empty status regions.
            {move || pending.get().then(|| view! { <p class="form-pending" role="status">{t("form-sending")}</p> })}
        </form>
    }
}

/// The form's fields, with the button pressed, and the same as a plain post encodes them.
fn encoded(
    form: &web_sys::HtmlFormElement,
    submitter: Option<&web_sys::HtmlElement>,
) -> Option<(web_sys::FormData, String)> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    if let Some(button) = submitter {
        if let (Some(name), Some(value)) = (button.get_attribute("name"), button.get_attribute("value")) {
            data.append_with_str(&name, &value).ok()?;
        }
    }
    let params = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
    Some((data, params.to_string().into()))
}

/// Posts `body` to `action` in the background; the server's `FormReply`, if it gave one.
async fn send(action: &str, body: String) -> Option<FormReply> {
    let res = gloo_net::http::Request::post(action)
        .header(IN_BACKGROUND, "1")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .ok()?
        .send()
        .await
        .ok()?;
    let json = res.headers().get("content-type").is_some_and(|t| t.starts_with("application/json"));
    if !json {
        return None;
    }
    res.json::<FormReply>().await.ok()
}
