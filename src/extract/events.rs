//! ACLED event and sub-event types from an incident's cues and tolls.
//!
//! The order of the rules is the documented one in data/lexicon/events.toml: remote violence,
//! territory taken, two armed sides, violence against civilians, protests and riots, looting.

use crate::extract::lexicon::{EventCue, Outcome};
use crate::incident::{Category, EventType};

/// What an incident's sentences say, reduced to what typing needs.
#[derive(Debug, Default, Clone)]
pub struct EventEvidence {
    pub cues: Vec<EventCue>,
    /// (outcome, category) pairs with a toll > 0.
    pub victims: Vec<(Outcome, Category)>,
    /// True when a state force is among the actors.
    pub state_actor: bool,
    /// True when a non-state armed group is among the actors.
    pub armed_group: bool,
}

impl EventEvidence {
    fn has(&self, c: EventCue) -> bool {
        self.cues.contains(&c)
    }

    fn killed(&self, cat: Category) -> bool {
        self.victims.contains(&(Outcome::Killed, cat))
    }
}

/// The event type and ACLED sub-event type.
pub fn classify(e: &EventEvidence) -> (EventType, &'static str) {
    use EventCue::*;
    if e.has(Suicide) {
        return (EventType::RemoteViolence, "Suicide bomb");
    }
    if e.has(AirStrike) {
        return (EventType::RemoteViolence, "Air/drone strike");
    }
    if e.has(Ied) {
        return (EventType::RemoteViolence, "Remote explosive/landmine/IED");
    }
    if e.has(Shelling) {
        return (
            EventType::RemoteViolence,
            "Shelling/artillery/missile attack",
        );
    }
    if e.has(Territory) {
        return (EventType::Battles, "Non-state actor overtakes territory");
    }
    let armed_dead = [
        Category::Soldiers,
        Category::Peacekeepers,
        Category::Mercenaries,
    ]
    .into_iter()
    .any(|c| e.killed(c));
    let militant_dead = e.killed(Category::Militants);
    let civilian_dead = e.killed(Category::Civilians);
    let two_sides = e.has(Clash)
        || (armed_dead && militant_dead)
        || (e.has(MilitaryTarget) && (e.has(Attack) || armed_dead))
        || (armed_dead && !civilian_dead);
    if two_sides {
        return (EventType::Battles, "Armed clash");
    }
    if e.has(Massacre) || civilian_dead {
        return (EventType::ViolenceAgainstCivilians, "Attack");
    }
    let abducted = e.victims.iter().any(|(o, _)| *o == Outcome::Captured);
    if e.has(Abduction) || (abducted && !e.victims.iter().any(|(o, _)| *o == Outcome::Killed)) {
        return (
            EventType::ViolenceAgainstCivilians,
            "Abduction/forced disappearance",
        );
    }
    if e.has(Riot) {
        return (EventType::Riots, "Violent demonstration");
    }
    if e.has(Protest) {
        return (EventType::Protests, "Peaceful protest");
    }
    if e.has(Attack) {
        if militant_dead || (e.state_actor && e.armed_group) {
            return (EventType::Battles, "Armed clash");
        }
        return (EventType::ViolenceAgainstCivilians, "Attack");
    }
    // "Un chef des chasseurs a été égorgé": a killing told with no word of attack.
    if militant_dead {
        return (EventType::Battles, "Armed clash");
    }
    if e.killed(Category::Unknown) {
        return (EventType::ViolenceAgainstCivilians, "Attack");
    }
    if e.has(Looting) {
        return (
            EventType::StrategicDevelopments,
            "Looting/property destruction",
        );
    }
    if e.has(Blockade) {
        return (EventType::StrategicDevelopments, "Change to group/activity");
    }
    (EventType::StrategicDevelopments, "Other")
}

#[cfg(test)]
mod tests {
    use super::*;
    use EventCue::*;

    fn ev(cues: &[EventCue], victims: &[(Outcome, Category)]) -> EventEvidence {
        EventEvidence {
            cues: cues.to_vec(),
            victims: victims.to_vec(),
            ..Default::default()
        }
    }

    #[test]
    fn remote_violence_wins() {
        let e = ev(&[Attack, Ied], &[(Outcome::Killed, Category::Soldiers)]);
        assert_eq!(classify(&e).1, "Remote explosive/landmine/IED");
        assert_eq!(
            classify(&ev(&[AirStrike], &[])).0,
            EventType::RemoteViolence
        );
    }

    #[test]
    fn soldiers_and_militants_dead_is_a_battle() {
        let e = ev(
            &[Attack],
            &[
                (Outcome::Killed, Category::Soldiers),
                (Outcome::Killed, Category::Militants),
            ],
        );
        assert_eq!(classify(&e), (EventType::Battles, "Armed clash"));
    }

    #[test]
    fn civilians_only_is_violence_against_civilians() {
        let e = ev(&[Attack], &[(Outcome::Killed, Category::Civilians)]);
        assert_eq!(
            classify(&e),
            (EventType::ViolenceAgainstCivilians, "Attack")
        );
    }

    #[test]
    fn a_killing_told_without_an_attack_word_is_no_strategic_development() {
        let e = ev(&[], &[(Outcome::Killed, Category::Unknown)]);
        assert_eq!(
            classify(&e),
            (EventType::ViolenceAgainstCivilians, "Attack")
        );
        let e = ev(&[], &[(Outcome::Killed, Category::Militants)]);
        assert_eq!(classify(&e), (EventType::Battles, "Armed clash"));
    }

    #[test]
    fn abduction_without_deaths() {
        let e = ev(&[], &[(Outcome::Captured, Category::Civilians)]);
        assert_eq!(classify(&e).1, "Abduction/forced disappearance");
    }

    #[test]
    fn territory_and_looting() {
        assert_eq!(
            classify(&ev(&[Territory, Clash], &[])).1,
            "Non-state actor overtakes territory"
        );
        assert_eq!(
            classify(&ev(&[Looting], &[])).0,
            EventType::StrategicDevelopments
        );
        assert_eq!(classify(&ev(&[Protest], &[])).0, EventType::Protests);
    }
}
