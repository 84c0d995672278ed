//! The analyst's review of incidents: accepted, rejected (with a reason) or back to
//! unreviewed, with who decided and when. Reviews are keyed to the same stable identity as
//! corrections ([`IncidentKey`]) and, like them, follow an incident through re-extraction by
//! evidence overlap. The `reviews` table is append-only: the latest row of an incident is its
//! state. Not here: the order in which incidents are reviewed (the doubt score, in
//! `analysis::doubt`) or any change to the incident's values (that is a correction).

use std::collections::HashMap;

use rusqlite::params;

use super::corrections::{IncidentKey, resolve};
use super::{StoreError, Workspace, now_rfc3339};

/// Where an incident stands in the analyst's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ReviewStatus {
    #[default]
    Unreviewed,
    Accepted,
    Rejected,
}

impl ReviewStatus {
    /// The name stored in the workspace and written in the CSV's `review_status` column.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Unreviewed => "unreviewed",
            ReviewStatus::Accepted => "accepted",
            ReviewStatus::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "unreviewed" => Some(ReviewStatus::Unreviewed),
            "accepted" => Some(ReviewStatus::Accepted),
            "rejected" => Some(ReviewStatus::Rejected),
            _ => None,
        }
    }

    /// Accepted or rejected: the analyst has looked at it.
    pub fn is_decided(self) -> bool {
        self != ReviewStatus::Unreviewed
    }
}

/// One review decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub status: ReviewStatus,
    pub reviewer: String,
    /// RFC 3339, UTC.
    pub at: String,
    pub reason: String,
    /// Row id: later decisions have larger ids.
    pub id: i64,
}

/// The latest review of every reviewed incident, to look up events' members.
#[derive(Debug, Clone, Default)]
pub struct ReviewBook {
    exact: HashMap<IncidentKey, Review>,
    /// Per article: the reviewed keys, to follow an incident through re-extraction.
    by_article: HashMap<String, Vec<IncidentKey>>,
}

impl ReviewBook {
    /// The review of one incident: its exact key, else a reviewed key of the same article
    /// whose evidence overlaps most of it (as corrections are re-applied).
    pub fn of_incident(&self, key: &IncidentKey) -> Option<&Review> {
        if let Some(r) = self.exact.get(key) {
            return Some(r);
        }
        let reviewed = self.by_article.get(key.article_hash()?)?;
        reviewed
            .iter()
            .filter(|k| resolve(k, [(0, key)]).is_some())
            .filter_map(|k| self.exact.get(k))
            .max_by_key(|r| r.id)
    }

    /// The review of an event: the latest decision about any of its members (the app reviews
    /// an event by reviewing all its members at once).
    pub fn of(&self, members: &[IncidentKey]) -> Option<&Review> {
        members
            .iter()
            .filter_map(|k| self.of_incident(k))
            .max_by_key(|r| r.id)
    }

    /// The status of an event (unreviewed when no member was reviewed).
    pub fn status(&self, members: &[IncidentKey]) -> ReviewStatus {
        self.of(members)
            .map_or(ReviewStatus::Unreviewed, |r| r.status)
    }
}

impl Workspace {
    /// Records one decision about the incidents `keys` (an event's members), in one
    /// transaction.
    pub fn review(
        &mut self,
        keys: &[IncidentKey],
        status: ReviewStatus,
        reviewer: &str,
        reason: &str,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| super::sql(e, &path))?;
        let at = now_rfc3339();
        for key in keys {
            tx.execute(
                "INSERT INTO reviews (created_at, article_hash, target, status, reviewer, reason) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    at,
                    key.article_hash(),
                    serde_json::to_string(key)?,
                    status.as_str(),
                    reviewer,
                    reason
                ],
            )
            .map_err(|e| super::sql(e, &path))?;
        }
        tx.commit().map_err(|e| super::sql(e, &path))?;
        Ok(())
    }

    /// Every review decision, oldest first.
    pub fn reviews(&self) -> Result<Vec<(IncidentKey, Review)>, StoreError> {
        /// `id, created_at, target, status, reviewer, reason`.
        type ReviewRow = (i64, String, String, String, String, String);
        let mut out = Vec::new();
        self.for_each_row(
            "SELECT id, created_at, target, status, reviewer, reason FROM reviews ORDER BY id",
            |(id, at, target, status, reviewer, reason): ReviewRow| {
                out.push((
                    serde_json::from_str(&target)?,
                    Review {
                        // The CHECK constraint admits only the three names.
                        status: ReviewStatus::parse(&status).unwrap_or_default(),
                        reviewer,
                        at,
                        reason,
                        id,
                    },
                ));
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// The latest review of every reviewed incident.
    pub fn review_book(&self) -> Result<ReviewBook, StoreError> {
        let mut book = ReviewBook::default();
        for (key, review) in self.reviews()? {
            if let Some(h) = key.article_hash()
                && !book.exact.contains_key(&key)
            {
                book.by_article
                    .entry(h.to_string())
                    .or_default()
                    .push(key.clone());
            }
            book.exact.insert(key, review);
        }
        Ok(book)
    }
}
