//! Synthetic corpus generator: French article-like texts with their ground truth, for scale
//! tests and benches (the `synth` example, `benches/ingest.rs`), not for tuning accuracy.
//!
//! Each article is one JSON object:
//! `{"id", "text", "published", "truth": {"incidents": [{"place", "region", "date", "best"}]}}`.
//! The same count and seed always give the same bytes: the RNG is a small xorshift64* written
//! here.
//!
//! Varied: dateline or none, 1–3 incidents in real Malian towns, full / weekday / relative dates,
//! tolls in digits, words or vague words, actors, distractor numbers ("à 40 km", "en 2020",
//! "18 h 30"), foreign places, background sentences. `truth` follows tests/eval/cases.toml's
//! conventions (pre-2023 regions, "à 40 km de X" -> X, "plus de N" -> N, all sides' deaths
//! added up, `date`/`best` null when the text gives none).
//! Not a model of real news: the prose is templated, so scores on it say nothing of real articles.

use serde_json::{Value, json};
use std::sync::LazyLock;

/// Real Malian towns by pre-2023 region (Ménaka towns -> Gao, Taoudénit -> Tombouctou).
const TOWNS_BY_REGION: &[&str] = &[
    "Mopti: Bankass, Bandiagara, Douentza, Koro, Djenné, Ténenkou, Youwarou, Sévaré, Konna, Boni, Hombori, Mondoro, Dinangourou, Ogossagou, Sofara, Mopti, Diafarabé, Toguéré-Coumbé, Diallassagou, Boulkessi",
    "Ségou: Niono, Markala, San, Tominian, Bla, Diabaly, Farabougou, Sokolo, Nampala, Dioura, Ségou, Macina",
    "Tombouctou: Tombouctou, Goundam, Niafunké, Diré, Gourma-Rharous, Léré, Ber, Araouane, Taoudénit, Tonka, Gossi",
    "Gao: Gao, Ansongo, Bourem, Ménaka, Andéramboukane, Inékar, Ouatagouna, Labbezanga, Tessit, Talataye, Tidermène",
    "Kidal: Kidal, Tessalit, Aguelhok, Anéfis, Tinzaouatène, Abeïbara",
    "Koulikoro: Kati, Kolokani, Banamba, Nara, Dioïla, Kangaba, Koulikoro, Didiéni, Mourdiah",
    "Kayes: Kayes, Kita, Diéma, Nioro du Sahel, Bafoulabé, Kéniéba, Yélimané",
    "Sikasso: Sikasso, Bougouni, Koutiala, Kadiolo, Kolondiéba, Yorosso, Yanfolila",
];
/// (town, region) pairs of `TOWNS_BY_REGION`.
static PLACES: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
    let rows = TOWNS_BY_REGION.iter().filter_map(|r| r.split_once(": "));
    rows.flat_map(|(region, towns)| towns.split(", ").map(move |t| (t, region)))
        .collect()
});
/// Places outside Mali: they appear only in datelines and background sentences.
const FOREIGN: &str =
    "Niamey|Ouagadougou|Nouakchott|Dakar|Abidjan|Conakry|Alger|Tillabéri|Djibo|Dori";
