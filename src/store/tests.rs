//! Workspace tests: ingest, idempotence, corrections across re-extraction, merging, search,
//! migrations, refused files, disk full, and a SIGKILL crash in the middle of an ingest.

use std::collections::BTreeMap;
use std::path::Path;

use super::*;
use crate::incident::{Category, EventType, Evidence, Location, PlaceMatch, Precision, TollRange};

fn hash_of(text: &str) -> String {
    // FNV-1a 64, as corpus::Article::hash (over the text here: the tests have no raw bytes)
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn article(source: &str, text: &str, published: &str) -> ArticleRecord {
    let title_end = text.find('\n').unwrap_or(text.len());
    ArticleRecord {
        source: source.into(),
        hash: hash_of(text),
        text: text.into(),
        title: Some(0..title_end),
        published: published.parse().ok(),
        published_precision: DatePrecision::Day,
        load_errors: Vec::new(),
    }
}

/// Byte range of `needle` in `text` (test data is chosen so it is present).
fn span(text: &str, needle: &str) -> std::ops::Range<usize> {
    let start = text.find(needle).expect("needle in test text");
    start..start + needle.len()
}

struct Draft<'a> {
    text: &'a str,
    source: &'a str,
    index: usize,
    date: &'a str,
    killed: Option<(Category, u32)>,
    place: (&'a str, f64, f64, &'a str),
    evidence: Vec<(&'a str, &'a str)>,
}

fn incident(d: Draft<'_>) -> Incident {
    let (mention, lat, lon, cercle) = d.place;
    let killed = d
        .killed
        .map(|(c, n)| BTreeMap::from([(c, TollRange::exact(n))]));
    let place_span = span(d.text, mention);
    Incident {
        article: d.source.into(),
        incident: d.index,
        date: d.date.parse().ok(),
        date_end: None,
        date_precision: DatePrecision::Day,
        event_type: EventType::ViolenceAgainstCivilians,
        sub_event_type: "Attack".into(),
        actors: vec!["JNIM".into()],
        perpetrator: None,
        target: Some("Civilians".into()),
        fatalities: killed
            .as_ref()
            .and_then(|k| k.values().copied().reduce(TollRange::add)),
        killed,
        wounded: None,
        captured: None,
        missing: None,
        toll_sources: Vec::new(),
        places: vec![PlaceMatch {
            mention: mention.into(),
            span: [place_span.start, place_span.end],
            name: mention.into(),
            geonameid: Some(1),
            lat: Some(lat),
            lon: Some(lon),
            admin1: Some("Ségou".into()),
            admin2: Some(cercle.into()),
            admin1_2023: None,
            precision: Precision::Locality,
        }],
        location: Some(Location {
            lat,
            lon,
            precision: Precision::Locality,
        }),
        evidence: d
            .evidence
            .iter()
            .map(|(field, needle)| Evidence::new(field, d.text, span(d.text, needle)))
            .collect(),
        warnings: Vec::new(),
        gazetteer: None,
    }
}

const TEXT_A: &str = "Attaque meurtrière près de Ségou\n\
    Le 12 mars 2024, des hommes armés ont tué 14 civils dans le village de Dioro, \
    dans la région de Ségou. Deux jours plus tard, à Macina, 3 bergers ont été tués.";

fn batch_a() -> (ArticleRecord, Vec<Incident>) {
    let a = article("news/a.txt", TEXT_A, "2024-03-15");
    let first = incident(Draft {
        text: TEXT_A,
        source: "news/a.txt",
        index: 0,
        date: "2024-03-12",
        killed: Some((Category::Civilians, 14)),
        place: ("Dioro", 13.45, -5.8, "Ségou"),
        evidence: vec![
            ("date", "Le 12 mars 2024"),
            ("fatalities", "tué 14 civils"),
            ("place", "Dioro"),
        ],
    });
    let second = incident(Draft {
        text: TEXT_A,
        source: "news/a.txt",
        index: 1,
        date: "2024-03-14",
        killed: Some((Category::Civilians, 3)),
        place: ("Macina", 13.96, -5.36, "Macina"),
        evidence: vec![
            ("date", "Deux jours plus tard"),
            ("fatalities", "3 bergers ont été tués"),
            ("place", "Macina"),
        ],
    });
    (a, vec![first, second])
}

fn open_temp() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("ws.atlas")).unwrap();
    (dir, ws)
}

