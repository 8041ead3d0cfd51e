//! A picture's width and height as the browser will show it, read from its header, so
//! that the player can reserve its space before the picture arrives (no jump in the
//! page as it loads). Nothing is decoded; every read is bounds-checked.

use super::{svg, MediaKind};

/// A picture's size in CSS pixels, as shown (a JPEG turned by its EXIF orientation has
/// its sides swapped, as browsers show it so).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Dimensions {
    pub width: u32,
    pub height: u32,
}

impl Dimensions {
    /// Both sides at least 1, or `None`: a side of 0 means the header could not be read.
    fn new(width: u32, height: u32) -> Option<Dimensions> {
        (width > 0 && height > 0).then_some(Dimensions { width, height })
    }

    pub fn pixels(self) -> u64 {
        u64::from(self.width) * u64::from(self.height)
    }
}

/// The size of a picture of `kind`, or `None` for a sound, for bytes that are not that
/// kind, or when the header does not say (a damaged file, a JPEG of a kind browsers do
/// not show, an SVG that is not XML or gives no size).
pub fn dimensions(kind: MediaKind, bytes: &[u8]) -> Option<Dimensions> {
    match kind {
        MediaKind::Png => png(bytes),
        MediaKind::Jpeg => jpeg(bytes),
        MediaKind::Webp => webp(bytes),
        MediaKind::Svg => svg::size(bytes),
        MediaKind::Mp3 | MediaKind::Ogg | MediaKind::M4a => None,
    }
}

fn be16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(bytes.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

fn le16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn le24(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(3)?)?;
    Some(u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
}

fn le32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// PNG: the first chunk is IHDR (13 bytes), width and height first in it; the format
/// keeps both below 2^31.
fn png(bytes: &[u8]) -> Option<Dimensions> {
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") || be32(bytes, 8)? != 13 || bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let (width, height) = (be32(bytes, 16)?, be32(bytes, 20)?);
    if width > i32::MAX as u32 || height > i32::MAX as u32 {
        return None;
    }
    Dimensions::new(width, height)
}

/// JPEG: the segments after SOI walked to the frame header. Only baseline, extended and
/// progressive Huffman frames (SOF0, SOF1, SOF2) are read: the other kinds (lossless,
/// arithmetic coding, hierarchical) are ones browsers do not all show, so they have no
/// size here and are refused. An EXIF orientation that turns the picture swaps its sides.
fn jpeg(bytes: &[u8]) -> Option<Dimensions> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut at = 2;
    let mut turned = false;
    loop {
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        // Any number of fill bytes may come before a marker.
        let mut m = at + 1;
        while *bytes.get(m)? == 0xFF {
            m += 1;
        }
        let marker = bytes[m];
        let segment = m + 1;
        match marker {
            // Markers without a length: SOI, TEM, restarts.
            0xD8 | 0x01 | 0xD0..=0xD7 => {
                at = segment;
                continue;
            }
            // The end, a scan, or a stuffed 0xFF before any frame: no size.
            0xD9 | 0xDA | 0x00 => return None,
            _ => {}
        }
        let len = usize::from(be16(bytes, segment)?);
        if len < 2 {
            return None;
        }
        let body = bytes.get(segment + 2..segment + len)?;
        match marker {
            0xC0..=0xC2 => {
                // Precision, then height and width; a height of 0 is given later (DNL),
                // which browsers do not read either.
                let (height, width) = (be16(body, 1)?, be16(body, 3)?);
                let (width, height) = (u32::from(width), u32::from(height));
                return if turned { Dimensions::new(height, width) } else { Dimensions::new(width, height) };
            }
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => return None,
            0xE1 => {
                if let Some(tiff) = body.strip_prefix(b"Exif\0\0") {
                    turned = exif_orientation(tiff).is_some_and(|o| (5..=8).contains(&o));
                }
            }
            _ => {}
        }
        at = segment + len;
    }
}

