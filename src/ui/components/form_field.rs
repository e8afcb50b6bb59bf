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