#[test]
fn search_folds_accents_and_case() {
    let (_dir, mut ws) = open_temp();
    let b = "Manifestation à Bamako\nLes élèves ont défilé devant l'Assemblée ; le cœur de la ville était bloqué.";
    ws.ingest(
        &[batch_a(), (article("news/b.txt", b, "2024-04-01"), vec![])],
        "v1",
    )
    .unwrap();
    let hits = ws.search("segou", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].source, "news/a.txt");
    assert_eq!(hits[0].title, "Attaque meurtrière près de Ségou");
    assert!(hits[0].snippet.contains("[Ségou]"), "{}", hits[0].snippet);
    assert_eq!(ws.search("SÉGOU", 10).unwrap().len(), 1);
    assert_eq!(
        ws.search("eleves assemblee", 10).unwrap()[0].source,
        "news/b.txt"
    );
    assert_eq!(ws.search("coeur", 10).unwrap().len(), 1);
    assert_eq!(ws.search("cœur", 10).unwrap().len(), 1);
    assert_eq!(ws.search("meurtri*", 10).unwrap().len(), 1);
    assert!(ws.search("Tombouctou", 10).unwrap().is_empty());
    // query syntax in the analyst's words is never an error
    assert!(ws.search("\"(NEAR OR AND* -:^", 10).is_ok());
    assert!(ws.search("", 10).unwrap().is_empty());
}

#[test]
fn double_ingest_stores_once() {
    let (_dir, mut ws) = open_temp();
    let first = ws.ingest(&[batch_a()], "v1").unwrap();
    assert_eq!((first.added, first.incidents_written), (1, 2));
    assert!(!ws.needs_extraction(&batch_a().0.hash, "v1").unwrap());
    assert!(ws.needs_extraction(&batch_a().0.hash, "v2").unwrap());
    assert!(ws.needs_extraction("ffffffffffffffff", "v1").unwrap());
    let second = ws.ingest(&[batch_a()], "v1").unwrap();
    assert_eq!(
        second,
        IngestReport {
            unchanged: 1,
            ..IngestReport::default()
        }
    );
    assert_eq!(ws.articles().unwrap().len(), 1);
    assert_eq!(ws.incidents().unwrap().len(), 2);
    assert_eq!(ws.search("Dioro", 10).unwrap().len(), 1);
}

#[test]
fn changed_file_replaces_the_old_article() {
    let (_dir, mut ws) = open_temp();
    ws.ingest(&[batch_a()], "v1").unwrap();
    let edited = TEXT_A.replace("14 civils", "15 civils");
    let a2 = article("news/a.txt", &edited, "2024-03-15");
    assert!(ws.needs_extraction(&a2.hash, "v1").unwrap());
    let report = ws.ingest(&[(a2.clone(), vec![])], "v1").unwrap();
    assert_eq!((report.added, report.replaced), (1, 1));
    let arts = ws.articles().unwrap();
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0].hash, a2.hash);
    assert!(ws.incidents().unwrap().is_empty());
    assert!(ws.search("14", 10).unwrap().is_empty());
    assert_eq!(ws.search("15 civils", 10).unwrap().len(), 1);
    assert_eq!(
        ws.article_text(&a2.hash).unwrap().as_deref(),
        Some(edited.as_str())
    );
}

