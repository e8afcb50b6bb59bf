//! Form fields with their label, hint and error, wired for screen readers: the error is
//! linked by `aria-describedby` and the field marked `aria-invalid`.

use leptos::prelude::*;

use crate::i18n::{n, t, t_args, Msg};
use crate::wire::forms::FormEcho;

/// A labelled text input of form `form`, prefilled and annotated from `echo`.
#[component]
pub fn TextField(
    #[prop(into)] form: String,
    name: &'static str,
    #[prop(into)] label: String,
    echo: FormEcho,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = true)] required: bool,
    /// The domain's check, run in the browser when the field changes (the server runs it too);
    /// its message is said in the page's language.
    #[prop(optional)]
    check: Option<Callback<String, Option<Msg>>>,
    /// The text shown when this form was not just posted.
    #[prop(optional, into)]
    initial: Option<String>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    let field = Field::new(&form, name, hint.as_deref(), &echo, check);
    // Passwords are never sent back.
    let value = if kind == "password" {
        String::new()
    } else if echo.form == form {
        echo.value(&form, name)
    } else {
        initial.unwrap_or_default()
    };
    let (error, described, on_change, on_input) = (field.error, field.described(), field.on_change(), field.on_input());
    let control = view! {
        <input
            id=field.id.clone()
            name=name
            type=kind
            value=value
            autocomplete=autocomplete
            list=list
            required=required
            aria-invalid=move || error.is_some().then_some("true")
            aria-describedby=described
            on:change=on_change
            on:input=on_input
        />
    };
    field.frame(label, hint, control.into_any())
}

/// What a text input and a text area share: ids, the live error, the label, hint and error
/// paragraphs around the control.
struct Field {
    id: String,
    hint_id: Option<String>,
    error_id: String,
    error: Live,
    check: Option<Callback<String, Option<Msg>>>,
}

impl Field {
    fn new(
        form: &str,
        name: &str,
        hint: Option<&str>,
        echo: &FormEcho,
        check: Option<Callback<String, Option<Msg>>>,
    ) -> Field {
        let id = format!("{form}-{name}");
        Field {
            hint_id: hint.map(|_| format!("{id}-hint")),
            error_id: format!("{id}-error"),
            error: Live::new(echo.error(form, name)),
            id,
            check,
        }
    }

