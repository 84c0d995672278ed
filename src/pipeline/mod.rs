//! Article → geocoded incidents: the extractor then the geocoder, as the CLI, the app and the
//! tests all run them. Holds no state of its own. Three uses of it have a file each: the JSONL
//! stream (`stream`), storing in a workspace (`ingest`) and reading one back (`view`); their
//! items are re-exported here, so `pipeline::ingest` and the rest keep their paths.
//!
//! Not here: the rules (`extract`), places (`geocode`) or storage (`store`).

mod breakdown;
mod coordinated;
mod ingest;
mod stream;
mod view;

pub use ingest::{IngestSummary, extraction_stamp, ingest, refresh, stale_articles};
pub use stream::{StreamArticle, StreamReport, declare_published, stream_jsonl};
pub use view::{WorkspaceView, workspace_events, workspace_view};

use std::path::Path;

use crate::corpus::Article;
use crate::datasets::data_dir;
use crate::geocode::Geocoder;
use crate::geocode::load;
use crate::incident::Incident;

/// Incidents of one article, geocoded. The text is segmented a second time, knowing which
/// towns each sentence names, only when an incident mixes distant towns (rare): then
/// same-day incidents in different places come apart.
pub fn incidents(article: &Article, geocoder: &Geocoder) -> Vec<Incident> {
    let dated = crate::extract::DatedText::read(article);
    let cut = crate::extract::cut_roundups(article, &dated);
    let article = cut.as_ref().unwrap_or(article);
    let extraction = crate::extract::extract_dated(article, dated);
    let resolved = geocoder.resolve_article(article, &extraction);
    let places = Geocoder::sentence_places(article, &resolved);
    let extraction = if crate::extract::places_may_split(article, &extraction, &places) {
        crate::extract::resegment(article, extraction, &places)
    } else {
        extraction
    };
    let incidents = geocoder.geocode_resolved(article, &extraction, &resolved);
    let mut split: Vec<Incident> = incidents
        .into_iter()
        .flat_map(|i| breakdown::split_by_place(article, i))
        .flat_map(|i| coordinated::split_coordinated(article, i))
        .collect();
    for (i, incident) in split.iter_mut().enumerate() {
        incident.incident = i;
    }
    split
}

/// A rule that failed on one article: the article is skipped, named in the error, and the
/// rest of an ingest or a stream goes on.
#[derive(Debug, thiserror::Error)]
#[error("{article}: the extraction rules failed on this article ({message}); it was skipped")]
pub struct ExtractionFailed {
    pub article: String,
    pub message: String,
}

/// [`incidents`], with a failed rule (a panic: a slice off a character boundary, an index
/// out of range) turned into an error that names the article, so that one article's odd text
/// never aborts a whole ingest or stream. The panic's own message still goes to stderr.
pub fn checked_incidents(
    article: &Article,
    geocoder: &Geocoder,
) -> Result<Vec<Incident>, ExtractionFailed> {
    guarded(&article.source, || incidents(article, geocoder))
}

/// Runs `rules` on the article named `source`, a panic becoming [`ExtractionFailed`].
fn guarded<T>(source: &str, rules: impl FnOnce() -> T) -> Result<T, ExtractionFailed> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(rules)).map_err(|payload| {
        ExtractionFailed {
            article: source.to_string(),
            message: payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_string()))
                .unwrap_or_else(|| "panic".to_string()),
        }
    })
}

/// The geocoder over the gazetteer at `path` (ML.txt, ML.zip, a cache, a pack or a folder),
/// else the installed one, else the snapshot embedded in the program; with the pack's
/// cercles, else the installed ones, else the embedded ones ([`load::load`]).
pub fn geocoder(
    path: Option<&Path>,
) -> Result<Geocoder, crate::geocode::gazetteer::GazetteerError> {
    Ok(load::load(path, data_dir().as_deref())?.into_geocoder())
}