#[test]
fn corrections_survive_reextraction() {
    let (_dir, mut ws) = open_temp();
    let (a, incidents) = batch_a();
    ws.ingest(&[(a.clone(), incidents.clone())], "v1").unwrap();
    let stored = ws.incidents().unwrap();
    let (k0, k1) = (stored[0].key.clone(), stored[1].key.clone());
    ws.correct(
        &k0,
        Correction::MovePoint {
            lat: 13.5,
            lon: -5.9,
        },
        "village is west of the road",
    )
    .unwrap();
    ws.correct(
        &k0,
        Correction::Toll {
            field: TollField::Killed(Category::Civilians),
            range: Some(TollRange {
                low: 14,
                best: 16,
                high: 16,
            }),
        },
        "two died of their wounds (later report)",
    )
    .unwrap();
    ws.correct(&k1, Correction::Reject, "cattle raid, not this conflict")
        .unwrap();
    ws.correct(
        &k1,
        Correction::EventType {
            event_type: EventType::Riots,
            sub_event_type: None,
        },
        "test",
    )
    .unwrap();
    let unknown = IncidentKey::Manual { correction_id: 999 };
    assert!(matches!(
        ws.correct(&unknown, Correction::Reject, "x"),
        Err(StoreError::UnknownIncident(_))
    ));

    // A new extractor: incidents in the other order, the toll evidence widened.
    let mut v2 = incidents.clone();
    v2.swap(0, 1);
    v2[0].incident = 0;
    v2[1].incident = 1;
    let wide = span(TEXT_A, "ont tué 14 civils dans le village");
    v2[1].evidence[1] = Evidence::new("fatalities", TEXT_A, wide);
    let report = ws.ingest(&[(a.clone(), v2)], "v2").unwrap();
    assert_eq!((report.reextracted, report.orphaned_corrections), (1, 0));

    let now = ws.incidents().unwrap();
    let dioro = now
        .iter()
        .find(|i| i.incident.places[0].name == "Dioro")
        .unwrap();
    assert_eq!(
        dioro.incident.location.map(|l| (l.lat, l.lon)),
        Some((13.5, -5.9))
    );
    assert_eq!(dioro.incident.fatalities.map(|t| t.best), Some(16));
    assert!(!dioro.rejected);
    assert_eq!(dioro.corrected, vec!["location", "killed.civilians"]);
    let macina = now
        .iter()
        .find(|i| i.incident.places[0].name == "Macina")
        .unwrap();
    assert!(macina.rejected);
    assert_eq!(macina.incident.event_type, EventType::Riots);
    assert!(ws.orphaned_corrections().unwrap().is_empty());

    let history = ws.corrections().unwrap();
    assert_eq!(history.len(), 4);
    assert_eq!(history[1].field, "killed.civilians");
    assert_eq!(history[1].old_value["best"], 14);
    assert_eq!(history[0].reason, "village is west of the road");
    assert!(!history[0].created_at.is_empty());
}

#[test]
fn correction_without_matching_evidence_is_orphaned_not_dropped() {
    let (_dir, mut ws) = open_temp();
    let (a, incidents) = batch_a();
    ws.ingest(&[(a.clone(), incidents.clone())], "v1").unwrap();
    let k1 = ws.incidents().unwrap()[1].key.clone();
    ws.correct(
        &k1,
        Correction::Date {
            date: "2024-03-13".parse().ok(),
            date_end: None,
            precision: DatePrecision::Day,
        },
        "the article is a day late",
    )
    .unwrap();
    // The new extractor no longer sees the second incident.
    let report = ws
        .ingest(&[(a.clone(), incidents[..1].to_vec())], "v2")
        .unwrap();
    assert_eq!(report.orphaned_corrections, 1);
    let orphans = ws.orphaned_corrections().unwrap();
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].target, k1);
    assert_eq!(orphans[0].reason, "the article is a day late");
    assert_eq!(ws.incidents().unwrap()[0].corrected, Vec::<String>::new());
    // Back with v3, the correction applies again: it was kept.
    let report = ws.ingest(&[(a, incidents)], "v3").unwrap();
    assert_eq!(report.orphaned_corrections, 0);
    assert!(ws.orphaned_corrections().unwrap().is_empty());
    let date = ws.incidents().unwrap()[1].incident.date;
    assert_eq!(date, "2024-03-13".parse().ok());
    // The analyst may dismiss a correction after review.
    let id = ws.corrections().unwrap()[0].id;
    ws.dismiss_correction(id).unwrap();
    assert!(ws.corrections().unwrap().is_empty());
}

#[test]
fn hand_added_incidents_and_candidate_pick() {
    let (_dir, mut ws) = open_temp();
    let (a, incidents) = batch_a();
    ws.ingest(&[(a, incidents.clone())], "v1").unwrap();
    let mut manual = incidents[0].clone();
    manual.article = "analyst".into();
    manual.evidence.clear();
    let key = ws.add_incident(manual, "radio report, no article").unwrap();
    ws.correct(
        &key,
        Correction::PickCandidate {
            mention_span: None,
            geonameid: Some(2),
            name: "Dioro (cercle de Ségou)".into(),
            lat: 13.44,
            lon: -5.82,
            admin1: Some("Ségou".into()),
            admin2: Some("Ségou".into()),
        },
        "other Dioro",
    )
    .unwrap();
    let all = ws.incidents().unwrap();
    assert_eq!(all.len(), 3);
    let added = all.last().unwrap();
    assert!(added.manual);
    assert_eq!(added.key, key);
    assert_eq!(added.incident.places[0].geonameid, Some(2));
    assert_eq!(added.incident.location.map(|l| l.lat), Some(13.44));
    // A new extractor version never orphans a hand-added incident.
    ws.ingest(&[batch_a()], "v2").unwrap();
    assert_eq!(ws.incidents().unwrap().len(), 3);
    assert!(ws.orphaned_corrections().unwrap().is_empty());
}

