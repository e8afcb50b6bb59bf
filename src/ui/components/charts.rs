//! Charts drawn as SVG in the page (on the server first; no chart script to download), each
//! with its data as a table beside it: the table is what a screen reader, a person without
//! images or a spreadsheet reads; the drawing is `role="img"` named by its caption.

use leptos::prelude::*;

use crate::domain::stats::{Bucket, CategoryDelay};
use crate::i18n::{duration, label, t};

/// The drawing's width in SVG units (it scales to the page's width).
const W: f64 = 480.0;

/// Round numbers for an axis reaching at least `max`: its top and step.
fn axis(max: f64) -> (f64, f64) {
    if max <= 0.0 {
        return (4.0, 1.0);
    }
    let raw = max / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(raw);
    let step = if magnitude < 1.0 { step.max(1.0).ceil() } else { step };
    ((max / step).ceil() * step, step)
}

/// "2026-11-02" → "02/11".
fn short_day(day: &str) -> String {
    let parts: Vec<&str> = day.split('-').collect();
    match parts[..] {
        [_, m, d] => format!("{d}/{m}"),
        _ => day.to_owned(),
    }
}

/// Requests and offers published per week (or month): two bars per period.
#[component]
pub fn PostsOverTime(buckets: Vec<Bucket>, by_month: bool) -> impl IntoView {
    let (h, left, bottom, top) = (220.0, 40.0, 28.0, 10.0);
    let max = buckets.iter().map(|b| b.requests.max(b.offers)).max().unwrap_or(0) as f64;
    let (top_value, step) = axis(max);
    let plot_h = h - bottom - top;
    let slot = (W - left - 4.0) / buckets.len().max(1) as f64;
    let bar = (slot * 0.38).min(22.0);
    let y = move |v: f64| top + plot_h - v / top_value * plot_h;
    let every = (buckets.len() / 6).max(1);
    let ticks: Vec<f64> = (0..=((top_value / step) as usize)).map(|i| i as f64 * step).collect();
    let caption = if by_month { t("stats-chart-posts-month") } else { t("stats-chart-posts-week") };
    let rows = buckets.clone();
    view! {
        <figure class="chart">
            <figcaption id="chart-posts">{caption.clone()}</figcaption>
            <svg viewBox=format!("0 0 {W} {h}") role="img" aria-labelledby="chart-posts" class="chart-svg">
                {ticks.into_iter().map(|v| view! {
                    <line x1=left x2=W y1=y(v) y2=y(v) class="chart-grid"/>
                    <text x=left - 6.0 y=y(v) + 4.0 text-anchor="end" class="chart-label">{v.to_string()}</text>
                }).collect_view()}
                {buckets.iter().enumerate().map(|(i, b)| {
                    let x = left + slot * i as f64 + slot / 2.0;
                    let label_view = (i % every == 0).then(|| view! {
                        <text x=x y=h - 8.0 text-anchor="middle" class="chart-label">{short_day(&b.start)}</text>
                    });
                    view! {
                        <rect x=x - bar y=y(b.requests as f64) width=bar height=y(0.0) - y(b.requests as f64) class="chart-request">
                            <title>{format!("{} : {}", short_day(&b.start), b.requests)}</title>
                        </rect>
                        <rect x=x y=y(b.offers as f64) width=bar height=y(0.0) - y(b.offers as f64) class="chart-offer">
                            <title>{format!("{} : {}", short_day(&b.start), b.offers)}</title>
                        </rect>
                        {label_view}
                    }
                }).collect_view()}
            </svg>
            <p class="chart-legend" aria-hidden="true">
                <span class="key key-request"></span>{t("stats-requests")}" "
                <span class="key key-offer"></span>{t("stats-offers")}
            </p>
        </figure>
        <div class="table-wrap" tabindex="0" role="region" aria-label=format!("{} {caption}", t("stats-table-of"))>
            <table class="data">
                <caption>{t("stats-table-of")}" "{caption.clone()}</caption>
                <thead><tr>
                    <th scope="col">{if by_month { t("stats-month") } else { t("stats-week") }}</th>
                    <th scope="col" class="num">{t("stats-requests")}</th>
                    <th scope="col" class="num">{t("stats-offers")}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|b| view! {
                        <tr><th scope="row">{b.start}</th><td class="num">{b.requests}</td><td class="num">{b.offers}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The median time to the first answer of requests, per category (a horizontal bar each).
#[component]
pub fn FirstAnswerByCategory(delays: Vec<CategoryDelay>) -> impl IntoView {
    // A row per category: its name, then its bar and the median (long names fit a phone).
    let row_h = 44.0;
    let right = 110.0;
    let h = row_h * delays.len() as f64 + 4.0;
    let max = delays.iter().filter_map(|d| d.median).max().unwrap_or(0) as f64;
    let width = move |s: i64| if max > 0.0 { (s as f64 / max) * (W - right) } else { 0.0 };
    let caption = t("stats-chart-delay");
    let rows = delays.clone();
    view! {
        <figure class="chart">
            <figcaption id="chart-delay">{caption.clone()}</figcaption>
            <svg viewBox=format!("0 0 {W} {h}") role="img" aria-labelledby="chart-delay" class="chart-svg">
                {delays.into_iter().enumerate().map(|(i, d)| {
                    let y = i as f64 * row_h;
                    let name = label("category", d.category.slug());
                    let said = d.median.map(duration).unwrap_or_else(|| t("stats-none"));
                    let w = d.median.map(width).unwrap_or(0.0);
                    view! {
                        <text x=0 y=y + 16.0 class="chart-label chart-label-strong">{name}</text>
                        <rect x=0 y=y + 22.0 width=w height=14 style=format!("fill:{}", d.category.colour())/>
                        <text x=w + 6.0 y=y + 34.0 class="chart-label">{said}</text>
                    }
                }).collect_view()}
            </svg>
        </figure>
        <div class="table-wrap" tabindex="0" role="region" aria-label=format!("{} {caption}", t("stats-table-of"))>
            <table class="data">
                <caption>{t("stats-table-of")}" "{caption.clone()}</caption>
                <thead><tr>
                    <th scope="col">{t("stats-category")}</th>
                    <th scope="col" class="num">{t("stats-answered-short")}</th>
                    <th scope="col" class="num">{t("stats-median")}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|d| view! {
                        <tr>
                            <th scope="row">{label("category", d.category.slug())}</th>
                            <td class="num">{d.answered}</td>
                            <td class="num">{d.median.map(duration).unwrap_or_else(|| t("stats-none"))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_end_on_round_numbers() {
        assert_eq!(axis(0.0), (4.0, 1.0));
        assert_eq!(axis(3.0), (3.0, 1.0));
        assert_eq!(axis(7.0), (8.0, 2.0));
        assert_eq!(axis(37.0), (40.0, 10.0));
        assert_eq!(axis(230.0), (300.0, 100.0));
        assert_eq!(short_day("2026-11-02"), "02/11");
    }
}
