//! What a media file is, told by its bytes: its name may lie (a JPEG saved as
//! `.png`), and the browser goes by the bytes too, or by the type the package says,
//! so the package must say the type the bytes are.

use std::fmt;

use super::{container, svg};

/// A kind of media file a course may carry: what the browsers Tere supports all show
/// or play.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MediaKind {
    Png,
    Jpeg,
    Webp,
    Svg,
    Mp3,
    /// Ogg with Vorbis or Opus sound.
    Ogg,
    /// Sound in an MP4 container, with no video track. The codec inside is not read:
    /// AAC is what phones and encoders write for `.m4a`.
    M4a,
}

impl MediaKind {
    pub const ALL: [MediaKind; 7] = [MediaKind::Png, MediaKind::Jpeg, MediaKind::Webp, MediaKind::Svg, MediaKind::Mp3, MediaKind::Ogg, MediaKind::M4a];

    /// The kind the bytes are, or `None` for anything else (`Foreign::sniff` may say what).
    /// Where a signature alone says too little, it looks further: an MP3 frame must be
    /// followed by another, an Ogg must start Vorbis or Opus, an MP4 must be of an audio
    /// brand or hold sound, and no video; an SVG is XML whose root is `<svg`.
    pub fn sniff(bytes: &[u8]) -> Option<MediaKind> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(MediaKind::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(MediaKind::Jpeg)
        } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
            Some(MediaKind::Webp)
        } else if container::is_mp3(bytes) {
            Some(MediaKind::Mp3)
        } else if container::ogg_codec(bytes).is_some_and(container::OggCodec::is_sound) {
            Some(MediaKind::Ogg)
        } else if container::mp4(bytes) == Some(container::Mp4::Audio) {
            Some(MediaKind::M4a)
        } else if svg::looks_like_svg(bytes) {
            Some(MediaKind::Svg)
        } else {
            None
        }
    }

    /// The extension a file of this kind is given in packages (without the dot): one
    /// of the engine's `IMAGE_EXTENSIONS` or `SOUND_EXTENSIONS`, which the pack reader
    /// accepts (a test keeps them the same).
    pub fn extension(self) -> &'static str {
        self.extensions()[0]
    }

    /// Every extension that names this kind (lower case, without the dot), the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            MediaKind::Png => &["png"],
            MediaKind::Jpeg => &["jpg", "jpeg"],
            MediaKind::Webp => &["webp"],
            MediaKind::Svg => &["svg"],
            MediaKind::Mp3 => &["mp3"],
            // `.oga` is the registered audio-only name, `.opus` what Opus encoders write.
            MediaKind::Ogg => &["ogg", "oga", "opus"],
            MediaKind::M4a => &["m4a"],
        }
    }

    /// The kind an extension names (with or without the dot, any case), if any.
    pub fn from_extension(extension: &str) -> Option<MediaKind> {
        let extension = extension.strip_prefix('.').unwrap_or(extension).to_ascii_lowercase();
        MediaKind::ALL.into_iter().find(|k| k.extensions().contains(&extension.as_str()))
    }

    /// The MIME type a package serves it with.
    pub fn mime(self) -> &'static str {
        match self {
            MediaKind::Png => "image/png",
            MediaKind::Jpeg => "image/jpeg",
            MediaKind::Webp => "image/webp",
            MediaKind::Svg => "image/svg+xml",
            MediaKind::Mp3 => "audio/mpeg",
            MediaKind::Ogg => "audio/ogg",
            MediaKind::M4a => "audio/mp4",
        }
    }

    /// A picture (shown, with a size), not a sound.
    pub fn is_image(self) -> bool {
        match self {
            MediaKind::Png | MediaKind::Jpeg | MediaKind::Webp | MediaKind::Svg => true,
            MediaKind::Mp3 | MediaKind::Ogg | MediaKind::M4a => false,
        }
    }

    /// Its name in messages: "PNG", "MP3"…
    pub fn name(self) -> &'static str {
        match self {
            MediaKind::Png => "PNG",
            MediaKind::Jpeg => "JPEG",
            MediaKind::Webp => "WebP",
            MediaKind::Svg => "SVG",
            MediaKind::Mp3 => "MP3",
            MediaKind::Ogg => "Ogg",
            MediaKind::M4a => "M4A",
        }
    }
}

impl fmt::Display for MediaKind {
    /// "a PNG picture", "an MP3 sound": the article as the name is read out ("an SVG").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let article = match self {
            MediaKind::Svg | MediaKind::Mp3 | MediaKind::M4a | MediaKind::Ogg => "an",
            MediaKind::Png | MediaKind::Jpeg | MediaKind::Webp => "a",
        };
        let what = if self.is_image() { "picture" } else { "sound" };
        write!(f, "{article} {} {what}", self.name())
    }
}

/// A common kind of file a course may not carry, recognised so that the message can
/// say what the file is and what to save it as instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Foreign {
    Gif,
    Bmp,
    Tiff,
    Avif,
    Heic,
    Ico,
    Wav,
    Flac,
    /// AAC without a container (ADTS, `.aac`).
    Aac,
    /// Ogg with something other than Vorbis or Opus in it (Theora video, Speex, FLAC…).
    OggOther,
    /// An MP4 or QuickTime file with a video track, or neither of an audio brand nor of a
    /// general brand with only sound tracks.
    Video,
    WebM,
    Pdf,
    /// gzip: a compressed SVG (`.svgz`) or an archive.
    Gzip,
    Zip,
}

