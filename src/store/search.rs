//! Full-text search over article text and titles (SQLite FTS5, `unicode61 remove_diacritics 2`
//! tokenizer: case and accents folded, so "segou" finds "Ségou" and "SEGOU"; ligatures œ/æ
//! are spelled out on both sides). The analyst's words are never passed to FTS5 as query
//! syntax: each word becomes a quoted term, all terms required, `word*` a prefix.
//! Not here: ranking beyond FTS5's bm25, or search over incidents' fields.

use super::{StoreError, Workspace};

/// One matching article.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub article_hash: String,
    pub source: String,
    pub title: String,
    /// A few words around the matches, matches between `[` and `]`.
    pub snippet: String,
    /// bm25 rank (lower is better).
    pub rank: f64,
}

/// Spells out the ligatures the unicode61 tokenizer does not fold, as the one folding table
/// does ([`crate::text::fold_char`]: œ → oe, æ → ae, ß → ss); case is left to the tokenizer.
pub(super) fn fold_ligatures(text: &str) -> std::borrow::Cow<'_, str> {
    use crate::text::{Folding, fold_char};
    let ligature = |c: char| match fold_char(c) {
        Folding::Two(a, b) if !c.is_ascii() => Some((a, b)),
        _ => None,
    };
    if !text.chars().any(|c| ligature(c).is_some()) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match ligature(c) {
            Some((a, b)) => {
                out.push(a);
                out.push(b);
            }
            None => out.push(c),
        }
    }
    out.into()
}

/// The analyst's query as a safe FTS5 expression; `None` when it has no words.
pub fn fts_query(query: &str) -> Option<String> {
    let folded = fold_ligatures(query);
    let mut terms = Vec::new();
    for raw in folded.split_whitespace() {
        let prefix = raw.ends_with('*');
        // Split on everything the tokenizer treats as a separator (apostrophes, hyphens, …).
        let words: Vec<&str> = raw
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let last = words.len().saturating_sub(1);
        for (n, w) in words.iter().enumerate() {
            let star = if prefix && n == last { "*" } else { "" };
            terms.push(format!("\"{w}\"{star}"));
        }
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

impl Workspace {
    /// Articles matching every word of `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let Some(q) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        // Rank first, then snippets for the few hits only: snippet() over every match of a
        // common word costs more than the ranking itself.
        let top: Vec<(i64, f64)> = {
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?1 \
                     ORDER BY rank LIMIT ?2",
                )
                .map_err(|e| self.classify(e))?;
            st.query_map(rusqlite::params![q, limit], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(|e| self.classify(e))?
                .collect::<Result<_, _>>()
                .map_err(|e| self.classify(e))?
        };
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT a.hash, a.path, f.title, \
                        snippet(articles_fts, 1, '[', ']', '…', 12) \
                 FROM articles_fts f JOIN articles a ON a.id = f.rowid \
                 WHERE articles_fts MATCH ?1 AND f.rowid = ?2",
            )
            .map_err(|e| self.classify(e))?;
        let mut hits = Vec::with_capacity(top.len());
        for (rowid, rank) in top {
            let hit = st.query_row(rusqlite::params![q, rowid], |r| {
                Ok(SearchHit {
                    article_hash: r.get(0)?,
                    source: r.get(1)?,
                    title: r.get(2)?,
                    snippet: r.get(3)?,
                    rank,
                })
            });
            match hit {
                Ok(h) => hits.push(h),
                Err(rusqlite::Error::QueryReturnedNoRows) => {}
                Err(e) => return Err(self.classify(e)),
            }
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_quoted_terms() {
        assert_eq!(fts_query("  "), None);
        assert_eq!(
            fts_query("Ségou attaque"),
            Some("\"Ségou\" \"attaque\"".into())
        );
        assert_eq!(
            fts_query("l'armée NEAR(x) OR \"y"),
            Some("\"l\" \"armée\" \"NEAR\" \"x\" \"OR\" \"y\"".into())
        );
        assert_eq!(fts_query("djihad*"), Some("\"djihad\"*".into()));
        assert_eq!(fts_query("cœur"), Some("\"coeur\"".into()));
    }
}
