//! The sound containers, read as far as telling what they hold: MPEG audio frames
//! (MP3), Ogg's first page (which codec), and MP4's boxes (sound, video or a
//! picture). Every read is bounds-checked; nothing here trusts a length it reads.

/// An MP3: an ID3v2 tag, or an MPEG-1/2/2.5 Layer III frame followed by another frame
/// (or the end, or an ID3v1 tag). One frame header alone is 4 bytes that random data
/// matches now and then; a whole frame and the next header are not.
pub fn is_mp3(bytes: &[u8]) -> bool {
    if is_id3v2(bytes) {
        return true;
    }
    let Some(first) = frame(bytes) else { return false };
    let Some(rest) = bytes.get(first.len..) else { return false };
    rest.len() < 4 || rest.starts_with(b"TAG") || frame(rest).is_some_and(|next| next.same_stream(&first))
}

/// An ID3v2 header: "ID3", a major version of 2 to 4, and a size in four 7-bit bytes.
fn is_id3v2(bytes: &[u8]) -> bool {
    match bytes.get(..10) {
        Some([b'I', b'D', b'3', major, revision, _flags, size @ ..]) => (2..=4).contains(major) && *revision != 0xFF && size.iter().all(|b| b & 0x80 == 0),
        _ => false,
    }
}

/// What an MPEG audio frame header says, as far as finding the next frame needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Frame {
    /// 3 for MPEG-1, 2 for MPEG-2, 0 for MPEG-2.5 (the header's own bits).
    version: u8,
    sample_rate: u32,
    /// The whole frame's length in bytes, header included.
    len: usize,
}

impl Frame {
    fn same_stream(&self, other: &Frame) -> bool {
        self.version == other.version && self.sample_rate == other.sample_rate
    }
}

/// The Layer III frame header at the start of `bytes`, if it is one: sync, no reserved
/// version, layer, bitrate, sample rate or emphasis, and not the free-format bitrate
/// (whose frame length cannot be known from the header).
fn frame(bytes: &[u8]) -> Option<Frame> {
    let [b0, b1, b2, b3] = *bytes.get(..4)? else { return None };
    if b0 != 0xFF || b1 & 0xE0 != 0xE0 {
        return None;
    }
    let version = (b1 >> 3) & 3;
    let layer = (b1 >> 1) & 3;
    let bitrate_index = usize::from(b2 >> 4);
    let rate_index = usize::from((b2 >> 2) & 3);
    let padding = usize::from((b2 >> 1) & 1);
    // Layer III is `01`; version `01` and emphasis `10` are reserved.
    if layer != 1 || version == 1 || b3 & 3 == 2 || bitrate_index == 0 || bitrate_index == 15 || rate_index == 3 {
        return None;
    }
    const MPEG1_KBPS: [u32; 15] = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
    const MPEG2_KBPS: [u32; 15] = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
    let (kbps, rates, factor) = match version {
        3 => (MPEG1_KBPS[bitrate_index], [44100, 48000, 32000], 144_000),
        2 => (MPEG2_KBPS[bitrate_index], [22050, 24000, 16000], 72_000),
        _ => (MPEG2_KBPS[bitrate_index], [11025, 12000, 8000], 72_000),
    };
    let sample_rate = rates[rate_index];
    let len = (factor * kbps / sample_rate) as usize + padding;
    Some(Frame { version, sample_rate, len })
}

/// The codec of an Ogg stream's first packet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OggCodec {
    Vorbis,
    Opus,
    /// Theora, Speex, FLAC, or anything else: not what Tere plays.
    Other,
}

impl OggCodec {
    pub fn is_sound(self) -> bool {
        match self {
            OggCodec::Vorbis | OggCodec::Opus => true,
            OggCodec::Other => false,
        }
    }
}