const DATELINE_TOWNS: &str = "Bamako|Bamako|Mopti|Gao|Dakar|Niamey";
const AGENCIES: &str = "AFP|Reuters|AP|Xinhua";
/// Attackers, as written after "attribuée" (à + article contracted).
const ATTRIBUTED_TO: &str = "au Groupe de soutien à l'islam et aux musulmans (JNIM)|au JNIM|à l'État islamique au Sahel (EIGS)|à l'EIGS|à la katiba Macina|à des chasseurs dozos|à des hommes armés non identifiés";
const CLAIMANTS: &str = "Le JNIM|L'EIGS|La katiba Macina|Le CSP-PSD";
const MONTHS: &str =
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
/// Weekday names from Sunday = 0, as `weekday_name` counts.
const WEEKDAYS: &str = "dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi";
/// Vague quantities, and the `best` value tests/eval/cases.toml gives each.
const VAGUE: &str = "une dizaine de|une vingtaine de|une trentaine de|une quarantaine de|des dizaines de|plusieurs dizaines de";
const VAGUE_BEST: [u32; 6] = [10, 20, 30, 40, 20, 30];
/// Incident sentences. `{toll}` is a death toll; `{soldiers}` and `{attackers}` two tolls that
/// add up; a template with neither gives no toll. `{date}` may be "récemment" (no date).
const INCIDENT_TEMPLATES: &[&str] = &[
    "{toll} civils ont été tués {date} lors de l'attaque de plusieurs villages proches de {place}, dans la région de {region}, ont indiqué des élus locaux.",
    "{toll} soldats maliens ont été tués {date} dans une embuscade tendue contre leur convoi à {km} km de {place}, a annoncé l'armée dans un communiqué.",
    "L'armée malienne affirme avoir « neutralisé » {toll} terroristes {date} lors d'une opération aéroterrestre près de {place}.",
    "{date}, une attaque attribuée {actor} contre le poste militaire de {place} a fait {toll} morts, selon une source sécuritaire.",
    "{soldiers} soldats et {attackers} assaillants ont été tués {date} lors de combats à {place}, selon un bilan officiel.",
    "Des hommes armés ont enlevé {n} personnes {date} à {place}, dans la région de {region}.",
    "Des habitants accusent les FAMa et leurs supplétifs russes de Wagner d'avoir exécuté {toll} civils {date} à {place}.",
    "{date}, des hommes armés à moto ont attaqué {place}, tuant {toll} villageois, selon un notable joint par téléphone.",
    "Un engin explosif improvisé a explosé {date} au passage d'un car de transport à la sortie de {place}, tuant {toll} passagers.",
];
/// Sentences after an incident; `{claimant}` and `{wounded}` are filled in, "" adds nothing.
const FOLLOW_UPS: &[&str] = &[
    " {claimant} a revendiqué l'attaque.",
    " Les assaillants sont arrivés vers 18 h 30 à bord d'une cinquantaine de motos.",
    " {wounded} autres personnes ont été blessées.",
    "",
    "",
];
/// Context sentences: no incident in Mali, but numbers, years and places that look like one.
const BACKGROUND: &[&str] = &[
    "Le centre du pays est en proie depuis 2015 aux violences de groupes jihadistes et de milices d'autodéfense.",
    "Le gouvernement avait promis en {year} de renforcer la présence de l'armée dans la zone.",
    "Selon l'ONU, les violences ont fait plusieurs milliers de morts depuis {year}.",
    "À {foreign}, les autorités ont annoncé un renforcement de la sécurité à {km} km de la frontière.",
    "Une attaque similaire avait fait {n} morts près de {foreign} en {year}.",
    "Une réunion de crise s'est tenue à Bamako à 18 h 30, a-t-on appris de source officielle.",
    "Le convoi transportait {n} tonnes de vivres destinées aux déplacés.",
    "Une délégation s'est rendue à {foreign} pour évoquer la situation sécuritaire au Sahel.",
];

/// xorshift64* (Vigna), seeded through splitmix64 so that seeds 0, 1, 2… give unrelated streams.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1) // xorshift must never hold 0
    }
    fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in 0..n (multiply-high, no modulo bias worth speaking of); n must be > 0.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
    fn range(&mut self, low: u32, high_inclusive: u32) -> u32 {
        low + self.below((high_inclusive - low + 1) as usize) as u32
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// A random item of a `|`-separated list.
    fn item<'a>(&mut self, list: &'a str) -> &'a str {
        nth_item(list, self.below(list.split('|').count()))
    }
    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// Inverse of `days_from_civil`: (year, month 1–12, day 1–31).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// "lundi"… (1970-01-01, day 0, was a Thursday).
fn weekday_name(days: i64) -> &'static str {
    nth_item(WEEKDAYS, (days + 4).rem_euclid(7) as usize)
}

/// The `index`-th item of a `|`-separated list ("" past its end).
fn nth_item(list: &str, index: usize) -> &str {
    list.split('|').nth(index).unwrap_or_default()
}

