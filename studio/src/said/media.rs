//! A question's or a dialogue step's picture or sound in the trainer's words: what is
//! wrong with its `media` (`MediaSaid`) and with the file itself (`media::Problem`), in
//! Estonian, Finnish and English. Each sentence names the file, its size as a person
//! reads it or the picture's pixels, and what to do, calling the fields by the media
//! form's labels (`Ui::media`…). What an SVG's content holds is worded in `svg`.

mod svg;

use tere_authoring::draft::keys;
use tere_authoring::media::{Foreign, MediaKind, MediaProblem, Problem, MAX_BYTES, MAX_PIXELS, WARN_ABOVE};
use tere_authoring::said::MediaSaid;
use tere_engine::media::MAX_SIDE;

use crate::i18n::{Lang, Ui};

pub(super) fn et(ui: &Ui, said: &MediaSaid) -> String {
    let (media, alt, decorative, transcript) = (ui.media, ui.media_alt, ui.media_decorative, ui.media_transcript);
    match said {
        MediaSaid::BadName { file } => format!(
            "„{}“ pole failinimi: selles on kausta nimi või muu, mis failinimesse ei sobi. Vali pilt või heli uuesti väljal „{media}“.",
            plain(file)
        ),
        MediaSaid::Missing { path, near: None } => {
            format!("Kursuse piltide ja helide hulgas pole faili „{}“. Vali see uuesti väljal „{media}“.", name_of(path))
        }
        MediaSaid::Missing { path, near: Some(near) } => format!(
            "Faili „{}“ pole, aga on „{near}“: nimi peab klappima ka suurte ja väikeste tähtede poolest. Vali õige fail väljal „{media}“.",
            name_of(path)
        ),
        MediaSaid::File(problem) => file_et(ui, problem),
        MediaSaid::TooBig { width, height } => {
            format!("Pilt on {width} × {height} pikslit, aga pildi külg võib olla kuni {MAX_SIDE} pikslit. Tee pilt väiksemaks ja vali see uuesti.")
        }
        MediaSaid::NoAlt => format!(
            "Kirjuta väljale „{alt}“ pildi sisu neile, kes pilti ei näe. Kui pilt ei lisa tekstile midagi, märgi „{decorative}“."
        ),
        MediaSaid::AltAndDecorative => format!(
            "Ekraanilugeja jätab dekoratiivse pildi vahele, nii et selle alternatiivteksti ei loeta kunagi ette. Tühjenda väli „{alt}“ või võta linnuke „{decorative}“ ära."
        ),
        MediaSaid::NoTranscript => {
            format!("Kirjuta väljale „{transcript}“, mida helis öeldakse (või mida on kuulda), neile, kes seda ei kuule.")
        }
        MediaSaid::NotForSound { key } => match *key {
            keys::ALT => format!("Fail on heli, aga „{alt}“ on piltide jaoks. Kirjuta heli sõnad hoopis väljale „{transcript}“ ja tühjenda see väli."),
            keys::DECORATIVE => {
                format!("Fail on heli, aga „{decorative}“ on piltide jaoks. Võta linnuke ära ja kirjuta heli sõnad väljale „{transcript}“.")
            }
            other => format!("Fail on heli, aga „{other}“ on piltide jaoks. Eemalda see ja kirjuta heli sõnad väljale „{transcript}“."),
        },
        MediaSaid::TranscriptOnPicture => {
            format!("Fail on pilt, aga „{transcript}“ on helide jaoks. Kirjuta pildi kirjeldus hoopis väljale „{alt}“ ja tühjenda see väli.")
        }
    }
}

