//! Article → geocoded incidents: the extractor then the geocoder, as the CLI, the app and the
//! tests all run them. Holds no state of its own.

use std::path::Path;

use crate::corpus::Article;
use crate::extract::extract;
use crate::geocode::Geocoder;
use crate::geocode::install::{data_dir, load_installed_or_fallback};
use crate::incident::Incident;

/// Incidents of one article, geocoded.
pub fn incidents(article: &Article, geocoder: &Geocoder) -> Vec<Incident> {
    let extraction = extract(article);
    geocoder.geocode(article, &extraction)
}

/// The geocoder over the gazetteer at `path` (ML.txt, ML.zip, a folder or an installed data
/// dir), else the installed one, else the embedded fallback.
pub fn geocoder(
    path: Option<&Path>,
) -> Result<Geocoder, crate::geocode::gazetteer::GazetteerError> {
    let gazetteer = match path {
        Some(p) => crate::geocode::gazetteer::Gazetteer::from_path(p)?,
        None => load_installed_or_fallback(data_dir().as_deref()),
    };
    Ok(Geocoder::new(gazetteer))
}
