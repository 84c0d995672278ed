//! A workspace as the app and the exports see it: its articles rebuilt from the stored text,
//! and one incident per merged event, corrections applied.
//!
//! Not here: writing to the workspace (`ingest`) or drawing (`ui`).

use crate::corpus::Article;
use crate::incident::Incident;

/// A workspace as the app and the exports see it.
#[derive(Debug, Default)]
pub struct WorkspaceView {
    pub articles: Vec<Article>,
    /// One incident per merged event, with the index of its representative article.
    pub incidents: Vec<(usize, Incident)>,
    /// The stored incidents each event merges (where the analyst's corrections go).
    pub keys: Vec<Vec<crate::store::IncidentKey>>,
}

/// A workspace as the app and the exports see it: its articles, and one incident per merged
/// event (analysts' corrections applied, rejected incidents left out), each with the index of
/// its representative article.
pub fn workspace_view(
    ws: &crate::store::Workspace,
) -> Result<WorkspaceView, crate::store::StoreError> {
    use rayon::prelude::*;
    // Headers and sentences are found again from the text, on every core.
    let articles: Vec<Article> = ws
        .article_texts()?
        .into_par_iter()
        .map(|(hash, source, text)| {
            let mut article = crate::corpus::article_from_text(&source, text);
            article.hash = hash;
            article
        })
        .collect();
    let by_source: std::collections::HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.source.as_str(), i))
        .collect();
    let mut incidents = Vec::new();
    let mut keys = Vec::new();
    for (record, members) in workspace_events(ws)? {
        if let Some(&idx) = by_source.get(record.article.as_str()) {
            incidents.push((idx, record));
            keys.push(members);
        }
    }
    Ok(WorkspaceView {
        articles,
        incidents,
        keys,
    })
}

/// The workspace's merged events (corrections applied, rejected incidents left out), each
/// with the stored incidents it merges; without the articles, for exports.
pub fn workspace_events(
    ws: &crate::store::Workspace,
) -> Result<Vec<(Incident, Vec<crate::store::IncidentKey>)>, crate::store::StoreError> {
    let stored = ws.incidents()?;
    Ok(ws
        .events_of(&stored)?
        .into_iter()
        .map(|e| (e.record, e.members))
        .collect())
}