pub(super) fn fi(ui: &Ui, said: &MediaSaid) -> String {
    let (media, alt, decorative, transcript) = (ui.media, ui.media_alt, ui.media_decorative, ui.media_transcript);
    match said {
        MediaSaid::BadName { file } => format!(
            "”{}” ei ole tiedostonimi: siinä on kansion nimi tai muuta, mikä ei sovi tiedostonimeen. Valitse kuva tai ääni uudelleen kentässä ”{media}”.",
            plain(file)
        ),
        MediaSaid::Missing { path, near: None } => {
            format!("Kurssin kuvien ja äänien joukossa ei ole tiedostoa ”{}”. Valitse se uudelleen kentässä ”{media}”.", name_of(path))
        }
        MediaSaid::Missing { path, near: Some(near) } => format!(
            "Tiedostoa ”{}” ei ole, mutta ”{near}” on: nimen on täsmättävä myös isojen ja pienten kirjainten osalta. Valitse oikea tiedosto kentässä ”{media}”.",
            name_of(path)
        ),
        MediaSaid::File(problem) => file_fi(ui, problem),
        MediaSaid::TooBig { width, height } => {
            format!("Kuva on {width} × {height} pikseliä, mutta kuvan sivu saa olla enintään {MAX_SIDE} pikseliä. Pienennä kuvaa ja valitse se uudelleen.")
        }
        MediaSaid::NoAlt => format!(
            "Kirjoita kenttään ”{alt}” kuvan sisältö niille, jotka eivät näe kuvaa. Jos kuva ei tuo tekstiin mitään lisää, valitse ”{decorative}”."
        ),
        MediaSaid::AltAndDecorative => format!(
            "Ruudunlukija ohittaa koristekuvan, joten sen vaihtoehtoista tekstiä ei koskaan lueta. Tyhjennä kenttä ”{alt}” tai poista valinta ”{decorative}”."
        ),
        MediaSaid::NoTranscript => {
            format!("Kirjoita kenttään ”{transcript}”, mitä äänitteessä sanotaan (tai mitä siinä kuuluu), niille, jotka eivät kuule sitä.")
        }
        MediaSaid::NotForSound { key } => match *key {
            keys::ALT => format!(
                "Tiedosto on ääni, mutta ”{alt}” on kuvia varten. Kirjoita äänitteen sanat sen sijaan kenttään ”{transcript}” ja tyhjennä tämä kenttä."
            ),
            keys::DECORATIVE => {
                format!("Tiedosto on ääni, mutta ”{decorative}” on kuvia varten. Poista valinta ja kirjoita äänitteen sanat kenttään ”{transcript}”.")
            }
            other => format!("Tiedosto on ääni, mutta ”{other}” on kuvia varten. Poista se ja kirjoita äänitteen sanat kenttään ”{transcript}”."),
        },
        MediaSaid::TranscriptOnPicture => format!(
            "Tiedosto on kuva, mutta ”{transcript}” on ääniä varten. Kirjoita kuvan kuvaus sen sijaan kenttään ”{alt}” ja tyhjennä tämä kenttä."
        ),
    }
}

pub(super) fn en(ui: &Ui, said: &MediaSaid) -> String {
    let (media, alt, decorative, transcript) = (ui.media, ui.media_alt, ui.media_decorative, ui.media_transcript);
    match said {
        MediaSaid::BadName { file } => format!(
            "“{}” is not a file name: it holds a folder or something else a file name cannot have. Choose the picture or sound again under “{media}”.",
            plain(file)
        ),
        MediaSaid::Missing { path, near: None } => {
            format!("There is no file “{}” among the course's pictures and sounds. Choose it again under “{media}”.", name_of(path))
        }
        MediaSaid::Missing { path, near: Some(near) } => format!(
            "There is no file “{}”, but there is “{near}”: the name must match in capital and small letters too. Choose the right file under “{media}”.",
            name_of(path)
        ),
        MediaSaid::File(problem) => file_en(ui, problem),
        MediaSaid::TooBig { width, height } => {
            format!("The picture is {width} × {height} pixels, but a side may be at most {MAX_SIDE} pixels. Make the picture smaller and choose it again.")
        }
        MediaSaid::NoAlt => {
            format!("Describe the picture in “{alt}” for those who cannot see it. If it adds nothing to the text, tick “{decorative}” instead.")
        }
        MediaSaid::AltAndDecorative => {
            format!("Screen readers skip a decorative picture, so its alt text would never be read. Empty “{alt}”, or untick “{decorative}”.")
        }
        MediaSaid::NoTranscript => format!("Write in “{transcript}” what is said (or heard) in the sound, for those who cannot hear it."),
        MediaSaid::NotForSound { key } => match *key {
            keys::ALT => format!("The file is a sound, and “{alt}” is for pictures. Write the sound's words in “{transcript}” instead, and empty this field."),
            keys::DECORATIVE => format!("The file is a sound, and “{decorative}” is for pictures. Untick it, and write the sound's words in “{transcript}”."),
            other => format!("The file is a sound, and “{other}” is for pictures. Remove it, and write the sound's words in “{transcript}”."),
        },
        MediaSaid::TranscriptOnPicture => {
            format!("The file is a picture, and “{transcript}” is for sounds. Describe the picture in “{alt}” instead, and empty this field.")
        }
    }
}

