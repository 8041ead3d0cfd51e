//! Tiny files of every kind, made byte by byte: for the tests and as the `media` fuzz
//! target's seeds. The PNG and the JPEG decode (a grey picture of the size asked for);
//! the others are as much of their format as telling the kind and size reads, and no
//! more, so a test can see every byte it depends on.

/// A PNG of `width` × `height` grey pixels: IHDR, one IDAT (zlib with stored blocks),
/// IEND, each chunk with its CRC. Meant for small sizes: its data is width × height bytes.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    // Bit depth 8, grey, deflate, adaptive filtering, no interlace.
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
    let mut rows = Vec::new();
    for _ in 0..height {
        rows.push(0); // filter: none
        rows.extend(std::iter::repeat_n(0x80, width as usize));
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    png_chunk(&mut out, b"IHDR", &ihdr);
    png_chunk(&mut out, b"IDAT", &zlib_stored(&rows));
    png_chunk(&mut out, b"IEND", &[]);
    out
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// zlib without compression: stored blocks of at most 65535 bytes, then Adler-32.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let mut blocks = data.chunks(0xFFFF).peekable();
    if blocks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xFF, 0xFF]);
    }
    while let Some(block) = blocks.next() {
        out.push(u8::from(blocks.peek().is_none()));
        let len = block.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65521;
        b = (b + a) % 65521;
    }
    out.extend_from_slice(&(b << 16 | a).to_be_bytes());
    out
}

/// CRC-32 (ISO-HDLC, reflected 0xEDB88320), as PNG's chunks carry it.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { crc >> 1 ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A baseline JPEG of `width` × `height` mid-grey pixels (one component): JFIF, an
/// EXIF block with `orientation` when given, a quantisation table, the frame (SOF0),
/// Huffman tables with one code each (DC difference 0, AC end of block), and a scan
/// of two bits a block.
pub fn jpeg(width: u16, height: u16, orientation: Option<u16>) -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    jpeg_segment(&mut out, 0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    if let Some(o) = orientation {
        // Exif, then a little-endian TIFF header and one IFD with one entry.
        let mut exif = b"Exif\0\0II\x2a\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0".to_vec();
        exif.extend_from_slice(&o.to_le_bytes());
        exif.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        jpeg_segment(&mut out, 0xE1, &exif);
    }
    let mut dqt = vec![0];
    dqt.extend_from_slice(&[1; 64]);
    jpeg_segment(&mut out, 0xDB, &dqt);
    let mut sof = vec![8];
    sof.extend_from_slice(&height.to_be_bytes());
    sof.extend_from_slice(&width.to_be_bytes());
    sof.extend_from_slice(&[1, 1, 0x11, 0]);
    jpeg_segment(&mut out, 0xC0, &sof);
    // Class and id, 16 counts (one code of length 1), the symbol.
    for table in [0x00, 0x10] {
        let mut dht = vec![table, 1];
        dht.extend_from_slice(&[0; 15]);
        dht.push(0);
        jpeg_segment(&mut out, 0xC4, &dht);
    }
    jpeg_segment(&mut out, 0xDA, &[1, 1, 0x00, 0, 63, 0]);
    let blocks = usize::from(width).div_ceil(8) * usize::from(height).div_ceil(8);
    // Two 0 bits a block, padded with 1 bits; a 0xFF byte of data is followed by 0.
    let bits = 2 * blocks;
    let mut scan = vec![0u8; bits / 8];
    if bits % 8 != 0 {
        scan.push(0xFF >> (bits % 8));
    }
    for byte in scan {
        out.push(byte);
        if byte == 0xFF {
            out.push(0);
        }
    }
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

fn jpeg_segment(out: &mut Vec<u8>, marker: u8, body: &[u8]) {
    out.extend_from_slice(&[0xFF, marker]);
    out.extend_from_slice(&(body.len() as u16 + 2).to_be_bytes());
    out.extend_from_slice(body);
}

/// A WebP's RIFF header and first chunk.
fn webp(chunk: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&(4 + 8 + data.len() as u32).to_le_bytes());
    out.extend_from_slice(b"WEBP");
    out.extend_from_slice(chunk);
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(data);
    out
}

/// A lossy WebP's header (VP8): key frame tag, start code, 14-bit width and height.
pub fn webp_lossy(width: u16, height: u16) -> Vec<u8> {
    let mut data = vec![0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A];
    data.extend_from_slice(&width.to_le_bytes());
    data.extend_from_slice(&height.to_le_bytes());
    webp(b"VP8 ", &data)
}

/// A lossless WebP's header (VP8L): signature, then width - 1 and height - 1 in 14 bits.
pub fn webp_lossless(width: u16, height: u16) -> Vec<u8> {
    let bits = u32::from(width.saturating_sub(1)) & 0x3FFF | (u32::from(height.saturating_sub(1)) & 0x3FFF) << 14;
    let mut data = vec![0x2F];
    data.extend_from_slice(&bits.to_le_bytes());
    webp(b"VP8L", &data)
}

