//! "Publier" in easy-read mode: one question per screen (`domain::steps`). Each screen is a plain
//! form posted to `/publier` with the answers so far as hidden fields and the step's name; the
//! server checks that step and shows the next one (or the same one with its error). Once the
//! page is hydrated the screens follow one another without a reload (`PostForm`), the reader
//! brought to the new question; it works the same without JavaScript.

use leptos::prelude::*;

use crate::domain::commune::CommuneRef;
use crate::domain::steps::Step;
use crate::domain::{Category, PostKind};
use crate::i18n::{label, n, t, t_args};
use crate::ui::components::form_field::{FormMessage, TextArea, TextField};
use crate::ui::components::post_form::PostForm;
use crate::ui::pages::publish::F;
use crate::ui::writes::written;
use crate::wire::forms::FormEcho;

/// The answers carried from screen to screen (the place is a commune here: no map).
const ANSWERS: [&str; 6] = ["kind", "category", "title", "description", "commune", "private_note"];

/// The form field a step asks for, if any.
fn asked(step: Step) -> Option<&'static str> {
    match step {
        Step::Kind => Some("kind"),
        Step::Category => Some("category"),
        Step::Title => Some("title"),
        Step::Description => Some("description"),
        Step::Place => Some("commune"),
        Step::Note => Some("private_note"),
        Step::Confirm => None,
    }
}

/// The current screen of the step-by-step form, from `echo` (the first one to begin with).
#[component]
pub fn StepByStep(echo: FormEcho, communes: Vec<CommuneRef>) -> impl IntoView {
    let step = echo.value(F, "etape").parse::<Step>().unwrap_or(Step::Kind);
    let hidden: Vec<(&'static str, String)> =
        ANSWERS.into_iter().filter(|a| Some(*a) != asked(step)).map(|a| (a, echo.value(F, a))).collect();
    let previous = Step::ALL.get(step.number().saturating_sub(2)).copied().filter(|_| step != Step::Kind);
    let body = match step {
        Step::Kind => choose_kind(&echo).into_any(),
        Step::Category => choose_category(&echo).into_any(),
        Step::Title => view! {
            <TextField form=F name="title" label=t("steps-title-question") hint=t("steps-title-hint") echo=echo.clone()/>
            <Continue/>
        }
        .into_any(),
        Step::Description => view! {
            <TextArea form=F name="description" label=t("steps-description-question") hint=t("steps-description-hint")
                echo=echo.clone() rows=5/>
            <Continue/>
        }
        .into_any(),
        Step::Place => place(&echo, communes).into_any(),
        Step::Note => view! {
            <TextArea form=F name="private_note" label=t("steps-note-question") hint=t("steps-note-hint")
                echo=echo.clone() required=false rows=2 maxlength=500/>
            <Continue/>
        }
        .into_any(),
        Step::Confirm => summary(&echo).into_any(),
    };
    // A screen that follows another without a reload: the reader is taken to it, as a new page
    // would begin there (its progress line, read out, then the question after it).
    let progress = NodeRef::<leptos::html::P>::new();
    if untrack(written) > 0 {
        Effect::new(move |_| {
            if let Some(el) = progress.get() {
                let _ = el.focus();
            }
        });
    }
    view! {
        <p class="step-count" tabindex="-1" node_ref=progress>
            {t_args("steps-progress", &[("n", n(step.number() as f64)), ("total", n(Step::ALL.len() as f64))])}
        </p>
        <PostForm action="/publier" class="form steps" novalidate=true>
            <input type="hidden" name="etape" value=step.slug()/>
            {hidden.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value/> }).collect_view()}
            <FormMessage form=F echo=echo.clone()/>
            {body}
            {previous.map(|p| view! {
                <button type="submit" class="btn btn-secondary" name="aller" value=p.slug()>{t("steps-back")}</button>
            })}
        </PostForm>
    }
}

#[component]
fn Continue() -> impl IntoView {
    view! { <button type="submit" class="btn">{t("steps-continue")}</button> }
}

/// The error of `field`, as a paragraph.
fn error_of(echo: &FormEcho, field: &str) -> Option<impl IntoView> {
    echo.error(F, field).map(|e| view! { <p class="field-error" role="alert">{e}</p> })
}

