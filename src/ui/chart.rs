//! The bar charts of the app and of the briefing: deaths stacked by victim category, one bar
//! per region, actor or month, with low–high whiskers. Drawn with the painter rather than a
//! plot widget so that real data stays readable:
//!
//! - categories (regions, actors) are laid out as horizontal bars, each with its name on its
//!   own line, whatever the number of bars; months stand as columns with their labels turned
//!   upright, and only every k-th label when they would overlap (each bar's tooltip names it);
//! - an outlier never sets the scale alone: see [`axis_cap`]. A capped bar stops at the end of
//!   the axis with a break mark and its value written beside it.
//!
//! Not here: which incidents make a bar (see `analysis`), or what a click does (the caller's).

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Ui, Vec2, pos2, vec2};

use crate::analysis::Stack;
use crate::incident::Category;
use crate::ui::i18n::t;
use crate::ui::panels::category_colour;
use crate::ui::state::Lang;

/// A bar is an outlier when it is more than this many times the next bar down.
pub const OUTLIER_RATIO: u32 = 2;

/// Where a value axis ends, and which bars go past it.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisCap {
    /// The largest value the axis shows (before rounding to a nice tick).
    pub top: u32,
    /// Indices of the bars longer than the axis, drawn cut with their value written.
    pub capped: Vec<usize>,
}

/// The axis of a bar chart of `values`: at most the top 5% of the bars (at least one) may be
/// left past the axis, and only those more than [`OUTLIER_RATIO`] times the next bar down, so
/// that the axis ends at the 95th percentile when the top is an outlier and at the maximum
/// otherwise. One 2,000-death bar beside one of 860 is cut; 500 beside 320 is not.
pub fn axis_cap(values: &[u32]) -> AxisCap {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(values[i]));
    let allowed = (values.len() / 20).max(1);
    let mut cut = 0;
    for k in 0..allowed {
        let (Some(&a), Some(&b)) = (order.get(k), order.get(k + 1)) else {
            break;
        };
        if values[b] > 0 && values[a] > OUTLIER_RATIO * values[b] {
            cut = k + 1;
        }
    }
    let top = order.get(cut).map_or(0, |&i| values[i]).max(1);
    let mut capped: Vec<usize> = order[..cut].to_vec();
    capped.sort_unstable();
    AxisCap { top, capped }
}

/// A round axis end at or above `v` (1, 2, 2.5, 3, 4, 5, 6 or 8 × a power of ten), and its
/// tick step.
pub fn nice_axis(v: f64) -> (f64, f64) {
    let v = v.max(1.0);
    let exp = 10f64.powf(v.log10().floor());
    for (m, step) in [
        (1.0, 0.2),
        (2.0, 0.5),
        (2.5, 0.5),
        (3.0, 0.5),
        (4.0, 1.0),
        (5.0, 1.0),
        (6.0, 1.0),
        (8.0, 2.0),
        (10.0, 2.0),
    ] {
        if v <= m * exp + 1e-9 {
            return (m * exp, step * exp);
        }
    }
    (10.0 * exp, 2.0 * exp)
}

/// Bars on their side (categories) or standing (a timeline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Horizontal,
    Columns,
}

/// What the chart reports back: its area's response and the bar under the pointer.
pub struct ChartResponse {
    pub response: egui::Response,
    pub hovered: Option<usize>,
}

/// One bar's numbers, laid out once per frame.
struct BarData {
    /// Best deaths per present category, bottom (left) first.
    stack: Vec<(Category, f64)>,
    total: f64,
    low: f64,
    high: f64,
}

/// Deaths stacked by category, one bar per entry of `data`, labelled with `labels` (same
/// length). Shared by the app's chart panel and the briefing image.
pub fn stacked_bars(
    ui: &mut Ui,
    data: &[(String, Stack)],
    labels: &[String],
    layout: Layout,
    lang: Lang,
) -> ChartResponse {
    let present: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|c| data.iter().any(|(_, s)| s.by_category.contains_key(c)))
        .collect();
    legend(ui, &present, lang);
    let bars: Vec<BarData> = data
        .iter()
        .map(|(_, s)| {
            let tr = s.total();
            BarData {
                stack: present
                    .iter()
                    .filter_map(|c| s.by_category.get(c).map(|r| (*c, r.best as f64)))
                    .collect(),
                total: tr.best as f64,
                low: tr.low as f64,
                high: tr.high as f64,
            }
        })
        .collect();
    let totals: Vec<u32> = data.iter().map(|(_, s)| s.total().best).collect();
    let cap = axis_cap(&totals);
    // The whiskers of bars within the axis may lengthen it a little, never by much.
    let whisker_top = bars
        .iter()
        .enumerate()
        .filter(|(i, _)| !cap.capped.contains(i))
        .map(|(_, b)| b.high)
        .fold(0.0, f64::max);
    let (top, step) = nice_axis(whisker_top.min(1.5 * cap.top as f64).max(cap.top as f64));
    let size = ui.available_size().max(vec2(120.0, 80.0));
    match layout {
        Layout::Horizontal => horizontal(ui, size, &bars, labels, &cap, top, step),
        Layout::Columns => columns(ui, size, &bars, labels, &cap, top, step),
    }
}