fn iso(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// "12 mars 2023", "1er mai" (without the year when `with_year` is false).
fn french_date(days: i64, with_year: bool) -> String {
    let (y, m, d) = civil_from_days(days);
    let ordinal = if d == 1 { "er" } else { "" };
    let month = nth_item(MONTHS, (m - 1) as usize);
    let mut text = format!("{d}{ordinal} {month}");
    if with_year {
        text += &format!(" {y}");
    }
    text
}

/// French cardinal in words, 0–99, traditional spelling ("vingt et un", "quatre-vingts").
fn number_words(n: u32) -> String {
    const UNITS: &str = "zéro|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize";
    const TENS: &str = "dix|vingt|trente|quarante|cinquante|soixante";
    let (tens, unit) = (nth_item(TENS, (n / 10).saturating_sub(1) as usize), n % 10);
    match n {
        0..=16 => nth_item(UNITS, n as usize).to_string(),
        17..=19 => format!("dix-{}", nth_item(UNITS, unit as usize)),
        20..=69 if unit == 0 => tens.to_string(),
        20..=69 if unit == 1 => format!("{tens} et un"),
        20..=69 => format!("{tens}-{}", nth_item(UNITS, unit as usize)),
        70 => "soixante-dix".to_string(),
        71 => "soixante et onze".to_string(),
        72..=79 => format!("soixante-{}", number_words(n - 60)),
        80 => "quatre-vingts".to_string(),
        81..=99 => format!("quatre-vingt-{}", number_words(n - 80)),
        _ => n.to_string(),
    }
}

/// Upper-cases the first letter (sentence starts).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next().map(char::to_uppercase);
    first.into_iter().flatten().chain(chars).collect()
}

/// A date expression relative to the publication day, and the day it denotes (None: no date).
/// As in tests/eval: a weekday is the most recent such day (publication day included), a night
/// starts on its first day, "lundi dernier" is the last Monday strictly before publication.
fn date_expression(rng: &mut Rng, published: i64) -> (String, Option<i64>) {
    match rng.below(10) {
        0 | 1 => {
            let day = published - rng.below(7) as i64;
            (weekday_name(day).to_string(), Some(day))
        }
        2 | 3 => {
            let day = published - rng.below(20) as i64;
            let other_year = civil_from_days(day).0 != civil_from_days(published).0;
            let with_year = other_year || rng.percent(50);
            (format!("le {}", french_date(day, with_year)), Some(day))
        }
        4 => {
            let day = published - rng.below(6) as i64;
            let (weekday_name, date) = (weekday_name(day), french_date(day, false));
            (format!("{weekday_name} {date}"), Some(day))
        }
        5 => ("hier".to_string(), Some(published - 1)),
        6 => ("avant-hier".to_string(), Some(published - 2)),
        7 => {
            let day = published - 1 - rng.below(6) as i64;
            let (first, second) = (weekday_name(day), weekday_name(day + 1));
            (format!("dans la nuit de {first} à {second}"), Some(day))
        }
        8 => {
            let day = (1..=7)
                .map(|k| published - k)
                .find(|&d| weekday_name(d) == "lundi");
            ("dans la matinée de lundi dernier".to_string(), day)
        }
        _ => ("récemment".to_string(), None),
    }
}

/// A toll phrase placed before the noun, and its `best` value.
fn toll_expression(rng: &mut Rng) -> (String, u32) {
    let n = rng.range(2, 60);
    match rng.below(8) {
        0 | 1 => (n.to_string(), n),
        2 | 3 => (number_words(n), n),
        4 => (format!("au moins {}", number_words(n)), n),
        5 => (format!("plus de {n}"), n),
        6 => (format!("près de {n}"), n),
        _ => {
            let index = rng.below(VAGUE_BEST.len());
            (nth_item(VAGUE, index).to_string(), VAGUE_BEST[index])
        }
    }
}

/// One incident sentence (plus maybe a follow-up) and its truth record.
fn incident(rng: &mut Rng, published: i64, place: &str, region: &str) -> (String, Value) {
    let template = *rng.pick(INCIDENT_TEMPLATES);
    let (date, day) = date_expression(rng, published);
    let (toll, toll_best) = toll_expression(rng);
    let (soldiers, attackers) = (rng.range(2, 30), rng.range(2, 40));
    let best = match (template.contains("{toll}"), template.contains("{soldiers}")) {
        (true, _) => Some(toll_best),
        (_, true) => Some(soldiers + attackers),
        _ => None,
    };
    let de = ["de ", "d'"][usize::from(place.starts_with(['A', 'E', 'I', 'O', 'U', 'É']))];
    let sentence = (template.to_string() + *rng.pick(FOLLOW_UPS))
        .replace("de {place}", &format!("{de}{place}"))
        .replace("{toll}", &toll)
        .replace("{date}", &date)
        .replace("{place}", place)
        .replace("{region}", region)
        .replace("{km}", &rng.range(5, 80).to_string())
        .replace("{actor}", rng.item(ATTRIBUTED_TO))
        .replace("{soldiers}", &soldiers.to_string())
        .replace("{attackers}", &attackers.to_string())
        .replace("{n}", &rng.range(3, 40).to_string())
        .replace("{claimant}", rng.item(CLAIMANTS))
        .replace("{wounded}", &capitalised(&number_words(rng.range(2, 30))));
    let truth = json!({"place": place, "region": region, "date": day.map(iso), "best": best});
    (capitalised(&sentence), truth)
}