const TEXT_B: &str = "Des civils tués dans le cercle de Ségou\n\
    Selon des sources locales, 17 personnes ont été tuées mercredi 13 mars à Dioro par des \
    hommes armés.";
const TEXT_C: &str = "Tuerie à Diabaly\n\
    Au moins 15 civils ont été tués le 13 mars 2024 à Diabaly.";

fn report_b(
    lat: f64,
    lon: f64,
    cercle: &str,
    text: &'static str,
    source: &'static str,
) -> (ArticleRecord, Vec<Incident>) {
    let mention = if text == TEXT_B { "Dioro" } else { "Diabaly" };
    let date_ev = if text == TEXT_B {
        "mercredi 13 mars"
    } else {
        "le 13 mars 2024"
    };
    let toll_ev = if text == TEXT_B {
        "17 personnes ont été tuées"
    } else {
        "15 civils ont été tués"
    };
    let n = if text == TEXT_B { 17 } else { 15 };
    let i = incident(Draft {
        text,
        source,
        index: 0,
        date: "2024-03-13",
        killed: Some((Category::Civilians, n)),
        place: (mention, lat, lon, cercle),
        evidence: vec![
            ("date", date_ev),
            ("fatalities", toll_ev),
            ("place", mention),
        ],
    });
    (article(source, text, "2024-03-16"), vec![i])
}

#[test]
fn one_event_many_articles() {
    let (_dir, mut ws) = open_temp();
    // 0.18° of latitude ≈ 20 km north of Dioro, one day later, another cercle name.
    let near = report_b(13.63, -5.8, "Autre", TEXT_B, "news/b.txt");
    ws.ingest(&[batch_a(), near], "v1").unwrap();
    let events = ws.events().unwrap();
    assert_eq!(events.len(), 2, "{events:#?}");
    let merged = events.iter().find(|e| e.reports() == 2).unwrap();
    assert_eq!(merged.articles, vec!["news/a.txt", "news/b.txt"]);
    // b is published later: its best (17) wins; low/high span both reports
    assert_eq!(
        merged.record.fatalities,
        Some(TollRange {
            low: 14,
            best: 17,
            high: 17
        })
    );
    assert_eq!(merged.record.date, "2024-03-12".parse().ok());
    assert_eq!(merged.record.date_end, "2024-03-13".parse().ok());

    // The analyst splits it: two events from then on, and it persists.
    let detach = vec![merged.members[1].clone()];
    ws.split_event(merged, &detach, "different villages")
        .unwrap();
    assert_eq!(ws.events().unwrap().len(), 3);
    assert!(
        ws.split_event(merged, &[IncidentKey::Manual { correction_id: 5 }], "x")
            .is_err()
    );
}

#[test]
fn no_merge_at_100_km_unless_same_cercle() {
    let (_dir, mut ws) = open_temp();
    // Diabaly ≈ 100 km west of Dioro, different cercle: two events.
    let far = report_b(13.45, -6.72, "Niono", TEXT_C, "news/c.txt");
    ws.ingest(&[batch_a(), far], "v1").unwrap();
    assert_eq!(ws.events().unwrap().len(), 3);
    // Same distance but the same cercle: one event.
    let (_dir2, mut ws2) = open_temp();
    let same_cercle = report_b(13.45, -6.72, "Ségou", TEXT_C, "news/c.txt");
    ws2.ingest(&[batch_a(), same_cercle], "v1").unwrap();
    assert_eq!(ws2.events().unwrap().len(), 2);
    // Rejected incidents are not events.
    let k = ws2.incidents().unwrap()[1].key.clone();
    ws2.correct(&k, Correction::Reject, "duplicate").unwrap();
    assert_eq!(ws2.events().unwrap().len(), 1);
}