fn legend(ui: &mut Ui, present: &[Category], lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for c in present {
            let (r, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
            ui.painter().rect_filled(r, 1.0, category_colour(*c));
            ui.small(t(lang, c.as_str()));
            ui.add_space(6.0);
        }
        let (r, _) = ui.allocate_exact_size(vec2(14.0, 10.0), Sense::hover());
        let y = r.center().y;
        ui.painter().line_segment(
            [pos2(r.left(), y), pos2(r.right(), y)],
            Stroke::new(1.5, ui.visuals().text_color()),
        );
        ui.small(t(lang, "low_high"));
    });
}

/// A value's text: "2 000" is written "2000" (short, no locale grouping).
fn value_text(v: f64) -> String {
    format!("{}", v.round() as i64)
}

/// Bars on their side: one row per bar, the name left of it.
fn horizontal(
    ui: &mut Ui,
    size: Vec2,
    bars: &[BarData],
    labels: &[String],
    cap: &AxisCap,
    top: f64,
    step: f64,
) -> ChartResponse {
    let font = FontId::proportional(12.0);
    let text = ui.visuals().text_color();
    let axis_h = 18.0;
    let n = bars.len().max(1);
    // Rows never get thinner than a line of text: past that, the chart scrolls.
    let row = ((size.y - axis_h) / n as f32).clamp(16.0, 30.0);
    let content_h = row * n as f32 + axis_h;
    let label_w = labels
        .iter()
        .map(|l| {
            ui.painter()
                .layout_no_wrap(l.clone(), font.clone(), text)
                .size()
                .x
        })
        .fold(0.0, f32::max)
        .min(size.x * 0.35)
        + 8.0;
    let mut hovered = None;
    let mut out_response = None;
    egui::ScrollArea::vertical()
        .id_salt("bars_scroll")
        .max_height(size.y)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let (rect, response) =
                ui.allocate_exact_size(vec2(size.x - 4.0, content_h), Sense::click());
            let painter = ui.painter_at(rect);
            // Room on the right for a capped bar's value.
            let plot = Rect::from_min_max(
                pos2(rect.left() + label_w, rect.top()),
                pos2(rect.right() - 44.0, rect.bottom() - axis_h),
            );
            let x_of = |v: f64| plot.left() + (v.min(top) / top) as f32 * plot.width();
            let grid = ui.visuals().widgets.noninteractive.bg_stroke.color;
            let mut v = 0.0;
            while v <= top + 1e-9 {
                let x = x_of(v);
                painter.line_segment(
                    [pos2(x, plot.top()), pos2(x, plot.bottom())],
                    Stroke::new(1.0, grid),
                );
                painter.text(
                    pos2(x, plot.bottom() + 2.0),
                    Align2::CENTER_TOP,
                    value_text(v),
                    FontId::proportional(10.0),
                    text,
                );
                v += step;
            }
            let pointer = response.hover_pos();
            for (i, b) in bars.iter().enumerate() {
                let y0 = plot.top() + i as f32 * row;
                let band = Rect::from_min_max(pos2(rect.left(), y0), pos2(rect.right(), y0 + row));
                if pointer.is_some_and(|p| band.contains(p)) {
                    hovered = Some(i);
                    painter.rect_filled(band, 0.0, ui.visuals().faint_bg_color);
                }
                let label = labels.get(i).map_or("", String::as_str);
                let galley = ui
                    .painter()
                    .layout_no_wrap(label.into(), font.clone(), text);
                let galley = if galley.size().x > label_w - 8.0 {
                    let mut job =
                        egui::text::LayoutJob::simple_singleline(label.into(), font.clone(), text);
                    job.wrap = egui::text::TextWrapping::truncate_at_width(label_w - 8.0);
                    ui.painter().layout_job(job)
                } else {
                    galley
                };
                painter.galley(
                    pos2(
                        plot.left() - 6.0 - galley.size().x,
                        y0 + (row - galley.size().y) / 2.0,
                    ),
                    galley,
                    text,
                );
                let h = (row * 0.7).max(8.0);
                let yb = y0 + (row - h) / 2.0;
                let mut acc = 0.0;
                for (c, v) in &b.stack {
                    let r = Rect::from_min_max(pos2(x_of(acc), yb), pos2(x_of(acc + v), yb + h));
                    painter.rect_filled(r, 0.0, category_colour(*c));
                    acc += v;
                }
                let is_capped = cap.capped.contains(&i);
                let yc = yb + h / 2.0;
                if b.high > b.low {
                    let (x0, x1) = (x_of(b.low), x_of(b.high));
                    painter.line_segment([pos2(x0, yc), pos2(x1, yc)], Stroke::new(1.2, text));
                    painter.line_segment(
                        [pos2(x0, yc - 3.0), pos2(x0, yc + 3.0)],
                        Stroke::new(1.2, text),
                    );
                    if b.high <= top {
                        painter.line_segment(
                            [pos2(x1, yc - 3.0), pos2(x1, yc + 3.0)],
                            Stroke::new(1.2, text),
                        );
                    }
                }
                if is_capped {
                    break_mark(&painter, pos2(plot.right() - 8.0, yc), h, true);
                    painter.text(
                        pos2(plot.right() + 4.0, yc),
                        Align2::LEFT_CENTER,
                        format!("{} »", value_text(b.total)),
                        FontId::proportional(11.0),
                        text,
                    );
                } else if b.total > 0.0 && row >= 16.0 {
                    let x = x_of(b.total.max(b.high.min(top))) + 4.0;
                    if x < plot.right() + 40.0 {
                        painter.text(
                            pos2(x, yc),
                            Align2::LEFT_CENTER,
                            value_text(b.total),
                            FontId::proportional(10.0),
                            text.gamma_multiply(0.8),
                        );
                    }
                }
            }
            out_response = Some(response);
        });
    let response = out_response.unwrap_or_else(|| ui.response());
    let response = match hovered.and_then(|i| labels.get(i)) {
        Some(l) => response.on_hover_text_at_pointer(bar_tooltip(l, &bars[hovered.unwrap_or(0)])),
        None => response,
    };
    ChartResponse { response, hovered }
}