/// A background sentence; its years are never later than the publication's.
fn background(rng: &mut Rng, published: i64) -> String {
    let year = rng.range(2012, civil_from_days(published).0.clamp(2012, 2100) as u32);
    rng.pick(BACKGROUND)
        .replace("{foreign}", rng.item(FOREIGN))
        .replace("{km}", &rng.range(10, 90).to_string())
        .replace("{year}", &year.to_string())
        .replace("{n}", &rng.range(5, 90).to_string())
}

/// One article as its JSONL object.
fn article(rng: &mut Rng, seed: u64, index: usize) -> Value {
    let first = days_from_civil(2012, 1, 15);
    let published = first + rng.below((days_from_civil(2024, 12, 31) - first) as usize) as i64;
    let (mut sentences, mut truths) = (Vec::new(), Vec::<Value>::new());
    for _ in 0..rng.range(1, 3) {
        let (place, region) = *rng.pick(&PLACES);
        if truths.iter().any(|truth| truth["place"] == place) {
            continue; // one incident per place keeps the truth unambiguous
        }
        let (sentence, truth) = incident(rng, published, place, region);
        sentences.push(sentence);
        truths.push(truth);
        if rng.percent(60) {
            sentences.push(background(rng, published));
        }
    }
    if rng.percent(40) {
        let after_first = rng.below(sentences.len()) + 1;
        sentences.insert(after_first, background(rng, published));
    }
    let mut text = sentences.join(" ");
    if rng.percent(50) {
        let (town, agency) = (rng.item(DATELINE_TOWNS), rng.item(AGENCIES));
        let date = french_date(published, true);
        text = format!("{town}, {date} ({agency}) – {text}");
    }
    if rng.percent(30) {
        text = text.replace('\'', "’"); // typographic apostrophes, as many sites print them
    }
    json!({
        "id": format!("synth-{seed}-{index:06}"),
        "text": text,
        "published": iso(published),
        "truth": {"incidents": truths},
    })
}

/// `count` articles generated from `seed`, lazily.
pub fn corpus(count: usize, seed: u64) -> impl Iterator<Item = Value> {
    let mut rng = Rng::new(seed);
    (0..count).map(move |index| article(&mut rng, seed, index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips_and_knows_weekdays() {
        for day in days_from_civil(1999, 12, 25)..days_from_civil(2030, 3, 1) {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(weekday_name(days_from_civil(2023, 3, 12)), "dimanche");
        assert_eq!(iso(days_from_civil(2024, 2, 29)), "2024-02-29");
    }

    #[test]
    fn numbers_are_spelled_the_french_way() {
        let spelled = [17, 21, 44, 71, 77, 80, 91].map(number_words).join(",");
        let expected = "dix-sept,vingt et un,quarante-quatre,soixante et onze,soixante-dix-sept,";
        assert_eq!(
            spelled,
            expected.to_string() + "quatre-vingts,quatre-vingt-onze"
        );
    }

    #[test]
    fn articles_are_deterministic_and_name_their_truth() {
        let run = |seed, count| {
            let mut rng = Rng::new(seed);
            Vec::from_iter((0..count).map(|i| article(&mut rng, seed, i)))
        };
        assert_eq!(run(7, 300), run(7, 300));
        for value in run(42, 2000) {
            let (text, published) = (value["text"].as_str(), value["published"].as_str());
            let incidents = value["truth"]["incidents"].as_array();
            assert!(incidents.is_some_and(|list| (1..=3).contains(&list.len())));
            for truth in incidents.into_iter().flatten() {
                let place = truth["place"].as_str().unwrap_or("?");
                assert!(text.is_some_and(|text| text.contains(place)), "{value}");
                assert!(truth["date"].as_str() <= published, "{value}");
            }
        }
    }
}