fn choose_kind(echo: &FormEcho) -> impl IntoView {
    view! {
        <fieldset class="field">
            <legend class="step-question">{t("steps-kind-question")}</legend>
            {error_of(echo, "kind")}
            <div class="big-choices">
                {[(PostKind::Request, "🙋", "steps-kind-request"), (PostKind::Offer, "🤝", "steps-kind-offer")]
                    .into_iter()
                    .map(|(k, icon, text)| view! {
                        <button type="submit" class="big-choice" name="kind" value=k.slug()>
                            <span class="big-choice-icon" aria-hidden="true">{icon}</span>
                            {t(text)}
                        </button>
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

fn choose_category(echo: &FormEcho) -> impl IntoView {
    view! {
        <fieldset class="field">
            <legend class="step-question">{t("steps-category-question")}</legend>
            {error_of(echo, "category")}
            <div class="big-choices">
                {Category::ALL
                    .into_iter()
                    .map(|c| view! {
                        <button type="submit" class="big-choice" name="category" value=c.slug()>
                            <span class="big-choice-icon" aria-hidden="true" style=format!("background:{}", c.colour())>
                                {c.icon()}
                            </span>
                            {label("category", c.slug())}
                        </button>
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

fn place(echo: &FormEcho, communes: Vec<CommuneRef>) -> impl IntoView {
    let error = echo.error(F, "location");
    let bad = error.is_some();
    view! {
        <div class="field" class:field-invalid=bad>
            <label for="publish-commune">{t("steps-place-question")}</label>
            <p class="hint" id="publish-commune-hint">{t("steps-place-hint")}</p>
            {error.map(|e| view! { <p class="field-error" id="publish-commune-error">{e}</p> })}
            <input id="publish-commune" name="commune" type="text" list="communes-68" value=echo.value(F, "commune")
                autocomplete="address-level2" required=true aria-invalid=bad.then_some("true")
                aria-describedby=if bad { "publish-commune-hint publish-commune-error" } else { "publish-commune-hint" }/>
            <datalist id="communes-68">
                {communes.into_iter().map(|c| view! { <option value=c.label()></option> }).collect_view()}
            </datalist>
        </div>
        <Continue/>
    }
}

/// The last screen: every answer, each with "Changer", then "Publier l'annonce".
fn summary(echo: &FormEcho) -> impl IntoView {
    let shown = |v: String| if v.trim().is_empty() { t("steps-none") } else { v };
    let kind = echo.value(F, "kind");
    let kind = if kind.is_empty() { String::new() } else { t(&format!("steps-kind-{kind}")) };
    let category = echo.value(F, "category");
    let category = if category.is_empty() { String::new() } else { label("category", &category) };
    let rows = [
        (Step::Kind, "steps-summary-kind", kind),
        (Step::Category, "steps-summary-category", category),
        (Step::Title, "steps-summary-title", echo.value(F, "title")),
        (Step::Description, "steps-summary-description", echo.value(F, "description")),
        (Step::Place, "steps-summary-place", echo.value(F, "commune")),
        (Step::Note, "steps-summary-note", echo.value(F, "private_note")),
    ];
    let urgent = echo.value(F, crate::ui::components::emergency::SIGNS);
    let emergency = (!urgent.is_empty()).then(|| {
        use crate::ui::components::emergency::EmergencyPanel;
        let local = crate::ui::components::emergency::LocalHelp::of_echo(echo, F);
        view! { <EmergencyPanel signs=urgent commune=echo.value(F, "commune") go_on=t("urgent-continue") local=local/> }
    });
    view! {
        {emergency}
        <h2 class="step-question">{t("steps-confirm-question")}</h2>
        <dl class="summary">
            {rows
                .into_iter()
                .map(|(step, name, value)| view! {
                    <div class="summary-row">
                        <dt>{t(name)}</dt>
                        <dd class="pre-line">{shown(value)}</dd>
                        <dd>
                            <button type="submit" class="btn btn-small btn-secondary" name="aller" value=step.slug()
                                aria-label=format!("{} : {}", t("steps-change"), t(name))>
                                {t("steps-change")}
                            </button>
                        </dd>
                    </div>
                })
                .collect_view()}
        </dl>
        <p>{t("steps-confirm-text")}</p>
        <button type="submit" class="btn">{t("steps-publish")}</button>
    }
}