/// Standing bars over time, labels turned upright, thinned when they would overlap.
fn columns(
    ui: &mut Ui,
    size: Vec2,
    bars: &[BarData],
    labels: &[String],
    cap: &AxisCap,
    top: f64,
    step: f64,
) -> ChartResponse {
    let font = FontId::proportional(11.0);
    let text = ui.visuals().text_color();
    let label_h = labels
        .iter()
        .map(|l| {
            ui.painter()
                .layout_no_wrap(l.clone(), font.clone(), text)
                .size()
                .x
        })
        .fold(0.0, f32::max)
        .min(90.0)
        + 6.0;
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let painter = ui.painter_at(rect);
    let plot = Rect::from_min_max(
        pos2(rect.left() + 36.0, rect.top() + 16.0),
        pos2(rect.right() - 4.0, rect.bottom() - label_h),
    );
    let n = bars.len().max(1);
    let slot = plot.width() / n as f32;
    let y_of = |v: f64| plot.bottom() - (v.min(top) / top) as f32 * plot.height();
    let grid = ui.visuals().widgets.noninteractive.bg_stroke.color;
    let mut v = 0.0;
    while v <= top + 1e-9 {
        let y = y_of(v);
        painter.line_segment(
            [pos2(plot.left(), y), pos2(plot.right(), y)],
            Stroke::new(1.0, grid),
        );
        painter.text(
            pos2(plot.left() - 4.0, y),
            Align2::RIGHT_CENTER,
            value_text(v),
            FontId::proportional(10.0),
            text,
        );
        v += step;
    }
    // Upright labels need a line's height of room each; otherwise every k-th.
    let every = (14.0 / slot).ceil().max(1.0) as usize;
    let mut hovered = None;
    let pointer = response.hover_pos();
    for (i, b) in bars.iter().enumerate() {
        let x0 = plot.left() + i as f32 * slot;
        let band = Rect::from_min_max(pos2(x0, rect.top()), pos2(x0 + slot, rect.bottom()));
        if pointer.is_some_and(|p| band.contains(p)) {
            hovered = Some(i);
            painter.rect_filled(band, 0.0, ui.visuals().faint_bg_color);
        }
        let w = (slot * 0.75).max(1.0);
        let xb = x0 + (slot - w) / 2.0;
        let mut acc = 0.0;
        for (c, v) in &b.stack {
            let r = Rect::from_min_max(pos2(xb, y_of(acc + v)), pos2(xb + w, y_of(acc)));
            painter.rect_filled(r, 0.0, category_colour(*c));
            acc += v;
        }
        let xc = xb + w / 2.0;
        if b.high > b.low {
            painter.line_segment(
                [pos2(xc, y_of(b.low)), pos2(xc, y_of(b.high))],
                Stroke::new(1.2, text),
            );
        }
        if cap.capped.contains(&i) {
            break_mark(&painter, pos2(xc, plot.top() + 8.0), w, false);
            painter.text(
                pos2(xc, plot.top() - 2.0),
                Align2::CENTER_BOTTOM,
                value_text(b.total),
                FontId::proportional(11.0),
                text,
            );
        }
        if i % every == 0
            && let Some(l) = labels.get(i)
        {
            let galley = painter.layout_no_wrap(l.clone(), font.clone(), text);
            let h = galley.size().y;
            // Turned a quarter anticlockwise, reading upwards, ending under the bar.
            let anchor = pos2(xc - h / 2.0, plot.bottom() + 4.0 + galley.size().x);
            painter.add(
                egui::epaint::TextShape::new(anchor, galley, text)
                    .with_angle(-std::f32::consts::FRAC_PI_2),
            );
        }
    }
    let response = match hovered.and_then(|i| labels.get(i)) {
        Some(l) => response.on_hover_text_at_pointer(bar_tooltip(l, &bars[hovered.unwrap_or(0)])),
        None => response,
    };
    ChartResponse { response, hovered }
}

