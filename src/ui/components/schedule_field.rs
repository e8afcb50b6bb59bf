//! "Quand ?" in the post form (#18 §5): no particular day, one day, each week or each month,
//! with hours and a last day. Plain fields that work without JavaScript; the style sheet shows
//! only the part of the choice made (`:has()`), and every part without it.

use leptos::prelude::*;

use crate::i18n::t;
use crate::wire::forms::FormEcho;

/// The fieldset, filled from `echo` (form `form`).
#[component]
pub fn ScheduleField(echo: FormEcho, #[prop(into)] form: String) -> impl IntoView {
    let value = |k: &str| echo.value(&form, k);
    let error = |k: &str| echo.error(&form, k);
    let when = Some(value("when")).filter(|w| !w.is_empty()).unwrap_or_else(|| "none".to_owned());
    // Only the wrong part is marked (each part marks itself); the whole fieldset only when the
    // choice itself is wrong.
    let when_err = error("when");
    let bad = when_err.is_some();
    let id = |k: &str| format!("{form}-{k}");
    let input = |k: &'static str, kind: &'static str, label: String, hint: Option<String>| {
        let err = error(k);
        let (field_id, hint_id, err_id) = (id(k), id(&format!("{k}-hint")), id(&format!("{k}-error")));
        let described = [hint.as_ref().map(|_| hint_id.clone()), err.as_ref().map(|_| err_id.clone())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        view! {
            <div class="field field-inline" class:field-invalid=err.is_some()>
                <label for=field_id.clone()>{label}</label>
                {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
                {err.clone().map(|e| view! { <p class="field-error" id=err_id>{e}</p> })}
                <input id=field_id name=k type=kind value=value(k)
                    aria-invalid=err.is_some().then_some("true")
                    aria-describedby=(!described.is_empty()).then_some(described)/>
            </div>
        }
    };
    let choice = |v: &'static str, label: &'static str| {
        let checked = when == v;
        view! {
            <label class="choice">
                <input type="radio" name="when" value=v checked=checked/>
                {t(label)}
            </label>
        }
    };
    let weekday_err = error("when_weekdays");
    let weekday_bad = weekday_err.is_some();
    view! {
        <fieldset class="field when" class:field-invalid=bad>
            <legend>{t("publish-when")}</legend>
            <p class="hint">{t("publish-when-hint")}</p>
            {when_err.map(|e| view! { <p class="field-error">{e}</p> })}
            <div class="when-choices">
                {choice("none", "publish-when-none")}
                {choice("once", "publish-when-once")}
                {choice("weekly", "publish-when-weekly")}
                {choice("monthly", "publish-when-monthly")}
            </div>
            <div class="when-part when-once">
                {input("when_date", "date", t("publish-when-date"), Some(t("publish-when-once-hint")))}
            </div>
            <fieldset class="when-part when-weekly" class:field-invalid=weekday_bad>
                <legend>{t("publish-when-weekdays")}</legend>
                {weekday_err.map(|e| view! { <p class="field-error">{e}</p> })}
                <div class="weekdays">
                    {(1..=7)
                        .map(|d| {
                            let name = format!("when_day_{d}");
                            let checked = !value(&name).is_empty();
                            view! {
                                <label class="choice">
                                    <input type="checkbox" name=name checked=checked/>
                                    {t(&format!("weekday-{d}"))}
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <div class="when-part when-monthly">
                {input("when_monthdays", "text", t("publish-when-monthdays"), Some(t("publish-when-monthdays-hint")))}
            </div>
            <fieldset class="when-part when-hours">
                <legend>{t("publish-when-hours")}</legend>
                <div class="hours">
                    {input("when_from", "time", t("publish-when-from"), None)}
                    {input("when_to", "time", t("publish-when-to"), None)}
                </div>
            </fieldset>
            <div class="when-part when-until">
                {input("when_until", "date", t("publish-when-until"), Some(t("publish-when-recurring-hint")))}
            </div>
        </fieldset>
    }
}