/// An extended WebP's header (VP8X): flags, then canvas width - 1 and height - 1 in 24 bits.
pub fn webp_extended(width: u32, height: u32) -> Vec<u8> {
    let mut data = vec![0, 0, 0, 0];
    data.extend_from_slice(&width.saturating_sub(1).to_le_bytes()[..3]);
    data.extend_from_slice(&height.saturating_sub(1).to_le_bytes()[..3]);
    webp(b"VP8X", &data)
}

/// The 1 × 1 lossless WebP that browsers' feature tests decode (a whole file).
pub const WEBP_1X1: [u8; 34] = [
    0x52, 0x49, 0x46, 0x46, 0x1A, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4C, 0x0D, 0x00, 0x00, 0x00, 0x2F, 0x00, 0x00, 0x00, 0x10, 0x07,
    0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0x00,
];

/// Two MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, 417 bytes each) of silence.
pub fn mp3_frames() -> Vec<u8> {
    let mut frame = vec![0xFF, 0xFB, 0x90, 0x64];
    frame.resize(417, 0);
    frame.repeat(2)
}

/// An ID3v2.4 tag with one title frame, then the frames of `mp3_frames`.
pub fn mp3_id3() -> Vec<u8> {
    let mut title = b"TIT2".to_vec();
    let text = b"\x03Tere";
    title.extend_from_slice(&(text.len() as u32).to_be_bytes());
    title.extend_from_slice(&[0, 0]);
    title.extend_from_slice(text);
    let mut out = b"ID3\x04\x00\x00".to_vec();
    // The tag's size in four 7-bit bytes.
    let n = title.len() as u32;
    out.extend_from_slice(&[(n >> 21) as u8 & 0x7F, (n >> 14) as u8 & 0x7F, (n >> 7) as u8 & 0x7F, n as u8 & 0x7F]);
    out.extend_from_slice(&title);
    out.extend_from_slice(&mp3_frames());
    out
}

/// The first page of an Ogg Vorbis stream: the identification header (mono, 44.1 kHz).
pub fn ogg_vorbis() -> Vec<u8> {
    let mut packet = b"\x01vorbis".to_vec();
    packet.extend_from_slice(&0u32.to_le_bytes());
    packet.push(1);
    packet.extend_from_slice(&44100u32.to_le_bytes());
    packet.extend_from_slice(&[0; 12]);
    packet.extend_from_slice(&[0xB8, 0x01]);
    ogg_page(&packet)
}

/// The first page of an Ogg Opus stream: the `OpusHead` header (mono, 48 kHz).
pub fn ogg_opus() -> Vec<u8> {
    let mut packet = b"OpusHead\x01\x01\x38\x01".to_vec();
    packet.extend_from_slice(&48000u32.to_le_bytes());
    packet.extend_from_slice(&[0, 0, 0]);
    ogg_page(&packet)
}

/// The first page of an Ogg Theora (video) stream.
pub fn ogg_theora() -> Vec<u8> {
    let mut packet = b"\x80theora\x03\x02\x01".to_vec();
    packet.resize(42, 0);
    ogg_page(&packet)
}

/// One Ogg page, beginning of the stream, holding `packet` (under 255 bytes), with its CRC.
fn ogg_page(packet: &[u8]) -> Vec<u8> {
    let mut out = b"OggS\0\x02".to_vec();
    out.extend_from_slice(&[0; 8]); // granule position
    out.extend_from_slice(&0x5445_5245u32.to_le_bytes()); // serial number
    out.extend_from_slice(&[0; 4]); // page sequence number
    out.extend_from_slice(&[0; 4]); // CRC, filled in below
    out.push(1);
    out.push(packet.len() as u8);
    out.extend_from_slice(packet);
    let crc = ogg_crc(&out);
    out[22..26].copy_from_slice(&crc.to_le_bytes());
    out
}

/// Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, starting from 0.
fn ogg_crc(data: &[u8]) -> u32 {
    let mut crc = 0u32;
    for &byte in data {
        crc ^= u32::from(byte) << 24;
        for _ in 0..8 {
            crc = if crc & 0x8000_0000 != 0 { crc << 1 ^ 0x04C1_1DB7 } else { crc << 1 };
        }
    }
    crc
}

/// An MP4 box: size, type, body.
fn mp4_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut out = (8 + body.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(body);
    out
}

/// `ftyp` with `major` and the compatible brands, then a `moov` with a track of each
/// handler (`soun`, `vide`).
pub fn mp4(major: &[u8; 4], compatible: &[&[u8; 4]], handlers: &[&[u8; 4]]) -> Vec<u8> {
    let mut ftyp = major.to_vec();
    ftyp.extend_from_slice(&[0, 0, 2, 0]);
    for brand in compatible {
        ftyp.extend_from_slice(*brand);
    }
    let mut traks = Vec::new();
    for handler in handlers {
        // Version and flags, pre_defined, handler type, three reserved words, an empty name.
        let mut hdlr = vec![0; 8];
        hdlr.extend_from_slice(*handler);
        hdlr.extend_from_slice(&[0; 13]);
        traks.extend(mp4_box(b"trak", &mp4_box(b"mdia", &mp4_box(b"hdlr", &hdlr))));
    }
    let mut out = mp4_box(b"ftyp", &ftyp);
    out.extend(mp4_box(b"moov", &traks));
    out.extend(mp4_box(b"mdat", &[0; 16]));
    out
}

