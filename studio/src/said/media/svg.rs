//! What an SVG drawing holds that a course refuses, in the trainer's words: the file,
//! the element and attribute where it is (so whoever edits the drawing can find it),
//! and what to do. A trainer rarely edits SVG by hand, so each ends with what always
//! works: saving the drawing again without the thing, or as a PNG.

use tere_authoring::media::SvgProblem;

const NO_SCRIPT_ET: &str = "Salvesta joonis uuesti ilma skriptideta või PNG-vormingus ja vali salvestatud fail.";
const NO_SCRIPT_FI: &str = "Tallenna piirros uudelleen ilman skriptejä tai PNG-kuvana ja valitse tallennettu tiedosto.";
const NO_SCRIPT_EN: &str = "Save the drawing again without scripts, or as PNG, and choose the saved file.";

pub(super) fn et(f: &str, problem: &SvgProblem) -> String {
    match problem {
        SvgProblem::NotUtf8 => {
            format!("Joonis „{f}“ pole salvestatud UTF-8 tekstina. Salvesta see uuesti UTF-8 kodeeringus (või PNG-vormingus) ja vali salvestatud fail.")
        }
        SvgProblem::NotXml { .. } => format!(
            "Joonis „{f}“ on vigane: see pole korrektne SVG-fail. Salvesta see joonistusprogrammis uuesti (või PNG-vormingus) ja vali salvestatud fail."
        ),
        SvgProblem::Doctype => format!(
            "Joonise „{f}“ alguses on dokumenditüübi deklaratsioon (<!DOCTYPE …>), mida kursus ei luba. Eemalda see või salvesta joonis uuesti lihtsa SVG-na või PNG-vormingus; seejärel vali salvestatud fail."
        ),
        SvgProblem::NotSvg { root } => format!(
            "Fail „{f}“ pole SVG-joonis: selle sisu algab elemendiga <{root}>, mitte <svg>. Vali muu SVG-joonis või salvesta pilt PNG-vormingus ja vali salvestatud fail."
        ),
        SvgProblem::NoNamespace => format!(
            "Joonisel „{f}“ puudub SVG-nimeruum (xmlns=\"http://www.w3.org/2000/svg\"), ilma milleta brauserid pilti ei näita. Salvesta see joonistusprogrammis uuesti (või PNG-vormingus) ja vali salvestatud fail."
        ),
        SvgProblem::ProcessingInstruction { target } => format!(
            "Joonises „{f}“ on käsk <?{target} …?>, mis võib laadida teisi faile. Eemalda see või salvesta joonis uuesti lihtsa SVG-na või PNG-vormingus; seejärel vali salvestatud fail."
        ),
        SvgProblem::Script { element } => format!("Joonises „{f}“ on skript (<{element}>), aga kursuse pilt ei tohi skripte käivitada. {NO_SCRIPT_ET}"),
        SvgProblem::Embeds { element } => format!(
            "Joonisesse „{f}“ on põimitud teine dokument või veebileht (<{element}>), mida kursus ei luba. Salvesta joonis uuesti ilma selleta või PNG-vormingus ja vali salvestatud fail."
        ),
        SvgProblem::EventAttribute { element, attribute } => {
            format!("Joonises „{f}“ on skript ({}). {NO_SCRIPT_ET}", place_et(element, Some(attribute)))
        }
        SvgProblem::ScriptUrl { element, attribute } => {
            format!("Joonises „{f}“ on skripti käivitav link (javascript:, {}). {NO_SCRIPT_ET}", place_et(element, attribute.as_ref()))
        }
        SvgProblem::EmbeddedData { element, attribute } => format!(
            "Joonise „{f}“ sees on teine fail (data:-aadress, {}). Kursuse joonis võib viidata ainult oma osadele: salvesta see PNG-vormingus või eemalda põimitud fail joonisest ja salvesta uuesti; seejärel vali salvestatud fail.",
            place_et(element, Some(attribute))
        ),
        SvgProblem::ExternalLink { element, attribute, target } => format!(
            "Joonis „{f}“ viitab endast välja, aadressile „{target}“ ({}). Kursuse joonis võib viidata ainult oma osadele: eemalda viide või salvesta joonis PNG-vormingus; seejärel vali salvestatud fail.",
            place_et(element, Some(attribute))
        ),
        SvgProblem::StyleUrl { element, attribute, target } => format!(
            "Joonise „{f}“ stiilid laadivad „{target}“ ({}). Kursuse joonis võib viidata ainult oma osadele: eemalda see või salvesta joonis PNG-vormingus; seejärel vali salvestatud fail.",
            place_et(element, attribute.as_ref())
        ),
        SvgProblem::StyleImport { element, attribute } => format!(
            "Joonise „{f}“ stiilid laadivad teise stiililehe (@import, {}). Eemalda see või salvesta joonis PNG-vormingus; seejärel vali salvestatud fail.",
            place_et(element, attribute.as_ref())
        ),
        SvgProblem::StyleExpression { element, attribute } => {
            format!("Joonise „{f}“ stiilid käivitavad skripti (expression(…), {}). {NO_SCRIPT_ET}", place_et(element, attribute.as_ref()))
        }
        SvgProblem::AnimatesLink { element, attribute } => format!(
            "Joonises „{f}“ on animatsioon (<{element}>), mis muudab atribuuti {attribute}: nii võib pilt viia endast välja või käivitada skripti. Eemalda animatsioon või salvesta joonis PNG-vormingus; seejärel vali salvestatud fail."
        ),
        SvgProblem::NoSize => format!(
            "Joonisel „{f}“ pole suurust: sel pole laiust ja kõrgust ega atribuuti viewBox. Määra joonistusprogrammis joonise suurus, salvesta see uuesti ja vali salvestatud fail."
        ),
    }
}

