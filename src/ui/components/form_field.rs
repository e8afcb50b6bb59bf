//! Form fields with their label, hint and error, wired for screen readers: the error is
//! linked by `aria-describedby` and the field marked `aria-invalid`.

use leptos::prelude::*;

use crate::api::forms::FormEcho;

/// A labelled text input of form `form`, prefilled and annotated from `echo`.
#[component]
pub fn TextField(
    form: &'static str,
    name: &'static str,
    label: &'static str,
    echo: FormEcho,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = true)] required: bool,
) -> impl IntoView {
    let id = format!("{form}-{name}");
    let error = echo.error(form, name);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = error.as_ref().map(|_| format!("{id}-error"));
    let described = [hint_id.clone(), error_id.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
    // Passwords are never sent back.
    let value = if kind == "password" { String::new() } else { echo.value(form, name) };
    view! {
        <div class="field" class:field-invalid=error.is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {error.clone().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
            <input
                id=id
                name=name
                type=kind
                value=value
                autocomplete=autocomplete
                required=required
                aria-invalid=error.is_some().then_some("true")
                aria-describedby=(!described.is_empty()).then_some(described)
            />
        </div>
    }
}

/// The form-wide error (`form` field) or notice of `echo`, if any.
#[component]
pub fn FormMessage(form: &'static str, echo: FormEcho) -> impl IntoView {
    let field_problems = if echo.form == form { echo.errors.0.iter().filter(|e| e.field != "form").count() } else { 0 };
    let error = echo.error(form, "form").or_else(|| {
        (field_problems > 0).then(|| match field_problems {
            1 => "Le formulaire contient une erreur : corrigez le champ signalé ci-dessous.".to_owned(),
            n => format!("Le formulaire contient {n} erreurs : corrigez les champs signalés ci-dessous."),
        })
    });
    let notice = (echo.form == form).then(|| echo.notice.clone()).flatten();
    view! {
        {error.map(|e| view! { <div class="alert" role="alert"><p>{e}</p></div> })}
        {notice.map(|n| view! { <div class="notice" role="status"><p>{n}</p></div> })}
    }
}

/// A labelled multi-line text field of form `form`, prefilled and annotated from `echo`.
#[component]
pub fn TextArea(
    form: &'static str,
    name: &'static str,
    label: &'static str,
    echo: FormEcho,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = true)] required: bool,
    #[prop(default = 5)] rows: u32,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let id = format!("{form}-{name}");
    let error = echo.error(form, name);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = error.as_ref().map(|_| format!("{id}-error"));
    let described = [hint_id.clone(), error_id.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
    let value = echo.value(form, name);
    view! {
        <div class="field" class:field-invalid=error.is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {error.clone().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
            // Leptos 0.8 does not escape <textarea> children when rendering on the server: escape
            // them here (the browser decodes the entities back; an HTTP test checks it).
            <textarea
                id=id
                name=name
                rows=rows
                maxlength=maxlength
                required=required
                aria-invalid=error.is_some().then_some("true")
                aria-describedby=(!described.is_empty()).then_some(described)
            >
                {escape_text(&value)}
            </textarea>
        </div>
    }
}

/// `&`, `<` and `>` as character references.
fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