fn file_et(ui: &Ui, problem: &Problem) -> String {
    let (f, lang) = (&problem.file, Lang::Et);
    let pictures_or_sounds = format!("Vali pilt ({}) või heli ({}).", kinds(true, "või"), kinds(false, "või"));
    let save_as = |pictures: bool| format!("Salvesta see {} ja vali salvestatud fail.", formats(pictures, "või", "vormingus"));
    match &problem.what {
        MediaProblem::Empty => format!("Fail „{f}“ on tühi. Vali pilt või heli uuesti."),
        MediaProblem::Unsupported { extension, seen: Some(seen) } => {
            let despite = if named_kind(extension).is_some() { "nimest hoolimata " } else { "" };
            let then = match family(*seen) {
                Family::Pictures => save_as(true),
                Family::Sounds => save_as(false),
                Family::Neither => pictures_or_sounds,
            };
            format!("Fail „{f}“ on {despite}{}. Seda kursusel kasutada ei saa. {then}", foreign_et(*seen))
        }
        MediaProblem::Unsupported { extension, seen: None } => match named_kind(extension) {
            Some(named) => format!(
                "Nime „{f}“ järgi on see {}, aga fail pole seda: see on vigane või on selle nime all salvestatud muud liiki fail. {}",
                kind_et(named),
                save_as(named.is_image())
            ),
            None => format!("Fail „{f}“ pole pilt ega heli, mida kursusel kasutada saab. {pictures_or_sounds}"),
        },
        MediaProblem::Mislabelled { extension, found } => {
            let what = match (extension, named_kind(extension)) {
                (None, _) => format!("Nimel „{f}“ pole laiendit, aga fail on {}.", kind_et(*found)),
                (Some(_), Some(named)) => format!("Nime „{f}“ järgi on see {}, aga tegelikult on fail {}.", kind_et(named), kind_et(*found)),
                (Some(ext), None) => format!("Nime „{f}“ laiendit „.{ext}“ kursuse piltidel ega helidel ei kasutata, aga fail on {}.", kind_et(*found)),
            };
            format!("{what} Nimeta fail ümber nii, et nimi lõpeks „.{}“, ja vali see uuesti.", found.extension())
        }
        MediaProblem::TooLarge { bytes } => format!(
            "Fail „{f}“ on {}, aga pilt või heli võib olla kuni {}. Tee fail väiksemaks (pildil väiksemad mõõtmed või tugevam tihendus, helil lühem kestus või madalam kvaliteet) ja vali see uuesti.",
            size(lang, *bytes),
            size(lang, MAX_BYTES)
        ),
        MediaProblem::Large { bytes } => format!(
            "Fail „{f}“ on {}, üle {}: iga õppija laadib selle alla, paljud telefoniga. See töötab, aga faili tasub väiksemaks teha.",
            size(lang, *bytes),
            size(lang, WARN_ABOVE)
        ),
        MediaProblem::NoSize { kind } => {
            let or_else = if jpeg_of_a_rare_kind(*kind) { " või selline JPEG, mida kõik brauserid ei näita" } else { "" };
            format!(
                "Fail „{f}“ on {}, aga selle laiust ja kõrgust ei saa lugeda: fail on vigane{or_else}. Ava see pilditöötlusprogrammis, salvesta uuesti ja vali salvestatud fail.",
                kind_et(*kind)
            )
        }
        MediaProblem::TooManyPixels { width, height } => {
            let side = MAX_PIXELS.isqrt();
            format!(
                "Pilt „{f}“ on {width} × {height} pikslit, aga pildis võib olla kokku kuni {side} × {side} pikslit (umbes {} miljonit): suuremat ei pruugi telefon näidata. Vähenda pildi mõõtmeid ja vali see uuesti.",
                millions(lang, MAX_PIXELS)
            )
        }
        MediaProblem::Svg { problem, .. } => svg::et(f, problem),
        MediaProblem::MoreSvgProblems { count } => format!("Lisaks neile on joonisel „{f}“ veel {}.", ui.count(*count, &ui.problems_count)),
    }
}

