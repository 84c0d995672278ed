//! The ACLED export CSV (acleddata.com "Data Export Tool" or API `.csv`).
//!
//! Columns read, by name: `event_id_cnty, event_date, time_precision, event_type,
//! sub_event_type, actor1, actor2, admin1, admin2, location, latitude, longitude,
//! geo_precision, source, notes, fatalities`, and to keep Mali's rows, `country` and/or `iso`
//! (ISO 3166 numeric: Mali is 466). A row is Mali's when `country` is "Mali" (case ignored)
//! or `iso` is 466. Every other column is kept in [`ReferenceEvent::attributes`].
//! Not here: matching (see [`super::matching`]).

use std::path::Path;

use super::{
    Header, ReadError, ReadReport, ReferenceEvent, Row, RowError, Source, csv_reader,
    event_type_named, read_rows,
};
use crate::incident::TollRange;

const DATASET: &str = "an ACLED export";

/// ISO 3166-1 numeric code of Mali, ACLED's `iso` column.
pub const MALI_ISO: u32 = 466;

/// The columns this reader needs, in the order of [`Columns`].
pub const COLUMNS: [&str; 16] = [
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
];

/// Reads an ACLED CSV held in memory; `path` names the file in errors.
pub fn read(path: &Path, bytes: &[u8]) -> Result<ReadReport, ReadError> {
    let mut reader = csv_reader(bytes);
    let header = Header::new(reader.headers().map_err(|e| ReadError::Header {
        path: path.to_path_buf(),
        source: e,
    })?);
    let mut at = [0usize; COLUMNS.len()];
    for (slot, column) in at.iter_mut().zip(COLUMNS) {
        *slot = header.require(column, path, DATASET)?;
    }
    let country = header.index("country");
    let iso = header.index("iso");
    if country.is_none() && iso.is_none() {
        return Err(ReadError::NoCountryColumn {
            path: path.to_path_buf(),
            dataset: DATASET,
            wanted: "country, iso",
        });
    }
    let mut used = at.to_vec();
    used.extend(country);
    used.extend(iso);

    Ok(read_rows(
        path,
        reader,
        &header,
        &used,
        |row| {
            country.is_some_and(|c| row.text(c).eq_ignore_ascii_case("Mali"))
                || iso.is_some_and(|i| row.text(i).parse::<u32>() == Ok(MALI_ISO))
        },
        |row| event(row, &at),
    ))
}

fn event(row: &Row, at: &[usize; COLUMNS.len()]) -> Result<ReferenceEvent, RowError> {
    let [
        id,
        date,
        time_precision,
        event_type,
        sub_event_type,
        actor1,
        actor2,
        admin1,
        admin2,
        location,
        latitude,
        longitude,
        geo_precision,
        source,
        notes,
        fatalities,
    ] = *at;
    let date = row.date(date, "event_date")?;
    let type_name = row.required(event_type, "event_type")?;
    let (lat, lon) = row.point(latitude, longitude)?;
    let deaths = row.count(fatalities, "fatalities")?;
    Ok(ReferenceEvent {
        source: Source::Acled,
        id: row.required(id, "event_id_cnty")?.to_string(),
        line: row.line,
        date_start: date,
        date_end: date,
        date_precision: row.code(time_precision, "time_precision", 1..=3, "1, 2 or 3")?,
        event_type: Some(
            event_type_named(type_name).ok_or_else(|| {
                row.bad("event_type", type_name, "one of ACLED's six event types")
            })?,
        ),
        sub_event_type: row.text(sub_event_type).to_string(),
        actors: [row.text(actor1).to_string(), row.text(actor2).to_string()],
        admin1: row.text(admin1).to_string(),
        admin2: row.text(admin2).to_string(),
        place: row.text(location).to_string(),
        lat,
        lon,
        geo_precision: row.code(geo_precision, "geo_precision", 1..=3, "1, 2 or 3")?,
        fatalities: TollRange {
            low: deaths,
            best: deaths,
            high: deaths,
        },
        source_text: row.text(source).to_string(),
        notes: row.text(notes).to_string(),
        attributes: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities,country,iso\n";

    fn read_text(rows: &str) -> ReadReport {
        read(Path::new("t.csv"), format!("{HEADER}{rows}").as_bytes()).unwrap()
    }

    #[test]
    fn reads_a_mali_row_by_column_name_and_keeps_the_rest() {
        let r = read_text(
            "MLI1,2023-03-04,2023,1,Battles,Armed clash,A,B,Mopti,Djenne,Sofara,14.01,-4.24,1,Src,N,7,Mali,466\n",
        );
        assert_eq!(r.row_errors, []);
        let e = &r.events[0];
        assert_eq!(e.id, "MLI1");
        assert_eq!(e.line, 2);
        assert_eq!(e.fatalities.best, 7);
        assert_eq!(e.attributes.get("year").map(String::as_str), Some("2023"));
        assert!(!e.attributes.contains_key("country"));
    }

    #[test]
    fn other_countries_are_counted_and_bad_rows_reported_by_line() {
        let r = read_text(concat!(
            "BFO1,2023-03-04,2023,1,Battles,Armed clash,A,B,Sahel,Soum,Djibo,14.1,-1.6,1,S,N,3,Burkina Faso,854\n",
            "MLI2,4 March 2023,2023,1,Riots,Mob violence,A,B,Kayes,Kayes,Kayes,14.4,-11.4,1,S,N,x,Mali,466\n",
            "MLI3,2023-03-05,2023,1,Battles\n",
            "MLI4,5 March 2023,2023,2,Protests,Peaceful protest,A,,Bamako,Bamako,Bamako,12.6,-8.0,1,S,N,0,,466\n",
        ));
        assert_eq!(r.skipped_other_country, 1);
        let lines: Vec<u64> = r.row_errors.iter().map(RowError::line).collect();
        assert_eq!(lines, [3, 4]);
        assert!(
            r.row_errors[0]
                .to_string()
                .contains("t.csv:3: column fatalities")
        );
        assert_eq!(r.events.len(), 1);
        assert_eq!(r.events[0].date_start.to_string(), "2023-03-05");
    }

    #[test]
    fn a_file_without_a_needed_column_is_refused_by_name() {
        let e = read(Path::new("x.csv"), b"event_id_cnty,event_date\n").unwrap_err();
        assert!(
            e.to_string()
                .contains("x.csv: no column \"time_precision\""),
            "{e}"
        );
    }
}