#[test]
fn incompatible_tolls_do_not_merge() {
    let (_dir, mut ws) = open_temp();
    let (a, mut v) = report_b(13.46, -5.8, "Ségou", TEXT_B, "news/b.txt");
    v[0].killed = Some(BTreeMap::from([(
        Category::Civilians,
        TollRange::exact(80),
    )]));
    v[0].fatalities = Some(TollRange::exact(80));
    ws.ingest(&[batch_a(), (a, v)], "v1").unwrap();
    assert_eq!(ws.events().unwrap().len(), 3);
}

#[test]
fn migrates_from_an_empty_file_and_from_v1() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.atlas");
    std::fs::write(&empty, b"").unwrap();
    let ws = Workspace::open(&empty).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    drop(ws);

    // A version-1 workspace with an article and a correction, as that version wrote it.
    let v1 = dir.path().join("v1.atlas");
    {
        let conn = Connection::open(&v1).unwrap();
        conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 1;"
        ))
        .unwrap();
        let (a, incidents) = batch_a();
        conn.execute(
            "INSERT INTO articles (hash, path, text, title_start, title_end, published, \
             published_precision, extractor_version, ingested_at) \
             VALUES (?1, ?2, ?3, 0, ?4, '2024-03-15', 'day', 'v1', 'then')",
            params![
                a.hash,
                a.source,
                a.text,
                a.title.map_or(0, |t| t.end as i64)
            ],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO incidents (article_id, idx, key, event_type, deaths, record) \
             VALUES (1, 0, 'k', 'x', 14, ?1)",
            [serde_json::to_string(&incidents[0]).unwrap()],
        )
        .unwrap();
        let key = IncidentKey::of(&a.hash, &incidents[0]);
        conn.execute(
            "INSERT INTO corrections (created_at, article_hash, target, field, old_value, \
             new_value, reason) VALUES ('then', ?1, ?2, 'rejected', 'false', \
             '{\"op\":\"correct\",\"correction\":{\"kind\":\"reject\"}}', 'old work')",
            params![a.hash, serde_json::to_string(&key).unwrap()],
        )
        .unwrap();
    }
    let ws = Workspace::open(&v1).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    let hits = ws.search("segou", 5).unwrap();
    assert_eq!(
        hits.len(),
        1,
        "the FTS index was filled from existing articles"
    );
    assert_eq!(hits[0].title, "Attaque meurtrière près de Ségou");
    let incidents = ws.incidents().unwrap();
    assert!(incidents[0].rejected);
    assert_eq!(ws.integrity_check().unwrap(), "ok");
}

fn assert_refused_untouched(path: &Path, check: impl Fn(&StoreError) -> bool) {
    let before = std::fs::read(path).unwrap();
    let err = Workspace::open(path).err().expect("must be refused");
    assert!(check(&err), "unexpected error: {err}");
    assert!(err.to_string().contains(&path.display().to_string()));
    assert_eq!(std::fs::read(path).unwrap(), before, "file changed");
    let wal = format!("{}-wal", path.display());
    assert!(!Path::new(&wal).exists(), "a -wal file was created");
}

#[test]
fn refuses_non_sqlite_foreign_and_newer_files_without_touching_them() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "Ce fichier n'est pas une base SQLite.\n".repeat(20)).unwrap();
    assert_refused_untouched(&text, |e| matches!(e, StoreError::NotSqlite { .. }));

    let other = dir.path().join("other.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .unwrap();
    assert_refused_untouched(&other, |e| matches!(e, StoreError::NotWorkspace { .. }));

    let newer = dir.path().join("newer.atlas");
    {
        let ws = Workspace::open(&newer).unwrap();
        ws.conn.pragma_update(None, "user_version", 99).unwrap();
        ws.conn
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
    }
    assert_refused_untouched(&newer, |e| {
        matches!(e, StoreError::NewerSchema { found: 99, .. })
    });
}

#[cfg(unix)]
/// `chattr +i` for the duration of a test (root ignores permission bits).
struct Immutable<'a>(&'a Path);

#[cfg(unix)]
impl<'a> Immutable<'a> {
    fn set(path: &'a Path) -> Option<Self> {
        let ok = std::process::Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Immutable(path))
    }
}

#[cfg(unix)]
impl Drop for Immutable<'_> {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(self.0)
            .status();
    }
}