fn file_fi(ui: &Ui, problem: &Problem) -> String {
    let (f, lang) = (&problem.file, Lang::Fi);
    let pictures_or_sounds = format!("Valitse kuva ({}) tai ääni ({}).", kinds(true, "tai"), kinds(false, "tai"));
    let save_as = |pictures: bool| format!("Tallenna se {} ja valitse tallennettu tiedosto.", formats(pictures, "tai", "muotoon"));
    match &problem.what {
        MediaProblem::Empty => format!("Tiedosto ”{f}” on tyhjä. Valitse kuva tai ääni uudelleen."),
        MediaProblem::Unsupported { extension, seen: Some(seen) } => {
            let despite = if named_kind(extension).is_some() { "nimestään huolimatta " } else { "" };
            let then = match family(*seen) {
                Family::Pictures => save_as(true),
                Family::Sounds => save_as(false),
                Family::Neither => pictures_or_sounds,
            };
            format!("Tiedosto ”{f}” on {despite}{}. Sitä ei voi käyttää kurssilla. {then}", foreign_fi(*seen))
        }
        MediaProblem::Unsupported { extension, seen: None } => match named_kind(extension) {
            Some(named) => format!(
                "Nimen ”{f}” mukaan se on {}, mutta tiedosto ei ole sellainen: se on vioittunut, tai sen nimellä on tallennettu toisenlainen tiedosto. {}",
                kind_fi(named),
                save_as(named.is_image())
            ),
            None => format!("Tiedosto ”{f}” ei ole kuva eikä ääni, jota kurssilla voi käyttää. {pictures_or_sounds}"),
        },
        MediaProblem::Mislabelled { extension, found } => {
            let what = match (extension, named_kind(extension)) {
                (None, _) => format!("Nimessä ”{f}” ei ole tiedostopäätettä, mutta tiedosto on {}.", kind_fi(*found)),
                (Some(_), Some(named)) => format!("Nimen ”{f}” mukaan se on {}, mutta tiedosto on oikeasti {}.", kind_fi(named), kind_fi(*found)),
                (Some(ext), None) => format!("Nimen ”{f}” päätettä ”.{ext}” ei käytetä kurssin kuvissa eikä äänissä, mutta tiedosto on {}.", kind_fi(*found)),
            };
            format!("{what} Anna tiedostolle nimi, joka päättyy ”.{}”, ja valitse se uudelleen.", found.extension())
        }
        MediaProblem::TooLarge { bytes } => format!(
            "Tiedosto ”{f}” on {}, mutta kuva tai ääni saa olla enintään {}. Tee tiedostosta pienempi (kuvalle pienemmät mitat tai tiiviimpi pakkaus, äänelle lyhyempi kesto tai heikompi laatu) ja valitse se uudelleen.",
            size(lang, *bytes),
            size(lang, MAX_BYTES)
        ),
        MediaProblem::Large { bytes } => format!(
            "Tiedosto ”{f}” on {}, yli {}: jokainen oppija lataa sen, moni puhelimella. Se toimii, mutta tiedostoa kannattaa pienentää.",
            size(lang, *bytes),
            size(lang, WARN_ABOVE)
        ),
        MediaProblem::NoSize { kind } => {
            let or_else = if jpeg_of_a_rare_kind(*kind) { " tai sellainen JPEG, jota kaikki selaimet eivät näytä" } else { "" };
            format!(
                "Tiedosto ”{f}” on {}, mutta sen leveyttä ja korkeutta ei voi lukea: tiedosto on vioittunut{or_else}. Avaa se kuvankäsittelyohjelmassa, tallenna uudelleen ja valitse tallennettu tiedosto.",
                kind_fi(*kind)
            )
        }
        MediaProblem::TooManyPixels { width, height } => {
            let side = MAX_PIXELS.isqrt();
            format!(
                "Kuva ”{f}” on {width} × {height} pikseliä, mutta kuvassa saa olla yhteensä enintään {side} × {side} pikseliä (noin {} miljoonaa): suurempaa puhelin ei ehkä pysty näyttämään. Pienennä kuvaa ja valitse se uudelleen.",
                millions(lang, MAX_PIXELS)
            )
        }
        MediaProblem::Svg { problem, .. } => svg::fi(f, problem),
        MediaProblem::MoreSvgProblems { count } => format!("Näiden lisäksi piirroksessa ”{f}” on vielä {}.", ui.count(*count, &ui.problems_count)),
    }
}

