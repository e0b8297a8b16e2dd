//! A page as a list of things to draw, in millimetres from the top-left corner, and the one
//! place that turns pages into PDF bytes with printpdf.
//!
//! Documents are laid out in full before anything is written, so the page count is known for
//! "Side 1 av 3" and the fonts can be subset to exactly the characters used.
//!
//! The same page also draws as SVG ([`svg`]), which is how the app previews the first page
//! of a document: one layout, two outputs, so the preview never differs from the PDF.
//!
//! Left out on purpose: colour (every page must read the same printed in black and white, so
//! only greys are offered), images and links.

use std::collections::BTreeSet;

use printpdf::{
    Color, Greyscale, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, TextItem,
};

use super::fonts::{self, Weight, MM_PER_PT};
use super::PdfError;

/// A4 in millimetres, short side first.
pub const A4_SHORT: f32 = 210.0;
pub const A4_LONG: f32 = 297.0;

/// How text sits on its x coordinate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

#[derive(Clone, Debug)]
enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        text: String,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        grey: f32,
    },
}

/// One page being drawn.
#[derive(Clone, Debug)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    items: Vec<Item>,
}

impl Page {
    /// An empty page of `width` × `height` millimetres.
    pub fn new(width: f32, height: f32) -> Self {
        Page {
            width,
            height,
            items: Vec::new(),
        }
    }

    /// Text with its baseline at `y`, aligned on `x`.
    pub fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, align: Align, text: &str) {
        let text = fonts::printable(weight, text);
        if text.trim().is_empty() {
            return;
        }
        let w = fonts::width_mm(weight, size, &text);
        let x = match align {
            Align::Left => x,
            Align::Centre => x - w / 2.0,
            Align::Right => x - w,
        };
        self.items.push(Item::Text {
            x,
            y,
            size,
            weight,
            text,
        });
    }

    /// Text cut with "…" so that it fits in `max` millimetres.
    #[allow(clippy::too_many_arguments)]
    pub fn text_fit(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        align: Align,
        max: f32,
        text: &str,
    ) {
        self.text(x, y, size, weight, align, &fit(weight, size, max, text));
    }

    /// A straight line `width` millimetres thick.
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        self.items.push(Item::Line {
            x1,
            y1,
            x2,
            y2,
            width,
        });
    }

    /// A rectangle filled with grey (0 black, 1 white).
    pub fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, grey: f32) {
        self.items.push(Item::Fill { x, y, w, h, grey });
    }

    fn chars(&self, weight: Weight, into: &mut BTreeSet<char>) {
        for item in &self.items {
            if let Item::Text {
                weight: w, text, ..
            } = item
            {
                if *w == weight {
                    into.extend(text.chars());
                }
            }
        }
    }
}

/// `text`, shortened with "…" until it fits in `max` millimetres: the longest start of the
/// text that fits with "…" after it (trailing spaces dropped), or nothing when even "…" does
/// not fit. One pass over the text, whatever its length.
pub fn fit(weight: Weight, size: f32, max: f32, text: &str) -> String {
    let fits = |units: u32| fonts::units_to_mm(weight, size, units) <= max;
    let widths: Vec<u32> = text.chars().map(|c| fonts::advance(weight, c)).collect();
    if fits(widths.iter().sum()) {
        return text.to_string();
    }
    let ellipsis = fonts::advance(weight, '…');
    // The longest prefix of `n` characters, n < the text's length, that fits once trimmed.
    let chars: Vec<char> = text.chars().collect();
    let mut best: Option<usize> = None;
    let mut sum = ellipsis;
    // `kept` is the trimmed length of the prefix so far; its width with "…" is `sum`.
    let mut kept = 0;
    let mut pending = 0;
    for (n, (&c, &w)) in chars.iter().zip(&widths).enumerate() {
        // Here `kept` and `sum` describe the prefix of n characters.
        if !fits(sum) {
            break;
        }
        best = Some(kept);
        if c.is_whitespace() {
            pending += w;
        } else {
            sum += pending + w;
            pending = 0;
            kept = n + 1;
        }
    }
    match best {
        Some(kept) => chars[..kept].iter().collect::<String>() + "…",
        None => String::new(),
    }
}