    /// The control's `aria-describedby`: the hint, and the error when there is one.
    fn described(&self) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        let (hint_id, error_id, error) = (self.hint_id.clone(), self.error_id.clone(), self.error);
        move || error.describedby(hint_id.as_deref(), &error_id)
    }

    /// Runs the domain's check when the control changes (the field is left).
    fn on_change(&self) -> impl Fn(leptos::ev::Event) + 'static {
        let (check, error) = (self.check, self.error);
        move |ev| {
            if let Some(check) = check {
                error.set(check.run(event_target_value(&ev)).map(|m| m.say()));
            }
        }
    }

    /// Once an error is shown, checks again as the person types, so it goes as soon as what is
    /// typed is right (a new error only ever appears when the field is left).
    fn on_input(&self) -> impl Fn(leptos::ev::Event) + 'static {
        let (check, error) = (self.check, self.error);
        move |ev| {
            if let (Some(check), true) = (check, error.0.with_untracked(Option::is_some)) {
                error.set(check.run(event_target_value(&ev)).map(|m| m.say()));
            }
        }
    }

    /// The label, hint and error around `control`.
    fn frame(self, label: String, hint: Option<String>, control: AnyView) -> impl IntoView {
        let Field { id, hint_id, error_id, error, .. } = self;
        view! {
            <div class="field" class:field-invalid=move || error.is_some()>
                <label for=id>{label}</label>
                {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
                {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
                {control}
            </div>
        }
    }
}

/// A field's error: the server's at first, then the browser's own check as the person types.
#[derive(Clone, Copy)]
struct Live(RwSignal<Option<String>>);

impl Live {
    fn new(initial: Option<String>) -> Live {
        Live(RwSignal::new(initial))
    }
    fn get(&self) -> Option<String> {
        self.0.get()
    }
    fn set(&self, e: Option<String>) {
        self.0.set(e);
    }
    fn is_some(&self) -> bool {
        self.0.with(Option::is_some)
    }
    fn describedby(&self, hint_id: Option<&str>, error_id: &str) -> Option<String> {
        let ids: Vec<&str> = hint_id.into_iter().chain(self.is_some().then_some(error_id)).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A required checkbox of form `form` (an agreement), checked again and annotated from `echo`;
/// `children` follow the box (a link to what is agreed to).
#[component]
pub fn AgreeBox(
    #[prop(into)] form: String,
    name: &'static str,
    #[prop(into)] label: String,
    echo: FormEcho,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let error = echo.error(&form, name);
    let bad = error.is_some();
    let id = format!("{form}-{name}");
    let error_id = format!("{id}-error");
    let checked = echo.form == form && echo.value(&form, name) == "on";
    view! {
        <div class="field" class:field-invalid=bad>
            {error.map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
            <label class="choice">
                <input type="checkbox" id=id name=name checked=checked required=true
                    aria-invalid=bad.then_some("true") aria-describedby=bad.then_some(error_id.clone())/>
                {label}
            </label>
            {children.map(|c| c())}
        </div>
    }
}

/// The form-wide error (`form` field) or notice of `echo`, if any.
#[component]
pub fn FormMessage(#[prop(into)] form: String, echo: FormEcho) -> impl IntoView {
    let form = form.as_str();
    let field_problems = if echo.form == form { echo.errors.0.iter().filter(|e| e.field != "form").count() } else { 0 };
    let error = echo
        .error(form, "form")
        .or_else(|| (field_problems > 0).then(|| t_args("form-errors", &[("count", n(field_problems as f64))])));
    let notice = (echo.form == form).then(|| echo.notice.as_ref().map(|n| n.say())).flatten();
    // A refusal answered without a reload may come far from where the button was pressed (a
    // long form): brought into view, as a page loaded at its top would show it.
    let alert = NodeRef::<leptos::html::Div>::new();
    if error.is_some() {
        Effect::new(move |_| {
            if let Some(el) = alert.get() {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    view! {
        {error.map(|e| view! { <div class="alert" role="alert" node_ref=alert><p>{e}</p></div> })}
        {notice.map(|n| view! { <div class="notice" role="status"><p>{n}</p></div> })}
    }
}

/// A labelled multi-line text field of form `form`, prefilled and annotated from `echo`.
#[component]
pub fn TextArea(
    #[prop(into)] form: String,
    name: &'static str,
    #[prop(into)] label: String,
    echo: FormEcho,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = true)] required: bool,
    #[prop(default = 5)] rows: u32,
    #[prop(optional)] maxlength: Option<u32>,
    /// The domain's check, run in the browser when the field changes (the server runs it too);
    /// its message is said in the page's language.
    #[prop(optional)]
    check: Option<Callback<String, Option<Msg>>>,
    /// The text shown when this form was not just posted (e.g. the text to redact).
    #[prop(optional, into)]
    initial: Option<String>,
) -> impl IntoView {
    let field = Field::new(&form, name, hint.as_deref(), &echo, check);
    let value = if echo.form == form { echo.value(&form, name) } else { initial.unwrap_or_default() };
    let (error, described, on_change, on_input) = (field.error, field.described(), field.on_change(), field.on_input());
    // Leptos 0.8 does not escape <textarea> children when rendering on the server: escape them
    // here (the browser decodes the entities back; an HTTP test checks it).
    let control = view! {
        <textarea
            id=field.id.clone()
            name=name
            rows=rows
            maxlength=maxlength
            required=required
            aria-invalid=move || error.is_some().then_some("true")
            aria-describedby=described
            on:change=on_change
            on:input=on_input
        >
            {escape_text(&value)}
        </textarea>
    };
    field.frame(label, hint, control.into_any())
}

/// A labelled drop-down list of form `form`: `options` are (value, label) pairs, after a first
/// empty choice `placeholder`. Prefilled and annotated from `echo`.
#[component]
pub fn SelectField(
    #[prop(into)] form: String,
    name: &'static str,
    #[prop(into)] label: String,
    echo: FormEcho,
    options: Vec<(&'static str, String)>,
    /// The first, empty choice ("Choisir…" by default).
    #[prop(optional, into)]
    placeholder: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let placeholder = placeholder.unwrap_or_else(|| t("form-choose"));
    let field = Field::new(&form, name, hint.as_deref(), &echo, None);
    let chosen = echo.value(&form, name);
    let (error, described) = (field.error, field.described());
    let control = view! {
        <select
            id=field.id.clone()
            name=name
            required=true
            aria-invalid=move || error.is_some().then_some("true")
            aria-describedby=described
        >
            <option value="" selected=chosen.is_empty()>{placeholder}</option>
            {options
                .into_iter()
                .map(|(value, text)| view! { <option value=value selected=chosen == value>{text}</option> })
                .collect_view()}
        </select>
    };
    field.frame(label, hint, control.into_any())
}

/// `&`, `<` and `>` as character references.
fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