fn file_en(ui: &Ui, problem: &Problem) -> String {
    let (f, lang) = (&problem.file, Lang::En);
    let pictures_or_sounds = format!("Choose a picture ({}) or a sound ({}).", kinds(true, "or"), kinds(false, "or"));
    let save_as = |pictures: bool| format!("Save it as {} and choose the saved file.", kinds(pictures, "or"));
    match &problem.what {
        MediaProblem::Empty => format!("The file “{f}” is empty. Choose the picture or sound again."),
        MediaProblem::Unsupported { extension, seen: Some(seen) } => {
            let despite = if named_kind(extension).is_some() { ", despite its name," } else { "" };
            let then = match family(*seen) {
                Family::Pictures => save_as(true),
                Family::Sounds => save_as(false),
                Family::Neither => pictures_or_sounds,
            };
            format!("The file “{f}” is{despite} {}. A course cannot use it. {then}", foreign_en(*seen))
        }
        MediaProblem::Unsupported { extension, seen: None } => match named_kind(extension) {
            Some(named) => format!(
                "The name “{f}” says it is {}, but the file is not: it is damaged, or a file of another kind saved under that name. {}",
                named,
                save_as(named.is_image())
            ),
            None => format!("The file “{f}” is neither a picture nor a sound a course can use. {pictures_or_sounds}"),
        },
        MediaProblem::Mislabelled { extension, found } => {
            let what = match (extension, named_kind(extension)) {
                (None, _) => format!("The name “{f}” has no extension, but the file is {}.", found),
                (Some(_), Some(named)) => format!("The name “{f}” says it is {}, but the file is really {}.", named, found),
                (Some(ext), None) => {
                    format!("The name “{f}” ends in “.{ext}”, which no picture or sound of a course uses, but the file is {}.", found)
                }
            };
            format!("{what} Rename it to end in “.{}” and choose it again.", found.extension())
        }
        MediaProblem::TooLarge { bytes } => format!(
            "The file “{f}” is {}, but a picture or sound may be at most {}. Make it smaller (a picture with fewer pixels or more compression, a sound shorter or at a lower quality) and choose it again.",
            size(lang, *bytes),
            size(lang, MAX_BYTES)
        ),
        MediaProblem::Large { bytes } => format!(
            "The file “{f}” is {}, more than {}: every learner downloads it, many on a phone. It works, but it is worth making smaller.",
            size(lang, *bytes),
            size(lang, WARN_ABOVE)
        ),
        MediaProblem::NoSize { kind } => {
            let or_else = if jpeg_of_a_rare_kind(*kind) { ", or a kind of JPEG that not every browser shows" } else { "" };
            format!(
                "The file “{f}” is {}, but its width and height cannot be read: it is damaged{or_else}. Open it in an image editor, save it again and choose the saved file.",
                kind
            )
        }
        MediaProblem::TooManyPixels { width, height } => {
            let side = MAX_PIXELS.isqrt();
            format!(
                "The picture “{f}” is {width} × {height} pixels, but a picture may have at most {side} × {side} pixels in all (about {} million): a phone may fail to show a larger one. Scale it down and choose it again.",
                millions(lang, MAX_PIXELS)
            )
        }
        MediaProblem::Svg { problem, .. } => svg::en(f, problem),
        MediaProblem::MoreSvgProblems { count } => format!("Besides these, the drawing “{f}” has {} more.", ui.count(*count, &ui.problems_count)),
    }
}