/// `text` broken into lines no wider than `max` millimetres, at spaces where possible.
pub fn wrap(weight: Weight, size: f32, max: f32, text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if fonts::width_mm(weight, size, &candidate) <= max || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::take(&mut current));
            current = word.to_string();
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
        .into_iter()
        .map(|l| fit(weight, size, max, &l))
        .collect()
}

fn pt(mm: f32) -> Pt {
    Pt(mm / MM_PER_PT)
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level,
        icc_profile: None,
    })
}

/// Write `pages` as one PDF titled `title`, dated `made` (seconds since the Unix epoch).
/// Control characters in the title (it comes from the plan's name) become spaces, as in drawn
/// text (see [`fonts::printable`]).
pub fn render(title: &str, made: i64, pages: &[Page]) -> Result<Vec<u8>, PdfError> {
    let title: String = title
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut doc = PdfDocument::new(&title);
    if let Ok(date) = printpdf::OffsetDateTime::from_unix_timestamp(made) {
        doc.metadata.info.creation_date = date;
        doc.metadata.info.modification_date = date;
        doc.metadata.info.metadata_date = date;
    }
    doc.metadata.info.creator = "Turnus".into();
    doc.metadata.info.producer = "Turnus".into();
    let mut ids = Vec::new();
    for weight in [Weight::Regular, Weight::Bold] {
        let mut chars = BTreeSet::new();
        for page in pages {
            page.chars(weight, &mut chars);
        }
        let font = fonts::subset_for(weight, &chars)?;
        ids.push((weight, doc.add_font(&font)));
    }
    let font_of = |weight: Weight| {
        ids.iter()
            .find(|(w, _)| *w == weight)
            .map(|(_, id)| PdfFontHandle::External(id.clone()))
    };
    let mut out_pages = Vec::with_capacity(pages.len());
    for page in pages {
        let h = page.height;
        let mut ops = Vec::with_capacity(page.items.len() * 5);
        for item in &page.items {
            match item {
                Item::Fill {
                    x,
                    y,
                    w,
                    h: rh,
                    grey: g,
                } => {
                    ops.push(Op::SetFillColor { col: grey(*g) });
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: pt(*x),
                            y: pt(h - y - rh),
                            width: pt(*w),
                            height: pt(*rh),
                            mode: Some(PaintMode::Fill),
                            winding_order: None,
                        },
                    });
                    ops.push(Op::SetFillColor { col: grey(0.0) });
                }
                Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                } => {
                    ops.push(Op::SetOutlineThickness { pt: pt(*width) });
                    ops.push(Op::SetOutlineColor { col: grey(0.0) });
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint {
                                    p: Point {
                                        x: pt(*x1),
                                        y: pt(h - y1),
                                    },
                                    bezier: false,
                                },
                                LinePoint {
                                    p: Point {
                                        x: pt(*x2),
                                        y: pt(h - y2),
                                    },
                                    bezier: false,
                                },
                            ],
                            is_closed: false,
                        },
                    });
                }
                Item::Text {
                    x,
                    y,
                    size,
                    weight,
                    text,
                } => {
                    let Some(font) = font_of(*weight) else {
                        continue;
                    };
                    ops.push(Op::StartTextSection);
                    ops.push(Op::SetFont {
                        font,
                        size: Pt(*size),
                    });
                    ops.push(Op::SetTextCursor {
                        pos: Point {
                            x: pt(*x),
                            y: pt(h - y),
                        },
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(text.clone())],
                    });
                    ops.push(Op::EndTextSection);
                }
            }
        }
        out_pages.push(PdfPage::new(Mm(page.width), Mm(page.height), ops));
    }
    doc.with_pages(out_pages);
    let mut warnings = Vec::new();
    let options = PdfSaveOptions {
        subset_fonts: false,
        ..PdfSaveOptions::default()
    };
    Ok(doc.save(&options, &mut warnings))
}