pub(super) fn fi(f: &str, problem: &SvgProblem) -> String {
    match problem {
        SvgProblem::NotUtf8 => format!(
            "Piirrosta ”{f}” ei ole tallennettu UTF-8-tekstinä. Tallenna se uudelleen UTF-8-merkistöllä (tai PNG-kuvana) ja valitse tallennettu tiedosto."
        ),
        SvgProblem::NotXml { .. } => format!(
            "Piirros ”{f}” on vioittunut: se ei ole kelvollinen SVG-tiedosto. Tallenna se uudelleen piirto-ohjelmassa (tai PNG-kuvana) ja valitse tallennettu tiedosto."
        ),
        SvgProblem::Doctype => format!(
            "Piirroksen ”{f}” alussa on dokumenttityypin määrittely (<!DOCTYPE …>), jota kurssi ei hyväksy. Poista se tai tallenna piirros uudelleen tavallisena SVG:nä tai PNG-kuvana ja valitse sitten tallennettu tiedosto."
        ),
        SvgProblem::NotSvg { root } => format!(
            "Tiedosto ”{f}” ei ole SVG-piirros: sen sisältö alkaa elementillä <{root}> eikä <svg>. Valitse toinen SVG-piirros tai tallenna kuva PNG-muodossa ja valitse tallennettu tiedosto."
        ),
        SvgProblem::NoNamespace => format!(
            "Piirroksesta ”{f}” puuttuu SVG-nimiavaruus (xmlns=\"http://www.w3.org/2000/svg\"), jota ilman selaimet eivät näytä kuvaa. Tallenna se uudelleen piirto-ohjelmassa (tai PNG-kuvana) ja valitse tallennettu tiedosto."
        ),
        SvgProblem::ProcessingInstruction { target } => format!(
            "Piirroksessa ”{f}” on käsky <?{target} …?>, joka voi ladata muita tiedostoja. Poista se tai tallenna piirros uudelleen tavallisena SVG:nä tai PNG-kuvana ja valitse sitten tallennettu tiedosto."
        ),
        SvgProblem::Script { element } => format!("Piirroksessa ”{f}” on skripti (<{element}>), eikä kurssin kuva saa suorittaa skriptejä. {NO_SCRIPT_FI}"),
        SvgProblem::Embeds { element } => format!(
            "Piirrokseen ”{f}” on upotettu toinen asiakirja tai verkkosivu (<{element}>), eikä kurssi salli sellaista. Tallenna piirros uudelleen ilman sitä tai PNG-kuvana ja valitse tallennettu tiedosto."
        ),
        SvgProblem::EventAttribute { element, attribute } => {
            format!("Piirroksessa ”{f}” on skripti ({}). {NO_SCRIPT_FI}", place_fi(element, Some(attribute)))
        }
        SvgProblem::ScriptUrl { element, attribute } => {
            format!("Piirroksessa ”{f}” on skriptin suorittava linkki (javascript:, {}). {NO_SCRIPT_FI}", place_fi(element, attribute.as_ref()))
        }
        SvgProblem::EmbeddedData { element, attribute } => format!(
            "Piirroksen ”{f}” sisällä on toinen tiedosto (data:-osoite, {}). Kurssin piirros saa viitata vain omiin osiinsa: tallenna se PNG-kuvana tai poista upotettu tiedosto piirroksesta ja tallenna uudelleen. Valitse sitten tallennettu tiedosto.",
            place_fi(element, Some(attribute))
        ),
        SvgProblem::ExternalLink { element, attribute, target } => format!(
            "Piirros ”{f}” viittaa itsensä ulkopuolelle, osoitteeseen ”{target}” ({}). Kurssin piirros saa viitata vain omiin osiinsa: poista viittaus tai tallenna piirros PNG-kuvana ja valitse sitten tallennettu tiedosto.",
            place_fi(element, Some(attribute))
        ),
        SvgProblem::StyleUrl { element, attribute, target } => format!(
            "Piirroksen ”{f}” tyylit lataavat ”{target}” ({}). Kurssin piirros saa viitata vain omiin osiinsa: poista se tai tallenna piirros PNG-kuvana ja valitse sitten tallennettu tiedosto.",
            place_fi(element, attribute.as_ref())
        ),
        SvgProblem::StyleImport { element, attribute } => format!(
            "Piirroksen ”{f}” tyylit lataavat toisen tyylitiedoston (@import, {}). Poista se tai tallenna piirros PNG-kuvana ja valitse sitten tallennettu tiedosto.",
            place_fi(element, attribute.as_ref())
        ),
        SvgProblem::StyleExpression { element, attribute } => {
            format!("Piirroksen ”{f}” tyylit suorittavat skriptin (expression(…), {}). {NO_SCRIPT_FI}", place_fi(element, attribute.as_ref()))
        }
        SvgProblem::AnimatesLink { element, attribute } => format!(
            "Piirroksessa ”{f}” on animaatio (<{element}>), joka muuttaa attribuuttia {attribute}: näin kuva voi johtaa itsensä ulkopuolelle tai suorittaa skriptin. Poista animaatio tai tallenna piirros PNG-kuvana ja valitse sitten tallennettu tiedosto."
        ),
        SvgProblem::NoSize => format!(
            "Piirroksella ”{f}” ei ole kokoa: siinä ei ole leveyttä ja korkeutta eikä attribuuttia viewBox. Määritä piirroksen koko piirto-ohjelmassa, tallenna se ja valitse tallennettu tiedosto."
        ),
    }
}