/// What a file a course cannot carry could be saved as instead.
enum Family {
    Pictures,
    Sounds,
    /// A video, a document or an archive: neither, so the trainer chooses another file.
    Neither,
}

fn family(seen: Foreign) -> Family {
    match seen {
        Foreign::Gif | Foreign::Bmp | Foreign::Tiff | Foreign::Avif | Foreign::Heic | Foreign::Ico => Family::Pictures,
        Foreign::Wav | Foreign::Flac | Foreign::Aac | Foreign::OggOther => Family::Sounds,
        Foreign::Video | Foreign::WebM | Foreign::Pdf | Foreign::Gzip | Foreign::Zip => Family::Neither,
    }
}

fn foreign_et(seen: Foreign) -> &'static str {
    match seen {
        Foreign::Gif => "GIF-pilt",
        Foreign::Bmp => "BMP-pilt",
        Foreign::Tiff => "TIFF-pilt",
        Foreign::Avif => "AVIF-pilt",
        // HEIC is how an iPhone saves its photos: saying so tells the trainer where it came from.
        Foreign::Heic => "HEIC-pilt (iPhone'i fotode vorming)",
        Foreign::Ico => "ikoonifail (ICO)",
        Foreign::Wav => "WAV-helifail",
        Foreign::Flac => "FLAC-helifail",
        Foreign::Aac => "AAC-helifail (.aac, mitte M4A)",
        Foreign::OggOther => "Ogg-fail, mis pole Vorbis- ega Opus-heli (näiteks video)",
        Foreign::Video => "video (või MP4- või MOV-fail, milles on muudki kui heli)",
        Foreign::WebM => "WebM-fail (tavaliselt video)",
        Foreign::Pdf => "PDF-dokument",
        Foreign::Gzip => "pakitud fail (gzip või .svgz)",
        Foreign::Zip => "zip-fail (või Office'i dokument)",
    }
}

fn foreign_fi(seen: Foreign) -> &'static str {
    match seen {
        Foreign::Gif => "GIF-kuva",
        Foreign::Bmp => "BMP-kuva",
        Foreign::Tiff => "TIFF-kuva",
        Foreign::Avif => "AVIF-kuva",
        Foreign::Heic => "HEIC-kuva (iPhonen valokuvien muoto)",
        Foreign::Ico => "kuvaketiedosto (ICO)",
        Foreign::Wav => "WAV-äänitiedosto",
        Foreign::Flac => "FLAC-äänitiedosto",
        Foreign::Aac => "AAC-äänitiedosto (.aac, ei M4A)",
        Foreign::OggOther => "Ogg-tiedosto, jossa ei ole Vorbis- eikä Opus-ääntä (esimerkiksi video)",
        Foreign::Video => "video (tai MP4- tai MOV-tiedosto, jossa on muutakin kuin ääntä)",
        Foreign::WebM => "WebM-tiedosto (yleensä video)",
        Foreign::Pdf => "PDF-asiakirja",
        Foreign::Gzip => "pakattu tiedosto (gzip tai .svgz)",
        Foreign::Zip => "zip-tiedosto (tai Office-asiakirja)",
    }
}

fn foreign_en(seen: Foreign) -> &'static str {
    match seen {
        Foreign::Gif => "a GIF picture",
        Foreign::Bmp => "a BMP picture",
        Foreign::Tiff => "a TIFF picture",
        Foreign::Avif => "an AVIF picture",
        Foreign::Heic => "a HEIC picture (the iPhone's photo format)",
        Foreign::Ico => "an icon (ICO)",
        Foreign::Wav => "a WAV sound",
        Foreign::Flac => "a FLAC sound",
        Foreign::Aac => "an AAC sound (.aac, not M4A)",
        Foreign::OggOther => "an Ogg file that is not Vorbis or Opus sound (a video, say)",
        Foreign::Video => "a video (or an MP4 or MOV file with more than sound in it)",
        Foreign::WebM => "a WebM file (usually a video)",
        Foreign::Pdf => "a PDF document",
        Foreign::Gzip => "a compressed file (gzip, or a .svgz)",
        Foreign::Zip => "a zip file (or an Office document)",
    }
}