/// The codec of an Ogg file: its first page ("OggS", version 0, beginning of a stream)
/// and the start of the first packet after the segment table.
pub fn ogg_codec(bytes: &[u8]) -> Option<OggCodec> {
    if !bytes.starts_with(b"OggS") || *bytes.get(4)? != 0 || bytes.get(5)? & 0x02 == 0 {
        return None;
    }
    let segments = usize::from(*bytes.get(26)?);
    let packet = bytes.get(27 + segments..)?;
    Some(if packet.starts_with(b"\x01vorbis") {
        OggCodec::Vorbis
    } else if packet.starts_with(b"OpusHead") {
        OggCodec::Opus
    } else {
        OggCodec::Other
    })
}

/// What an MP4-family file (ISO base media: `ftyp` at offset 4) holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mp4 {
    /// Sound and no video: an M4A.
    Audio,
    Video,
    Avif,
    Heic,
}

/// Brands that declare an audio file outright (`M4A `: iTunes and ffmpeg's `.m4a`;
/// `M4B `: an audiobook).
const AUDIO_BRANDS: [&[u8; 4]; 2] = [b"M4A ", b"M4B "];
/// General brands that audio recorders (phones, Audacity through ffmpeg) also write:
/// the file is sound only if its tracks are.
const GENERAL_BRANDS: [&[u8; 4]; 7] = [b"mp41", b"mp42", b"isom", b"iso2", b"iso4", b"iso5", b"iso6"];

/// What an MP4-family file holds, from its brands and its tracks' handlers. An audio
/// brand, or a general brand whose tracks are all sound, is `Audio`; a track of video
/// anywhere makes it `Video` whatever its brand says.
pub fn mp4(bytes: &[u8]) -> Option<Mp4> {
    let ftyp = boxes(bytes).next()?;
    if ftyp.kind != *b"ftyp" {
        return None;
    }
    // Major brand, minor version, then compatible brands.
    let major = ftyp.body.get(..4)?;
    let compatible = ftyp.body.get(8..).unwrap_or_default().chunks_exact(4);
    let brands: Vec<&[u8]> = std::iter::once(major).chain(compatible).collect();
    let has = |list: &[&[u8; 4]]| brands.iter().any(|b| list.iter().any(|l| l.as_slice() == *b));
    if has(&[b"avif", b"avis"]) {
        return Some(Mp4::Avif);
    }
    if has(&[b"heic", b"heix", b"mif1", b"msf1"]) {
        return Some(Mp4::Heic);
    }
    let tracks = handlers(bytes);
    if tracks.iter().any(|h| h == b"vide") {
        return Some(Mp4::Video);
    }
    // An audio major brand is taken at its word even without tracks (a file without them
    // is damaged, and fails in the browser as any damaged file does); a general brand
    // only with a sound track.
    let audio_major = AUDIO_BRANDS.iter().any(|b| major == b.as_slice());
    let sound = tracks.iter().any(|h| h == b"soun");
    Some(if audio_major || (sound && (has(&AUDIO_BRANDS) || has(&GENERAL_BRANDS))) { Mp4::Audio } else { Mp4::Video })
}

/// The handler types (`soun`, `vide`…) of the tracks in `moov`: moov → trak → mdia → hdlr.
/// Each level reads each byte once at most, so the work is bounded by the file's length.
fn handlers(bytes: &[u8]) -> Vec<[u8; 4]> {
    let inside = |parent: &'static [u8; 4]| move |b: &Mp4Box<'_>| b.kind == *parent;
    let mut found = Vec::new();
    for moov in boxes(bytes).filter(inside(b"moov")) {
        for trak in boxes(moov.body).filter(inside(b"trak")) {
            for mdia in boxes(trak.body).filter(inside(b"mdia")) {
                for hdlr in boxes(mdia.body).filter(inside(b"hdlr")) {
                    // Version and flags, pre_defined, then the handler type.
                    if let Some(&[a, b, c, d]) = hdlr.body.get(8..12) {
                        found.push([a, b, c, d]);
                    }
                }
            }
        }
    }
    found
}

/// One ISO base media box: its type and its body.
struct Mp4Box<'a> {
    kind: [u8; 4],
    body: &'a [u8],
}

