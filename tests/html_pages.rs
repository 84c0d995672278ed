//! Saved web pages end to end (load → extract, and geocode for the dateline): only the
//! article's main text reaches the extractor, with the title and the publication date the page
//! declares. The pages under `tests/fixtures/html/` were written for these tests in the shapes
//! of a WordPress theme, a news site with a headline ticker and "à lire aussi" lists, and an
//! AMP page; their furniture is full of other attacks, with tolls and towns, that must not
//! become incidents.

use chrono::NaiveDate;
use mali_atlas::corpus::{Article, DatePrecision, LoadOptions, PublicationKind, load_bytes};
use mali_atlas::geocode::Geocoder;
use mali_atlas::geocode::gazetteer::Gazetteer;
use mali_atlas::incident::{Category, Incident};

fn load(name: &str) -> Article {
    let path = format!("{}/tests/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("fixture exists");
    load_bytes(&path, &bytes, &LoadOptions::default()).expect("page loads")
}

fn incidents(article: &Article) -> Vec<Incident> {
    mali_atlas::extract::extract(article)
        .drafts
        .into_iter()
        .map(|d| d.incident)
        .collect()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn assert_contains_all(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "missing {w:?} in:\n{text}");
    }
}

fn assert_contains_none(text: &str, unwanted: &[&str]) {
    for u in unwanted {
        assert!(!text.contains(u), "{u:?} leaked into:\n{text}");
    }
}

#[test]
fn wordpress_post_without_sidebar_comments_or_footer() {
    let a = load("wordpress_boni.html");
    assert_eq!(
        a.title_text(),
        Some("Embuscade sur l’axe Boni-Hombori : cinq soldats tués"),
        "og:title without its \" - Sahel Hebdo\""
    );
    assert_contains_all(
        &a.text,
        &[
            "Cinq soldats des Forces armées maliennes ont été tués mercredi",
            "Trois autres militaires ont été blessés et évacués vers Sévaré.",
            "« Les assaillants sont repartis à moto",
            "régulièrement visé depuis le début de l’année.",
        ],
    );
    assert_contains_none(
        &a.text,
        &[
            "Aller au contenu",
            "Accueil",
            "Politique",
            "Partager",
            "Facebook",
            "Étiquettes",
            "Article précédent",
            "Navigation de l’article",
            "Douentza",
            "Diafarabé",
            "Paix à leurs âmes",
            "Laisser un commentaire",
            "Articles récents",
            "Sokolo",
            "Tombouctou",
            "Niono",
            "hebdomadaire indépendant",
            "Hamdallaye",
            "WordPress",
        ],
    );
    // The date is the JSON-LD Article's, inside @graph (the page has no published_time meta).
    let p = a.published.as_ref().expect("a publication date");
    assert_eq!(
        (p.date, p.precision, p.kind),
        (
            ymd(2024, 3, 14),
            DatePrecision::Day,
            PublicationKind::Metadata
        )
    );
    let found = incidents(&a);
    assert_eq!(found.len(), 1, "{found:#?}");
    let i = &found[0];
    assert_eq!(i.killed_in(Category::Soldiers).map(|t| t.best), Some(5));
    assert_eq!(i.wounded.as_ref().map(|t| t.best), Some(3));
    assert_eq!(
        i.date,
        Some(ymd(2024, 3, 13)),
        "mercredi before Thursday 14"
    );
}

#[test]
fn news_page_without_ticker_read_also_or_related_stories() {
    let a = load("news_ticker_menaka.html");
    assert_eq!(
        a.title_text(),
        Some("Ménaka : au moins huit civils tués dans l'attaque d'un marché")
    );
    assert_contains_all(
        &a.text,
        &[
            "Bamako, 7 juin 2023 (AFP) – Au moins huit civils ont été tués mardi",
            "Une douzaine de personnes ont été blessées.",
            "« Ils tiraient sur tout ce qui bougeait »",
            "Aucune revendication n'avait été enregistrée dans la soirée.",
        ],
    );
    assert_contains_none(
        &a.text,
        &[
            "cookies",
            "Dernière minute",
            "Ségou",
            "quatorze",
            "Kidal",
            "Tombouctou",
            "Accueil",
            "Culture",
            "lire aussi",
            "Lire aussi",
            "Gao",
            "vingt civils",
            "Ansongo",
            "Niono",
            "neuf villageois",
            "Photo d'archives",
            "Partager",
            "Mots-clés",
            "Sur le même sujet",
            "Boulkessi",
            "Quinze soldats",
            "Hombori",
            "Les plus lus",
            "Bandiagara",
            "Newsletter",
            "Mentions légales",
            "Tous droits réservés",
        ],
    );
    // The page's date wins, and the dateline under the byline keeps its span, so the
    // extractor does not take "7 juin 2023" for the attack's date.
    let p = a.published.as_ref().expect("a publication date");
    assert_eq!(
        (p.date, p.precision, p.kind),
        (
            ymd(2023, 6, 7),
            DatePrecision::Day,
            PublicationKind::Dateline
        )
    );
    assert_eq!(&a.text[p.span.clone()], "7 juin 2023");
    assert!(a.text[..p.span.start].ends_with("Bamako, "));
    let found = incidents(&a);
    assert_eq!(found.len(), 1, "{found:#?}");
    let i = &found[0];
    assert_eq!(i.killed_in(Category::Civilians).map(|t| t.best), Some(8));
    assert_eq!(
        i.date,
        Some(ymd(2023, 6, 6)),
        "mardi, not the dateline's day"
    );
    // And the geocoder still knows Bamako as where the dateline was filed from.
    let g = Geocoder::new(Gazetteer::fallback());
    let geocoded = mali_atlas::pipeline::incidents(&a, &g);
    assert_eq!(geocoded.len(), 1);
    let names: Vec<&str> = geocoded[0].places.iter().map(|p| p.name.as_str()).collect();
    assert!(names.contains(&"Ménaka"), "{names:?}");
    assert!(!names.contains(&"Bamako"), "{names:?}");
}