#[cfg(unix)]
/// Makes `path` unwritable: permission bits, or `chattr +i` when running as root.
fn make_read_only(path: &Path, probe: &Path) -> Option<Option<Immutable<'static>>> {
    use std::os::unix::fs::PermissionsExt;
    let mode = if path.is_dir() { 0o555 } else { 0o444 };
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    let writable = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(probe)
        .is_ok();
    if !writable {
        return Some(None);
    }
    if path.is_dir() {
        let _ = std::fs::remove_file(probe);
    }
    let leaked: &'static Path = Box::leak(path.to_path_buf().into_boxed_path());
    Immutable::set(leaked).map(Some)
}

#[cfg(unix)]
#[test]
fn read_only_folder_and_file_are_clear_errors() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // an existing workspace in a folder that becomes read-only
    let folder = dir.path().join("ro");
    std::fs::create_dir(&folder).unwrap();
    let ws_path = folder.join("ws.atlas");
    {
        let mut ws = Workspace::open(&ws_path).unwrap();
        ws.ingest(&[batch_a()], "v1").unwrap();
        ws.conn
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
    }
    let Some(guard) = make_read_only(&folder, &folder.join("probe")) else {
        eprintln!("skipped: cannot make a folder read-only here");
        return;
    };
    let before = std::fs::read(&ws_path).unwrap();
    let err = Workspace::open(&ws_path).err().expect("read-only folder");
    eprintln!("read-only folder: {err}");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    assert_eq!(std::fs::read(&ws_path).unwrap(), before);
    let err = Workspace::open(&folder.join("new.atlas"))
        .err()
        .expect("cannot create");
    assert!(
        matches!(
            err,
            StoreError::CannotOpen { .. } | StoreError::ReadOnly { .. }
        ),
        "{err:?}"
    );
    drop(guard);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();

    // a read-only file in a writable folder
    let Some(guard) = make_read_only(&ws_path, &ws_path) else {
        eprintln!("skipped: cannot make a file read-only here");
        return;
    };
    let err = Workspace::open(&ws_path).err().expect("read-only file");
    eprintln!("read-only file: {err}");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    assert_eq!(std::fs::read(&ws_path).unwrap(), before);
    drop(guard);
    std::fs::set_permissions(&ws_path, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn disk_full_is_a_clear_error_and_loses_nothing_committed() {
    let (_dir, mut ws) = open_temp();
    ws.ingest(&[batch_a()], "v1").unwrap();
    let pages: i64 = ws
        .conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    // SQLite reports SQLITE_FULL when the database may not grow: the same path as a full disk.
    ws.conn
        .pragma_update(None, "max_page_count", pages + 2)
        .unwrap();
    let big: Vec<(ArticleRecord, Vec<Incident>)> = (0..50)
        .map(|n| {
            let text = format!(
                "Article {n}\n{}",
                "Texte de remplissage à Ségou. ".repeat(200)
            );
            (
                article(&format!("big/{n}.txt"), &text, "2024-01-01"),
                vec![],
            )
        })
        .collect();
    let err = ws.ingest(&big, "v1").expect_err("must not fit");
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err:?}");
    assert!(err.to_string().contains("disk full"));
    assert_eq!(ws.articles().unwrap().len(), 1, "the batch was rolled back");
    assert_eq!(ws.incidents().unwrap().len(), 2);
    assert_eq!(ws.integrity_check().unwrap(), "ok");
}

// ---- crash safety -----------------------------------------------------------------------

const CRASH_ENV: &str = "MALI_ATLAS_STORE_CRASH_CHILD";

fn synthetic_article(n: usize) -> (ArticleRecord, Vec<Incident>) {
    let text = format!(
        "Attaque numéro {n} dans le cercle de Ségou\nLe 3 mai 2024, des hommes armés ont tué {} \
         civils près de Dioro. {}",
        n % 50 + 1,
        "Les habitants décrivent une attaque à l'aube, les secours sont arrivés tard. ".repeat(36)
    );
    let source = format!("synthetic/{n:06}.txt");
    let i = incident(Draft {
        text: &text,
        source: &source,
        index: 0,
        date: &(chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
            + chrono::Duration::days((n % 1500) as i64))
        .to_string(),
        killed: Some((Category::Civilians, (n % 50 + 1) as u32)),
        place: ("Dioro", 13.45 + (n % 100) as f64 * 0.01, -5.8, "Ségou"),
        evidence: vec![("date", "Le 3 mai 2024"), ("place", "Dioro")],
    });
    (article(&source, &text, "2024-05-04"), vec![i])
}