/// The Orientation tag (0x0112) of an EXIF block's first IFD: 1 to 8, 5 to 8 being
/// turned a quarter (browsers apply it: CSS `image-orientation: from-image`).
fn exif_orientation(tiff: &[u8]) -> Option<u16> {
    let big = match tiff.get(..2)? {
        b"MM" => true,
        b"II" => false,
        _ => return None,
    };
    let u16_at = |at: usize| if big { be16(tiff, at) } else { le16(tiff, at) };
    let u32_at = |at: usize| if big { be32(tiff, at) } else { le32(tiff, at) };
    if u16_at(2)? != 42 {
        return None;
    }
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let count = usize::from(u16_at(ifd)?);
    // Offsets come from the file: added with a check, as usize is 32 bits in the Studio's wasm.
    (0..count).find_map(|i| {
        let entry = ifd.checked_add(2)?.checked_add(12 * i)?;
        let (tag, kind, value) = (u16_at(entry)?, u16_at(entry.checked_add(2)?)?, u16_at(entry.checked_add(8)?)?);
        // Tag 0x0112, type SHORT (3), its value in the entry's first two value bytes.
        (tag == 0x0112 && kind == 3).then_some(value)
    })
}

/// WebP: the first chunk after the RIFF header is VP8 (lossy), VP8L (lossless) or VP8X
/// (extended, with the canvas size).
fn webp(bytes: &[u8]) -> Option<Dimensions> {
    if !bytes.starts_with(b"RIFF") || bytes.get(8..12)? != b"WEBP" {
        return None;
    }
    let data = bytes.get(20..)?;
    match bytes.get(12..16)? {
        // A frame tag of 3 bytes, the start code, then 14-bit width and height (the
        // top two bits are a scale the browser does not apply to the layout).
        b"VP8 " => {
            if data.get(3..6)? != [0x9D, 0x01, 0x2A] {
                return None;
            }
            Dimensions::new(u32::from(le16(data, 6)? & 0x3FFF), u32::from(le16(data, 8)? & 0x3FFF))
        }
        // A signature byte, then width - 1 and height - 1 in 14 bits each.
        b"VP8L" => {
            if *data.first()? != 0x2F {
                return None;
            }
            let bits = le32(data, 1)?;
            Dimensions::new((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        }
        // Flags and reserved bytes, then canvas width - 1 and height - 1 in 24 bits each.
        b"VP8X" => Dimensions::new(le24(data, 4)? + 1, le24(data, 7)? + 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exif_orientation_both_byte_orders() {
        let little = [b'I', b'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0];
        assert_eq!(exif_orientation(&little), Some(6));
        let big = [b'M', b'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 8, 0, 0];
        assert_eq!(exif_orientation(&big), Some(8));
        // An IFD offset beyond the block, a count beyond it: nothing, no panic.
        assert_eq!(exif_orientation(&[b'I', b'I', 42, 0, 0xFF, 0xFF, 0xFF, 0xFF]), None);
        assert_eq!(exif_orientation(&[b'I', b'I', 42, 0, 8, 0, 0, 0, 0xFF, 0xFF]), None);
    }

    #[test]
    fn jpeg_walk_refuses_what_does_not_add_up() {
        // A segment length of 0 or 1, a length past the end, a scan before any frame.
        assert_eq!(jpeg(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 1]), None);
        assert_eq!(jpeg(&[0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF, 0]), None);
        assert_eq!(jpeg(&[0xFF, 0xD8, 0xFF, 0xDA, 0, 2]), None);
        // Fill bytes before a marker, then a frame.
        let fill = [0xFF, 0xD8, 0xFF, 0xFF, 0xFF, 0xC0, 0, 11, 8, 0, 2, 0, 3, 1, 1, 0x11, 0];
        assert_eq!(jpeg(&fill), Some(Dimensions { width: 3, height: 2 }));
        // Lossless (SOF3): no size.
        let lossless = [0xFF, 0xD8, 0xFF, 0xC3, 0, 11, 8, 0, 2, 0, 3, 1, 1, 0x11, 0];
        assert_eq!(jpeg(&lossless), None);
    }

    #[test]
    fn a_side_of_zero_is_no_size() {
        assert_eq!(Dimensions::new(0, 5), None);
        assert_eq!(Dimensions::new(5, 0), None);
        assert_eq!(Dimensions::new(u32::MAX, u32::MAX).map(Dimensions::pixels), Some(u64::from(u32::MAX) * u64::from(u32::MAX)));
    }
}
