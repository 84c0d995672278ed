//! UI strings in French and English. Keys are short English identifiers; an unknown key shows
//! itself, so a missing translation is visible rather than fatal.

use crate::ui::state::Lang;

const STRINGS: &[(&str, &str, &str)] = &[
    ("filters", "Filtres", "Filters"),
    ("from", "Du", "From"),
    ("to", "Au", "To"),
    ("event_types", "Types d'événement", "Event types"),
    ("min_deaths", "Morts (minimum)", "Minimum deaths"),
    ("search", "Recherche", "Search"),
    ("actor", "Acteur", "Actor"),
    ("region", "Région", "Region"),
    ("all", "Tous", "All"),
    ("reset", "Réinitialiser", "Reset"),
    ("incidents", "incidents", "incidents"),
    ("articles", "articles", "articles"),
    ("dead", "morts", "dead"),
    ("no_toll", "bilan non communiqué", "toll not given"),
    ("offline", "hors ligne", "offline"),
    ("fit_mali", "Cadrer le Mali", "Fit Mali"),
    ("fit_selection", "Cadrer la sélection", "Fit selection"),
    ("colour_by", "Couleur", "Colour"),
    ("by_event", "par type", "by event type"),
    ("by_perpetrator", "par auteur", "by perpetrator"),
    ("language", "English", "Français"),
    ("theme_dark", "Thème sombre", "Dark theme"),
    ("drilldown", "Détail", "Details"),
    (
        "no_selection",
        "Cliquez un incident sur la carte ou dans le tableau.",
        "Click an incident on the map or in the table.",
    ),
    ("date", "Date", "Date"),
    ("place", "Lieu", "Place"),
    ("toll", "Bilan", "Toll"),
    ("actors", "Acteurs", "Actors"),
    ("event", "Événement", "Event"),
    ("warnings", "Avertissements", "Warnings"),
    ("source", "Source", "Source"),
    (
        "other_incidents",
        "Autres incidents de l'article",
        "Other incidents in the article",
    ),
    ("chart_region", "Morts par région", "Deaths by region"),
    ("chart_month", "Morts par mois", "Deaths by month"),
    ("chart_actor", "Morts par acteur", "Deaths by actor"),
    ("table", "Incidents", "Incidents"),
    ("killed", "Tués", "Killed"),
    ("wounded", "Blessés", "Wounded"),
    ("captured", "Enlevés / capturés", "Captured"),
    ("precision", "Précision", "Precision"),
    (
        "gazetteer_missing",
        "Gazetteer complet absent : lieux résolus avec la liste intégrée (villes principales). Installez-le : mali-atlas data install --from ML.zip",
        "Full gazetteer not installed: places resolved with the built-in list (main towns). Install it: mali-atlas data install --from ML.zip",
    ),
    ("load_errors", "Fichiers illisibles", "Unreadable files"),
    ("about", "À propos", "About"),
    ("export", "Exporter", "Export"),
    ("pane_filters", "Volet filtres", "Filters pane"),
    ("pane_details", "Volet détail", "Details pane"),
    ("pane_charts", "Volet graphiques", "Charts pane"),
    ("prec_locality", "localités seulement", "localities only"),
    ("prec_admin2", "jusqu'au cercle", "down to cercle"),
    ("prec_admin1", "jusqu'à la région", "down to region"),
    ("online", "en ligne (tuiles OSM)", "online (OSM tiles)"),
    (
        "osm_tiles",
        "Tuiles OpenStreetMap (en ligne)",
        "OpenStreetMap tiles (online)",
    ),
    ("tile_file", "Tuiles locales", "Local tiles"),
    (
        "ingesting",
        "Lecture des fichiers déposés…",
        "Reading dropped files…",
    ),
    ("ingested", "Fichiers déposés lus :", "Dropped files read:"),
    ("map_mode", "Carte", "Map"),
    ("markers", "symboles", "markers"),
    ("heatmap", "chaleur", "heatmap"),
    ("choropleth", "choroplèthe", "choropleth"),
    ("by_cercle", "par cercle", "by cercle"),
    ("correct", "Corriger", "Correct"),
    ("corrected", "Correction enregistrée", "Correction saved"),
    ("reason", "Motif", "Reason"),
    ("save", "Enregistrer", "Save"),
    (
        "reject",
        "Rejeter (pas un incident)",
        "Reject (not an incident)",
    ),
    ("need_reason", "Indiquez un motif.", "Give a reason."),
    ("lat_lon", "Point (lat, lon)", "Point (lat, lon)"),
    ("deaths_of", "Morts", "Deaths"),
    (
        "about_text",
        "Incidents violents au Mali extraits d'articles de presse en français. Hors ligne par défaut.",
        "Violent incidents in Mali extracted from French news articles. Offline by default.",
    ),
    (
        "gazetteer_missing_short",
        "Gazetteer complet absent : seules les villes principales sont reconnues.",
        "Full gazetteer not installed: only main towns are recognised.",
    ),
    (
        "embedded_snapshot",
        "GeoNames : instantané intégré du",
        "GeoNames: embedded snapshot of",
    ),
    (
        "install_download",
        "Installer (télécharger GeoNames)",
        "Install (download GeoNames)",
    ),
    ("file", "Fichier :", "File:"),
    (
        "install_from_file",
        "Installer depuis ce fichier",
        "Install from this file",
    ),
    ("exported", "Exporté", "Exported"),
    ("regions", "Régions", "Regions"),
    ("labels", "Noms de villes", "Town labels"),
    ("civilians", "civils", "civilians"),
    ("soldiers", "soldats", "soldiers"),
    ("peacekeepers", "casques bleus", "peacekeepers"),
    ("militants", "combattants", "militants"),
    ("mercenaries", "mercenaires", "mercenaries"),
    ("unknown", "inconnus", "unknown"),
    ("low_high", "fourchette basse–haute", "low–high range"),
    ("no_region", "(sans lieu)", "(no place)"),
    ("review", "Revue", "Review"),
    ("review_mode", "File de revue", "Review queue"),
    ("reviewed_n", "revus", "reviewed"),
    (
        "review_needs_ws",
        "Ouvrez un espace de travail (--workspace) pour enregistrer la revue.",
        "Open a workspace (--workspace) to store the review.",
    ),
    ("rf_all", "tous (hors rejetés)", "all (but rejected)"),
    ("rf_unreviewed", "non revus", "unreviewed"),
    ("rf_reviewed", "acceptés", "accepted"),
    ("rf_rejected", "rejetés", "rejected"),
    ("in_queue", "File :", "Queue:"),
    ("accept_a", "Accepter (a)", "Accept (a)"),
    ("reject_r", "Rejeter (r)", "Reject (r)"),
    ("correct_c", "Corriger (c)", "Correct (c)"),
    ("previous_p", "« (p)", "« (p)"),
    ("next_n", "(n) »", "(n) »"),
    ("reject_reason", "Motif du rejet", "Reason for rejecting"),
    ("confirm_reject", "Rejeter", "Reject"),
    ("cancel", "Annuler", "Cancel"),
    ("doubt", "Doute", "Doubt"),
    ("doubtful", "douteux", "doubtful"),
    ("review_state", "Revue", "Review"),
    ("accepted", "accepté", "accepted"),
    ("rejected", "rejeté", "rejected"),
    ("unreviewed", "non revu", "unreviewed"),
    ("by", "par", "by"),
    ("sources", "Sources côte à côte", "Sources side by side"),
    ("published", "Publié", "Published"),
    (
        "toll_lbh",
        "Bilan bas / meilleur / haut",
        "Toll low / best / high",
    ),
    ("keep_toll", "Retenir ce bilan", "Keep this toll"),
    (
        "keep_toll_hint",
        "Enregistre ce bilan pour tout l'événement (une correction, avec le motif).",
        "Stores this toll for the whole event (a correction, with the reason).",
    ),
    ("split", "Séparer", "Split"),
    ("split_done", "Événement séparé", "Event split"),
    (
        "doubt_weekday",
        "jour de la semaine incohérent",
        "weekday does not match the date",
    ),
    (
        "doubt_publication",
        "date prise de la publication",
        "date taken from publication",
    ),
    ("doubt_outlier", "bilan hors norme", "toll outlier"),
    (
        "doubt_near",
        "lieu : près d'une localité",
        "place: near a town",
    ),
    (
        "doubt_admin2",
        "lieu : cercle seulement",
        "place: cercle only",
    ),
    (
        "doubt_admin1",
        "lieu : région ou pays seulement",
        "place: region or country only",
    ),
    (
        "doubt_fuzzy",
        "lieu reconnu approximativement",
        "place found by a fuzzy match",
    ),
    (
        "doubt_tolls",
        "bilans divergents (bas < haut)",
        "conflicting tolls (low < high)",
    ),
    ("doubt_no_date", "pas de date", "no date"),
    ("doubt_no_place", "pas de lieu au Mali", "no place in Mali"),
    (
        "doubt_unsupported",
        "bilan au-delà des autres nombres de l'article",
        "toll above the article's other numbers",
    ),
];

/// The UI string for `key` in `lang`.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    STRINGS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or(key, |(_, fr, en)| match lang {
            Lang::Fr => fr,
            Lang::En => en,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for (k, fr, en) in STRINGS {
            assert!(!fr.is_empty() && !en.is_empty(), "{k}");
        }
        assert_eq!(t(Lang::Fr, "filters"), "Filtres");
        assert_eq!(t(Lang::En, "filters"), "Filters");
        assert_eq!(t(Lang::En, "no-such-key"), "no-such-key");
    }
}