impl Foreign {
    /// What the bytes are, among the kinds listed, when they are none of `MediaKind`'s.
    pub fn sniff(bytes: &[u8]) -> Option<Foreign> {
        let starts = |magic: &[u8]| bytes.starts_with(magic);
        let riff = |form: &[u8]| bytes.len() >= 12 && starts(b"RIFF") && &bytes[8..12] == form;
        if starts(b"GIF87a") || starts(b"GIF89a") {
            Some(Foreign::Gif)
        } else if is_bmp(bytes) {
            Some(Foreign::Bmp)
        } else if starts(b"II*\0") || starts(b"MM\0*") {
            Some(Foreign::Tiff)
        } else if starts(&[0, 0, 1, 0]) && bytes.len() >= 6 {
            Some(Foreign::Ico)
        } else if riff(b"WAVE") {
            Some(Foreign::Wav)
        } else if starts(b"fLaC") {
            Some(Foreign::Flac)
        } else if starts(&[0x1A, 0x45, 0xDF, 0xA3]) {
            Some(Foreign::WebM)
        } else if starts(b"%PDF-") {
            Some(Foreign::Pdf)
        } else if starts(&[0x1F, 0x8B]) {
            Some(Foreign::Gzip)
        } else if starts(b"PK\x03\x04") {
            Some(Foreign::Zip)
        } else if bytes.len() >= 2 && bytes[0] == 0xFF && bytes[1] & 0xF6 == 0xF0 {
            // ADTS: a 12-bit sync word and layer 0, which MPEG audio's frames never have.
            Some(Foreign::Aac)
        } else if let Some(codec) = container::ogg_codec(bytes) {
            (!codec.is_sound()).then_some(Foreign::OggOther)
        } else {
            match container::mp4(bytes)? {
                container::Mp4::Audio => None,
                container::Mp4::Avif => Some(Foreign::Avif),
                container::Mp4::Heic => Some(Foreign::Heic),
                container::Mp4::Video => Some(Foreign::Video),
            }
        }
    }

    /// Its name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Foreign::Gif => "a GIF picture",
            Foreign::Bmp => "a BMP picture",
            Foreign::Tiff => "a TIFF picture",
            Foreign::Avif => "an AVIF picture",
            Foreign::Heic => "a HEIC picture",
            Foreign::Ico => "an icon (ICO)",
            Foreign::Wav => "a WAV sound",
            Foreign::Flac => "a FLAC sound",
            Foreign::Aac => "an AAC sound without a container",
            Foreign::OggOther => "an Ogg file that is not Vorbis or Opus sound",
            Foreign::Video => "a video, or an MP4 or QuickTime file that is not sound alone",
            Foreign::WebM => "a WebM file",
            Foreign::Pdf => "a PDF document",
            Foreign::Gzip => "a compressed file (gzip, or a .svgz)",
            Foreign::Zip => "a zip archive (or an Office document)",
        }
    }
}

/// A BMP: "BM", and at 14 the size of its second header, one of the few there are (so
/// that a text starting "BM" is not taken for a picture).
fn is_bmp(bytes: &[u8]) -> bool {
    match bytes.get(..18) {
        Some([b'B', b'M', .., a, b, c, d]) => [12, 40, 52, 56, 108, 124].contains(&u32::from_le_bytes([*a, *b, *c, *d])),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_name_one_kind_each_and_the_first_is_the_packed_one() {
        for kind in MediaKind::ALL {
            for ext in kind.extensions() {
                assert_eq!(MediaKind::from_extension(ext), Some(kind));
                assert_eq!(MediaKind::from_extension(&format!(".{}", ext.to_uppercase())), Some(kind));
            }
            assert_eq!(kind.extension(), kind.extensions()[0]);
        }
        assert_eq!(MediaKind::from_extension("jpeg"), Some(MediaKind::Jpeg));
        assert_eq!(MediaKind::from_extension("gif"), None);
        assert_eq!(MediaKind::from_extension(""), None);
    }

    /// The packed names' extensions are exactly the engine's lists, in `ALL`'s order,
    /// so the pack reader accepts every name a package gives and no other.
    #[test]
    fn packed_extensions_are_the_engines() {
        use tere_engine::media::{IMAGE_EXTENSIONS, SOUND_EXTENSIONS};
        let of = |image: bool| MediaKind::ALL.into_iter().filter(|k| k.is_image() == image).map(MediaKind::extension).collect::<Vec<_>>();
        assert_eq!(of(true), IMAGE_EXTENSIONS);
        assert_eq!(of(false), SOUND_EXTENSIONS);
    }

    #[test]
    fn mime_and_picture_or_sound_agree() {
        for kind in MediaKind::ALL {
            assert_eq!(kind.mime().starts_with("image/"), kind.is_image(), "{kind:?}");
        }
        assert_eq!(MediaKind::Mp3.to_string(), "an MP3 sound");
        assert_eq!(MediaKind::Png.to_string(), "a PNG picture");
    }

    #[test]
    fn foreign_kinds_are_told_apart() {
        assert_eq!(Foreign::sniff(b"GIF89a\x01\0\x01\0"), Some(Foreign::Gif));
        assert_eq!(Foreign::sniff(b"RIFF\x24\0\0\0WAVEfmt "), Some(Foreign::Wav));
        assert_eq!(Foreign::sniff(b"fLaC\0\0\0\x22"), Some(Foreign::Flac));
        assert_eq!(Foreign::sniff(&[0xFF, 0xF1, 0x50, 0x80]), Some(Foreign::Aac));
        assert_eq!(Foreign::sniff(b"%PDF-1.7"), Some(Foreign::Pdf));
        assert_eq!(Foreign::sniff(&[0x1F, 0x8B, 8, 0]), Some(Foreign::Gzip));
        assert_eq!(Foreign::sniff(b"hello"), None);
        // An MP3 frame's sync is never taken for ADTS.
        assert_eq!(Foreign::sniff(&[0xFF, 0xFB, 0x90, 0x64]), None);
    }
}