/// "PNG-pilt", "MP3-helifail".
fn kind_et(kind: MediaKind) -> String {
    format!("{}-{}", kind.name(), if kind.is_image() { "pilt" } else { "helifail" })
}

/// "PNG-kuva", "MP3-äänitiedosto".
fn kind_fi(kind: MediaKind) -> String {
    format!("{}-{}", kind.name(), if kind.is_image() { "kuva" } else { "äänitiedosto" })
}

/// Whether a picture of `kind` whose size cannot be read may also be a JPEG that is
/// lossless or arithmetic-coded, which not every browser shows.
fn jpeg_of_a_rare_kind(kind: MediaKind) -> bool {
    match kind {
        MediaKind::Jpeg => true,
        MediaKind::Png | MediaKind::Webp | MediaKind::Svg | MediaKind::Mp3 | MediaKind::Ogg | MediaKind::M4a => false,
    }
}

/// The kinds a course carries, its pictures or its sounds, by name, from `MediaKind::ALL`
/// (so a new kind is offered everywhere at once): "PNG, JPEG, WebP või SVG".
fn kinds(pictures: bool, or: &str) -> String {
    joined(names(pictures), or)
}

/// The same as a compound with `word` ("formats"), as Estonian and Finnish write them:
/// "PNG-, JPEG-, WebP- või SVG-vormingus", "MP3-, Ogg- tai M4A-muotoon".
fn formats(pictures: bool, or: &str, word: &str) -> String {
    let mut names: Vec<String> = names(pictures).into_iter().map(|name| format!("{name}-")).collect();
    if let Some(last) = names.last_mut() {
        last.push_str(word);
    }
    joined(names, or)
}

fn names(pictures: bool) -> Vec<&'static str> {
    MediaKind::ALL.into_iter().filter(|kind| kind.is_image() == pictures).map(MediaKind::name).collect()
}

/// "a, b or c".
fn joined<S: AsRef<str>>(names: Vec<S>, or: &str) -> String {
    match names.split_last() {
        Some((last, [])) => last.as_ref().to_string(),
        Some((last, rest)) => format!("{} {or} {}", rest.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", "), last.as_ref()),
        None => String::new(),
    }
}

/// The kind a file's extension names, if it names one.
fn named_kind(extension: &Option<String>) -> Option<MediaKind> {
    extension.as_deref().and_then(MediaKind::from_extension)
}

/// The file's name from the path it was looked for at: a plain name (`MediaSaid::BadName`
/// catches any other), so the path's last part.
fn name_of(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// A name as written, but with any control character (a line break, say) shown as an
/// escape, so that a sentence never breaks or hides part of it.
fn plain(name: &str) -> String {
    name.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

/// A file's size as a person reads it: whole kilobytes below a megabyte, else
/// megabytes with one decimal (none for a whole number), 1024 to the next as the limits
/// count. Rounded up, as `media::kilobytes` is, so that a file a byte over a limit never
/// reads as the limit itself. The number and its unit never part at a line break.
fn size(lang: Lang, bytes: usize) -> String {
    let (kb, mb) = match lang {
        Lang::Et => ("kB", "MB"),
        Lang::Fi => ("kt", "Mt"),
        Lang::En => ("KB", "MB"),
    };
    // u128: no product of a usize overflows it.
    let kilobytes = (bytes as u128).div_ceil(1024);
    if kilobytes < 1024 {
        return format!("{kilobytes}\u{a0}{kb}");
    }
    let tenths = (bytes as u128 * 10).div_ceil(1024 * 1024);
    format!("{}\u{a0}{mb}", decimal(lang, tenths))
}

/// Millions with one decimal, rounded: 16 777 216 is "16,8" (Estonian, Finnish) or "16.8".
fn millions(lang: Lang, n: u64) -> String {
    decimal(lang, (u128::from(n) * 10 + 500_000) / 1_000_000)
}

/// A number given in tenths, with the language's decimal mark, without a trailing zero.
fn decimal(lang: Lang, tenths: u128) -> String {
    let mark = match lang {
        Lang::Et | Lang::Fi => ',',
        Lang::En => '.',
    };
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        tenth => format!("{}{mark}{tenth}", tenths / 10),
    }
}

#[cfg(test)]
mod tests;