/// Not a test on its own: the child process of `sigkill_during_ingest_loses_nothing_committed`.
/// It ingests batches forever and prints what it committed.
#[test]
fn crash_child_ingest_loop() {
    use std::io::Write;
    let Ok(path) = std::env::var(CRASH_ENV) else {
        return;
    };
    let mut ws = Workspace::open(Path::new(&path)).unwrap();
    let mut out = std::io::stdout().lock();
    for round in 0.. {
        let batch: Vec<_> = (round * 200..round * 200 + 200)
            .map(synthetic_article)
            .collect();
        ws.ingest(&batch, "v1").unwrap();
        writeln!(out, "articles {}", round * 200 + 200).unwrap();
        let key = ws.incidents().unwrap()[round * 200].key.clone();
        ws.correct(&key, Correction::Reject, &format!("round {round}"))
            .unwrap();
        writeln!(out, "corrections {}", round + 1).unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn sigkill_during_ingest_loses_nothing_committed() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.atlas");
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "store::tests::crash_child_ingest_loop",
            "--nocapture",
        ])
        .arg("--test-threads=1")
        .env(CRASH_ENV, &path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (mut articles, mut corrections) = (0usize, 0usize);
    for line in std::io::BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(n) = line.strip_prefix("articles ") {
            articles = n.parse().unwrap();
        } else if let Some(n) = line.strip_prefix("corrections ") {
            corrections = n.parse().unwrap();
            if corrections == 4 {
                // the child is now inside the next ingest transaction
                std::thread::sleep(std::time::Duration::from_millis(15));
                child.kill().unwrap(); // SIGKILL
                break;
            }
        }
    }
    child.wait().unwrap();
    assert!(articles >= 800 && corrections == 4);
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.integrity_check().unwrap(), "ok");
    let stored = ws.articles().unwrap();
    eprintln!(
        "child reported {articles} articles committed; {} found after SIGKILL",
        stored.len()
    );
    assert!(stored.len() >= articles, "{} < {articles}", stored.len());
    assert_eq!(stored.len() % 200, 0, "a batch is all or nothing");
    for n in 0..articles {
        let (a, _) = synthetic_article(n);
        assert!(
            !ws.needs_extraction(&a.hash, "v1").unwrap(),
            "article {n} lost"
        );
    }
    let kept = ws.corrections().unwrap();
    assert!(kept.len() >= corrections);
    let rejected = ws
        .incidents()
        .unwrap()
        .iter()
        .filter(|i| i.rejected)
        .count();
    assert!(rejected >= corrections);
}

// ---- performance (cargo test --release -- --ignored --nocapture perf_) -------------------

#[test]
#[ignore]
fn perf_ingest_load_search() {
    use std::time::Instant;
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("perf.atlas")).unwrap();
    // Extraction excluded: synthetic records are built before the clock starts.
    let data: Vec<_> = (0..10_000).map(synthetic_article).collect();
    let bytes: usize = data.iter().map(|(a, _)| a.text.len()).sum();
    let t = Instant::now();
    for chunk in data.chunks(500) {
        ws.ingest(chunk, "v1").unwrap();
    }
    let ingest = t.elapsed();
    eprintln!(
        "ingest 10,000 articles ({:.1} KB avg), 1 incident each, batches of 500: {ingest:?}",
        bytes as f64 / 10_000.0 / 1024.0
    );

    let queries = [
        "segou",
        "dioro aube",
        "habitants",
        "numéro 4217",
        "secours*",
    ];
    for q in queries {
        let t = Instant::now();
        let hits = ws.search(q, 20).unwrap().len();
        eprintln!(
            "search {q:?} over 10,000 articles: {:?} ({hits} hits)",
            t.elapsed()
        );
    }

    // 100,000 incidents: 9 more per article on top of the first.
    let more: Vec<_> = data
        .iter()
        .map(|(a, i)| {
            let mut v = Vec::new();
            for k in 0..10 {
                let mut x = i[0].clone();
                x.incident = k;
                x.evidence[0].span = [k, k + 5];
                v.push(x);
            }
            (a.clone(), v)
        })
        .collect();
    for chunk in more.chunks(1000) {
        ws.ingest(chunk, "v2").unwrap();
    }
    drop(ws);
    let t = Instant::now();
    let ws = Workspace::open(&dir.path().join("perf.atlas")).unwrap();
    let incidents = ws.incidents().unwrap();
    let load = t.elapsed();
    assert_eq!(incidents.len(), 100_000);
    eprintln!("open + load 100,000 incidents: {load:?}");
    let t = Instant::now();
    let events = ws.events_of(&incidents).unwrap();
    eprintln!(
        "merge 100,000 incidents into {} events: {:?}",
        events.len(),
        t.elapsed()
    );
}