/// What the workspace stores for an article.
pub fn article_record(a: &Article) -> crate::store::ArticleRecord {
    crate::store::ArticleRecord {
        source: a.source.clone(),
        hash: a.hash.clone(),
        text: a.text.clone(),
        title: a.title.clone(),
        published: a.published.as_ref().map(|p| p.date),
        published_precision: a
            .published
            .as_ref()
            .map_or(crate::corpus::DatePrecision::Unknown, |p| p.precision),
        load_errors: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geocode::gazetteer::Gazetteer;
    use crate::incident::Precision;
    use crate::model::{LatLon, distance_km};

    /// The geocoder over the embedded snapshot, built once for all tests of this module.
    fn embedded_geocoder() -> &'static Geocoder {
        static GEOCODER: std::sync::LazyLock<Geocoder> = std::sync::LazyLock::new(|| {
            Geocoder::new(Gazetteer::embedded().expect("embedded gazetteer"))
        });
        &GEOCODER
    }

    /// The embedded geocoder with the embedded cercles (cercle polygons, 2023 regions), as the
    /// program runs.
    fn geocoder_with_cercles() -> &'static Geocoder {
        static GEOCODER: std::sync::LazyLock<Geocoder> = std::sync::LazyLock::new(|| {
            Geocoder::new(Gazetteer::embedded().expect("embedded gazetteer")).with_cercles(
                crate::reference::cercles::Cercles::embedded().expect("embedded cercles"),
            )
        });
        &GEOCODER
    }

    #[test]
    fn a_rule_that_fails_skips_its_article_with_an_error_naming_it() {
        let text = "Ségou, 15 mars 2023 (AFP) – Une embuscade a tué deux soldats près de Niono.";
        let article = crate::corpus::article_from_text("bamako/16-mars.txt", text.to_string());
        let found = checked_incidents(&article, embedded_geocoder()).expect("rules run");
        assert_eq!(found.len(), 1);
        let failed = guarded::<Vec<Incident>>("bamako/16-mars.txt", || {
            panic!("byte index 7 is not a char boundary")
        })
        .unwrap_err()
        .to_string();
        assert!(failed.starts_with("bamako/16-mars.txt: "), "{failed}");
        assert!(failed.contains("not a char boundary"), "{failed}");
    }

    /// Whether `place` lies within `km` of (`lat`, `lon`).
    fn within(place: &crate::incident::PlaceMatch, lat: f64, lon: f64, km: f64) -> bool {
        let at = LatLon::new(place.lat.unwrap(), place.lon.unwrap());
        distance_km(at, LatLon::new(lat, lon)) <= km
    }

    /// The places `g` resolves in `article`, after extracting it.
    fn resolved_places(g: &Geocoder, article: &Article) -> Vec<crate::geocode::Resolved> {
        g.resolve_article(article, &crate::extract::extract(article))
    }

    /// The place `g` resolves for `mention` in an article of `text`.
    fn resolved_named(g: &Geocoder, text: &str, mention: &str) -> crate::incident::PlaceMatch {
        let article = crate::corpus::article_from_text("t", text.to_string());
        resolved_places(g, &article)
            .into_iter()
            .find(|r| r.place.mention == mention)
            .unwrap_or_else(|| panic!("{mention} resolved in {text}"))
            .place
    }

    /// An article of `text` published on `date` (YYYY-MM-DD).
    fn published(text: &str, date: &str) -> Article {
        let mut article = crate::corpus::article_from_text("t", text.to_string());
        assert!(declare_published(&mut article, date));
        article
    }

    #[test]
    fn streams_articles_to_incidents_and_skips_bad_lines() {
        let g = Geocoder::new(Gazetteer::fallback());
        let input = concat!(
            r#"{"id": "a1", "text": "Dix soldats ont été tués hier près de Gao.", "published": "2023-05-02"}"#,
            "\n",
            "not json\n",
            "\n",
            r#"{"id": "a2", "text": "Le marché de Ségou a rouvert.", "published": "2023-13"}"#,
            "\n",
        );
        let mut out = Vec::new();
        let r = stream_jsonl(input.as_bytes(), &mut out, &g).unwrap();
        assert_eq!(r.articles, 2);
        assert_eq!(r.errors.len(), 2);
        assert_eq!(r.errors[0].0, 2);
        let text = String::from_utf8(out).unwrap();
        let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(first["article"], "a1");
        assert_eq!(first["date"], "2023-05-01");
        assert_eq!(first["killed"]["soldiers"]["best"], 10);
    }

    /// (best toll, first place) of each incident.
    fn tolls_by_place(v: &[Incident]) -> Vec<(Option<u32>, String)> {
        v.iter()
            .map(|i| {
                let place = i
                    .places
                    .first()
                    .map_or(String::new(), |p| p.mention.clone());
                (i.fatalities.map(|t| t.best), place)
            })
            .collect()
    }

    /// The places of each incident (by mention).
    fn places_by_incident(v: &[Incident]) -> Vec<Vec<String>> {
        v.iter()
            .map(|i| i.places.iter().map(|p| p.mention.clone()).collect())
            .collect()
    }

    #[test]
    fn the_dead_counted_by_their_village_give_one_incident_per_village() {
        let g = embedded_geocoder();
        let article = published(
            "Mardi, des hommes armés ont tué sept villageois, dont 4 d'Ogossagou et 3 de Sobane.",
            "2024-03-09",
        );
        let v = incidents(&article, g);
        assert_eq!(
            tolls_by_place(&v),
            [
                (Some(4), "Ogossagou".to_string()),
                (Some(3), "Sobane".to_string())
            ],
            "{v:#?}"
        );
    }

    #[test]
    fn a_headline_and_a_lead_summing_two_attacks_are_the_later_ones_told_again() {
        let g = embedded_geocoder();
        let article = published(
            "Neuf soldats tués dans une attaque dans la région de Tombouctou\n\
             Au cours des dernières 48 heures, l'armée a perdu 11 hommes lors de deux attaques \
             distinctes. Le 3 mars, deux soldats ont été tués dans une embuscade près de \
             Nampala. La seconde attaque a visé, ce 3 mars, le camp de Goundam. Le bilan est \
             lourd : neuf soldats y ont perdu la vie.",
            "2024-03-04",
        );
        let v = incidents(&article, g);
        let told: Vec<(Option<u32>, bool)> = v
            .iter()
            .map(|i| {
                let town = if i.fatalities.map(|t| t.best) == Some(2) {
                    "Nampala"
                } else {
                    "Goundam"
                };
                (
                    i.fatalities.map(|t| t.best),
                    i.places.iter().any(|p| p.name == town),
                )
            })
            .collect();
        assert_eq!(told, [(Some(2), true), (Some(9), true)], "{v:#?}");
    }

    #[test]
    fn an_opener_a_people_or_a_city_abroad_is_no_malian_village() {
        let g = embedded_geocoder();
        for (text, not) in [
            (
                "Des hommes armés ont attaqué un car près de Niono, selon une source à Niono. \
                 Suite au refus du chauffeur de s'arrêter, ils ont tué deux passagers.",
                "Sité",
            ),
            (
                "Des affrontements entre Peuls et Bambaras ont fait trois morts mardi près de \
                 Macina.",
                "Bambaras",
            ),
            (
                "Dans le centre du pays, une mine a tué deux ouvriers mardi près de Koro, sur le \
                 tronçon Koro-Ouahigouya.",
                "Ouahigouya",
            ),
        ] {
            let v = incidents(&published(text, "2024-03-09"), g);
            assert_eq!(v.len(), 1, "{text}: {v:#?}");
            assert!(
                v[0].places
                    .iter()
                    .all(|p| p.name != not || p.precision == crate::incident::Precision::Foreign),
                "{text}: {:#?}",
                v[0].places
            );
        }
    }

    #[test]
    fn a_commune_is_looked_for_in_the_cercle_said_after_it() {
        let g = geocoder_with_cercles();
        // The one "Tessit" east of the river lies in the cercle of Ansongo; the other entry,
        // 65 km west, does not.
        let text = "Mardi, cinq villageois ont été tués dans la commune de Tessit, cercle \
                    d'Ansongo.";
        let place = resolved_named(g, text, "Tessit");
        assert!(within(&place, 15.22, 0.29, 10.0), "{place:?}");
        // The gazetteer's only "Bondo" lies 500 km from Koro: not this commune; the cercle
        // places the incident.
        let article = published(
            "Mardi, cinq villageois ont été tués dans la commune de Bondo, cercle de Koro.",
            "2024-03-09",
        );
        let v = incidents(&article, g);
        assert_eq!(places_by_incident(&v), [["Koro"]], "{v:#?}");
    }

    #[test]
    fn a_headline_rubric_yields_to_a_town_of_its_area() {
        let g = embedded_geocoder();
        // A region's seat before the headline's colon files the story; the body's town is
        // where it happened.
        let article = published(
            "Sikasso : trois morts dans une attaque\n\
             Mardi, trois orpailleurs ont été tués à Kadiolo par des hommes armés.",
            "2024-03-09",
        );
        let v = incidents(&article, g);
        assert_eq!(places_by_incident(&v), [["Kadiolo"]], "{v:#?}");
        // Rubrics may nest.
        let article = published(
            "Mali : Kadiolo : un poste de douane attaqué à Misséni\n\
             Mardi, des hommes armés ont tué deux douaniers à Misséni.",
            "2024-03-09",
        );
        let v = incidents(&article, g);
        assert_eq!(places_by_incident(&v), [["Misséni", "Misséni"]], "{v:#?}");
        // A village as rubric is where the event was.
        let article = published(
            "Farabougou : l'armée repousse une attaque\n\
             Mardi, les FAMa ont neutralisé 12 terroristes près de Niono.",
            "2024-03-09",
        );
        let v = incidents(&article, g);
        assert_eq!(v[0].places[0].mention, "Farabougou", "{v:#?}");
        // An incident told only in the headline keeps the rubric's town; "pro-Bamako" names
        // no place.
        let article = published(
            "Gao : douze civils tués dimanche dans deux villages\n\
             Des sources locales accusent un groupe armé pro-Bamako. Le 1er mars, trois \
             bergers avaient été tués près d'Ansongo.",
            "2024-03-09",
        );
        let v = incidents(&article, g);
        assert_eq!(places_by_incident(&v), [["Gao"], ["Ansongo"]], "{v:#?}");
        // So does a town of its area the body measures the event from, near enough.
        let article = published(
            "Mopti : deux soldats tués dans une embuscade\n\
             Une patrouille est tombée mardi dans une embuscade à 12 km de Djenné, selon l'armée.",
            "2024-03-09",
        );
        let v = incidents(&article, g);
        assert_eq!(places_by_incident(&v), [["Djenné"]], "{v:#?}");
        // A far reference says too little to file the story elsewhere.
        let article = published(
            "Mopti : deux soldats tués dans une embuscade\n\
             Une patrouille est tombée mardi dans une embuscade à 90 km de Djenné, selon l'armée.",
            "2024-03-09",
        );
        let v = incidents(&article, g);
        assert_eq!(v[0].places[0].mention, "Mopti", "{v:#?}");
    }

    #[test]
    fn a_total_broken_down_in_the_next_sentence_gives_one_incident_per_village() {
        let g = embedded_geocoder();
        let article = published(
            "Au moins 40 personnes ont été tuées samedi dans des attaques contre trois villages \
             de la commune de Tessit. Selon un élu, 30 personnes ont été exécutées à \
             Tadjalalte, 2 corps ont été retrouvés à Bakal et 8 à Intahaka.",
            "2022-02-14",
        );
        let v = incidents(&article, g);
        assert_eq!(
            tolls_by_place(&v),
            [
                (Some(30), "Tadjalalte".to_string()),
                (Some(2), "Bakal".to_string()),
                (Some(8), "Intahaka".to_string())
            ],
            "{v:#?}"
        );
    }

    #[test]
    fn a_headline_figure_told_again_by_a_dated_body_is_one_incident() {
        let g = embedded_geocoder();
        let article = published(
            "Kayes : 14 morts dans l'attaque d'un village\n\
             Mardi, des hommes armés ont attaqué le village de Diéma, tuant 14 civils.",
            "2024-02-10",
        );
        let v = incidents(&article, g);
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(
            v[0].date.map(|d| d.to_string()).as_deref(),
            Some("2024-02-06")
        );
        // In a body, two sentences with the same figure at distant towns are two attacks.
        let article = published(
            "Récemment, une attaque contre le poste de Kayes a fait 14 morts. Mardi, des \
             hommes armés ont attaqué le village de Diéma, tuant 14 civils.",
            "2024-02-10",
        );
        assert_eq!(incidents(&article, g).len(), 2);
    }

    #[test]
    fn a_spelling_guess_far_from_the_area_named_after_it_is_dropped() {
        let g = embedded_geocoder();
        let guess = |village: &str| {
            let article = published(
                &format!(
                    "Jeudi, le village de {village}, dans le cercle de Bankass, a été attaqué \
                     par des hommes armés."
                ),
                "2024-02-10",
            );
            resolved_places(g, &article)
                .into_iter()
                .find(|r| r.place.mention == village)
                .map(|r| r.place.admin2.unwrap_or_default().replace(" Cercle", ""))
        };
        // Misspellings of villages of the cercle keep their guess.
        assert_eq!(guess("Dialasagou").as_deref(), Some("Bankass"));
        assert_eq!(guess("Ogossagu").as_deref(), Some("Bankass"));
        // So does a name without its community part (GeoNames' "Koulogon-Habé").
        assert_eq!(guess("Koulogon").as_deref(), Some("Bankass"));
        // A guess hundreds of km away, in another cercle, is another village: the cercle
        // stands.
        assert_eq!(guess("Koulogoun"), None);
        // So is a guess outside the region named after the name, whatever town of its region
        // the article names elsewhere.
        let article = published(
            "Jeudi, neuf civils ont été tués dans la zone de Tevolat, dans la commune rurale \
             d'Askari relevant de la région de Ménaka. Les autorités de Bamako n'ont pas réagi.",
            "2024-02-10",
        );
        let r = resolved_places(g, &article);
        assert!(!r.iter().any(|r| r.place.mention == "Tevolat"), "{r:#?}");
    }

    #[test]
    fn a_figure_that_leaves_out_its_noun_or_verb_counts_at_its_own_place() {
        let g = embedded_geocoder();
        let extract = |text: &str| incidents(&published(text, "2024-02-10"), g);
        // The noun left out: "et deux à Sokolo".
        let v = extract(
            "Jeudi, des assaillants ont tué trois éleveurs à Dioura et deux à Sokolo, selon \
             un élu de la région.",
        );
        assert_eq!(
            tolls_by_place(&v),
            [(Some(3), "Dioura".into()), (Some(2), "Sokolo".into())],
            "{v:#?}"
        );
        // The verb left out: "puis quatre pêcheurs à Diafarabé".
        let v = extract(
            "Des hommes armés ont abattu deux commerçants à Léré, puis quatre pêcheurs à \
             Diafarabé, a indiqué la gendarmerie samedi.",
        );
        assert_eq!(
            tolls_by_place(&v),
            [(Some(2), "Léré".into()), (Some(4), "Diafarabé".into())],
            "{v:#?}"
        );
        // Each with its own day: two incidents, each dated.
        let v = extract(
            "Des hommes armés ont abattu deux commerçants à Léré lundi, puis quatre pêcheurs \
             à Diafarabé mercredi.",
        );
        let read: Vec<_> = v
            .iter()
            .map(|i| (i.date.map(|d| d.to_string()), i.fatalities.map(|t| t.best)))
            .collect();
        assert_eq!(
            read,
            [
                (Some("2024-02-05".into()), Some(2)),
                (Some("2024-02-07".into()), Some(4))
            ],
            "{v:#?}"
        );
        // A second figure with no place of its own is another report of the same dead.
        let v = extract(
            "Jeudi, des assaillants ont tué douze villageois à Dioura, quinze selon des \
             habitants.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        let toll = v[0].fatalities.expect("a toll");
        assert_eq!((toll.low, toll.high), (12, 15));
    }

    #[test]
    fn an_incident_without_a_place_is_put_near_the_one_before_it() {
        let g = Geocoder::new(Gazetteer::fallback());
        let article = published(
            "Six civils ont été tués lundi à Bandiagara, selon le maire de Bankass. \
             En juin 2021, une attaque contre le même village avait fait 14 morts.",
            "2023-03-15",
        );
        let v = incidents(&article, &g);
        assert_eq!(v.len(), 2, "{v:#?}");
        let first = v[0].location.expect("Bandiagara");
        assert_eq!(first.precision, crate::incident::Precision::Locality);
        // The mayor's commune is context, not a place of the incident.
        assert!(v[0].places.iter().all(|p| p.mention != "Bankass"), "{v:#?}");
        let second = v[1].location.expect("near Bandiagara");
        assert_eq!(second.precision, crate::incident::Precision::NearLocality);
        assert_eq!((second.lat, second.lon), (first.lat, first.lon));
    }

    #[test]
    fn an_incident_without_a_place_is_put_near_the_one_town_named_before_it() {
        let g = embedded_geocoder();
        let article = published(
            "Cinq gendarmes ont été tués mardi près de Dogofri. La ville de Nampala, plus au \
             nord, est régulièrement visée. En mai 2016, une attaque avait fait 12 morts.",
            "2019-01-30",
        );
        let v = incidents(&article, g);
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(
            located_at(g, "Cinq gendarmes ont été tués mardi près de Dogofri."),
            ["Dogofri"]
        );
        let second = v[1].location.expect("near Nampala");
        assert!(
            distance_km(
                LatLon::new(second.lat, second.lon),
                LatLon::new(15.28, -5.555)
            ) < 5.0,
            "{v:#?}"
        );
    }

    #[test]
    fn a_far_reference_town_does_not_tie_two_incidents_together() {
        let g = Geocoder::new(Gazetteer::fallback());
        let article = crate::corpus::article_from_text(
            "t",
            "Des terroristes ont tué quatre soldats à Ménaka, à quelque 300 km de Gao. \
             Samedi, 14 soldats ont été tués lors d'une attaque à Ansongo, à 90 km de Gao."
                .to_string(),
        );
        let v = incidents(&article, &g);
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(4), Some(14)], "{v:#?}");
    }

    #[test]
    fn a_point_aimed_far_from_its_town_is_elsewhere_than_the_days_other_attack() {
        let g = Geocoder::new(Gazetteer::fallback());
        let article = published(
            "Dimanche, des assaillants ont attaqué le poste de l'armée à Niono, faisant trois \
             morts. Le même dimanche, un camion a sauté sur une mine à 250 km au nord de Gao.",
            "2023-03-15",
        );
        let v = incidents(&article, &g);
        assert_eq!(v.len(), 2, "{v:#?}");
        let niono = v[0].location.expect("a place");
        assert!((niono.lat - 14.25).abs() < 0.2, "{niono:?}");
    }

    #[test]
    fn a_reference_town_within_a_region_tells_incidents_apart() {
        let g = Geocoder::new(Gazetteer::fallback());
        let article = crate::corpus::article_from_text(
            "t",
            "Des miliciens ont exécuté 12 civils récemment à Bandiagara. \
             Huit autres personnes ont été blessées. \
             Trente soldats ont été tués récemment dans une embuscade à 70 km de Kidal."
                .to_string(),
        );
        let v = incidents(&article, &g);
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(12), Some(30)], "{v:#?}");
    }

    #[test]
    fn a_round_up_sentence_gives_one_incident_per_dated_clause() {
        let g = Geocoder::new(Gazetteer::fallback());
        let article = published(
            "Depuis l'attaque meurtrière de Ménaka, le jeudi 4 mars, et celle de Gao, le \
             dimanche 7 mars, qui a fait six morts, les commerçants ne circulent plus ; \
             le marché de Tombouctou est fermé.",
            "2021-03-10",
        );
        let v = incidents(&article, &g);
        let got: Vec<(String, Option<String>, Option<u32>)> = v
            .iter()
            .map(|i| {
                (
                    i.date.map(|d| d.to_string()).unwrap_or_default(),
                    i.places.first().map(|p| p.mention.clone()),
                    i.fatalities.map(|t| t.best),
                )
            })
            .collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "2021-03-04");
        assert_eq!(got[0].1.as_deref(), Some("Ménaka"));
        assert_eq!(got[1].0, "2021-03-07");
        assert_eq!(got[1].1.as_deref(), Some("Gao"));
        assert_eq!(got[1].2, Some(6));
        // A report's date is not a second clause's date.
        let article = published(
            "Le bilan de l'attaque du 4 mars contre les camps de Ménaka et de Gao est passé de \
             12 à 19 morts, a-t-on appris vendredi.",
            "2021-03-13",
        );
        let v = incidents(&article, &g);
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| (t.low, t.best)), Some((12, 19)));
    }

    #[test]
    fn a_later_toll_at_an_earlier_incidents_town_goes_back_to_it() {
        let g = Geocoder::new(Gazetteer::fallback());
        let article = published(
            "Le poste de Niono a été attaqué lundi, faisant quatre morts parmi les soldats. \
             Un peu plus tard dans la journée, une autre attaque a visé un car près de Kayes et \
             tué six passagers. À Niono, un infirmier a dit avoir soigné douze blessés.",
            "2023-03-15",
        );
        let v = incidents(&article, &g);
        let got: Vec<(String, Option<u32>, Option<u32>)> = v
            .iter()
            .map(|i| {
                (
                    i.date.map(|d| d.to_string()).unwrap_or_default(),
                    i.fatalities.map(|t| t.best),
                    i.wounded.map(|t| t.best),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("2023-03-13".to_string(), Some(4), Some(12)),
                ("2023-03-13".to_string(), Some(6), None)
            ],
            "{v:#?}"
        );
    }

    #[test]
    fn a_sentence_saying_where_the_facts_happened_places_them() {
        let g = Geocoder::new(Gazetteer::fallback());
        let article = published(
            "Six bergers ont été tués lundi près de Tombouctou. \
             En mars 2022, des affrontements avaient fait plus de 20 morts dans la région. \
             C'était dans la ville de Bandiagara.",
            "2023-03-15",
        );
        let v = incidents(&article, &g);
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].fatalities.map(|t| t.best), Some(20));
        assert!(
            v[1].places.iter().any(|p| p.mention == "Bandiagara"),
            "{:?}",
            v[1].places
        );
        assert!(v[0].places.iter().all(|p| p.mention != "Bandiagara"));
    }

    #[test]
    fn a_water_hole_of_the_north_is_a_place() {
        // Tamalelt (alias Tamalat) is a water hole (GeoNames H.WTRH) east of Ménaka.
        let g = embedded_geocoder();
        let article = published(
            "Mardi, des combattants ont attaqué la position tenue par un groupe armé à Tamalat.",
            "2022-03-10",
        );
        let v = incidents(&article, g);
        let l = v[0].location.expect("Tamalat");
        assert!(
            (l.lat - 15.797).abs() < 0.05 && (l.lon - 3.71).abs() < 0.05,
            "{l:?}"
        );
    }

    #[test]
    fn the_same_small_toll_at_a_distant_town_is_another_attack() {
        let g = Geocoder::new(Gazetteer::fallback());
        let article = published(
            "Lundi, une patrouille de l'armée est tombée dans une embuscade près de Douentza. \
             L'état-major y a fait état de deux morts et sept blessés dans le camp de l'armée. \
             Au cours de l'attaque qui a eu lieu au poste de Ménaka, deux morts et dix blessés \
             ont été enregistrés dans le camp de l'armée.",
            "2022-03-23",
        );
        let v = incidents(&article, &g);
        assert_eq!(v.len(), 2, "{v:#?}");
        assert!(
            v.iter().all(|i| i.fatalities.map(|t| t.best) == Some(2)),
            "{v:#?}"
        );
    }

    #[test]
    fn a_number_word_is_never_a_village() {
        let g = embedded_geocoder();
        let article = crate::corpus::article_from_text(
            "t",
            "Une attaque a visé le marché de Bandiagara lundi. \
             Vingt-sept personnes ont été blessées. Douze autres sont portées disparues."
                .to_string(),
        );
        let v = incidents(&article, g);
        let mentions: Vec<&str> = v
            .iter()
            .flat_map(|i| i.places.iter().map(|p| p.mention.as_str()))
            .collect();
        assert!(
            !mentions
                .iter()
                .any(|m| m.starts_with("Vingt") || *m == "Douze"),
            "{mentions:?}"
        );
    }

    #[test]
    fn a_place_bearing_the_name_beats_one_with_it_as_an_old_spelling() {
        // Two villages are called Boni; a third, Bouani, lists "Boni" as an alternate name.
        // With nothing else to choose by, the geocoder once took Bouani (lowest id).
        let g = embedded_geocoder();
        let article = crate::corpus::article_from_text(
            "t",
            "Mardi, une mine a tué quatre passagers d'un car à Boni, dans le centre du pays."
                .to_string(),
        );
        let v = incidents(&article, g);
        let boni = v[0]
            .places
            .iter()
            .find(|p| p.mention == "Boni")
            .expect("Boni resolved");
        assert_eq!(boni.name, "Boni");
    }

    #[test]
    fn a_homonym_inside_the_cercle_the_text_names_wins() {
        // Nine villages are called Ségué; one lies in the cercle of Bankass.
        let g = Geocoder::new(Gazetteer::embedded().expect("embedded gazetteer")).with_cercles(
            crate::reference::cercles::Cercles::embedded().expect("embedded cercles"),
        );
        let article = crate::corpus::article_from_text(
            "t",
            "Samedi, des hommes armés ont incendié des greniers à Ségué. \
             Les élus du cercle de Bankass demandent des renforts."
                .to_string(),
        );
        let resolved = resolved_places(&g, &article);
        let segue = resolved
            .iter()
            .find(|r| r.place.mention == "Ségué")
            .expect("Ségué resolved");
        let cercle = g.cercles().and_then(|c| {
            c.cercle_at(segue.place.lon.unwrap(), segue.place.lat.unwrap())
                .map(|c| c.name.clone())
        });
        assert_eq!(cercle.as_deref(), Some("Bankass"), "{:?}", segue.place);
    }

    #[test]
    fn a_distance_is_aimed_by_a_heading_or_a_roads_far_end() {
        let g = embedded_geocoder();
        // (km from the town, km the aim got closer, the aim is a place of the incident)
        let aimed = |text: &str, town: &str, aim: &str| {
            let article = crate::corpus::article_from_text("t", text.to_string());
            let resolved = resolved_places(g, &article);
            let point = |r: &crate::geocode::Resolved| {
                LatLon::new(r.place.lat.unwrap(), r.place.lon.unwrap())
            };
            let moved = resolved
                .iter()
                .find(|r| r.place.mention == town && r.reference_km.is_some())
                .expect("the distance's town");
            let target = resolved
                .iter()
                .find(|r| r.place.mention == aim)
                .expect("the aim");
            // The town as the gazetteer has it: the distance's first candidate.
            let c = &moved.candidates[0];
            let town_point = LatLon::new(c.lat, c.lon);
            let v = incidents(&article, g);
            (
                distance_km(point(moved), town_point),
                distance_km(town_point, point(target)) - distance_km(point(moved), point(target)),
                v[0].places.iter().any(|p| p.mention == aim),
            )
        };
        let (from_town, gained, aim_listed) = aimed(
            "Mardi, une patrouille est tombée dans une embuscade à 20 km de Léré, en direction de Niafunké.",
            "Léré",
            "Niafunké",
        );
        assert!((from_town - 20.0).abs() < 0.5, "{from_town}");
        assert!((gained - 20.0).abs() < 3.0, "{gained}");
        assert!(!aim_listed);
        let (from_town, gained, aim_listed) = aimed(
            "Jeudi, deux passagers ont été tués par une mine sur l'axe Douentza-Hombori, à 30 km de Douentza.",
            "Douentza",
            "Hombori",
        );
        assert!((from_town - 30.0).abs() < 0.5, "{from_town}");
        assert!((gained - 30.0).abs() < 3.0, "{gained}");
        assert!(!aim_listed);
        // A road named in an earlier sentence ("reliant X à Y") aims a later distance from
        // one of its ends, and the incident stands at the aimed point, not at the town.
        let text = "Mercredi, trois civils ont été tués sur la route reliant Douentza à Hombori. \
                    Selon l'armée, leur véhicule a sauté sur une mine à 40 km de Douentza.";
        let (from_town, gained, _) = aimed(text, "Douentza", "Hombori");
        assert!((from_town - 40.0).abs() < 0.5, "{from_town}");
        assert!((gained - 40.0).abs() < 3.0, "{gained}");
        let v = incidents_of(g, text);
        assert_eq!(v.len(), 1);
        let l = v[0].location.expect("a location");
        let douentza = g.gazetteer().place(g.gazetteer().best("douentza").unwrap());
        let km = distance_km(
            LatLon::new(l.lat, l.lon),
            LatLon::new(douentza.lat, douentza.lon),
        );
        assert!((km - 40.0).abs() < 1.0, "{km}");
        // "vers X", "la route menant à X" aim too.
        for text in [
            "Mardi, un camion a sauté sur une mine à 30 km de Douentza vers Hombori.",
            "Mardi, un camion a sauté sur une mine à 30 km de Douentza, sur la route menant à \
             Hombori.",
        ] {
            let (from_town, gained, _) = aimed(text, "Douentza", "Hombori");
            assert!((from_town - 30.0).abs() < 0.5, "{text} {from_town}");
            assert!((gained - 30.0).abs() < 3.0, "{text} {gained}");
        }
        // The road's end named with it is then no place of the incident.
        let v = incidents_of(
            g,
            "Mardi, la route reliant Douentza à Hombori a de nouveau été le théâtre d'une \
             attaque. Un convoi de l'armée en route pour Hombori a été visé. L'embuscade a eu \
             lieu à environ 40 km de Douentza, vers 9 heures.",
        );
        assert_eq!(v.len(), 1);
        assert!(
            v[0].places
                .iter()
                .all(|p| p.precision != crate::incident::Precision::Locality),
            "{:#?}",
            v[0].places
        );
        assert!((km_from(&v, g, "douentza") - 40.0).abs() < 1.0);
        // Another town's distance is not aimed by that road.
        let text = "Mercredi, trois civils ont été tués sur la route reliant Douentza à Hombori. \
                    Jeudi, une mine a explosé à 20 km de Boni.";
        let article = crate::corpus::article_from_text("t", text.to_string());
        let resolved = resolved_places(g, &article);
        let boni = resolved.iter().find(|r| r.place.mention == "Boni").unwrap();
        let c = &boni.candidates[0];
        let km = distance_km(
            LatLon::new(boni.place.lat.unwrap(), boni.place.lon.unwrap()),
            LatLon::new(c.lat, c.lon),
        );
        assert!(km < 0.5, "{km}");
    }

    /// The incident's location, and its distance in km from the gazetteer's `town`.
    fn km_from(v: &[Incident], g: &Geocoder, town: &str) -> f64 {
        let l = v[0].location.expect("a location");
        let t = g
            .gazetteer()
            .place(g.gazetteer().best(town).expect("town known"));
        distance_km(LatLon::new(l.lat, l.lon), LatLon::new(t.lat, t.lon))
    }

    #[test]
    fn a_homonym_beside_the_cercle_the_text_names_wins() {
        let g = embedded_geocoder();
        // GeoNames' Songo near Bandiagara lies just outside the cercle of Bankass, 40 km
        // from its seat; the other two are 250 km away, near Niono.
        let article = published(
            "Jeudi, trois bergers ont été tués au village de Songo, cercle de Bankass.",
            "2024-05-10",
        );
        let v = incidents(&article, g);
        assert!(km_from(&v, g, "bankass") < 60.0, "{v:#?}");
    }

    #[test]
    fn a_village_said_near_a_town_is_its_homonym_near_it() {
        let g = embedded_geocoder();
        // Of the Sébékoro the gazetteer holds, one lies 50 km from Kita.
        let article = published(
            "Jeudi, deux orpailleurs ont été tués à Sébékoro, non loin de Kita.",
            "2024-05-10",
        );
        let v = incidents(&article, g);
        assert!(km_from(&v, g, "kita") < 80.0, "{v:#?}");
        assert_eq!(v[0].places[0].mention, "Sébékoro", "{v:#?}");
        // The only Famabougou is 170 km from Cinzana: the text's village is missing from
        // GeoNames, and the town it is near stands for it.
        let article = published(
            "Jeudi, deux orpailleurs ont été tués à Famabougou, non loin de Cinzana.",
            "2024-05-10",
        );
        let v = incidents(&article, g);
        assert!(km_from(&v, g, "cinzana") < 1.0, "{v:#?}");
        // Without the phrase, the village stands.
        let article = published(
            "Jeudi, deux orpailleurs ont été tués à Famabougou. Ils venaient de Cinzana.",
            "2024-05-10",
        );
        let v = incidents(&article, g);
        assert!(km_from(&v, g, "cinzana") > 100.0, "{v:#?}");
    }

    #[test]
    fn a_village_placed_by_distance_is_not_a_distant_homonym() {
        let g = embedded_geocoder();
        let niono = g.gazetteer().place(g.gazetteer().best("niono").unwrap());
        let niono = LatLon::new(niono.lat, niono.lon);
        // The only Wéré the gazetteer holds is near Koro, 300 km from Niono: the text's
        // "situé à 20 km au nord de Niono" places this one, and the road's ends are not it.
        let text = "Mardi, une patrouille a été prise pour cible sur l'axe Niono-Diabaly. \
                    L'attaque a eu lieu près du hameau de Wéré, situé à 20 km au nord de Niono, \
                    et deux soldats ont été tués.";
        let article = published(text, "2024-05-10");
        let resolved = resolved_places(g, &article);
        let were = resolved.iter().find(|r| r.place.mention == "Wéré").unwrap();
        assert!(were.context, "{were:#?}");
        let v = incidents(&article, g);
        assert_eq!(v.len(), 1, "{v:#?}");
        let l = v[0].location.expect("a location");
        let km = distance_km(LatLon::new(l.lat, l.lon), niono);
        assert!((km - 20.0).abs() < 1.0, "{km} {l:?}");
        assert!(v[0].places.iter().all(|p| p.mention != "Diabaly"), "{v:#?}");
        // A village where the text says it is stays the place.
        let article = published(
            "Mardi, deux civils ont été tués à Sévaré, situé à 12 km de Mopti.",
            "2024-05-10",
        );
        let resolved = resolved_places(g, &article);
        let sevare = resolved
            .iter()
            .find(|r| r.place.mention == "Sévaré")
            .unwrap();
        assert!(!sevare.context);
    }

    #[test]
    fn a_lead_listing_distant_towns_places_none_of_the_incidents() {
        let g = embedded_geocoder();
        let article = published(
            "Ces derniers jours, il y a eu des attaques à Douentza, à Ménaka et à Kayes. Lundi, \
             des hommes armés ont attaqué le poste de gendarmerie de Kayes, tuant deux gendarmes. \
             Ménaka, chef-lieu de région, a aussi été la cible d'une attaque. Le dimanche \
             12 mars 2023, des assaillants ont tiré sur le camp militaire, tuant un soldat.",
            "2023-03-15",
        );
        let v = incidents(&article, g);
        let menaka = g.gazetteer().place(g.gazetteer().best("menaka").unwrap());
        let at_menaka = v
            .iter()
            .find(|i| i.date.map(|d| d.to_string()) == Some("2023-03-12".into()))
            .expect("the Sunday attack");
        let l = at_menaka.location.expect("a location");
        let km = distance_km(
            LatLon::new(l.lat, l.lon),
            LatLon::new(menaka.lat, menaka.lon),
        );
        assert!(km < 5.0, "{v:#?}");
        assert_eq!(at_menaka.fatalities.map(|f| f.best), Some(1));
        // Said after an incident, such a sentence is commentary: its towns are not the
        // incident's places.
        let article = published(
            "Lundi, un car a sauté sur une mine près de Boni, faisant trois morts. La route \
             qui relie Kayes à Gao est souvent visée par des attaques.",
            "2023-03-15",
        );
        let v = incidents(&article, g);
        assert_eq!(v.len(), 1, "{v:#?}");
        let names: Vec<&str> = v[0].places.iter().map(|p| p.mention.as_str()).collect();
        assert_eq!(names, ["Boni"]);
    }

    #[test]
    fn a_sources_town_and_a_dateless_datelines_town_are_not_the_events() {
        let g = embedded_geocoder();
        for text in [
            "Dimanche, douze soldats ont été tués dans l'attaque du camp de Léré, a déclaré une \
             source militaire à Bamako.",
            "Bamako, Mali (PANA) - Douze soldats ont été tués dimanche dans l'attaque du camp de \
             Léré, a appris la PANA.",
            "Mopti - Douze soldats ont été tués dimanche dans l'attaque du camp de Léré, selon \
             le gouvernement.",
            "Bamako, Mali | AFP | dimanche 12/05/2024 - Douze soldats ont été tués dimanche dans \
             l'attaque du camp de Léré.",
            "BAMAKO, Mali — Douze soldats ont été tués dimanche dans l'attaque du camp de Léré, \
             selon l'armée malienne.",
            "Douze soldats ont été tués dimanche dans l'attaque du camp de Léré, et un blessé \
             grave a été hospitalisé à Mopti.",
            "Dimanche, le convoi qui revenait de Mopti a été attaqué à Léré : douze soldats ont \
             été tués.",
            "Le préfet, qui se trouvait à Mopti au moment des faits, rapporte que douze soldats \
             ont été tués dimanche à Léré.",
        ] {
            let v = incidents(&published(text, "2024-05-14"), g);
            assert_eq!(v.len(), 1, "{v:#?}");
            let names: Vec<&str> = v[0].places.iter().map(|p| p.mention.as_str()).collect();
            assert_eq!(names, ["Léré"], "{text}");
        }
        // A town named where the facts happened stays.
        let v = incidents(
            &published(
                "Dimanche, une source militaire a été tuée à Léré lors d'une attaque.",
                "2024-05-14",
            ),
            g,
        );
        assert!(v[0].places.iter().any(|p| p.mention == "Léré"), "{v:#?}");
        // A headline's town before a dash is where the headline's event happened.
        let v = incidents(
            &published(
                "Léré - douze soldats tués\nDimanche, l'attaque du camp a fait douze morts.",
                "2024-05-14",
            ),
            g,
        );
        assert!(v[0].places.iter().any(|p| p.mention == "Léré"), "{v:#?}");
    }

    #[test]
    fn a_direction_from_a_capital_does_not_tell_incidents_apart() {
        let g = embedded_geocoder();
        let article = published(
            "Six gendarmes ont été tués mardi dans une attaque au nord-est de Ségou. Selon \
             l'armée, l'attaque a visé le poste de Dioura, où six gendarmes ont été tués.",
            "2024-05-10",
        );
        let v = incidents(&article, g);
        assert_eq!(v.len(), 1, "{v:#?}");
        let dioura = v[0].places.iter().find(|p| p.mention == "Dioura").unwrap();
        let l = v[0].location.expect("a location");
        assert_eq!((l.lat, l.lon), (dioura.lat.unwrap(), dioura.lon.unwrap()));
        // From a village, a direction stays close: "à l'est de Boni" places the event.
        let article = published(
            "Mardi, des hommes armés ont tué trois bergers à l'est de Boni.",
            "2024-05-10",
        );
        let v = incidents(&article, g);
        assert_eq!(
            v[0].location.map(|l| l.precision),
            Some(crate::incident::Precision::NearLocality)
        );
    }

    #[test]
    fn a_y_for_an_i_is_the_same_name_not_a_guess() {
        let g = embedded_geocoder();
        let article = crate::corpus::article_from_text(
            "t",
            "Mardi, l'armée a repoussé une attaque à Diabaly, deux jours après des tirs à Kidal."
                .to_string(),
        );
        let resolved = resolved_places(g, &article);
        let town = resolved
            .iter()
            .find(|r| r.place.mention == "Diabaly")
            .expect("Diabaly resolved, though far from Kidal");
        assert_eq!(town.place.name, "Diabali");
    }

    #[test]
    fn towns_named_right_after_an_incident_told_by_its_area_place_it() {
        let g = embedded_geocoder();
        let article = published(
            "Des hommes armés ont attaqué mardi deux villages du cercle de Koro. Selon un élu \
             local, il s'agit des villages de Madougou et Dinangourou.",
            "2024-05-10",
        );
        let v = incidents(&article, g);
        assert_eq!(v.len(), 1);
        assert_eq!(
            v[0].location.map(|l| l.precision),
            Some(crate::incident::Precision::Locality)
        );
        assert!(v[0].places.iter().any(|p| p.mention == "Madougou"));
        // An incident that has its own town keeps it: the next sentence's town is not added.
        let article = published(
            "Des hommes armés ont attaqué mardi le village de Madougou. Le maire se trouvait \
             alors à Dinangourou.",
            "2024-05-10",
        );
        let v = incidents(&article, g);
        assert!(!v[0].places.iter().any(|p| p.mention == "Dinangourou"));
    }

    #[test]
    fn a_toll_broken_down_by_village_is_one_incident_per_village() {
        let g = embedded_geocoder();
        let article = crate::corpus::article_from_text(
            "t",
            "Bamako, 10 mai 2024 (AFP) – Des hommes armés ont attaqué mercredi plusieurs villages \
             du cercle de Bandiagara, faisant 11 morts (6 à Sangha, 3 à Dourou et 2 à Bandiagara)."
                .to_string(),
        );
        let v = incidents(&article, g);
        let tolls: Vec<(u32, Option<&str>)> = v
            .iter()
            .map(|i| {
                (
                    i.fatalities.map_or(0, |t| t.best),
                    i.places.first().map(|p| p.mention.as_str()),
                )
            })
            .collect();
        assert_eq!(
            tolls,
            [
                (6, Some("Sangha")),
                (3, Some("Dourou")),
                (2, Some("Bandiagara"))
            ]
        );
        assert!(v.iter().all(|i| i.date == v[0].date && i.date.is_some()));
        // Parts that do not add up to the toll leave it whole.
        let article = crate::corpus::article_from_text(
            "t",
            "Bamako, 10 mai 2024 (AFP) – Des hommes armés ont tué mercredi 11 civils \
             (6 à Sangha et 2 à Dourou, selon un élu)."
                .to_string(),
        );
        assert_eq!(incidents(&article, g).len(), 1);
    }

    #[test]
    fn a_homonym_near_the_commune_the_text_names_wins() {
        // Two villages are called Dali; one lies near one of the two Dioura. With nothing
        // else to go by, the other (lower id) used to win.
        let g = embedded_geocoder();
        let article = crate::corpus::article_from_text(
            "t",
            "Lundi, des hommes armés ont incendié le village de Dali, dans la commune de Dioura."
                .to_string(),
        );
        let resolved = resolved_places(g, &article);
        let dali = resolved
            .iter()
            .find(|r| r.place.mention == "Dali")
            .expect("Dali resolved");
        let here = LatLon::new(dali.place.lat.unwrap(), dali.place.lon.unwrap());
        let near_a_dioura = g
            .gazetteer()
            .lookup("dioura")
            .iter()
            .map(|&i| g.gazetteer().place(i))
            .any(|p| distance_km(here, LatLon::new(p.lat, p.lon)) < 30.0);
        assert!(near_a_dioura, "{:?}", dali.place);
    }

    #[test]
    fn the_dead_of_the_massacre_a_tension_dates_from_are_that_massacres() {
        // Ogossagou lies within 50 km of Douna: its massacre is not told apart by its town.
        let g = embedded_geocoder();
        let text = "Six chasseurs ont été tués cette semaine dans les villages de Douna et de \
                    Niangassadiou. La tension est vive entre les deux communautés depuis le \
                    massacre de Ogossagou, où au moins 150 villageois avaient péri.";
        let v = incidents(&crate::corpus::article_from_text("t", text.to_string()), g);
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(6), Some(150)], "{v:#?}");
        assert_eq!(v[1].places[0].mention, "Ogossagou");
    }

    #[test]
    fn a_distance_in_apposition_places_a_village_missing_from_the_gazetteer() {
        let g = embedded_geocoder();
        let text = "Gao, 5 mai 2021 (AFP) – Mardi, un kamikaze a tué deux soldats près de Gao. \
                    L'attentat a précisément eu lieu dans le hameau de Zorkobéssou, à 40 km au \
                    nord de Gao, selon l'armée.";
        let v = incidents(&crate::corpus::article_from_text("t", text.to_string()), g);
        assert_eq!(v.len(), 1, "{v:#?}");
        let l = v[0].location.expect("a point");
        // Gao lies at 16.27 N: the point is aimed 40 km north of it.
        assert!((l.lat - 16.63).abs() < 0.05, "{l:?}");
    }

    #[test]
    fn coordinated_attacks_on_listed_towns_are_one_incident_per_town() {
        let g = embedded_geocoder();
        let text = "Bamako, 9 mai 2024 (AFP) – Des attaques coordonnées ont visé mercredi les \
                    camps de l'armée dans quatre localités du pays : Nara, Hombori, Diéma et \
                    Ansongo. À Hombori, des tirs nourris ont été entendus toute la matinée.";
        let v = incidents(&crate::corpus::article_from_text("t", text.to_string()), g);
        let towns: Vec<Vec<&str>> = v
            .iter()
            .map(|i| i.places.iter().map(|p| p.mention.as_str()).collect())
            .collect();
        assert_eq!(
            towns,
            [
                vec!["Nara"],
                vec!["Hombori", "Hombori"],
                vec!["Diéma"],
                vec!["Ansongo"]
            ],
            "{v:#?}"
        );
        assert!(v.iter().all(|i| i.date == v[0].date && i.date.is_some()));
        // Villages of one massacre with its toll stay one incident.
        let text = "Bamako, 9 mai 2024 (AFP) – Des attaques simultanées contre les villages de \
                    Nara, Hombori et Diéma ont fait 12 morts mercredi.";
        let v = incidents(&crate::corpus::article_from_text("t", text.to_string()), g);
        assert_eq!(v.len(), 1, "{v:#?}");
        // A list with no word of coordinated attacks stays one incident.
        let text = "Bamako, 9 mai 2024 (AFP) – Des hommes armés ont attaqué mercredi les \
                    camps de Nara, Hombori et Diéma.";
        let v = incidents(&crate::corpus::article_from_text("t", text.to_string()), g);
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn a_village_named_without_its_community_part_is_that_village() {
        // GeoNames knows only "Koulogon-Habé"; "Koulogon" is one edit from other villages.
        let g = embedded_geocoder();
        let article = crate::corpus::article_from_text(
            "t",
            "Mardi, des hommes armés ont tué dix villageois à Koulogon, selon un élu.".to_string(),
        );
        let v = incidents(&article, g);
        let l = v[0].location.expect("a place");
        assert!(
            distance_km(LatLon::new(l.lat, l.lon), LatLon::new(13.8166, -3.4404)) < 5.0,
            "{l:?}"
        );
    }

    #[test]
    fn a_region_named_by_its_number_is_that_region() {
        let g = embedded_geocoder();
        let article = crate::corpus::article_from_text(
            "t",
            "Jeudi, des hommes armés ont tué deux commerçants dans un hameau de la 7ème région."
                .to_string(),
        );
        let v = incidents(&article, g);
        let p = v[0]
            .places
            .iter()
            .find(|p| p.mention == "7ème région")
            .expect("the region is a place");
        assert_eq!(p.precision, Precision::Admin1);
        assert_eq!(p.name, "Région de Gao");
    }

    #[test]
    fn a_village_spelt_with_w_for_ou_is_that_village() {
        // GeoNames writes "Amalaoulaou"; the press, English-style, "Amalawlaw". The well lies
        // in the cercle named, far from its seat.
        let g = geocoder_with_cercles();
        let article = crate::corpus::article_from_text(
            "t",
            "Jeudi, des hommes armés ont tué quatre éleveurs près d'Amalawlaw, dans le cercle \
             d'Ansongo."
                .to_string(),
        );
        let v = incidents(&article, g);
        let l = v[0].location.expect("a place");
        assert!(
            distance_km(LatLon::new(l.lat, l.lon), LatLon::new(15.4024, 1.297)) < 5.0,
            "{l:?}"
        );
    }

    #[test]
    fn a_village_missing_from_the_gazetteer_is_placed_by_its_commune() {
        // The gazetteer's Kita is the cercle seat, far from Dioura: not the hamlet meant.
        let g = embedded_geocoder();
        let article = crate::corpus::article_from_text(
            "t",
            "Jeudi, des hommes armés ont tué trois bergers à Kita, un hameau de la commune de Dioura."
                .to_string(),
        );
        let v = incidents(&article, g);
        assert!(
            v[0].places.iter().all(|p| p.mention != "Kita"),
            "{:?}",
            v[0].places
        );
        let l = v[0].location.expect("the commune's point");
        assert_eq!(l.precision, crate::incident::Precision::Admin2);
    }

    #[test]
    fn a_village_said_in_a_cercle_that_holds_none_of_that_name_is_placed_by_the_cercle() {
        // The gazetteer's only Sékoro lies in the Ségou region, hundreds of km from Nioro; the
        // cercle stands for the village, at its own point.
        let g = geocoder_with_cercles();
        let at = |text: &str| {
            let v = incidents(&crate::corpus::article_from_text("t", text.to_string()), g);
            v[0].location.expect("a point")
        };
        let l =
            at("Lundi, des hommes armés ont tué quatre civils à Sekoro, dans le cercle de Nioro.");
        assert_eq!(l.precision, crate::incident::Precision::Admin2, "{l:?}");
        let from_nioro = distance_km(LatLon::new(l.lat, l.lon), LatLon::new(15.23, -9.59));
        assert!(from_nioro < 100.0, "{l:?}");
        // A clause between the village and the cercle says nothing of where the village is.
        let l = at(
            "Lundi, des hommes armés ont tué quatre civils à Sekoro avant de repartir vers \
             le cercle de Nioro.",
        );
        assert_eq!(l.precision, crate::incident::Precision::Locality, "{l:?}");
        // A seat keeps its reading when the press names another cercle.
        let l = at("Lundi, deux soldats ont été tués à Ténenkou, dans le cercle de Macina.");
        assert!(distance_km(LatLon::new(l.lat, l.lon), LatLon::new(14.46, -4.92)) < 5.0);
    }

    #[test]
    fn every_mention_of_a_village_missing_from_the_gazetteer_follows_its_commune() {
        let g = embedded_geocoder();
        let article = crate::corpus::article_from_text(
            "t",
            "Des soldats ont tué quatre civils jeudi à Kita. L'opération a eu lieu à Kita, \
             un hameau de la commune de Dioura, selon des élus."
                .to_string(),
        );
        let v = incidents(&article, g);
        // The first "Kita" stands at the commune too, at its precision.
        assert!(
            v[0].places
                .iter()
                .filter(|p| p.mention == "Kita")
                .all(|p| p.name != "Kita" && p.precision == crate::incident::Precision::Admin2),
            "{:?}",
            v[0].places
        );
        let l = v[0].location.expect("the commune's point");
        assert_eq!(l.precision, crate::incident::Precision::Admin2);
    }

    #[test]
    fn a_headline_capital_the_body_names_as_a_region_is_the_region() {
        let g = embedded_geocoder();
        let sikasso = (11.3176, -5.6665);
        let at = |text: &str| {
            let article = published(text, "2024-02-10");
            assert!(article.title.is_some(), "the first line is a title");
            let v = incidents(&article, g);
            let l = v[0].location.expect("a point");
            distance_km(LatLon::new(l.lat, l.lon), LatLon::new(sikasso.0, sikasso.1))
        };
        let far = at(
            "Mali : deux chauffeurs tués vendredi dans une attaque à Sikasso\n\
             Vendredi, des hommes armés ont incendié une trentaine de citernes dans la région de \
             Sikasso, sur la route de Kolondiéba, tuant deux chauffeurs.",
        );
        assert!(far > 50.0, "{far} km from Sikasso");
        // The body's town is the capital itself: the headline stays.
        let near = at("Mali : un poste de police attaqué à Sikasso\n\
             Vendredi, des hommes armés ont attaqué un poste de police à Sikasso, chef-lieu de la \
             région de Sikasso, tuant deux agents.");
        assert!(near < 5.0, "{near} km from Sikasso");
    }

    #[test]
    fn a_headline_town_and_a_point_aimed_from_it_are_one_place() {
        let g = Geocoder::new(Gazetteer::fallback());
        let article = published(
            "Ségou : cinq terroristes neutralisés par l'armée\n\
             Jeudi, l'armée a mené des frappes aériennes contre un repaire situé à 70 km au nord \
             de Ségou.",
            "2024-02-10",
        );
        let v = incidents(&article, &g);
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(5));
        assert_eq!(
            v[0].date.map(|d| d.to_string()).as_deref(),
            Some("2024-02-08")
        );
    }

    #[test]
    fn a_dated_scene_in_a_town_dates_the_facts_after_a_sentence_of_narrative() {
        let g = embedded_geocoder();
        let date = |v: &[Incident]| v[0].date.map(|d| d.to_string());
        for scene in [
            "Le 16 mars, des bandits sont arrivés au village de Kokry.",
            "À Kokry, la foire du 16 mars dernier a tourné au drame.",
        ] {
            let article = published(
                &format!(
                    "{scene} Ils ont rassemblé les habitants devant la mosquée. \
                     Trois hommes ont été tués."
                ),
                "2023-03-20",
            );
            let v = incidents(&article, g);
            assert_eq!(v.len(), 1, "{scene} {v:#?}");
            assert_eq!(date(&v).as_deref(), Some("2023-03-16"), "{scene}");
            assert!(km_from(&v, g, "kokry") < 5.0, "{scene} {v:#?}");
        }
        // A dated sentence naming no town dates only the next one ("arrêté le 16 mars" is
        // another fact), and a scene's date stops at facts told in another town.
        for text in [
            "Le porte-parole du collectif a été arrêté le 16 mars. Les jeunes ont brûlé des \
             pneus. Un manifestant a été tué par balle à Kokry.",
            "Le 16 mars, le gouverneur a visité la foire de Kokry. Les commerçants se plaignent \
             des routes. Un commerçant a été tué par balle à Kayes.",
        ] {
            let v = incidents(&published(text, "2023-03-20"), g);
            assert_eq!(v.len(), 1, "{text} {v:#?}");
            assert_ne!(date(&v).as_deref(), Some("2023-03-16"), "{text}");
        }
    }

    #[test]
    fn a_region_named_after_its_seat_yields_to_a_village_of_it() {
        let g = embedded_geocoder();
        let article = published(
            "Une attaque a fait une quinzaine de morts dans la région de Bandiagara, dimanche 12 \
             mai. Selon un élu, des hommes armés sont entrés dans le village Sangha.",
            "2024-05-14",
        );
        let v = incidents(&article, g);
        assert_eq!(v.len(), 1, "{v:#?}");
        assert!(km_from(&v, g, "sangha") < 5.0, "{v:#?}");
        // The seat stays when the only other town is a far reference.
        let article = published(
            "Lundi, le poste de police de la région de Kita, à 180 km de Bamako, a été attaqué. \
             Un policier a été tué.",
            "2024-05-14",
        );
        let v = incidents(&article, g);
        assert!(km_from(&v, g, "kita") < 5.0, "{v:#?}");
        // "des cartes Nina": an identity card's name, no village.
        let v = incidents(
            &published(
                "Lundi, l'armée a tué trois terroristes près de Tominian et saisi des armes et \
                 des cartes Nina.",
                "2024-05-14",
            ),
            g,
        );
        assert!(!v[0].places.iter().any(|p| p.mention == "Nina"), "{v:#?}");
    }

    #[test]
    fn a_cercles_seat_named_alone_beats_a_hamlet_of_a_region_the_text_names() {
        let g = embedded_geocoder();
        let article = published(
            "Lundi, des jihadistes ont tué deux civils dans la région de Tombouctou. Samedi \
             dernier, des tirs avaient visé le camp militaire de Kati, sans faire de victimes.",
            "2024-05-14",
        );
        let v = incidents(&article, g);
        let kati = v
            .iter()
            .flat_map(|i| &i.places)
            .find(|p| p.mention == "Kati")
            .expect("Kati found");
        // The garrison town by Bamako, not the hamlet of the Tombouctou region.
        assert!(kati.lat.is_some_and(|lat| lat < 13.0), "{kati:?}");
    }

    #[test]
    fn a_town_of_a_multi_town_lead_told_with_its_own_figure_is_its_own_incident() {
        let g = embedded_geocoder();
        let article = published(
            "Mardi 14 mars, des rebelles ont attaqué les villes de Léré, Tessalit et Ménaka. \
             Le bilan est lourd à Léré, où un soldat a été tué. À Tessalit, les habitants ont \
             compté les corps de 6 assaillants. À Ménaka enfin, deux civils ont péri, selon \
             un élu.",
            "2023-03-16",
        );
        let v = incidents(&article, g);
        assert_eq!(v.len(), 3, "{v:#?}");
        for (town, dead) in [("lere", 1), ("tessalit", 6), ("menaka", 2)] {
            let i = (0..v.len())
                .find(|&i| km_from(&v[i..], g, town) < 5.0)
                .unwrap_or_else(|| panic!("{town} {v:#?}"));
            assert_eq!(v[i].fatalities.map(|t| t.best), Some(dead), "{town}");
            assert_eq!(
                v[i].date.map(|d| d.to_string()).as_deref(),
                Some("2023-03-14")
            );
        }
        // One town told again, with a lead that names only it: one incident.
        let article = published(
            "Mardi 14 mars, des rebelles ont attaqué la ville de Tessalit. À Tessalit, les \
             habitants ont compté les corps de 6 assaillants.",
            "2023-03-16",
        );
        assert_eq!(incidents(&article, g).len(), 1);
    }

    /// The incidents of an article of `text`, with no publication date.
    fn incidents_of(g: &Geocoder, text: &str) -> Vec<Incident> {
        incidents(&crate::corpus::article_from_text("t", text.to_string()), g)
    }

    #[test]
    fn another_towns_dead_told_in_the_pluperfect_are_not_dated_by_the_publication() {
        for recall in [
            "Cette attaque intervient après celle de Siribala, qui avait fait neuf morts.",
            "A Siribala, une attaque avait coûté la vie à neuf personnes.",
        ] {
            let article = published(
                &format!(
                    "Lundi, des hommes armés ont attaqué le village de Kokry, tuant six \
                     civils. {recall}"
                ),
                "2023-05-10",
            );
            let v = incidents(&article, embedded_geocoder());
            assert_eq!(v.len(), 2, "{recall} {v:#?}");
            assert_eq!(
                v[0].date,
                chrono::NaiveDate::from_ymd_opt(2023, 5, 8),
                "{recall}"
            );
            assert_eq!(v[1].fatalities.map(|f| f.best), Some(9), "{recall}");
            assert_eq!(v[1].date, None, "{recall}");
        }
    }

    #[test]
    fn a_source_town_breaks_a_tie_between_homonyms() {
        // Three villages are named Songo; the prefect's town is Bandiagara's.
        let v = incidents_of(
            embedded_geocoder(),
            "Mardi, des hommes armés ont incendié des greniers à Songo, selon le préfet de \
             Bandiagara.",
        );
        let songo = v[0].places.iter().find(|p| p.mention == "Songo").unwrap();
        assert!((songo.lon.unwrap() + 3.7).abs() < 0.1, "{songo:?}");
    }

    #[test]
    fn a_bylines_author_is_no_place() {
        // Kona is also a town of the Mopti region.
        let v = incidents_of(
            embedded_geocoder(),
            "Lundi, des hommes armés ont attaqué le village de Kokry, tuant deux civils.\n\n\
             Par Kona Ahmed, à Ségou",
        );
        assert!(
            v.iter()
                .flat_map(|i| &i.places)
                .all(|p| p.mention != "Kona"),
            "{v:#?}"
        );
    }

    #[test]
    fn a_name_that_dies_is_a_persons_not_a_village() {
        // Moussa is also a village of the Ségou region.
        let v = incidents_of(
            embedded_geocoder(),
            "Lundi, des hommes armés ont enlevé un berger à Kokry. On a appris plus tard que \
             Moussa a été retrouvé mort dans la brousse.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        assert!(v[0].places.iter().all(|p| p.mention != "Moussa"), "{v:#?}");
        assert_eq!(v[0].fatalities.map(|f| f.best), Some(1));
    }

    /// The place mentions of the first incident of `text`.
    fn first_places(g: &Geocoder, text: &str) -> Vec<String> {
        incidents_of(g, text)[0]
            .places
            .iter()
            .map(|p| p.mention.clone())
            .collect()
    }

    /// The gazetteer name of the place each incident stands at.
    fn located_at(g: &Geocoder, text: &str) -> Vec<String> {
        incidents_of(g, text)
            .iter()
            .map(|i| {
                let l = i.location.expect("a location");
                let here = LatLon::new(l.lat, l.lon);
                i.places
                    .iter()
                    .filter(|p| p.lat.is_some())
                    .min_by(|a, b| {
                        let d = |p: &crate::incident::PlaceMatch| {
                            distance_km(here, LatLon::new(p.lat.unwrap(), p.lon.unwrap()))
                        };
                        d(a).total_cmp(&d(b))
                    })
                    .map_or(String::new(), |p| p.mention.clone())
            })
            .collect()
    }

    #[test]
    fn a_town_named_after_a_natural_region_is_found_whatever_its_second_word() {
        let g = embedded_geocoder();
        for spelling in ["Gourma Rarhous", "Gourma Rahrouss", "Gourma-Rharouss"] {
            let text = format!("Des hommes armés ont tué trois gendarmes mardi à {spelling}.");
            let v = incidents_of(g, &text);
            let p = &v[0].places[0];
            assert_eq!(p.name, "Gourma Rharous", "{spelling}: {p:?}");
            assert_eq!(p.precision, Precision::Locality, "{spelling}");
        }
        // A valley's name, then a word the gazetteer glues to it ("Tafasriga").
        let v = incidents_of(
            g,
            "Un commerçant a été abattu samedi près de Tafa Sirga, à 45 km de Kayes.",
        );
        assert!(within(&v[0].places[0], 14.484, -11.122, 5.0), "{v:#?}");
        // Its other mentions are the village the distance places, not a homonym.
        let v = incidents_of(
            g,
            "Braquage sur la route de Tafa Sirga : un commerçant tué\n\
             Samedi, un commerçant a été abattu près de Tafa Sirga, village situé à environ 45Km \
             de Kayes.",
        );
        for p in v
            .iter()
            .flat_map(|i| &i.places)
            .filter(|p| p.mention == "Tafa Sirga")
        {
            assert!(within(p, 14.484, -11.122, 5.0), "{v:#?}");
        }
        // The region alone is a region; a lowercase word after it is no part of a name.
        let v = incidents_of(g, "Trois bergers ont été tués mardi dans le Gourma malien.");
        assert_eq!(v[0].places[0].precision, Precision::Admin1, "{v:#?}");
    }

    #[test]
    fn a_natural_region_after_an_article_is_the_region_not_its_town() {
        let g = embedded_geocoder();
        let v = incidents_of(
            g,
            "Deux soldats ont été tués lundi près de Diafarabé, selon la katiba Ançar Dine du \
             Macina.",
        );
        let macina = v[0].places.iter().find(|p| p.mention == "Macina");
        assert_eq!(
            macina.map(|p| p.precision),
            Some(Precision::Admin1),
            "{v:#?}"
        );
        assert_eq!(
            located_at(g, "Deux soldats ont été tués lundi à Macina."),
            ["Macina"]
        );
        let v = incidents_of(g, "Deux soldats ont été tués lundi à Macina.");
        assert!(within(&v[0].places[0], 13.964, -5.358, 5.0), "{v:#?}");
    }

    #[test]
    fn a_town_of_a_recalled_event_does_not_file_the_headline_rubric() {
        let g = embedded_geocoder();
        let article = published(
            "Mopti : un convoi militaire attaqué\n\
             Le bilan fait état de trois militaires tués. Cette attaque intervient moins de dix \
             jours après celle qui a visé un car sur l'axe Boni-Hombori. Cinq passagers y \
             avaient perdu la vie.",
            "2024-03-09",
        );
        let v = incidents(&article, g);
        assert_eq!(
            places_by_incident(&v),
            [vec!["Mopti"], vec!["Boni", "Hombori"]],
            "{v:#?}"
        );
    }

    #[test]
    fn the_clause_saying_where_the_facts_took_place_places_them() {
        let g = embedded_geocoder();
        // The lead names the bus's destination; a later sentence says where it blew up.
        assert_eq!(
            located_at(
                g,
                "Un car qui conduisait des forains à Bankass a sauté sur une mine mardi: \
                 quatre morts. L'incident est survenu non loin de Dinangourou lorsque le car \
                 se dirigeait vers Bankass."
            ),
            vec!["Dinangourou"]
        );
        assert_eq!(
            located_at(
                g,
                "Deux commerçants qui revenaient de Koro ont été tués lundi. \
                 L'embuscade s'est produite près de Dinangourou."
            ),
            vec!["Dinangourou"]
        );
        // A village named in the lead says more than a point measured from a town.
        assert_eq!(
            located_at(
                g,
                "Deux bergers ont été tués lundi à Ombo. L'attaque a eu lieu à 20 km à l'est \
                 de Koro."
            ),
            vec!["Ombo"]
        );
        // Without such a clause, the lead's town stays.
        assert_eq!(
            located_at(
                g,
                "Deux commerçants ont été tués lundi à Koro. Ils revenaient de Dinangourou."
            ),
            vec!["Koro"]
        );
    }

    #[test]
    fn a_narrower_pair_or_a_road_names_first_town_places_the_event() {
        let g = embedded_geocoder();
        // A second pair in the clause narrows the first: its towns are the road's ends.
        let text = "Mardi, un convoi est tombé dans une embuscade sur la RN16, entre Sévaré et \
                    Douentza, plus précisément entre Konna et Boré. Deux soldats ont été tués.";
        assert_eq!(first_places(g, text), ["Konna", "Boré"]);
        // So does one told in the body after a lead's pair.
        let text = "Mardi, un convoi est tombé dans une embuscade entre Sévaré et Douentza.\n\
                    Selon l'armée, l'embuscade a eu lieu à 10 heures entre Konna et Boré.";
        assert_eq!(first_places(g, text), ["Konna", "Boré"]);
        // A pair that lies elsewhere does not narrow it.
        let text = "Mardi, un convoi est tombé dans une embuscade entre Sévaré et Douentza. \
                    Jeudi, une mine a tué deux civils entre Gao et Ansongo.";
        assert_eq!(first_places(g, text), ["Sévaré", "Douentza"]);
        // Without the narrower pair, both towns stay the event's places.
        let text = "Mardi, un convoi est tombé dans une embuscade entre Sévaré et Douentza. \
                    Deux soldats ont été tués.";
        assert_eq!(first_places(g, text), ["Sévaré", "Douentza"]);
        // A distance from one town of a bare pair is aimed at the other.
        let text = "Jeudi, une patrouille a sauté sur une mine entre Nampala et Diabaly, à une \
                    trentaine de kilomètres de Nampala.";
        let v = incidents_of(g, text);
        let l = v[0].location.expect("a location");
        let town = |k: &str| {
            let p = g.gazetteer().place(g.gazetteer().best(k).unwrap());
            LatLon::new(p.lat, p.lon)
        };
        let here = LatLon::new(l.lat, l.lon);
        assert!((distance_km(here, town("nampala")) - 30.0).abs() < 1.0);
        assert!(distance_km(here, town("diabali")) < distance_km(town("nampala"), town("diabali")));
        // A distance from a hyphenated road name starts at its first town.
        assert_eq!(
            located_at(
                g,
                "Lundi, un véhicule a sauté sur une mine à environ 12 km au sud d'Aguelhok-Anéfis."
            ),
            ["Aguelhok"]
        );
    }

    #[test]
    fn a_stretch_bounded_by_a_cercle_and_a_village_narrows_the_road() {
        let g = embedded_geocoder();
        // The bounds may be named with their nouns: "entre le cercle de A et le village de B".
        let text = "Des bandits ont braqué une trentaine de cars dans la nuit de samedi à \
                    dimanche sur l'axe Sévaré-Gao, entre la ville de Konna et le village de Boré.";
        assert_eq!(first_places(g, text), ["Konna", "Boré"]);
        let text = "Jeudi, un car a été attaqué sur la route Bamako-Ségou, entre la commune de \
                    Fana et le village de Konobougou. Un passager a été tué.";
        assert_eq!(first_places(g, text), ["Fana", "Konobougou"]);
        // Without the road, the named bounds stay the event's places.
        let text = "Jeudi, des hommes armés ont tué un berger entre le village de Boré et la \
                    ville de Douentza.";
        assert_eq!(first_places(g, text), ["Boré", "Douentza"]);
        // Nor does a distance from a third town aim at them: they are where it happened.
        let text = "Mardi soir, une patrouille de la garde a été prise à partie entre les \
                    villages de Diabolo et de Soala, à 6 km de Djenné. Un garde a été tué.";
        assert_eq!(first_places(g, text), ["Diabolo", "Soala", "Djenné"]);
    }

    #[test]
    fn where_travellers_were_going_or_returning_is_no_place_of_the_event() {
        let g = embedded_geocoder();
        let text = "Dimanche, des bandits ont dépouillé les passagers d'un car en partance pour \
                    la région de Ségou, près de Kati. Les voyageurs, de retour à Bamako, ont \
                    porté plainte.";
        assert_eq!(first_places(g, text), ["Kati"]);
    }

    #[test]
    fn attacks_reported_together_are_one_incident_per_town_with_its_dead() {
        let g = embedded_geocoder();
        let lead = "Le poste de gendarmerie de Ouéléssébougou et le péage de Sanankoroba ont été \
                    attaqués lundi 13 mars 2023 au soir.";
        let text = format!(
            "{lead} Deux personnes ont été tuées à Sanankoroba. Quatre autres personnes ont été \
             tuées à Ouéléssébougou."
        );
        assert_eq!(located_at(g, &text), ["Sanankoroba", "Ouéléssébougou"]);
        let v = incidents_of(g, &text);
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(2), Some(4)]);
        assert!(
            v.iter()
                .all(|i| i.date == chrono::NaiveDate::from_ymd_opt(2023, 3, 13))
        );
        // The lead's wounded stay with the first town; only a total of the dead is dropped.
        let text = format!(
            "{lead} Trois blessés ont été évacués. Deux personnes ont été tuées à Sanankoroba. \
             Quatre autres personnes ont été tuées à Ouéléssébougou."
        );
        let v = incidents_of(g, &text);
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].wounded.map(|t| t.best), Some(3), "{v:#?}");
        // A total of both stays out of either.
        let text = format!(
            "{lead} L'attaque a fait six morts à Sanankoroba et à Ouéléssébougou. Deux personnes \
             ont été tuées à Sanankoroba. Quatre autres personnes ont été tuées à Ouéléssébougou."
        );
        let tolls: Vec<Option<u32>> = incidents_of(g, &text)
            .iter()
            .map(|i| i.fatalities.map(|t| t.best))
            .collect();
        assert_eq!(tolls, [Some(2), Some(4)]);
        // One figure told again with another town is one toll.
        let text = format!(
            "{lead} Deux gendarmes ont été tués à Sanankoroba. Les deux gendarmes ont été tués \
             près de Ouéléssébougou, a dit l'armée."
        );
        assert_eq!(incidents_of(g, &text).len(), 1);
    }

    #[test]
    fn the_part_of_the_country_said_beside_a_name_picks_its_homonym() {
        let g = embedded_geocoder();
        let text = "Lundi, un camion a sauté sur une mine dans la région de Kayes. Mardi, des \
                    hommes armés ont attaqué le camp de Dioura (centre), tuant dix soldats.";
        let dioura = resolved_named(g, text, "Dioura");
        assert_eq!(dioura.admin1.as_deref(), Some("Mopti"));
    }

    #[test]
    fn a_region_of_the_2023_reform_picks_its_homonym() {
        // The regions of the reform are read from the cercles' table.
        let g = geocoder_with_cercles();
        let text = "Mardi, des hommes armés ont attaqué une position dans le secteur de \
                    Tabankort (région de Ménaka), faisant cinq morts.";
        let tabankort = resolved_named(g, text, "Tabankort");
        assert_eq!(tabankort.admin1_2023.as_deref(), Some("Ménaka"));
    }

    #[test]
    fn a_region_named_whole_picks_its_homonym() {
        // GeoNames holds "Région de Ségou" as the region's own name: the mention is the whole
        // phrase, and still names the region. Of the Nampala, the Ségou region holds two; the
        // one that bears the name as written is the town.
        let g = embedded_geocoder();
        let text = "Deux soldats ont été tués près de Nampala, dans la région de Ségou. En juin, \
                    des attaques avaient visé le sud du pays.";
        let nampala = resolved_named(g, text, "Nampala");
        assert!(within(&nampala, 15.28, -5.55, 10.0), "{nampala:?}");
    }

    #[test]
    fn a_sources_town_and_a_regions_centre_do_not_pull_a_homonym() {
        // The hospital's town and the region's centre lie nearer the hamlet of that name.
        let g = embedded_geocoder();
        let text = "Le camp militaire de Nampala, dans la région de Ségou, a été attaqué à l'aube \
                    ; les blessés ont été évacués vers l'hôpital de Ségou.";
        let nampala = resolved_named(g, text, "Nampala");
        assert!(within(&nampala, 15.28, -5.55, 10.0), "{nampala:?}");
    }

    #[test]
    fn the_cercle_said_beside_a_name_outweighs_regions_named_elsewhere() {
        // Two Tabankort lie in the Kidal region; the cercle said beside the name holds the
        // village. A region the reform left whole counts once.
        let g = geocoder_with_cercles();
        let text = "Un véhicule a sauté sur une mine près de Tabankort, dans le cercle de Bourem. \
                    Les régions de Tombouctou et de Kidal restent instables.";
        let tabankort = resolved_named(g, text, "Tabankort");
        assert!(within(&tabankort, 17.82, 0.31, 10.0), "{tabankort:?}");
    }

    #[test]
    fn a_hyphenated_name_after_a_short_prefix_is_one_unknown_name() {
        // "Tin-Agagui" is no "Tin" (a village of Ségou); "l'axe Koro-Bandiagara" joins two
        // towns, and a preposition opening a sentence is no village.
        let g = embedded_geocoder();
        let text = "Lundi, des jihadistes ont tué douze civils à Tin-Agagui et à Bakal, dans le \
                    cercle d'Ansongo. Parmi les victimes, trois enfants. Mardi, un convoi a été \
                    attaqué sur l'axe Koro-Bandiagara.";
        let article = crate::corpus::article_from_text("t", text.to_string());
        let mentions: Vec<String> = resolved_places(g, &article)
            .into_iter()
            .map(|r| r.place.mention)
            .collect();
        assert!(
            !mentions.iter().any(|m| m == "Tin" || m == "Parmi"),
            "{mentions:?}"
        );
        for town in ["Bakal", "Koro", "Bandiagara"] {
            assert!(mentions.iter().any(|m| m == town), "{town} in {mentions:?}");
        }
    }

    #[test]
    fn a_name_after_a_capitalised_preposition_is_looked_up() {
        // "A Kalumba" opens a sentence with a preposition: the name is a misspelt village
        // (Kaloumba), not the second word of a person's name.
        let g = embedded_geocoder();
        let text = "Au moins quinze soldats ont été tués mercredi. A Kalumba, douze soldats ont \
                    péri.";
        let kalumba = resolved_named(g, text, "Kalumba");
        assert!(within(&kalumba, 14.86, -7.50, 5.0), "{kalumba:?}");
    }

    #[test]
    fn bodies_gathered_at_a_morgue_in_another_town_are_the_attacks_dead() {
        // The morgue's town counts the same dead again: no second attack, even after a
        // protest told in between.
        let g = embedded_geocoder();
        let v = incidents(
            &published(
                "Jeudi soir, des hommes armés ont attaqué le village de Ségué, tuant une dizaine \
                 de personnes. L'attaque a provoqué une manifestation spontanée à Bandiagara. \
                 Selon un élu, au moins 13 corps ont été rassemblés vendredi matin à la morgue \
                 de Bankass.",
                "2023-06-09",
            ),
            g,
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(13));
    }

    #[test]
    fn each_name_of_a_list_of_cercles_is_a_cercle() {
        let g = embedded_geocoder();
        let text = "Des attaques ont visé mardi les cercles de Koro, Bandiagara, Bankass et \
                    Douentza.";
        for name in ["Koro", "Bandiagara", "Bankass", "Douentza"] {
            let p = resolved_named(g, text, name);
            assert_eq!(p.precision, crate::incident::Precision::Admin2, "{name}");
        }
    }

    #[test]
    fn a_village_at_a_towns_gates_is_near_that_town() {
        // GeoNames holds no Hèrèmakono near Sikasso: the town stands for the place.
        let g = embedded_geocoder();
        let v = incidents(
            &published(
                "Mardi, des hommes armés ont attaqué le poste de contrôle de Hèrèmakono, à la \
                 sortie de Sikasso, tuant un douanier.",
                "2022-06-12",
            ),
            g,
        );
        let at = v[0].location.as_ref().expect("a location");
        let sikasso = LatLon::new(11.32, -5.67);
        assert!(
            distance_km(sikasso, LatLon::new(at.lat, at.lon)) < 10.0,
            "{v:#?}"
        );
    }

    #[test]
    fn a_cercle_is_named_after_its_seat() {
        // The regions named first each hold a hamlet called Nara; the cercle is the seat's.
        let g = embedded_geocoder();
        let text = "Les régions de Ségou et de Mopti sont touchées. Un gendarme a été enlevé dans \
                    le cercle de Nara.";
        let nara = resolved_named(g, text, "Nara");
        assert!(within(&nara, 15.17, -7.28, 10.0), "{nara:?}");
    }

    #[test]
    fn the_homonyms_at_the_distance_said_are_taken() {
        let g = embedded_geocoder();
        let text = "Mardi, une embuscade entre Sébabougou et Kwala, à 190 km environ de Bamako, a \
                    fait cinq morts. Le même jour, des tirs ont visé Kati et Siby.";
        let bamako = LatLon::new(12.65, -8.0);
        for name in ["Sébabougou", "Kwala"] {
            let p = resolved_named(g, text, name);
            let d = distance_km(bamako, LatLon::new(p.lat.unwrap(), p.lon.unwrap()));
            assert!((d - 190.0).abs() < 40.0, "{name} at {d} km from Bamako");
        }
    }

    #[test]
    fn a_figure_after_an_incident_without_dead_is_its_toll_and_the_headline_its_own() {
        let g = embedded_geocoder();
        let text = "Dix soldats maliens tués dans une attaque près de Goundam\n\
                    Le 3 août 2015, deux soldats ont été tués dans une embuscade près de Nampala. \
                    La seconde attaque a visé, ce 3 août, un camp militaire à Goundam. Le bilan \
                    est lourd : dix soldats y ont perdu la vie.";
        let v = incidents_of(g, text);
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(2), Some(10)], "{v:#?}");
        assert_eq!(located_at(g, text), ["Nampala", "Goundam"]);
    }

    #[test]
    fn a_news_agencys_credit_is_no_place() {
        let g = embedded_geocoder();
        let text = "(Belga) Un Casque bleu a été tué mardi par une mine près de Tessalit.";
        assert_eq!(first_places(g, text), ["Tessalit"]);
    }

    #[test]
    fn a_town_after_a_demonstrative_event_noun_names_the_incident_told() {
        let g = embedded_geocoder();
        let text = "Mardi, une patrouille venue de Douentza est tombée dans une embuscade près de \
                    Konna : deux soldats ont été tués. Selon l'armée, dix terroristes ont été \
                    neutralisés suite à cette attaque à Douentza.";
        let v = incidents_of(g, text);
        assert_eq!(v.len(), 1);
        let places: Vec<&str> = v[0].places.iter().map(|p| p.mention.as_str()).collect();
        assert_eq!(places, ["Konna"]);
        // A town the text names there for the first time stays a place.
        let text = "Selon l'armée, dix terroristes ont été neutralisés mardi suite à cette attaque \
                    à Douentza.";
        let v = incidents_of(g, text);
        assert_eq!(tolls_by_place(&v), [(Some(10), "Douentza".to_string())]);
    }

    #[test]
    fn a_headline_capital_yields_to_a_point_measured_from_a_body_town() {
        let g = embedded_geocoder();
        let text = "Mali : un soldat tué près de Kidal\n\n\
                    Lundi, un véhicule de l'armée a sauté sur une mine à environ 15 km au sud \
                    d'Aguelhok, dans la région de Kidal. Un soldat a été tué.";
        let v = incidents_of(g, text);
        assert_eq!(v.len(), 1, "{v:#?}");
        assert!(
            v[0].places.iter().all(|p| p.mention != "Kidal"),
            "{:?}",
            v[0].places
        );
    }

    #[test]
    fn a_journey_an_organisation_or_a_far_distance_places_nothing() {
        let g = embedded_geocoder();
        let places = |text: &str| first_places(g, text);
        // A convoy's itinerary: neither end is the place.
        assert_eq!(
            places(
                "Jeudi, un camion de l'armée qui allait de Douentza à Boni a sauté sur une mine \
                 à 20 km au sud de Hombori. Deux soldats ont été tués."
            ),
            ["Hombori"]
        );
        // With no other town in the sentence, the journey's ends are where it happened.
        assert_eq!(
            places(
                "Jeudi, un convoi de l'armée allant de Douentza à Boni a heurté un engin \
                 explosif. Deux soldats ont été tués."
            ),
            ["Douentza", "Boni"]
        );
        // A road "allant de A à B" is a road: its ends stay the event's stretch.
        assert_eq!(
            places("Jeudi, une mine a tué deux civils sur la route allant de Douentza à Boni."),
            ["Douentza", "Boni"]
        );
        // "Plusieurs centaines de kilomètres" from a town places nothing near it.
        assert_eq!(
            places(
                "Jeudi, une mine a tué deux civils dans la région de Mopti, à plusieurs \
                 centaines de kilomètres au nord de Sikasso."
            ),
            ["région de Mopti"]
        );
        // An organisation's name is no village.
        assert_eq!(
            places("Jeudi, deux civils ont été tués à Boni, selon l'association Tessit."),
            ["Boni"]
        );
    }

    #[test]
    fn a_bearing_said_after_aims_the_distance_from_the_same_town() {
        let g = embedded_geocoder();
        let text = "Jeudi, des hommes armés ont tué six bergers dans un campement situé à 40 km \
                    de Tessit, à l'ouest de Tessit.";
        let v = incidents_of(g, text);
        let l = v[0].location.expect("a location");
        let t = g.gazetteer().place(g.gazetteer().best("tessit").unwrap());
        let here = LatLon::new(l.lat, l.lon);
        assert!((distance_km(here, LatLon::new(t.lat, t.lon)) - 40.0).abs() < 1.0);
        assert!(l.lon < t.lon - 0.3, "{l:?}");
    }

    #[test]
    fn the_town_of_a_recalled_attack_in_an_opening_phrase_is_no_place() {
        let g = embedded_geocoder();
        let text = "Ségou, 15 mars 2023 (AFP) – Quelques jours après l'attaque de Diafarabé, des \
                    hommes armés ont tué mardi trois bergers à Macina.";
        let v = incidents_of(g, text);
        assert_eq!(tolls_by_place(&v), [(Some(3), "Macina".to_string())]);
        // After the comma, the sentence's own towns.
        let text = "Ségou, 15 mars 2023 (AFP) – Après l'attaque, des hommes armés ont tué mardi \
                    trois bergers à Diafarabé.";
        let v = incidents_of(g, text);
        assert_eq!(tolls_by_place(&v), [(Some(3), "Diafarabé".to_string())]);
    }

    #[test]
    fn the_towns_of_what_an_incident_follows_are_no_places() {
        let g = embedded_geocoder();
        for tail in [
            "Cette attaque survient après la visite du ministre de la Défense à Sévaré.",
            "Elle intervient quelques jours après une tournée du gouverneur à Sévaré.",
        ] {
            let text = format!(
                "Ségou, 15 mars 2023 (AFP) – Des hommes armés ont tué mardi trois bergers près \
                 de Macina. {tail}"
            );
            let v = incidents_of(g, &text);
            assert_eq!(
                tolls_by_place(&v),
                [(Some(3), "Macina".to_string())],
                "{tail}"
            );
            assert_eq!(v[0].places.len(), 1, "{tail}: {:?}", v[0].places);
        }
        // An earlier attack whose dead the sentence counts is placed at its town.
        let text = "Ségou, 15 mars 2023 (AFP) – Des hommes armés ont tué mardi trois bergers près \
                    de Macina. Cette attaque intervient après celle du 2 mars à Boni, où douze \
                    soldats ont été tués.";
        let v = incidents_of(g, text);
        assert!(
            v.iter()
                .any(|i| i.places.iter().any(|p| p.mention == "Boni")),
            "{v:#?}"
        );
    }

    #[test]
    fn the_town_of_a_victims_unit_is_no_place() {
        let g = embedded_geocoder();
        let text = "Dimanche, le commandant de la brigade de gendarmerie de Niono a été tué dans \
                    une embuscade près de Macina.";
        let v = incidents_of(g, text);
        assert_eq!(tolls_by_place(&v), [(Some(1), "Macina".to_string())]);
        // The unit itself attacked: its town is the place.
        let text = "Dimanche, la brigade de gendarmerie de Niono a été attaquée.";
        let v = incidents_of(g, text);
        assert_eq!(v[0].places[0].mention, "Niono");
    }

    #[test]
    fn an_installations_town_is_where_it_was_attacked() {
        let g = embedded_geocoder();
        let places = |text: &str| first_places(g, text);
        assert_eq!(
            places(
                "Samedi, des jihadistes ont attaqué le détachement de la garde nationale basé à \
                 Ansongo. Trois gardes ont été tués."
            ),
            ["Ansongo"]
        );
        // A source's town stays context.
        assert!(
            places(
                "Samedi, des jihadistes ont tué trois gardes à Tessit, selon un journaliste basé \
                 à Ansongo."
            )
            .iter()
            .all(|p| p != "Ansongo")
        );
    }

    #[test]
    fn an_incident_naming_no_town_is_put_near_the_articles_town() {
        let g = Geocoder::new(Gazetteer::fallback());
        let article = crate::corpus::article_from_text(
            "t",
            "La ville de Douentza est située sur la route de Gao. \
             Des hommes armés ont tué onze soldats dimanche lors d'une attaque contre le camp."
                .to_string(),
        );
        let v = incidents(&article, &g);
        let l = v[0].location.expect("near Douentza");
        assert_eq!(l.precision, crate::incident::Precision::NearLocality);
        assert!(
            (l.lat - 15.0).abs() < 0.3 && (l.lon + 2.95).abs() < 0.3,
            "{l:?}"
        );
    }

    #[test]
    fn ingest_reads_batch_by_batch_and_reports_bad_files_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        let towns = ["Niono", "Bourem", "Kita", "Yorosso", "Goundam"];
        for (i, town) in towns.iter().enumerate() {
            let text = format!(
                "Publié le 3 mai 2023\n\n{} civils ont été tués mardi lors d'une attaque à {town}.",
                i + 2
            );
            std::fs::write(corpus.join(format!("{i}.txt")), text).unwrap();
        }
        std::fs::write(corpus.join("broken.txt"), [0u8, 159, 146, 150, 0, 0, 1, 2]).unwrap();
        let missing = dir.path().join("missing.txt");
        let mut ws = crate::store::Workspace::open(&dir.path().join("w.atlas")).unwrap();
        let g = Geocoder::new(Gazetteer::fallback());
        let mut calls = Vec::new();
        let paths = [corpus.clone(), missing];
        let summary = ingest(&paths, &mut ws, &g, 2, &mut |done, total, errors| {
            calls.push((done, total, errors))
        })
        .unwrap();
        assert_eq!((summary.files, summary.stored.added), (7, 5));
        assert_eq!(summary.failed.len(), 2, "{:?}", summary.failed);
        assert!(summary.failed.iter().any(|e| e.contains("broken.txt")));
        assert!(summary.failed.iter().any(|e| e.contains("missing.txt")));
        // Progress after every batch of two, up to all seven sources.
        let done: Vec<usize> = calls.iter().map(|c| c.0).collect();
        assert_eq!(done, [0, 2, 4, 6, 7]);
        assert!(calls.iter().all(|c| c.1 == 7));
        assert_eq!(calls.last().unwrap().2, 2);
        // A second run finds them all stored.
        let again = ingest(&paths, &mut ws, &g, 2, &mut |_, _, _| {}).unwrap();
        assert_eq!((again.stored.added, again.stored.unchanged), (0, 5));
    }

    #[test]
    fn a_declared_date_does_not_turn_the_dateline_into_the_event_date() {
        // Found by the 100k scale run: with `published` given, the dateline's date was taken
        // for the event's ("hier" lost), because the dateline was no longer known as such.
        let g = Geocoder::new(Gazetteer::fallback());
        let input = concat!(
            r#"{"id": "b1", "published": "2022-03-09", "text": "Mopti, 9 mars 2022 (AFP) – Six gendarmes ont été tués avant-hier dans une embuscade près de Douentza."}"#,
            "\n",
            r#"{"id": "b2", "published": "2022-03-09", "text": "Kayes, 9 mars 2022 – Quatre orpailleurs ont été tués lundi près de Kéniéba."}"#,
            "\n",
        );
        let mut out = Vec::new();
        stream_jsonl(input.as_bytes(), &mut out, &g).unwrap();
        let dates: Vec<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["date"].to_string())
            .collect();
        assert_eq!(dates, [r#""2022-03-07""#, r#""2022-03-07""#]);
    }

    #[test]
    fn an_event_told_aside_in_another_town_is_an_incident_of_its_own() {
        let g = embedded_geocoder();
        let text = "Tombouctou, 8 mai 2022 (AFP) – Des hommes armés ont tué quatre bergers samedi \
            près de Léré. Par ailleurs, un minibus a heurté un engin explosif entre Douentza et \
            Boni.";
        let found = incidents_of(g, text);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].fatalities.map(|t| t.best), Some(4));
        let aside = &found[1];
        // About when the article's first incident happened: that week.
        assert_eq!(aside.date, chrono::NaiveDate::from_ymd_opt(2022, 5, 7));
        assert_eq!(aside.date_precision, crate::incident::DatePrecision::Week);
        assert!(
            aside.places.iter().any(|p| within(p, 15.0, -2.95, 15.0)),
            "{aside:#?}"
        );
        assert!(!aside.places.iter().any(|p| p.mention == "Léré"));

        // "Une autre embuscade …" opens another event as well.
        let text = "Ségou, 8 mai 2022 (AFP) – Trois soldats ont été tués samedi dans une embuscade \
            près de Macina. Une autre embuscade a visé un convoi de commerçants près de Nara.";
        let found = incidents_of(g, text);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[1].places.iter().any(|p| p.mention == "Nara"));
    }

    #[test]
    fn an_aside_without_an_event_or_a_town_is_no_incident() {
        let g = embedded_geocoder();
        for aside in [
            "Par ailleurs, le gouverneur a rencontré les notables de Bandiagara.",
            "Par ailleurs, des hommes armés ont attaqué un troupeau.",
        ] {
            let text = format!(
                "Mopti, 8 mai 2022 (AFP) – Des hommes armés ont tué quatre bergers samedi près \
                 de Sofara. {aside}"
            );
            let found = incidents_of(g, &text);
            assert_eq!(found.len(), 1, "{aside}: {found:#?}");
        }
    }

    #[test]
    fn a_figure_over_two_days_is_the_total_of_each_days_incident() {
        let g = embedded_geocoder();
        let found = incidents_of(
            g,
            "Kayes, 15 mars 2023 (AFP) – Cinq soldats ont été tués entre samedi et dimanche. \
             Samedi, deux soldats ont péri dans une embuscade près de Nara. Dimanche, trois \
             gendarmes ont été tués par une mine près de Diéma.",
        );
        let tolls: Vec<Option<u32>> = found.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(2), Some(3)], "{found:#?}");
    }

    #[test]
    fn a_road_end_yields_to_the_distance_said_in_its_clause() {
        let g = embedded_geocoder();
        let found = incidents_of(
            g,
            "Tombouctou, 15 mars 2023 (AFP) – Lundi, une mine a tué trois soldats sur la route \
             de Goundam, à une vingtaine de kilomètres à l'ouest de Tombouctou.",
        );
        let i = &found[0];
        assert!(!i.places.iter().any(|p| p.mention == "Goundam"), "{i:#?}");
        let l = i.location.expect("a location");
        assert_eq!(l.precision, Precision::NearLocality);
        // "sur l'axe A-B" too.
        let found = incidents_of(
            g,
            "Gao, 15 mars 2023 (AFP) – Lundi, une embuscade a tué quatre soldats à 30 km de \
             Bourem, sur l'axe Gao-Kidal.",
        );
        assert!(
            found[0].places.iter().all(|p| p.mention == "Bourem"),
            "{:#?}",
            found[0].places
        );
        // Two villages bounding the stretch stay its places.
        let found = incidents_of(
            g,
            "Ségou, 15 mars 2023 (AFP) – Lundi, une embuscade a tué quatre soldats entre \
             Sofara et Konna, à 60 km de Mopti.",
        );
        assert!(
            found[0].places.iter().any(|p| p.mention == "Sofara"),
            "{found:#?}"
        );
    }

    #[test]
    fn where_a_convoy_was_going_is_no_place_of_the_event() {
        let g = embedded_geocoder();
        let found = incidents_of(
            g,
            "Mopti, 15 mars 2023 (AFP) – Lundi, un convoi de camions partant à Gao est tombé \
             dans une embuscade entre Gossi et Hombori. Trois soldats ont été tués.",
        );
        assert!(
            !found[0].places.iter().any(|p| p.mention == "Gao"),
            "{found:#?}"
        );
        assert!(found[0].places.iter().any(|p| p.mention == "Gossi"));
    }

    #[test]
    fn a_truncated_compound_far_from_the_distance_said_is_a_homonym() {
        let g = embedded_geocoder();
        let found = incidents_of(
            g,
            "Tombouctou, 15 mars 2023 (AFP) – Lundi, des bandits ont attaqué le hameau de Tin \
             Tadéini, situé à environ 80 km de Gourma Rharous, tuant deux bergers.",
        );
        let l = found[0].location.expect("a location");
        let rharous = LatLon::new(16.878, -1.923);
        assert!(
            distance_km(LatLon::new(l.lat, l.lon), rharous) <= 100.0,
            "{found:#?}"
        );
    }

    #[test]
    fn a_family_name_after_a_first_name_is_no_place() {
        let g = embedded_geocoder();
        let found = incidents_of(
            g,
            "Mopti, 15 mars 2023 (AFP) – Lundi, l'infirmier Sinaly Sampana a été tué par des \
             hommes armés près de Ténenkou.",
        );
        assert!(
            !found[0].places.iter().any(|p| p.mention == "Sampana"),
            "{found:#?}"
        );
        assert!(found[0].places.iter().any(|p| p.mention == "Ténenkou"));
    }

    #[test]
    fn a_toll_listed_by_village_under_a_colon_is_split_by_place() {
        let g = embedded_geocoder();
        let found = incidents_of(
            g,
            "Mopti, 15 mars 2023 (AFP) – Lundi, des hommes armés ont attaqué trois villages du \
             cercle de Koro. Le bilan est de neuf morts :\n– 4 morts à Nombori,\n– 3 morts à \
             Dinangourou,\n– 2 morts à Madougou.",
        );
        let tolls: Vec<Option<u32>> = found.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(4), Some(3), Some(2)], "{found:#?}");
        assert!(
            found
                .iter()
                .all(|i| i.date == chrono::NaiveDate::from_ymd_opt(2023, 3, 13))
        );
    }

    #[test]
    fn a_recall_taken_up_next_parts_from_an_incident_placed_by_its_region_only() {
        let g = embedded_geocoder();
        // The incident names only its region; the recalled attack has a town, and the
        // sentences after it, in the pluperfect, are its too.
        let found = incidents_of(
            g,
            "Mopti, 15 mars 2023 (AFP) – Lundi, neuf bergers ont été tués par des hommes armés \
             dans la région de Tombouctou. Cette tuerie survient alors quelques jours après \
             l'attaque qui a visé le camp militaire de Kati. Revendiquée par un groupe armé, \
             cette attaque avait coûté la vie à trois soldats. Plusieurs assaillants avaient \
             aussi été tués.",
        );
        let tolls: Vec<Option<u32>> = found.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls.first(), Some(&Some(9)), "{found:#?}");
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[1].places.iter().any(|p| p.mention == "Kati"));
        assert!(!found[0].places.iter().any(|p| p.mention == "Kati"));
    }

    #[test]
    fn an_attack_the_day_after_another_recalls_it_at_its_town_even_without_dead() {
        let g = embedded_geocoder();
        let found = incidents_of(
            g,
            "Mopti, 15 mars 2023 (AFP) – Mardi, un car a sauté sur une mine près de Boni, \
             faisant deux morts. Cette attaque survient au lendemain de celle ayant visé le camp \
             militaire de Hombori, sans faire de victime.",
        );
        assert_eq!(found.len(), 2, "{found:#?}");
        let recalled = &found[1];
        assert!(
            recalled.places.iter().any(|p| p.mention == "Hombori"),
            "{found:#?}"
        );
        assert_eq!(recalled.fatalities.map(|t| t.best), Some(0));
        assert_eq!(recalled.date, chrono::NaiveDate::from_ymd_opt(2023, 3, 13));
    }
}
