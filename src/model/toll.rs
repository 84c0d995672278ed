//! Casualty figures as UCDP GED codes them: low, best, high.
//!
//! Not here: reading figures from text (`extract::numbers`) or choosing among them
//! (`extract::tolls`).

/// A casualty figure as UCDP GED codes it: a conservative low, a best estimate and a high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TollRange {
    pub low: u32,
    pub best: u32,
    pub high: u32,
}

impl TollRange {
    /// A figure known exactly.
    pub fn exact(n: u32) -> Self {
        Self {
            low: n,
            best: n,
            high: n,
        }
    }

    /// Field-wise sum, saturating at `u32::MAX`.
    #[allow(clippy::should_implement_trait)] // the name is the module's contract; not `+`, as it saturates
    pub fn add(self, other: Self) -> Self {
        Self {
            low: self.low.saturating_add(other.low),
            best: self.best.saturating_add(other.best),
            high: self.high.saturating_add(other.high),
        }
    }
}