/// An M4A as iTunes and ffmpeg write one: brand `M4A `, one sound track.
pub fn m4a() -> Vec<u8> {
    mp4(b"M4A ", &[b"M4A ", b"isom", b"iso2"], &[b"soun"])
}

/// An SVG drawing a rectangle, `width` × `height` px, with the namespace.
pub fn svg(width: u32, height: u32) -> Vec<u8> {
    format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\"><rect width=\"{width}\" height=\"{height}\" fill=\"#2a6\"/></svg>")
        .into_bytes()
}

/// An SVG with what a drawing uses and the sanitiser allows: an XML declaration, a
/// comment, a foreign namespace (Inkscape's), a gradient referring to another, a clip
/// path, a symbol used by `href` and `xlink:href`, CSS pointing at its own elements in
/// a `<style>`, a `style` and presentation attributes, a link inside it, entities, and
/// an animation of something harmless. 200 × 100 by its view box.
pub fn svg_drawing() -> Vec<u8> {
    br##"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Made by hand: a gradient, a symbol used twice, CSS pointing at its own elements. -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 200 100" inkscape:version="1.3">
  <title>Tere</title>
  <defs>
    <linearGradient id="grad-1"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#2a6"/></linearGradient>
    <radialGradient id="r" xlink:href="#grad-1"/>
    <clipPath id="clip"><circle cx="50" cy="50" r="40"/></clipPath>
    <symbol id="a"><rect width="10" height="10"/></symbol>
    <style><![CDATA[ .b { fill: url(#grad-1); } @media (min-width: 10px) { .c { stroke: url( "#r" ) } } ]]></style>
  </defs>
  <rect class="b" width="200" height="100" fill="url(#grad-1)" clip-path="url(#clip)" style="stroke: url('#r'); stroke-width: 2"/>
  <use href="#a" x="10"/>
  <use xlink:href="#a" x="30"/>
  <a href="#a"><text x="5" y="90" font-family="'DejaVu Sans'">Tere &amp; tule &#228;ra</text></a>
  <animate attributeName="opacity" values="0;1" dur="1s"/>
</svg>
"##
    .to_vec()
}

/// An SVG with one of each thing the sanitiser refuses, one a line (all but a DOCTYPE,
/// which stops the parser before anything else is seen: `svg_laughs`).
pub fn svg_hostile() -> Vec<u8> {
    br##"<?xml version="1.0"?>
<?xml-stylesheet href="https://evil.example/a.css"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10" onload="alert(1)">
<script>alert(1)</script>
<foreignObject width="1" height="1"><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"/></foreignObject>
<a xlink:href="javascript:alert(1)"><text>x</text></a>
<a href="https://evil.example/"><text>x</text></a>
<use href="other.svg#a"/>
<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>
<rect width="1" height="1" style="fill: url(http://evil.example/p.svg#g)"/>
<style>@import 'https://evil.example/x.css';</style>
<g style="width: expression(alert(1))"/>
<a><set attributeName="href" to="javascript:alert(1)"/></a>
</svg>
"##
    .to_vec()
}

/// The billion laughs: entities that expand to a gigabyte, if a parser expands them.
pub fn svg_laughs() -> Vec<u8> {
    let mut out = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n <!ENTITY lol0 \"lol\">\n");
    for i in 1..10 {
        let previous = format!("&lol{};", i - 1).repeat(10);
        out.push_str(&format!(" <!ENTITY lol{i} \"{previous}\">\n"));
    }
    out.push_str("]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>&lol9;</text></svg>\n");
    out.into_bytes()
}

/// One small file of each kind and form, with a name it may have, each taken by `check`:
/// with `svg_hostile` and `svg_laughs`, the fuzz target's seeds.
pub fn all() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("grey.png", png(3, 2)),
        ("grey.jpg", jpeg(9, 8, None)),
        ("turned.jpeg", jpeg(16, 8, Some(6))),
        ("lossy.webp", webp_lossy(40, 30)),
        ("lossless.webp", webp_lossless(40, 30)),
        ("extended.webp", webp_extended(400, 300)),
        ("dot.webp", WEBP_1X1.to_vec()),
        ("box.svg", svg(40, 30)),
        ("drawing.svg", svg_drawing()),
        ("frames.mp3", mp3_frames()),
        ("tagged.mp3", mp3_id3()),
        ("vorbis.ogg", ogg_vorbis()),
        ("opus.opus", ogg_opus()),
        ("voice.m4a", m4a()),
        ("phone.m4a", mp4(b"mp42", &[b"isom", b"mp42"], &[b"soun"])),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_match_their_references() {
        // The CRC catalogue's check values for "123456789": CRC-32/ISO-HDLC, and
        // CRC-32/CKSUM's without its final inversion (Ogg's has none).
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(ogg_crc(b"123456789"), !0x765E_7680);
    }
}