#[test]
fn amp_page_with_json_ld() {
    let a = load("amp_kidal.html");
    assert_eq!(
        a.title_text(),
        Some("Kidal : une frappe de drone tue trois combattants"),
        "the JSON-LD headline, not the generic <title>"
    );
    assert_contains_all(
        &a.text,
        &[
            "Trois combattants d'un groupe armé ont été tués dimanche par une frappe de drone",
            "Aucune victime civile n'a été signalée.",
            "de source indépendante.",
        ],
    );
    assert_contains_none(
        &a.text,
        &[
            "Accueil",
            "Sécurité",
            "Gao",
            "☰",
            "image d'archives",
            "À lire aussi",
            "Ber :",
            "cinq soldats",
            "Anéfis",
            "Mentions légales",
            "Version complète",
            "gtag",
            "amp-boilerplate",
        ],
    );
    // "2024-01-22T00:30:00+01:00": the day as written, not the UTC day before.
    let p = a.published.as_ref().expect("a publication date");
    assert_eq!(
        (p.date, p.precision, p.kind),
        (
            ymd(2024, 1, 22),
            DatePrecision::Day,
            PublicationKind::Metadata
        )
    );
    let found = incidents(&a);
    assert_eq!(found.len(), 1, "{found:#?}");
    let i = &found[0];
    assert_eq!(i.killed_in(Category::Militants).map(|t| t.best), Some(3));
    assert_eq!(i.date, Some(ymd(2024, 1, 21)), "dimanche before Monday 22");
}

#[test]
fn the_page_date_wins_over_the_text_and_keeps_its_span() {
    let html = "<html><head><title>Attaque à Léré</title>\
        <meta property=\"article:published_time\" content=\"2024-05-06T08:00:00Z\"></head>\
        <body><article><p>Publié le 3 mai 2024</p><p>Des hommes armés ont tué quatre civils \
        hier à Léré, selon des habitants joints par téléphone.</p></article></body></html>";
    let a = load_bytes("page.html", html.as_bytes(), &LoadOptions::default()).unwrap();
    let p = a.published.as_ref().unwrap();
    assert_eq!(
        (p.date, p.kind),
        (ymd(2024, 5, 6), PublicationKind::Metadata)
    );
    assert_eq!(&a.text[p.span.clone()], "3 mai 2024");
    let found = incidents(&a);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].date,
        Some(ymd(2024, 5, 5)),
        "hier before the page's date"
    );
}

/// Pages of about 2 MB in several shapes, among them ones that are quadratic for tree builders
/// that search the open elements (deep nesting, unclosed formatting elements).
fn big_pages() -> Vec<(&'static str, String)> {
    let paragraph = "<p>Des hommes armés ont attaqué le village, tuant plusieurs habitants selon un élu local joint par téléphone.</p>\n";
    let link = "<li><a href=\"/x\">Gao : vingt civils tués</a></li>\n";
    let cell = "<tr><td>Gao</td><td>12</td><td>morts</td></tr>\n";
    let fill = |unit: &str| unit.repeat(2_000_000 / unit.len());
    vec![
        (
            "paragraphs",
            format!(
                "<html><body><article>{}</article></body></html>",
                fill(paragraph)
            ),
        ),
        ("links", format!("<ul>{}</ul>{paragraph}", fill(link))),
        ("table", format!("<table>{}</table>", fill(cell))),
        ("nested", {
            let depth = 1_000_000 / "<div class=\"c\">".len();
            format!(
                "{}texte{}",
                "<div class=\"c\">".repeat(depth),
                "</div>".repeat(depth)
            )
        }),
        ("unclosed", fill("<div><p>texte <b>gras <i>ital ")),
        ("unclosed attribute", format!("<p class=\"{}", fill("a"))),
    ]
}

#[test]
fn big_pages_load_in_linear_time() {
    // Well under a second in release; debug builds of this crate are several times slower.
    let limit = if cfg!(debug_assertions) { 15.0 } else { 1.0 };
    for (shape, html) in big_pages() {
        let start = std::time::Instant::now();
        let loaded = load_bytes("big.html", html.as_bytes(), &LoadOptions::default());
        let took = start.elapsed().as_secs_f64();
        assert!(took < limit, "{shape}: {took:.2} s");
        eprintln!("{shape}: {} bytes in {took:.3} s", html.len());
        if let Ok(a) = loaded {
            assert!(!a.text.is_empty());
        }
    }
}