/// The page as an SVG image with the same layout in millimetres: text keeps the PDF's measured
/// width (`textLength`), so a system font of other metrics still lines up with the rules.
pub fn svg(page: &Page) -> String {
    use std::fmt::Write as _;
    let (w, h) = (page.width, page.height);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}mm\" height=\"{h}mm\" viewBox=\"0 0 {w} {h}\">\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>\
         <g font-family=\"'DejaVu Sans', Verdana, sans-serif\" fill=\"#000\">"
    );
    for item in &page.items {
        // Writing into a String cannot fail.
        let _ = match item {
            Item::Fill {
                x,
                y,
                w,
                h,
                grey: g,
            } => {
                let level = (g.clamp(0.0, 1.0) * 255.0).round() as u8;
                write!(
                    out,
                    "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{w:.2}\" height=\"{h:.2}\" fill=\"#{level:02x}{level:02x}{level:02x}\"/>"
                )
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
            } => write!(
                out,
                "<line x1=\"{x1:.2}\" y1=\"{y1:.2}\" x2=\"{x2:.2}\" y2=\"{y2:.2}\" stroke=\"#000\" stroke-width=\"{width:.2}\"/>"
            ),
            Item::Text {
                x,
                y,
                size,
                weight,
                text,
            } => {
                let bold = if *weight == Weight::Bold {
                    " font-weight=\"bold\""
                } else {
                    ""
                };
                let length = fonts::width_mm(*weight, *size, text);
                write!(
                    out,
                    "<text x=\"{x:.2}\" y=\"{y:.2}\" font-size=\"{:.3}\"{bold} textLength=\"{length:.2}\" lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\">{}</text>",
                    size * MM_PER_PT,
                    escape_xml(text)
                )
            }
        };
    }
    out.push_str("</g></svg>");
    out
}

/// `text` safe inside an XML element.
fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_of_a_page_escapes_text_and_keeps_the_layout_in_millimetres() {
        let mut page = Page::new(A4_LONG, A4_SHORT);
        page.text(
            10.0,
            20.0,
            10.0,
            Weight::Bold,
            Align::Left,
            "Kari & <Łukasz>",
        );
        page.line(10.0, 22.0, 100.0, 22.0, 0.4);
        page.fill(10.0, 30.0, 5.0, 5.0, 0.5);
        let svg = svg(&page);
        assert!(svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"297mm\" height=\"210mm\""
        ));
        assert!(svg.contains(">Kari &amp; &lt;Łukasz&gt;</text>"), "{svg}");
        assert!(svg.contains("font-weight=\"bold\""));
        assert!(svg.contains("<line x1=\"10.00\" y1=\"22.00\" x2=\"100.00\""));
        assert!(svg.contains("fill=\"#808080\""), "grey 0.5 is mid grey");
        assert!(svg.ends_with("</g></svg>"));
    }

    /// The first way `fit` was written: drop one character at a time and measure again.
    fn fit_by_dropping(weight: Weight, size: f32, max: f32, text: &str) -> String {
        if fonts::width_mm(weight, size, text) <= max {
            return text.to_string();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let candidate = chars.iter().collect::<String>().trim_end().to_string() + "…";
            if fonts::width_mm(weight, size, &candidate) <= max {
                return candidate;
            }
        }
        String::new()
    }

    #[test]
    fn fitting_cuts_where_dropping_one_character_at_a_time_would() {
        let texts = [
            "Kari Nordmann",
            "Ola   Normann  Jensen",
            "  ",
            "Åse Øvrebø-Ødegård",
            "W",
        ];
        for text in texts {
            for weight in [Weight::Regular, Weight::Bold] {
                for tenth in 0..60 {
                    let max = tenth as f32;
                    assert_eq!(
                        fit(weight, 9.0, max, text),
                        fit_by_dropping(weight, 9.0, max, text),
                        "{text:?} in {max} mm"
                    );
                }
            }
        }
    }

    #[test]
    fn a_name_of_a_hundred_thousand_characters_is_cut_to_its_cell() {
        let name = "Kari Nordmann ".repeat(7_200);
        let cut = fit(Weight::Regular, 9.0, 40.0, &name);
        assert!(cut.ends_with('…') && cut.chars().count() < 40, "{cut}");
        assert!(fonts::width_mm(Weight::Regular, 9.0, &cut) <= 40.0);
    }
}