#[test]
fn migrates_from_v2_keeping_corrections_and_splits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.atlas");
    let (a, incidents) = batch_a();
    let key = IncidentKey::of(&a.hash, &incidents[0]);
    {
        let mut ws = Workspace::open(&path).unwrap();
        ws.ingest(&[batch_a()], "v1").unwrap();
        ws.correct(
            &key,
            Correction::Toll {
                field: TollField::Killed(Category::Civilians),
                range: Some(TollRange::exact(15)),
            },
            "recount",
        )
        .unwrap();
        // Back to what version 2 wrote: no reviews or reference tables, user_version 2.
        ws.conn
            .execute_batch(
                "DROP TABLE reviews; DROP TABLE reference_acled_files; \
                 DROP TABLE reference_ged_files; PRAGMA user_version = 2;",
            )
            .unwrap();
    }
    assert!(matches!(
        schema::inspect(&path).unwrap(),
        schema::FileState::Sqlite {
            user_version: 2,
            ..
        }
    ));
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
    let corrections = ws.corrections().unwrap();
    assert_eq!(corrections.len(), 1);
    assert_eq!(corrections[0].reason, "recount");
    let stored = ws.incidents().unwrap();
    assert_eq!(
        stored[0]
            .incident
            .killed_in(Category::Civilians)
            .unwrap()
            .best,
        15
    );
    // The new table works on the migrated file.
    assert!(ws.reviews().unwrap().is_empty());
    ws.review(
        std::slice::from_ref(&key),
        ReviewStatus::Accepted,
        "ana",
        "checked",
    )
    .unwrap();
    assert_eq!(
        ws.review_book().unwrap().status(&[key]),
        ReviewStatus::Accepted
    );
    assert_eq!(ws.integrity_check().unwrap(), "ok");
}

#[test]
fn reviews_persist_latest_wins_and_follow_reextraction() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.atlas");
    let (a, incidents) = batch_a();
    let first = IncidentKey::of(&a.hash, &incidents[0]);
    let second = IncidentKey::of(&a.hash, &incidents[1]);
    {
        let mut ws = Workspace::open(&path).unwrap();
        ws.ingest(&[batch_a()], "v1").unwrap();
        ws.review(
            std::slice::from_ref(&first),
            ReviewStatus::Accepted,
            "ana",
            "",
        )
        .unwrap();
        ws.review(
            std::slice::from_ref(&second),
            ReviewStatus::Rejected,
            "ana",
            "same as another",
        )
        .unwrap();
        ws.review(
            std::slice::from_ref(&first),
            ReviewStatus::Rejected,
            "bob",
            "not in Mali",
        )
        .unwrap();
    }
    let mut ws = Workspace::open(&path).unwrap();
    let book = ws.review_book().unwrap();
    let r = book.of(std::slice::from_ref(&first)).unwrap();
    assert_eq!(
        (r.status, r.reviewer.as_str(), r.reason.as_str()),
        (ReviewStatus::Rejected, "bob", "not in Mali")
    );
    assert!(!r.at.is_empty());
    assert_eq!(ws.reviews().unwrap().len(), 3, "history kept");
    // An event's status is its latest member decision; an unknown key is unreviewed.
    assert_eq!(
        book.status(&[second.clone(), first.clone()]),
        ReviewStatus::Rejected
    );
    let other = IncidentKey::Manual { correction_id: 99 };
    assert_eq!(book.status(&[other]), ReviewStatus::Unreviewed);
    // Re-extraction with a widened toll span keeps the review.
    let (a2, mut again) = batch_a();
    let wider = span(TEXT_A, "ont tué 14 civils");
    again[0].evidence[1] = Evidence::new("fatalities", TEXT_A, wider);
    ws.ingest(&[(a2.clone(), again.clone())], "v2").unwrap();
    let moved = IncidentKey::of(&a2.hash, &again[0]);
    assert_ne!(moved, first);
    assert_eq!(
        ws.review_book().unwrap().status(&[moved]),
        ReviewStatus::Rejected
    );
}
