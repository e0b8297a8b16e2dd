//! The embedded fonts (DejaVu Sans, regular and bold; licence in assets/fonts): advance widths
//! for laying out text, and subsets holding only the glyphs one document uses.
//!
//! printpdf without its layout features embeds a font whole (about 750 kB each), so the subset
//! is made here with `allsorts` before the font is handed to printpdf. Characters the font does
//! not have are printed as `?` rather than as an empty box.
//!
//! Left out on purpose: shaping (kerning, ligatures) and right-to-left text; Turnus prints
//! Latin-script names and Norwegian or English labels.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use printpdf::ParsedFont;

use super::PdfError;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// The weight of a piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    fn bytes(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR,
            Weight::Bold => BOLD,
        }
    }
}

/// The whole font, parsed once per process: its character map and advance widths.
fn face(weight: Weight) -> Result<&'static ParsedFont, PdfError> {
    static FACES: [OnceLock<Option<ParsedFont>>; 2] = [OnceLock::new(), OnceLock::new()];
    let slot = match weight {
        Weight::Regular => &FACES[0],
        Weight::Bold => &FACES[1],
    };
    slot.get_or_init(|| ParsedFont::from_bytes(weight.bytes(), 0, &mut Vec::new()))
        .as_ref()
        .ok_or(PdfError::Font("the embedded font could not be read".into()))
}

/// True when the font has a glyph for `c`.
pub fn has_glyph(weight: Weight, c: char) -> bool {
    face(weight).is_ok_and(|f| f.lookup_glyph_index(c as u32).is_some())
}

/// `text` with every character the font lacks replaced by `?` (control characters by a space).
pub fn printable(weight: Weight, text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                ' '
            } else if has_glyph(weight, c) {
                c
            } else {
                '?'
            }
        })
        .collect()
}

/// The advance width of `text` at `size` points, in millimetres.
pub fn width_mm(weight: Weight, size: f32, text: &str) -> f32 {
    let units: u32 = text.chars().map(|c| advance(weight, c)).sum();
    units_to_mm(weight, size, units)
}

/// The advance width of one character in font units (see [`units_to_mm`]). Widths add up:
/// the width of a text is the sum of its characters' (the fonts are set without kerning).
pub fn advance(weight: Weight, c: char) -> u32 {
    match face(weight) {
        Ok(font) => {
            let gid = font.lookup_glyph_index(c as u32).unwrap_or(0);
            u32::from(font.get_glyph_width(gid).unwrap_or(0))
        }
        // Without the font, every character is 0.6 em wide.
        Err(_) => 600,
    }
}

/// A width in font units (a sum of [`advance`]s) at `size` points, in millimetres.
pub fn units_to_mm(weight: Weight, size: f32, units: u32) -> f32 {
    let per_em = face(weight).map_or(1000, |f| f.units_per_em.max(1));
    units as f32 / f32::from(per_em) * size * MM_PER_PT
}

/// Millimetres in one PostScript point.
pub const MM_PER_PT: f32 = 25.4 / 72.0;

/// A font holding only the glyphs of `chars` (plus the glyph for missing characters), with a
/// Unicode character map, ready to embed.
pub fn subset_for(weight: Weight, chars: &BTreeSet<char>) -> Result<ParsedFont, PdfError> {
    let font = face(weight)?;
    let mut glyphs: Vec<u16> = std::iter::once(0)
        .chain(
            chars
                .iter()
                .filter_map(|c| font.lookup_glyph_index(*c as u32)),
        )
        .collect();
    glyphs.sort_unstable();
    glyphs.dedup();
    let fail = |what: &str| PdfError::Font(format!("could not subset the embedded font: {what}"));
    let file = ReadScope::new(weight.bytes())
        .read::<FontData<'_>>()
        .map_err(|e| fail(&e.to_string()))?;
    let provider = file.table_provider(0).map_err(|e| fail(&e.to_string()))?;
    let bytes = subset(&provider, &glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| fail(&e.to_string()))?;
    ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(|| fail("unreadable subset"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_latin_scripts_have_glyphs() {
        for name in [
            "Łukasz Wiśniewski",
            "Áilu Čoalbmi",
            "Øyvind Ærø",
            "Małgorzata Król",
        ] {
            assert_eq!(
                printable(Weight::Regular, name),
                name,
                "DejaVu Sans covers every Latin letter a Norwegian plan meets"
            );
        }
    }

    #[test]
    fn subset_is_much_smaller_than_the_font_and_maps_its_characters() {
        let chars: BTreeSet<char> = "Łukasz Wiśniewski 0123456789".chars().collect();
        let font = subset_for(Weight::Bold, &chars).expect("subset");
        assert!(
            font.original_bytes.len() < 40_000,
            "a subset of a few dozen glyphs, got {} bytes",
            font.original_bytes.len()
        );
        assert!(
            font.lookup_glyph_index('Ł' as u32).is_some(),
            "the subset keeps a Unicode character map"
        );
    }
}