/// The boxes one after another in `bytes`; stops at the first that does not fit.
fn boxes(bytes: &[u8]) -> impl Iterator<Item = Mp4Box<'_>> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        let size = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?);
        let kind: [u8; 4] = rest.get(4..8)?.try_into().ok()?;
        let (header, total) = match size {
            // To the end of the enclosing box or file.
            0 => (8, rest.len()),
            // A 64-bit size follows the type.
            1 => {
                let large = u64::from_be_bytes(rest.get(8..16)?.try_into().ok()?);
                (16, usize::try_from(large).ok()?)
            }
            n => (8, n as usize),
        };
        if total < header {
            return None;
        }
        let body = rest.get(header..total)?;
        rest = &rest[total..];
        Some(Mp4Box { kind, body })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mpeg1_layer3_frame_length() {
        // 128 kbit/s, 44.1 kHz, no padding: 417 bytes.
        let f = frame(&[0xFF, 0xFB, 0x90, 0x64]).unwrap();
        assert_eq!((f.version, f.sample_rate, f.len), (3, 44100, 417));
        // With padding: 418.
        assert_eq!(frame(&[0xFF, 0xFB, 0x92, 0x64]).unwrap().len, 418);
        // MPEG-2, 64 kbit/s, 22.05 kHz: 72000 * 64 / 22050 = 208.
        assert_eq!(frame(&[0xFF, 0xF3, 0x80, 0xC4]).unwrap().len, 208);
    }

    #[test]
    fn reserved_and_other_layers_are_no_frame() {
        assert!(frame(&[0xFF, 0xFD, 0x90, 0x64]).is_none(), "layer II");
        assert!(frame(&[0xFF, 0xEB, 0x90, 0x64]).is_none(), "reserved version");
        assert!(frame(&[0xFF, 0xFB, 0xF0, 0x64]).is_none(), "bad bitrate");
        assert!(frame(&[0xFF, 0xFB, 0x0C, 0x64]).is_none(), "free format, reserved rate");
        assert!(frame(&[0xFF, 0xFB, 0x90, 0x66]).is_none(), "reserved emphasis");
        assert!(frame(&[0xFF, 0xD8, 0xFF, 0xE0]).is_none(), "a JPEG");
        assert!(frame(&[0xFF, 0xFB, 0x90]).is_none(), "short");
    }

    #[test]
    fn a_single_header_is_not_an_mp3_but_a_whole_frame_is() {
        let mut one = vec![0xFF, 0xFB, 0x90, 0x64];
        assert!(!is_mp3(&one));
        one.resize(417, 0);
        assert!(is_mp3(&one));
        // Followed by something that is not a frame: not an MP3.
        let mut two = one.clone();
        two.extend_from_slice(b"junk");
        assert!(!is_mp3(&two));
        let mut tagged = one.clone();
        tagged.extend_from_slice(b"TAG");
        tagged.resize(417 + 128, b' ');
        assert!(is_mp3(&tagged));
    }

    #[test]
    fn boxes_stop_at_what_does_not_fit() {
        let mut b = Vec::new();
        b.extend_from_slice(&16u32.to_be_bytes());
        b.extend_from_slice(b"free");
        b.extend_from_slice(&[0; 8]);
        b.extend_from_slice(&100u32.to_be_bytes());
        b.extend_from_slice(b"mdat");
        let kinds: Vec<[u8; 4]> = boxes(&b).map(|b| b.kind).collect();
        assert_eq!(kinds, [*b"free"]);
        // A size smaller than the header is no box.
        assert_eq!(boxes(&[0, 0, 0, 4, b'f', b'r', b'e', b'e']).count(), 0);
        // A 64-bit size.
        let mut large = vec![0, 0, 0, 1];
        large.extend_from_slice(b"free");
        large.extend_from_slice(&20u64.to_be_bytes());
        large.extend_from_slice(&[0; 4]);
        assert_eq!(boxes(&large).count(), 1);
    }
}
