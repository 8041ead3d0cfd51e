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

/// Descriptors read back as a tree, for the tests: what an LMS's parser would see.
#[cfg(test)]
pub(crate) mod tree {
    use quick_xml::escape::resolve_predefined_entity;
    use quick_xml::events::Event;
    use quick_xml::{Reader, XmlVersion};

    /// An element: its name, attributes and child elements as written, and its text
    /// (entities resolved) with the whitespace around it trimmed.
    #[derive(Debug)]
    pub(crate) struct Node {
        pub name: String,
        pub attributes: Vec<(String, String)>,
        pub children: Vec<Node>,
        pub text: String,
    }

    impl Node {
        pub fn attribute(&self, key: &str) -> Option<&str> {
            self.attributes.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
        }

        /// The child elements called `name`, in order.
        pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> {
            self.children.iter().filter(move |c| c.name == name)
        }

        /// The first child element called `name`.
        pub fn one(&self, name: &str) -> &Node {
            self.children.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("<{}> has no <{name}>", self.name))
        }
    }

    /// The root element of a well-formed document, or why it is not one (an end tag
    /// that does not match, an unknown entity, text or a second element outside the root).
    pub(crate) fn parse(xml: &str) -> Result<Node, String> {
        let mut reader = Reader::from_str(xml);
        let mut open: Vec<Node> = Vec::new();
        let mut root = None;
        let node = |e: &quick_xml::events::BytesStart| -> Result<Node, String> {
            let attributes = e
                .attributes()
                .map(|a| {
                    let a = a.map_err(|e| e.to_string())?;
                    let value = a.normalized_value(XmlVersion::Implicit1_0).map_err(|e| e.to_string())?;
                    Ok((a.key.as_ref().to_string(), value.into_owned()))
                })
                .collect::<Result<_, String>>()?;
            Ok(Node { name: e.name().as_ref().to_string(), attributes, children: Vec::new(), text: String::new() })
        };
        let mut close = |done: Node, open: &mut Vec<Node>| -> Result<(), String> {
            let done = Node { text: done.text.trim().to_string(), ..done };
            match open.last_mut() {
                Some(parent) => parent.children.push(done),
                None if root.is_none() => root = Some(done),
                None => return Err(format!("a second root element <{}>", done.name)),
            }
            Ok(())
        };
        loop {
            match reader.read_event().map_err(|e| format!("at {}: {e}", reader.buffer_position()))? {
                Event::Start(e) => open.push(node(&e)?),
                Event::Empty(e) => close(node(&e)?, &mut open)?,
                Event::End(_) => {
                    let done = open.pop().ok_or("an end tag outside the root")?;
                    close(done, &mut open)?;
                }
                Event::Text(t) => match open.last_mut() {
                    Some(parent) => parent.text.push_str(&t.xml10_content()),
                    None if t.trim_ascii().is_empty() => {}
                    None => return Err("text outside the root".into()),
                },
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                        Some(c) => c.to_string(),
                        None => resolve_predefined_entity(&r).ok_or(format!("unknown entity &{};", &*r))?.to_string(),
                    };
                    open.last_mut().ok_or("an entity outside the root")?.text.push_str(&resolved);
                }
                Event::Eof => break,
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) | Event::CData(_) => {}
            }
        }
        match (open.is_empty(), root) {
            (true, Some(root)) => Ok(root),
            (false, _) => Err("the document ends inside an element".into()),
            (true, None) => Err("no root element".into()),
        }
    }
}