pub(super) fn en(f: &str, problem: &SvgProblem) -> String {
    match problem {
        SvgProblem::NotUtf8 => format!("The drawing “{f}” is not saved as UTF-8 text. Save it again as UTF-8 (or as PNG) and choose the saved file."),
        SvgProblem::NotXml { .. } => format!(
            "The drawing “{f}” is damaged: it is not a valid SVG file. Save it again from the drawing program (or as PNG) and choose the saved file."
        ),
        SvgProblem::Doctype => format!(
            "The drawing “{f}” starts with a document type declaration (<!DOCTYPE …>), which a course does not accept. Remove it, or save the drawing again as a plain SVG or as PNG, and choose the saved file."
        ),
        SvgProblem::NotSvg { root } => format!(
            "The file “{f}” is not an SVG drawing: its content starts with <{root}>, not <svg>. Choose another SVG drawing, or save the picture as PNG and choose the saved file."
        ),
        SvgProblem::NoNamespace => format!(
            "The drawing “{f}” lacks the SVG namespace (xmlns=\"http://www.w3.org/2000/svg\"), without which browsers show nothing. Save it again from the drawing program (or as PNG) and choose the saved file."
        ),
        SvgProblem::ProcessingInstruction { target } => format!(
            "The drawing “{f}” has an instruction <?{target} …?> that can load other files. Remove it, or save the drawing again as a plain SVG or as PNG, and choose the saved file."
        ),
        SvgProblem::Script { element } => format!("The drawing “{f}” has a script (<{element}>), and a picture in a course may not run scripts. {NO_SCRIPT_EN}"),
        SvgProblem::Embeds { element } => format!(
            "The drawing “{f}” embeds another document or a web page (<{element}>), which a course does not allow. Save the drawing again without it, or as PNG, and choose the saved file."
        ),
        SvgProblem::EventAttribute { element, attribute } => format!("The drawing “{f}” has a script ({}). {NO_SCRIPT_EN}", place_en(element, Some(attribute))),
        SvgProblem::ScriptUrl { element, attribute } => {
            format!("The drawing “{f}” has a link that runs a script (javascript:, {}). {NO_SCRIPT_EN}", place_en(element, attribute.as_ref()))
        }
        SvgProblem::EmbeddedData { element, attribute } => format!(
            "The drawing “{f}” carries another file inside it (a data: address, {}). A drawing in a course may point only at its own parts: save it as PNG, or remove the embedded file from it and save it again; then choose the saved file.",
            place_en(element, Some(attribute))
        ),
        SvgProblem::ExternalLink { element, attribute, target } => format!(
            "The drawing “{f}” points outside itself, to “{target}” ({}). A drawing in a course may point only at its own parts: remove the link, or save the drawing as PNG, and choose the saved file.",
            place_en(element, Some(attribute))
        ),
        SvgProblem::StyleUrl { element, attribute, target } => format!(
            "The styles of the drawing “{f}” load “{target}” ({}). A drawing in a course may point only at its own parts: remove it, or save the drawing as PNG, and choose the saved file.",
            place_en(element, attribute.as_ref())
        ),
        SvgProblem::StyleImport { element, attribute } => format!(
            "The styles of the drawing “{f}” load another style sheet (@import, {}). Remove it, or save the drawing as PNG, and choose the saved file.",
            place_en(element, attribute.as_ref())
        ),
        SvgProblem::StyleExpression { element, attribute } => {
            format!("The styles of the drawing “{f}” run a script (expression(…), {}). {NO_SCRIPT_EN}", place_en(element, attribute.as_ref()))
        }
        SvgProblem::AnimatesLink { element, attribute } => format!(
            "The drawing “{f}” has an animation (<{element}>) that changes {attribute}, which can lead out of the picture or run a script. Remove the animation, or save the drawing as PNG, and choose the saved file."
        ),
        SvgProblem::NoSize => format!(
            "The drawing “{f}” has no size: it gives neither a width and height nor a viewBox. Set its size in the drawing program, save it again and choose the saved file."
        ),
    }
}

/// Where in the drawing: "elemendi <rect> atribuudis style", or "elemendis <style>" for
/// an element's own text (a `<style>`'s CSS).
fn place_et(element: &str, attribute: Option<&String>) -> String {
    match attribute {
        Some(attribute) => format!("elemendi <{element}> atribuudis {attribute}"),
        None => format!("elemendis <{element}>"),
    }
}

fn place_fi(element: &str, attribute: Option<&String>) -> String {
    match attribute {
        Some(attribute) => format!("elementin <{element}> attribuutissa {attribute}"),
        None => format!("elementissä <{element}>"),
    }
}

fn place_en(element: &str, attribute: Option<&String>) -> String {
    match attribute {
        Some(attribute) => format!("in the {attribute} attribute of <{element}>"),
        None => format!("in <{element}>"),
    }
}