fn bar_tooltip(label: &str, b: &BarData) -> String {
    if b.high > b.low {
        format!(
            "{label}: {} ({}–{})",
            value_text(b.total),
            value_text(b.low),
            value_text(b.high)
        )
    } else {
        format!("{label}: {}", value_text(b.total))
    }
}

/// Two slanted white strokes across a bar cut at the axis end.
fn break_mark(painter: &egui::Painter, at: Pos2, thickness: f32, horizontal: bool) {
    let stroke = Stroke::new(2.0, Color32::WHITE);
    let half = thickness / 2.0 + 2.0;
    for d in [-3.0, 3.0] {
        let (a, b) = if horizontal {
            (
                pos2(at.x + d - 3.0, at.y + half),
                pos2(at.x + d + 3.0, at.y - half),
            )
        } else {
            (
                pos2(at.x - half, at.y + d + 3.0),
                pos2(at.x + half, at.y + d - 3.0),
            )
        };
        painter.line_segment([a, b], stroke);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outlier_is_cut_and_the_axis_ends_at_the_others() {
        let cap = axis_cap(&[300, 2000, 250, 100, 5]);
        assert_eq!(cap.capped, vec![1]);
        assert_eq!(cap.top, 300);
    }

    #[test]
    fn a_large_but_plausible_bar_sets_the_axis() {
        let cap = axis_cap(&[500, 320, 220, 80, 50, 45, 40, 30, 5, 0, 0]);
        assert!(cap.capped.is_empty());
        assert_eq!(cap.top, 500);
        // The real corpus with one 2,000-death report: Kidal is cut, Mopti sets the axis.
        let cap = axis_cap(&[28, 321, 53, 2041, 45, 859, 0, 219, 79, 0]);
        assert_eq!((cap.capped.clone(), cap.top), (vec![3], 859));
        assert_eq!(axis_cap(&[]).top, 1);
        assert_eq!(axis_cap(&[2000]).capped, Vec::<usize>::new());
        // A lone non-zero bar among zeros is not an outlier of anything.
        assert!(axis_cap(&[0, 40, 0]).capped.is_empty());
    }

    #[test]
    fn only_the_top_five_percent_may_be_cut() {
        // 40 bars: two may go past the axis.
        let mut v = vec![10u32; 38];
        v.push(5000);
        v.push(900);
        let cap = axis_cap(&v);
        assert_eq!(cap.capped, vec![38, 39]);
        assert_eq!(cap.top, 10);
        // 11 bars: only one.
        let cap = axis_cap(&[5000, 900, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
        assert_eq!(cap.capped, vec![0]);
        assert_eq!(cap.top, 900);
    }

    #[test]
    fn nice_axis_ends() {
        assert_eq!(nice_axis(300.0), (300.0, 50.0));
        assert_eq!(nice_axis(860.0), (1000.0, 200.0));
        assert_eq!(nice_axis(2.0), (2.0, 0.5));
        assert_eq!(nice_axis(0.0), (1.0, 0.2));
    }
}
