//! The XML writing every package's descriptor shares (`imsmanifest.xml`, `cmi5.xml`,
//! `tincan.xml`): a UTF-8 document indented by two spaces, each element written by a
//! closure so that the nesting of the code is the nesting of the file, and every text
//! escaped where it is written (attribute values by quick-xml in full; element text
//! for `&`, `<` and `>`, which is all it needs).

use std::io;

use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

pub(crate) type Xml = Writer<Vec<u8>>;

/// A whole document: the XML declaration, what `root` writes, and a final newline.
pub(crate) fn document(root: impl FnOnce(&mut Xml) -> io::Result<()>) -> String {
    let mut xml = Writer::new_with_indent(Vec::new(), b' ', 2);
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None))).and_then(|_| root(&mut xml)).expect("writing to memory");
    let mut out = String::from_utf8(xml.into_inner()).expect("the document is UTF-8");
    out.push('\n');
    out
}

/// `<name attributes>`, what `inner` writes, one level further in, and `</name>`.
pub(crate) fn element(xml: &mut Xml, name: &str, attributes: &[(&str, &str)], inner: impl FnOnce(&mut Xml) -> io::Result<()>) -> io::Result<()> {
    xml.create_element(name).with_attributes(attributes.iter().copied()).write_inner_content(inner).map(drop)
}

/// `<name attributes/>`.
pub(crate) fn empty(xml: &mut Xml, name: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
    xml.create_element(name).with_attributes(attributes.iter().copied()).write_empty().map(drop)
}

/// `<name>text</name>` on one line.
pub(crate) fn text(xml: &mut Xml, name: &str, text: &str) -> io::Result<()> {
    text_with(xml, name, &[], text)
}

/// `<name attributes>text</name>` on one line.
pub(crate) fn text_with(xml: &mut Xml, name: &str, attributes: &[(&str, &str)], text: &str) -> io::Result<()> {
    xml.create_element(name).with_attributes(attributes.iter().copied()).write_text_content(BytesText::from_escaped(partial_escape(text))).map(drop)
}
