//! The UCDP Georeferenced Event Dataset (GED) CSV, as UCDP publishes it (CC BY 4.0).
//!
//! Columns read, by name (UCDP GED codebook): `id, date_start, date_end, date_prec,
//! where_prec, where_description, adm_1, adm_2, latitude, longitude, side_a, side_b,
//! deaths_a, deaths_b, deaths_civilians, deaths_unknown, best, low, high, source_headline,
//! source_article`; to keep Mali's rows, `country` (the name, "Mali") and/or `country_id`
//! (a Gleditsch–Ward number, not ISO: Mali is 432); `type_of_violence` when present (1
//! state-based, 2 non-state, 3 one-sided). Every other column is kept in
//! [`ReferenceEvent::attributes`]; the four `deaths_*` columns are kept there too, by name.
//! Not here: matching (see [`super::matching`]).

use std::path::Path;

use super::{
    Header, ReadError, ReadReport, ReferenceEvent, Row, RowError, Source, csv_reader, read_rows,
};
use crate::incident::{EventType, TollRange};

const DATASET: &str = "a UCDP GED";

/// Gleditsch–Ward number of Mali, GED's `country_id`.
pub const MALI_GW: u32 = 432;

/// The columns this reader needs, in the order of [`COLUMNS`]'s use below.
pub const COLUMNS: [&str; 21] = [
    "id",
    "date_start",
    "date_end",
    "date_prec",
    "where_prec",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "side_a",
    "side_b",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "low",
    "high",
    "source_headline",
    "source_article",
];

/// Reads a GED CSV held in memory; `path` names the file in errors.
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
    let country_id = header.index("country_id");
    if country.is_none() && country_id.is_none() {
        return Err(ReadError::NoCountryColumn {
            path: path.to_path_buf(),
            dataset: DATASET,
            wanted: "country, country_id",
        });
    }
    let type_of_violence = header.index("type_of_violence");
    // The deaths_* columns stay in the attributes: the drill-down shows them.
    let mut used: Vec<usize> = at
        .iter()
        .zip(COLUMNS)
        .filter(|(_, c)| !c.starts_with("deaths_"))
        .map(|(i, _)| *i)
        .collect();
    used.extend(country);
    used.extend(country_id);

    Ok(read_rows(
        path,
        reader,
        &header,
        &used,
        |row| {
            country.is_some_and(|c| row.text(c).eq_ignore_ascii_case("Mali"))
                || country_id.is_some_and(|i| row.text(i).parse::<u32>() == Ok(MALI_GW))
        },
        |row| event(row, &at, type_of_violence),
    ))
}

fn event(
    row: &Row,
    at: &[usize; COLUMNS.len()],
    type_of_violence: Option<usize>,
) -> Result<ReferenceEvent, RowError> {
    let [
        id,
        date_start,
        date_end,
        date_prec,
        where_prec,
        where_description,
        adm_1,
        adm_2,
        latitude,
        longitude,
        side_a,
        side_b,
        _deaths_a,
        _deaths_b,
        _deaths_civilians,
        _deaths_unknown,
        best,
        low,
        high,
        source_headline,
        source_article,
    ] = *at;
    let start = row.date(date_start, "date_start")?;
    let end = row.date(date_end, "date_end")?;
    if end < start {
        return Err(row.bad("date_end", row.text(date_end), "on or after date_start"));
    }
    let (lat, lon) = row.point(latitude, longitude)?;
    let fatalities = TollRange {
        low: row.count(low, "low")?,
        best: row.count(best, "best")?,
        high: row.count(high, "high")?,
    };
    if !(fatalities.low <= fatalities.best && fatalities.best <= fatalities.high) {
        return Err(row.bad("best", row.text(best), "between low and high"));
    }
    let event_type = match type_of_violence.map(|i| row.text(i)) {
        None | Some("") => None,
        Some("1" | "2") => Some(EventType::Battles),
        Some("3") => Some(EventType::ViolenceAgainstCivilians),
        Some(other) => return Err(row.bad("type_of_violence", other, "1, 2 or 3")),
    };
    Ok(ReferenceEvent {
        source: Source::Ged,
        id: row.required(id, "id")?.to_string(),
        line: row.line,
        date_start: start,
        date_end: end,
        date_precision: row.code(date_prec, "date_prec", 1..=5, "1 to 5")?,
        event_type,
        sub_event_type: String::new(),
        actors: [row.text(side_a).to_string(), row.text(side_b).to_string()],
        admin1: row.text(adm_1).to_string(),
        admin2: row.text(adm_2).to_string(),
        place: row.text(where_description).to_string(),
        lat,
        lon,
        geo_precision: row.code(where_prec, "where_prec", 1..=7, "1 to 7")?,
        fatalities,
        source_text: row.text(source_headline).to_string(),
        notes: row.text(source_article).to_string(),
        attributes: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,year,type_of_violence,side_a,side_b,source_article,source_headline,where_prec,where_description,adm_1,adm_2,latitude,longitude,country,country_id,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low\n";

    fn read_text(rows: &str) -> ReadReport {
        read(Path::new("g.csv"), format!("{HEADER}{rows}").as_bytes()).unwrap()
    }

    #[test]
    fn reads_columns_by_name_in_any_order() {
        let r = read_text(
            "9001,2022,3,JNIM,Civilians,Art,Head,1,Village X,Mopti region,Bankass cercle,13.7,-3.6,Mali,432,1,2022-06-18 00:00:00.000,2022-06-19 00:00:00.000,0,0,100,0,100,140,90\n",
        );
        assert_eq!(r.row_errors, []);
        let e = &r.events[0];
        assert_eq!(e.event_type, Some(EventType::ViolenceAgainstCivilians));
        assert_eq!(
            (e.fatalities.low, e.fatalities.best, e.fatalities.high),
            (90, 100, 140)
        );
        assert_eq!(e.date_end.to_string(), "2022-06-19");
        assert_eq!(
            e.attributes.get("deaths_civilians").map(String::as_str),
            Some("100")
        );
        assert!(!e.attributes.contains_key("best"));
    }

    #[test]
    fn keeps_mali_by_gleditsch_ward_number_and_reports_bad_rows() {
        let r = read_text(concat!(
            "1,2022,1,A,B,,,1,P,R,C,14.0,-1.5,Burkina Faso,439,1,2022-01-01,2022-01-01,1,0,0,0,1,1,1\n",
            "2,2022,1,A,B,,,1,P,R,C,14.0,-3.5,,432,1,2022-01-01,2022-01-01,1,0,0,0,1,1,1\n",
            "3,2022,1,A,B,,,9,P,R,C,14.0,-3.5,Mali,432,1,2022-01-01,2022-01-01,1,0,0,0,1,1,1\n",
            "4,2022,1,A,B,,,1,P,R,C,14.0,-3.5,Mali,432,1,2022-01-02,2022-01-01,1,0,0,0,1,1,1\n",
        ));
        assert_eq!(r.skipped_other_country, 1);
        assert_eq!(
            r.events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            ["2"]
        );
        let lines: Vec<u64> = r.row_errors.iter().map(RowError::line).collect();
        assert_eq!(lines, [4, 5]);
        assert!(r.row_errors[0].to_string().contains("where_prec"));
    }

    #[test]
    fn a_file_without_any_country_column_is_refused() {
        let header: Vec<&str> = COLUMNS.to_vec();
        let e = read(
            Path::new("g.csv"),
            format!("{}\n", header.join(",")).as_bytes(),
        )
        .unwrap_err();
        assert!(matches!(e, ReadError::NoCountryColumn { .. }), "{e}");
    }
}
