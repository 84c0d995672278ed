//! Casualty tolls: a quantity, the victims it counts, and what happened to them.
//!
//! A toll is a [`Quantity`] followed within three words by a victim noun ("132 civils",
//! "plus de 130 personnes", "une vingtaine de captifs") plus an outcome in the same sentence
//! ("tués", "blessés", "enlevés"), either carried by the noun itself ("morts", "otages") or
//! said by a verb after it ("ont été tués") or before it ("tuant 12 villageois").
//! "un soldat tué" counts one. Quantities inside dates are never tolls.
//!
//! Combining several tolls of one incident is [`combine`]'s job; the rule is documented there.

use std::ops::Range;

use crate::corpus::normalize::Folded;
use crate::extract::lexicon::{Cue, Outcome};
use crate::extract::numbers::{Quantity, TollRange};
use crate::incident::Category;

/// A cue mapped back to the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextCue {
    pub cue: Cue,
    pub range: Range<usize>,
}

/// One toll statement found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Toll {
    pub outcome: Outcome,
    pub category: Category,
    pub range: TollRange,
    pub vague: bool,
    /// From the quantity to the victim noun (or to the outcome word when it follows closely).
    pub span: Range<usize>,
    pub sentence: usize,
    pub source: Option<&'static str>,
    /// "plusieurs terroristes", "quelques assaillants": no figure at all, only "more than one".
    pub indefinite: bool,
    /// Where the victim noun ends: "quatre femmes| et deux enfants" joins the next figure.
    pub noun_end: usize,
    /// "… auraient été tués, cela reste à confirmer": said with a doubt by the text itself.
    pub unconfirmed: bool,
    /// "Un précédent bilan faisait état de quatre morts": a figure the text says was revised.
    pub superseded: bool,
    /// "Le bilan s'est alourdi", "ce bilan a évolué : 16 soldats ont péri": a figure the text
    /// says replaces an earlier one.
    pub revises: bool,
    /// "35 morts à Sobane et dix à Gangafani": a figure that takes its noun or verb from the
    /// toll before it, at another place; other victims, so the two add up.
    pub carried: bool,
}

impl Toll {
    /// One dead of `category`, told at `span` (ending at the victim's noun) in sentence
    /// `sentence`, with no figure of its own: "le chef du village a été tué", "il est mort".
    fn one_killed(category: Category, span: Range<usize>, sentence: usize) -> Toll {
        Toll {
            outcome: Outcome::Killed,
            category,
            range: TollRange::exact(1),
            vague: false,
            noun_end: span.end,
            span,
            sentence,
            source: None,
            indefinite: false,
            unconfirmed: false,
            superseded: false,
            revises: false,
            carried: false,
        }
    }
}

/// Singular victim nouns that "un"/"une" turns into a toll of one.
const SINGULAR: &[&str] = &[
    "chef des chasseurs",
    "chef des dozos",
    "soldat",
    "militaire",
    "civil",
    "gendarme",
    "policier",
    "casque bleu",
    "personne",
    "terroriste",
    "jihadiste",
    "djihadiste",
    "assaillant",
    "kamikaze",
    "bandit",
    "combattant",
    "mercenaire",
    "suppletif russe",
    "soldat russe",
    "garde national",
    "enfant",
    "femme",
    "homme",
    "berger",
    "commercant",
    "commercante",
    "boutiquier",
    "vendeur",
    "vendeuse",
    "tailleur",
    "mecanicien",
    "boucher",
    "forgeron",
    "transporteur",
    "marabout",
    "notable",
    "agresseur",
    "ravisseur",
    "voleur",
    "milicien",
    "chasseur",
    "dozo",
    "otage",
    "chef de village",
    "chef du village",
    "chef coutumier",
    "douanier",
    "eleveur",
    "agriculteur",
    "maire",
    "elu",
    "imam",
    "enseignant",
    "civile",
    "passager",
    "officier",
    "habitant",
    "orpailleur",
    "jeune",
    "fillette",
    "garcon",
    "bebe",
    "nourrisson",
    "vieillard",
    "fille",
    "chauffeur",
    "apprenti",
    "conducteur",
    "pecheur",
    "ouvrier",
    "employe",
    "conseiller communal",
    "conseiller",
    "conseiller municipal",
    // "un certain Yaya Traoré" (a capitalised name must follow: see `find_tolls`).
    "certain",
    "agent des douanes",
    "agent de sante",
    "benevole",
    "secouriste",
    "chef de quartier",
    "garde",
    "commandant",
    "capitaine",
    "lieutenant",
    "colonel",
    "sergent",
    "caporal",
    "adjudant",
    "commercante",
    "notable",
    "marabout",
    "chef de poste",
    "element",
    "element terroriste",
    "element jihadiste",
    "element djihadiste",
    "element ennemi",
    // "le bilan est d'un mort", "l'attaque a fait une victime".
    "mort",
    "victime",
];

/// Whether the word after byte `at` starts with a capital letter.
fn next_word_capitalised(text: &str, at: usize) -> bool {
    text[at..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// The largest figure read as one incident's toll. The deadliest single attacks in Mali killed
/// a few hundred; a figure past this next to "morts" is a cumulative count ("100 000 morts
/// depuis 2012") or noise, and summing such figures would overflow the toll's integers.
pub const MAX_INCIDENT_TOLL: u32 = 100_000;

/// Finds every toll. `cues` are sorted by start; `sentences` are ordered, disjoint ranges.
pub fn find_tolls(
    text: &str,
    sentences: &[Range<usize>],
    quantities: &[Quantity],
    cues: &[TextCue],
    date_spans: &[Range<usize>],
) -> Vec<Toll> {
    let mut tolls = Vec::new();
    let mut used_victims: Vec<Range<usize>> = Vec::new();
    for q in quantities {
        if q.range.best > MAX_INCIDENT_TOLL
            || date_spans.iter().any(|d| overlaps(d, &q.span))
            || followed_by_month(text, q.span.end)
            || followed_by_age(text, q.span.end)
            || after_parenthood(text, q.span.start)
        {
            continue;
        }
        let Some(si) = sentence_of(sentences, q.span.start) else {
            continue;
        };
        let sentence = &sentences[si];
        // "tué par deux hommes armés": the agent, not the victims.
        if word_before_is(text, q.span.start, &["par"]) {
            continue;
        }
        let Some(victim) = victim_after(text, cues, q.span.end, sentence.end) else {
            if let Some(t) = tolls
                .last()
                .and_then(|prev| figure_at_another_place(text, cues, prev, q, si))
            {
                tolls.push(t);
            }
            continue;
        };
        if attack_follows(text, cues, victim.range.end, sentence.end) {
            continue;
        }
        if counts_the_displaced(text, q.span.start, victim.range.clone()) {
            continue;
        }
        // "2023 – Douze civils": the noun belongs to the nearer quantity.
        if quantities
            .iter()
            .any(|o| o.span.start >= q.span.end && o.span.start < victim.range.start)
        {
            continue;
        }
        let t = complete(
            text,
            cues,
            si,
            sentence,
            q.span.clone(),
            victim,
            q.range,
            q.vague,
        )
        .or_else(|| {
            let prev = tolls.last()?;
            elided_outcome(text, cues, prev, q, victim, si)
        });
        if let Some(mut t) = t {
            // "tuant quatre bergers à Dioura, puis six civils à Nampala": the verb before both
            // figures counts victims at two places, who add up.
            if let Some(prev) = tolls.last()
                && prev.outcome == t.outcome
                && names_a_place(&text[prev.span.end.min(q.span.start)..q.span.start])
                && names_a_place(clause_after(text, t.noun_end, 40))
                && carries_over(text, cues, prev, q.span.start)
            {
                t.carried = true;
            }
            // "Ils ont tiré sur des civils, tuant une vingtaine d'entre eux": the pronoun's
            // victims are those the clause named before. ("… les passagers, les assaillants ont
            // abattu quatre d'entre eux": not the killers, subject of the verb.)
            let noun = crate::corpus::normalize::fold_key(&text[victim.range.clone()]);
            let kills_before_the_figure = |c: &TextCue| {
                cues.iter().any(|o| {
                    o.cue == Cue::Outcome(Outcome::Killed)
                        && o.range.start >= c.range.end
                        && o.range.end <= q.span.start
                        && kills_as_subject(text, c.range.end, &o.range)
                        && !cues.iter().any(|v| {
                            matches!(v.cue, Cue::Victim(_))
                                && v.range.start >= c.range.end
                                && v.range.end <= o.range.start
                        })
                })
            };
            if (noun.ends_with("entre eux") || noun.ends_with("entre elles"))
                && let Some(category) = cues
                    .iter()
                    .rev()
                    .filter(|c| c.range.start >= sentence.start && c.range.end <= q.span.start)
                    .find_map(|c| match c.cue {
                        Cue::Victim(k) if k != Category::Unknown && !kills_before_the_figure(c) => {
                            Some(k)
                        }
                        _ => None,
                    })
            {
                t.category = category;
            }
            used_victims.push(victim.range.clone());
            if !is_aggregate(text, &t, cues, sentence)
                && !sums_several_attacks(text, sentence)
                && !counts_the_wounded_too(text, &t, sentence)
            {
                tolls.push(t);
            }
        }
    }
    // "un soldat tué", "une femme enlevée".
    for c in cues {
        let Cue::Victim(_) = c.cue else { continue };
        if used_victims.iter().any(|u| overlaps(u, &c.range)) {
            continue;
        }
        // "un élément terroriste": the longer noun says who, not "un élément" inside it.
        let same_start = cues.partition_point(|o| o.range.start < c.range.start);
        if cues[same_start..]
            .iter()
            .take_while(|o| o.range.start == c.range.start)
            .any(|o| matches!(o.cue, Cue::Victim(_)) && o.range.end > c.range.end)
        {
            continue;
        }
        let noun = crate::corpus::normalize::fold_key(&text[c.range.clone()]);
        // "tuant un certain Yaya Traoré": a person named; "un certain nombre" is no one.
        if noun == "certain" && !next_word_capitalised(text, c.range.end) {
            continue;
        }
        // "l'une des victimes" says who one of the dead was, not that one more died.
        let one_of = one_of_the(text, c.range.start)
            .filter(|_| !matches!(c.cue, Cue::Victim(Category::Unknown)));
        if !SINGULAR.contains(&noun.as_str()) && one_of.is_none() {
            continue;
        }
        // "un « civil »": the noun in quotes.
        let Some(mut article) =
            one_of.or_else(|| word_before(text, before_a_quote(text, c.range.start)))
        else {
            continue;
        };
        // "un ancien conseiller", "un autre soldat": one adjective may stand between.
        // "Un quatrième Casque bleu a succombé": an ordinal may bring the toll to its number.
        let mut count = 1;
        let adjective = crate::corpus::normalize::fold_key(&text[article.clone()]);
        if (SINGULAR_ADJECTIVES.contains(&adjective.as_str()) || ordinal(&adjective).is_some())
            && let Some(before) = word_before(text, article.start)
        {
            count = ordinal(&adjective).unwrap_or(1);
            article = before;
        }
        let art = crate::corpus::normalize::fold_key(&text[article.clone()]);
        if art != "un" && art != "une" {
            continue;
        }
        // "selon un conseiller communal", "d'après une habitante", "selon l'un des
        // habitants", "un bilan émanant d'un autre habitant": a source, not a victim.
        if source_before(text, article.start) {
            continue;
        }
        // "L'une des victimes est un enfant": a predicate says who a victim was. Not "c'est un
        // civil qui a été tué", which says who died.
        if word_before_is(
            text,
            article.start,
            &["est", "etait", "fut", "sont", "etaient"],
        ) && !cleft_subject(text, article.start, c.range.end)
        {
            continue;
        }
        // "selon Issa Traoré, un élu local": an apposition to the source's name.
        if apposition_to_a_source(text, article.start) {
            continue;
        }
        let Some(si) = sentence_of(sentences, c.range.start) else {
            continue;
        };
        if speaks(text, article.start, c.range.end, &sentences[si]) {
            continue;
        }
        if let Some(t) = complete(
            text,
            cues,
            si,
            &sentences[si],
            article,
            c,
            TollRange::exact(1),
            false,
        ) {
            // The ordinal counts on from dead told before ("deux gendarmes tués … un troisième a
            // succombé"); after dead only, "un troisième gendarme a été blessé" is one wounded.
            let mut t = t;
            // "un homme et son fils ont été tués": the relative with them shares their fate.
            if count == 1 && relatives_with(text, c.range.end, sentences[si].end) {
                t.range = TollRange::exact(2);
            }
            if count > 1
                && tolls
                    .iter()
                    .any(|o| o.outcome == t.outcome && o.range.best < count)
            {
                t.range = TollRange::exact(count);
            }
            // "Un élu local parle de 11 villageois tués": the outcome belongs to the figure
            // that follows, not to the singular noun.
            // "Un soldat malien et deux mercenaires ont été tués": joined by "et", both count.
            // "a dit un habitant, dont le bilan…", "un élu parlait d'un bilan de 12 morts":
            // "bilan" after a singular introduces a figure, it does not kill the person.
            if crate::corpus::normalize::fold_key(text.get(c.range.end..t.span.end).unwrap_or(""))
                .contains("bilan")
            {
                continue;
            }
            // "Un kamikaze s'est fait exploser, tuant deux soldats": an outcome of its own,
            // told before the later figure, keeps the singular.
            let own_outcome = |o: &Toll| t.span.end > c.range.end && t.span.end <= o.span.start;
            let later_figure = tolls.iter().any(|o: &Toll| {
                o.sentence == si
                    && o.outcome == t.outcome
                    && o.span.start > c.range.end
                    && !joined_by_et(&text[c.range.end..o.span.start])
                    && !listed_before_et(text, c.range.end, o)
                    && !own_outcome(o)
                    && !in_a_recalling_relative(text, &sentences[si], &o.span)
            });
            if !later_figure {
                tolls.push(t);
            }
        }
    }
    restated_with_a_source(text, quantities, cues, sentences, date_spans, &mut tolls);
    definite_singulars_killed(text, cues, sentences, &used_victims, &mut tolls);
    pronoun_killed(text, sentences, &mut tolls);
    named_people_killed(text, sentences, &mut tolls);
    unknown_nouns_killed(
        text,
        sentences,
        quantities,
        cues,
        &crate::extract::lexicon::lexicon().devices,
        &mut tolls,
    );
    revised_to(text, quantities, &mut tolls);
    number_of_victims_is(text, sentences, quantities, cues, &mut tolls);
    wounded_who_died(text, sentences, &mut tolls);
    missing_found_dead(text, sentences, &mut tolls);
    definite_restatements(text, &mut tolls);
    tolls.retain(|t| {
        let sentence = &sentences[t.sentence];
        !in_a_generic_statement(text, sentence, t.span.start)
            && !counts_a_period(text, sentence, t.span.start, date_spans)
            && !replaced(text, t.span.start)
            && !sizes_a_group(text, t.span.start)
            && !denied_next(text, sentences, t.sentence)
    });
    drop_recalled_in_relatives(text, sentences, &mut tolls);
    drop_victims_broken_down(text, &mut tolls);
    revised_the_sentence_before(text, sentences, &mut tolls);
    tolls.sort_by_key(|t| t.span.start);
    others_add_up(text, &mut tolls);
    drop_breakdowns(text, sentences, quantities, date_spans, &mut tolls);
    drop_subsets(text, join_conjuncts(text, tolls))
}

/// "18 civils ont trouvé la mort … Quelque 12 d'entre eux ont été abattus et six autres ont
/// péri dans l'explosion": a later figure that, with a figure of "autres" after it in its
/// sentence, adds up to a toll told a few sentences before breaks that toll down; it is not a
/// new report of the dead, and as the latest statement it would replace the whole by a part.
fn drop_breakdowns(
    text: &str,
    sentences: &[Range<usize>],
    quantities: &[Quantity],
    date_spans: &[Range<usize>],
    tolls: &mut Vec<Toll>,
) {
    let mut drop = Vec::new();
    for (i, t) in tolls.iter().enumerate() {
        if t.carried {
            continue;
        }
        let sentence = &sentences[t.sentence];
        let other_parts: Vec<u32> = quantities
            .iter()
            .filter(|q| {
                q.span.start >= sentence.start
                    && q.span.end <= sentence.end
                    && q.span.start >= t.span.end
                    && !date_spans.iter().any(|d| overlaps(d, &q.span))
                    && next_word(text, q.span.end, 12) == "autres"
                    // "deux soldats tués et quatre autres blessés": others of another outcome.
                    && !tolls
                        .iter()
                        .any(|o| o.outcome != t.outcome && overlaps(&o.span, &q.span))
                    && !matches!(
                        text[q.span.end..]
                            .find("autres")
                            .map(|at| next_word(text, q.span.end + at + "autres".len(), 16))
                            .unwrap_or_default()
                            .as_str(),
                        "blesses" | "blessees" | "blesse" | "enleves" | "disparus"
                        // "tuées à A et dans deux autres localités": places, not dead.
                        | "localites" | "villages" | "communes" | "hameaux" | "sites"
                        | "camps" | "postes" | "attaques" | "cercles" | "regions"
                    )
            })
            .map(|q| q.range.best)
            .collect();
        let whole_before = tolls[..i].iter().any(|o| {
            o.outcome == t.outcome
                && o.sentence < t.sentence
                && o.sentence + 4 >= t.sentence
                && !o.vague
                && !o.indefinite
                && other_parts
                    .iter()
                    .any(|&part| part > 0 && t.range.best + part == o.range.best)
        });
        if whole_before {
            drop.push(i);
        }
    }
    for i in drop.into_iter().rev() {
        tolls.remove(i);
    }
}

/// The folded text of the `bytes` bytes before `at` (fewer at the text's start).
fn folded_before(text: &str, at: usize, bytes: usize) -> String {
    let from = text.floor_char_boundary(at.saturating_sub(bytes));
    crate::corpus::normalize::fold_key(&text[from..at])
}

/// "un groupe composé d'une centaine d'hommes armés", "une colonne forte de 50 véhicules":
/// the figure starting at `at` says how large a group was, not how many died.
fn sizes_a_group(text: &str, at: usize) -> bool {
    let before = folded_before(text, at, 40);
    let before = before
        .strip_suffix(" au moins")
        .or_else(|| before.strip_suffix(" pres de"))
        .or_else(|| before.strip_suffix(" plus de"))
        .or_else(|| before.strip_suffix(" environ"))
        .unwrap_or(&before);
    [
        "compose de",
        "compose d",
        "composee de",
        "composee d",
        "composes de",
        "constitue de",
        "constituee de",
        "fort de",
        "forte de",
        "fort d",
        "forte d",
        // "un pick-up transportant 38 passagers": how many were on board.
        "transportant",
        "transportait",
        "transportaient",
        "qui transporte",
        "avec a son bord",
        "avec a bord",
        "ayant a son bord",
        "ayant a bord",
    ]
    .iter()
    .any(|p| before.ends_with(p))
}

/// "12 morts et des centaines de déplacés", "poussé 300 personnes déplacées vers Macina": a
/// figure of the displaced or refugees (the noun at `noun`, the figure from `at`) counts people
/// who fled, not dead, unless a killing verb is said of them right there ("tuant cinq
/// déplacés", "dix réfugiés ont été tués").
fn counts_the_displaced(text: &str, at: usize, noun: Range<usize>) -> bool {
    const DISPLACED: &[&str] = &[
        "deplaces",
        "deplacees",
        "refugies",
        "refugiees",
        "sinistres",
    ];
    let folded_noun = crate::corpus::normalize::fold_key(&text[noun.clone()]);
    let displaced = DISPLACED.contains(&folded_noun.as_str())
        || DISPLACED.contains(&next_word(text, noun.end, 16).as_str());
    if !displaced {
        return false;
    }
    let killed_before = folded_before(text, at, 16)
        .split(' ')
        .rev()
        .find(|w| !w.is_empty())
        .is_some_and(|w| KILLING_VERBS_BEFORE.contains(&w));
    let after = crate::corpus::normalize::fold_key(clause_after(text, noun.end, 48));
    let killed_after = [
        "ont ete tue",
        "ont ete abattu",
        "ont ete massacre",
        "ont ete execute",
        "ont peri",
        "sont morts",
        "sont mortes",
        "ont perdu la vie",
        "ont trouve la mort",
        "tues",
        "tuees",
    ]
    .iter()
    .any(|v| {
        after
            .trim_start()
            .trim_start_matches("deplacees ")
            .trim_start_matches("deplaces ")
            .starts_with(v)
    });
    !killed_before && !killed_after
}

/// Killing verbs right before a figure: "tuant cinq déplacés", "ont tué dix réfugiés".
const KILLING_VERBS_BEFORE: &[&str] = &[
    "tue",
    "tuant",
    "tuer",
    "tuent",
    "abattu",
    "abattant",
    "massacre",
    "massacrant",
    "execute",
    "executant",
];

/// "c'est un civil qui a été tué": the article at `article` follows "c'est" and the noun
/// ending at `noun_end` is the subject of the relative right after it.
fn cleft_subject(text: &str, article: usize, noun_end: usize) -> bool {
    let before = folded_before(text, article, 12);
    let after = clause_after(text, noun_end, 40);
    (before.ends_with("c est") || before.ends_with("c etait"))
        && crate::corpus::normalize::fold_key(after)
            .split(' ')
            .find(|w| !w.is_empty())
            == Some("qui")
}

/// "au lieu de 8 combattants, c'est un civil qui a été tué", "deux morts et non cinq": the
/// figure starting at `at` is one the text replaces, no toll.
fn replaced(text: &str, at: usize) -> bool {
    let before = folded_before(text, at, 24);
    [
        "au lieu de",
        "au lieu des",
        "au lieu d",
        "et non",
        "non pas",
    ]
    .iter()
    .any(|p| before.ends_with(p))
}

/// "Des sources avaient signalé la mort de deux militaires. Plus tard, cette information a
/// été démentie": the sentence after the toll's (`si`) denies it.
fn denied_next(text: &str, sentences: &[Range<usize>], si: usize) -> bool {
    let Some(next) = sentences.get(si + 1) else {
        return false;
    };
    let next = crate::corpus::normalize::fold_key(&text[next.clone()]);
    next.contains("dementi")
        && [
            "cette information",
            "ce bilan",
            "ce chiffre",
            "cette annonce",
        ]
        .iter()
        .any(|p| next.contains(p))
}

/// "… tuant une dizaine d'enfants. Trois autres personnes ont également trouvé la mort": a
/// figure of "autres" counts victims beyond those of the toll before it, so the two add up
/// (see [`combine`]); "personnes" then are of that toll's side. Not "les trois autres", who
/// are the rest of a group already counted.
fn others_add_up(text: &str, tolls: &mut [Toll]) {
    for i in 0..tolls.len() {
        let t = &tolls[i];
        let quantity_then_others = crate::corpus::normalize::fold_key(&text[t.span.clone()])
            .split(' ')
            .nth(1)
            .is_some_and(|w| w == "autres");
        if !quantity_then_others
            || word_before_is(
                text,
                t.span.start,
                &["les", "des", "ces", "aux", "leurs", "ses"],
            )
        {
            continue;
        }
        // The toll before, in this sentence or the one before. "un parent et six autres
        // hommes": after "et", the others are others than someone of this sentence.
        let from = text.floor_char_boundary(t.span.start.saturating_sub(12));
        let after_et = crate::corpus::normalize::fold_key(&text[from..t.span.start])
            .trim_end()
            .ends_with(" et");
        let Some(prev) = tolls[..i].iter().rev().find(|p| {
            p.outcome == t.outcome
                && (p.sentence == t.sentence || !after_et && p.sentence + 1 == t.sentence)
        }) else {
            // "X a été tué … Avec lui, on compte trois autres morts": the one the pronoun
            // stands for died too, though no figure counted him.
            let before = folded_before(text, t.span.start, 32);
            if before.contains("avec lui") || before.contains("avec elle") {
                let t = &mut tolls[i];
                t.range = t.range.add(TollRange::exact(1));
            }
            continue;
        };
        // "En plus des 31 personnes tuées à A, neuf autres sont mortes à B": the figure after
        // "en plus des" is another event's, told to set this one beside it.
        let before_prev = folded_before(text, prev.span.start, 16);
        let before_prev = before_prev.trim_end();
        if ["en plus des", "en plus de", "outre les", "outre"]
            .iter()
            .any(|w| before_prev.ends_with(w))
        {
            continue;
        }
        let prev_category = prev.category;
        let generic = says_only_people(text, t);
        let t = &mut tolls[i];
        t.carried = true;
        if t.category == Category::Unknown || generic {
            t.category = prev_category;
        }
    }
}

/// "Plusieurs dizaines de civils, une quarantaine selon des sources locales, ont été tués",
/// "Vingt personnes ont été tuées selon un jeune, 21 selon le gouverneur": a bare figure said
/// right after a toll and followed by the source that gives it restates that toll's dead, as
/// another report ([`combine`] weighs the two).
fn restated_with_a_source(
    text: &str,
    quantities: &[Quantity],
    cues: &[TextCue],
    sentences: &[Range<usize>],
    date_spans: &[Range<usize>],
    tolls: &mut Vec<Toll>,
) {
    let mut restated = Vec::new();
    for q in quantities {
        if q.range.best > MAX_INCIDENT_TOLL
            || date_spans.iter().any(|d| overlaps(d, &q.span))
            || tolls.iter().any(|t| overlaps(&t.span, &q.span))
        {
            continue;
        }
        // Cheap test on the raw text first: most figures are followed by a noun.
        let next = text[q.span.end..].trim_start();
        if !["selon", "Selon", "d'apr", "d’apr", "de source"]
            .iter()
            .any(|p| next.starts_with(p))
        {
            continue;
        }
        let Some(si) = sentence_of(sentences, q.span.start) else {
            continue;
        };
        let sentence = &sentences[si];
        let Some(before) = tolls
            .iter()
            .filter(|t| t.sentence == si && t.span.end <= q.span.start)
            .max_by_key(|t| t.span.end)
        else {
            continue;
        };
        let gap = text.get(before.span.end..q.span.start).unwrap_or("");
        if gap.len() > 60
            || !gap.contains(',')
            || gap.contains([';', ':', '(', ')'])
            || quantities
                .iter()
                .any(|o| o.span.start >= before.span.end && o.span.end <= q.span.start)
        {
            continue;
        }
        let source = cues
            .iter()
            .filter(|c| c.range.start >= q.span.end && c.range.start < q.span.end + 60)
            .filter(|c| c.range.end <= sentence.end)
            .find_map(|c| match c.cue {
                Cue::Source(s) => Some(s),
                _ => None,
            });
        restated.push(Toll {
            outcome: before.outcome,
            category: before.category,
            range: q.range,
            vague: q.vague,
            span: q.span.clone(),
            sentence: si,
            source,
            indefinite: false,
            noun_end: q.span.end,
            unconfirmed: false,
            superseded: false,
            revises: false,
            carried: false,
        });
    }
    tolls.extend(restated);
}

/// "Le kamikaze a été tué", "le chef de village a perdu la vie", "ils ont tué le chauffeur":
/// a definite singular whose death its clause tells is one dead, unless the article already
/// counts dead of its category (then it is one of them: "trois soldats tués … le capitaine a
/// été tué").
fn definite_singulars_killed(
    text: &str,
    cues: &[TextCue],
    sentences: &[Range<usize>],
    used_victims: &[Range<usize>],
    tolls: &mut Vec<Toll>,
) {
    for c in cues {
        let Cue::Victim(category) = c.cue else {
            continue;
        };
        if category == Category::Unknown || used_victims.iter().any(|u| overlaps(u, &c.range)) {
            continue;
        }
        // "l'assassinat du chef des chasseurs", "la mort du maire": a death told by a noun.
        let death_of = word_before(text, c.range.start)
            .filter(|w| matches!(&text[w.clone()], "du" | "Du"))
            .filter(|w| {
                word_before(text, w.start).is_some_and(|d| {
                    matches!(
                        crate::corpus::normalize::fold_key(&text[d]).as_str(),
                        "assassinat" | "meurtre" | "mort" | "deces" | "execution"
                    )
                })
            })
            .map(|w| w.start);
        let Some(article) = death_of.or_else(|| definite_article_before(text, c.range.start))
        else {
            continue;
        };
        let noun = crate::corpus::normalize::fold_key(&text[c.range.clone()]);
        if !SINGULAR.contains(&noun.as_str()) {
            continue;
        }
        let before = word_before(text, article)
            .map(|w| crate::corpus::normalize::fold_key(&text[w]))
            .unwrap_or_default();
        // "selon le maire", "l'attaque contre le poste du chef de village": no victim.
        if death_of.is_none()
            && matches!(
                before.as_str(),
                "selon" | "apres" | "par" | "pour" | "contre" | "de" | "a" | "que"
            )
        {
            continue;
        }
        // "ils ont tué le chef de village", "tuant le chauffeur", "en tuant cette fois-ci le
        // chef de village".
        let verb = verb_before_adverbs(text, article);
        let object_of_a_killing = death_of.is_some()
            || matches!(
                verb.as_str(),
                "tue"
                    | "tuant"
                    | "abattu"
                    | "abattant"
                    | "assassine"
                    | "assassinant"
                    | "execute"
                    | "executant"
                    | "egorge"
                    | "egorgeant"
            );
        let Some(si) = sentence_of(sentences, c.range.start) else {
            continue;
        };
        // "tuant le chef du village et ses deux fils": a figure joined by "et" counts others.
        let joined = |t: &Toll| {
            t.sentence == si
                && text
                    .get(c.range.end..t.span.start)
                    .is_some_and(|gap| conjunction(gap) == Link::And)
        };
        if !(object_of_a_killing || told_dead(text, c.range.end, sentences[si].end))
            || tolls
                .iter()
                .any(|t| t.outcome == Outcome::Killed && t.category == category && !joined(t))
        {
            continue;
        }
        tolls.push(Toll::one_killed(category, article..c.range.end, si));
    }
}

/// The folded word before byte `at`, past adverbs that may stand between a verb and its
/// object ("tuant cette fois-ci le chef", "ont aussi tué le chauffeur").
fn verb_before_adverbs(text: &str, at: usize) -> String {
    const ADVERBS: &[&str] = &[
        " cette fois ci",
        " cette fois",
        " aussi",
        " egalement",
        " notamment",
        " meme",
        " froidement",
        " sauvagement",
    ];
    let mut before = folded_before(text, at, 48);
    while let Some(a) = ADVERBS.iter().find(|a| before.ends_with(*a)) {
        before.truncate(before.len() - a.len());
    }
    before.rsplit(' ').next().unwrap_or("").to_string()
}

/// "Le kamikaze est arrivé à moto. « Il est mort sur le coup »": a sentence whose subject is
/// "il" or "elle" and that tells that person died is one dead, in an article that counts no
/// other dead (else the pronoun is one of them).
fn pronoun_killed(text: &str, sentences: &[Range<usize>], tolls: &mut Vec<Toll>) {
    if tolls.iter().any(|t| t.outcome == Outcome::Killed) {
        return;
    }
    for (si, s) in sentences.iter().enumerate() {
        let Some(sentence) = text.get(s.clone()) else {
            continue;
        };
        let opening = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
        let subject_end = ["Il ", "Elle ", "il ", "elle "]
            .iter()
            .find(|p| opening.starts_with(*p))
            .map(|p| s.end - opening.len() + p.len() - 1);
        let Some(at) = subject_end else {
            continue;
        };
        if told_dead(text, at, s.end) {
            let subject = at - opening.split(' ').next().map_or(0, str::len);
            tolls.push(Toll::one_killed(Category::Unknown, subject..at, si));
            return;
        }
    }
}

/// "six autres ont été blessés, dont l'un est décédé à l'hôpital": wounded who died since are
/// dead too, added to the dead of their kind counted before them.
fn wounded_who_died(text: &str, sentences: &[Range<usize>], tolls: &mut Vec<Toll>) {
    const DIED: &[&str] = &[
        "est decede",
        "est decedee",
        "est mort",
        "est morte",
        "a succombe",
        "a rendu l ame",
        "ont succombe",
        "sont decedes",
        "sont decedees",
        "sont morts",
        "sont mortes",
        "ont rendu l ame",
    ];
    let mut died = Vec::new();
    for t in tolls.iter().filter(|t| t.outcome == Outcome::Wounded) {
        let Some(s) = sentences.get(t.sentence) else {
            continue;
        };
        let end = text.floor_char_boundary((t.span.end + 60).min(s.end));
        let Some(after) = text.get(t.span.end..end) else {
            continue;
        };
        let folded = crate::corpus::normalize::fold_key(after);
        // "dont l'un", "sur lesquels un", "parmi lesquels deux", after at most one word
        // ("8 blessés graves sur lesquels un a rendu l'âme").
        let Some(rest) = ["dont ", "sur lesquels ", "parmi lesquels ", "parmi eux "]
            .iter()
            .filter_map(|w| folded.split_once(w))
            .filter(|(before, _)| before.split(' ').filter(|w| !w.is_empty()).count() <= 1)
            .min_by_key(|(before, _)| before.len())
            .map(|(_, rest)| rest)
        else {
            continue;
        };
        let (count, rest) = match rest.split_once(' ') {
            Some(("l", r)) => match r.split_once(' ') {
                Some(("un" | "une", r)) => (1, r),
                _ => continue,
            },
            Some(("un" | "une", r)) => (1, r),
            Some((n, r)) => match crate::extract::numbers::parse_french_number(n)
                .or_else(|| n.parse().ok())
                .and_then(|n| u32::try_from(n).ok())
            {
                Some(n) if n < 1000 => (n, r),
                _ => continue,
            },
            None => continue,
        };
        let rest = rest.strip_prefix("d entre eux ").unwrap_or(rest);
        if !DIED.iter().any(|d| rest.starts_with(d)) {
            continue;
        }
        // (The span stays the wounded figure's: one starting at "dont" would be taken for a
        // subset of the toll before it.)
        // "un soldat tué et 8 blessés, dont un a succombé": wounded of no named kind are of
        // the kind of the dead counted just before them.
        let category = match t.category {
            Category::Unknown => tolls
                .iter()
                .filter(|k| {
                    k.outcome == Outcome::Killed
                        && k.sentence == t.sentence
                        && k.span.end <= t.span.start
                })
                .max_by_key(|k| k.span.end)
                .map_or(Category::Unknown, |k| k.category),
            c => c,
        };
        died.push(Toll {
            outcome: Outcome::Killed,
            category,
            range: TollRange::exact(count),
            carried: true,
            revises: false,
            superseded: false,
            ..t.clone()
        });
    }
    tolls.extend(died);
}

/// "… a tué quatre militaires. La gendarmerie a affirmé plus tard que les quatre personnes
/// tuées étaient des civils": a definite figure of people ("les quatre personnes", "ces 4
/// victimes") restates the same figure said before, or the sum of a list of sides said in one
/// sentence before ("un douanier et deux bénévoles"), not more dead. When it says who they were,
/// it corrects the earlier figure's side; else it only repeats it.
fn definite_restatements(text: &str, tolls: &mut Vec<Toll>) {
    let mut drop = vec![false; tolls.len()];
    for (i, t) in tolls.iter().enumerate() {
        if t.outcome != Outcome::Killed || t.vague {
            continue;
        }
        let said = crate::corpus::normalize::fold_key(&text[t.span.clone()]);
        let generic = said
            .split(' ')
            .any(|w| matches!(w, "personnes" | "victimes" | "morts" | "tues" | "tuees"));
        let definite = folded_before(text, t.span.start, 8)
            .split(' ')
            .next_back()
            .is_some_and(|w| w == "les" || w == "ces");
        if !generic || !definite {
            continue;
        }
        // "un douanier et deux bénévoles tués … ces trois personnes ont été tuées": the sum of
        // a list of several sides said in one earlier sentence.
        let listed_sum = |si: usize| {
            let listed: Vec<&Toll> = tolls
                .iter()
                .filter(|e| e.sentence == si && e.outcome == Outcome::Killed && !e.vague)
                .collect();
            listed.len() >= 2
                && listed
                    .iter()
                    .any(|e| listed.iter().any(|o| o.category != e.category))
                && listed.iter().map(|e| e.range.best).sum::<u32>() == t.range.best
        };
        if tolls
            .iter()
            .any(|e| e.sentence < t.sentence && listed_sum(e.sentence))
        {
            drop[i] = true;
            continue;
        }
        let Some(e) = tolls.iter().position(|e| {
            e.outcome == Outcome::Killed
                && !e.vague
                && e.sentence < t.sentence
                && e.range.best == t.range.best
                && e.category != t.category
        }) else {
            continue;
        };
        if t.category == Category::Unknown {
            drop[i] = true;
        } else {
            drop[e] = true;
        }
    }
    let mut i = 0;
    tolls.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// "Cinq soldats avaient été portés disparus. … Les corps des disparus ont été repêchés dans
/// le fleuve", "Trois bergers ont été enlevés. Leurs corps ont été retrouvés": people counted
/// missing (or abducted, in the sentence right before) whom a later sentence, with no figure
/// of its own, tells found dead are dead. Their figures become dead ones (spans stay).
fn missing_found_dead(text: &str, sentences: &[Range<usize>], tolls: &mut [Toll]) {
    let gone = |t: &Toll| matches!(t.outcome, Outcome::Missing | Outcome::Captured);
    let Some(first) = tolls.iter().filter(|t| gone(t)).map(|t| t.sentence).min() else {
        return;
    };
    let found = (first + 1..sentences.len()).find(|&si| {
        !tolls.iter().any(|t| t.sentence == si)
            && tells_the_missing_found_dead(&crate::corpus::normalize::fold_key(
                &text[sentences[si].clone()],
            ))
    });
    let Some(found) = found else {
        return;
    };
    // The abducted only in the sentence right before: "Leurs corps" are theirs.
    for t in tolls.iter_mut().filter(|t| {
        t.sentence < found
            && (t.outcome == Outcome::Missing
                || t.outcome == Outcome::Captured && t.sentence + 1 == found)
    }) {
        t.outcome = Outcome::Killed;
    }
}

/// "Les corps sans vie de nos camarades portés disparus ont été retrouvés", "Leurs corps ont
/// été repêchés", "les disparus ont été retrouvés morts" (folded).
fn tells_the_missing_found_dead(folded: &str) -> bool {
    const FOUND: [&str; 4] = ["retrouv", "repech", "decouv", "exhum"];
    const DEAD: [&str; 6] = [
        "corps",
        "cadavre",
        "depouille",
        "sans vie",
        " morts",
        " mortes",
    ];
    let found = FOUND.iter().any(|f| folded.contains(f));
    let dead = DEAD.iter().any(|d| folded.contains(d));
    let theirs = folded.contains(" disparu")
        || folded.starts_with("leurs corps ")
        || folded.starts_with("leurs depouilles ")
        || folded.starts_with("leurs cadavres ");
    found && dead && theirs && !folded.contains("vivant")
}

/// "Sinaly Sampana, un aide-soignant, a été tué": a person named (two or three capitalised
/// words) whose death the clause tells is one dead, in an article that counts no other dead
/// (else the person is one of them). A name said twice is one person.
fn named_people_killed(text: &str, sentences: &[Range<usize>], tolls: &mut Vec<Toll>) {
    if tolls.iter().any(|t| t.outcome == Outcome::Killed) {
        return;
    }
    let mut named: Vec<Toll> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let Some(sentence) = text.get(s.clone()) else {
            continue;
        };
        for (start, name) in capitalised_names(sentence) {
            let (from, to) = (s.start + start, s.start + start + name.len());
            if names.contains(&name) || !told_dead(text, to, s.end) {
                continue;
            }
            names.push(name);
            named.push(Toll::one_killed(Category::Unknown, from..to, si));
        }
    }
    tolls.extend(named);
}

/// Runs of two or three capitalised words ("Sinaly Sampana", "Amadou Ag Ahmed") in
/// `sentence`, with their byte offsets; acronyms ("FAMa", "MNLA") are no names.
fn capitalised_names(sentence: &str) -> Vec<(usize, &str)> {
    let is_name_word = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && chars.all(|c| c.is_lowercase() || c == '-')
    };
    let words: Vec<(usize, &str)> = sentence
        .split_inclusive(|c: char| c.is_whitespace())
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len();
            Some((start, w.trim_end()))
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let run = words[i..]
            .iter()
            .take(3)
            .take_while(|(_, w)| is_name_word(w) || w.strip_suffix(',').is_some_and(is_name_word))
            .count();
        // A comma ends the name ("Sinaly Sampana, un aide-soignant").
        let run = (0..run)
            .find(|&k| words[i + k].1.ends_with(','))
            .map_or(run, |k| k + 1);
        // "que Noumoukai a été retrouvé mort": one name inside the sentence, not after a
        // preposition (a town's: "à Kokry").
        let lone_name = run == 1
            && i > 0
            && !words[i].1.ends_with(',')
            && !matches!(
                words[i - 1].1.to_lowercase().as_str(),
                "à" | "a"
                    | "de"
                    | "du"
                    | "des"
                    | "en"
                    | "vers"
                    | "sur"
                    | "dans"
                    | "par"
                    | "le"
                    | "la"
                    | "les"
                    | "et"
                    | "ou"
            )
            && !words[i - 1].1.ends_with(['.', ':', '«', '"']);
        if run >= 2 || lone_name {
            let start = words[i].0;
            let last = words[i + run - 1];
            let end = last.0 + last.1.trim_end_matches(',').len();
            out.push((start, &sentence[start..end]));
            i += run;
        } else {
            i += 1;
        }
    }
    out
}

/// The start of "le"/"la" (a word before `at`) or of "l'" glued to it; or of a singular
/// possessive ("son chauffeur a été tué", "sa fille a été tuée"), which is as definite.
/// "un commerçant et son fils", "un berger ainsi que sa femme": a relative joined to a person
/// named in the singular, told right after the noun (before `until`). Several relatives come
/// with a figure ("et ses deux fils"), which counts them itself.
fn relatives_with(text: &str, noun_end: usize, until: usize) -> bool {
    const KIN: &[&str] = &[
        "fils",
        "fille",
        "femme",
        "epouse",
        "mari",
        "frere",
        "soeur",
        "pere",
        "mere",
        "neveu",
        "niece",
        "cousin",
        "cousine",
        "oncle",
        "tante",
        "enfant",
        "bebe",
        "chauffeur",
        "apprenti",
        "compagnon",
        "collegue",
        "ami",
    ];
    let end = text.floor_char_boundary(until.min(noun_end + 40));
    let Some(after) = text.get(noun_end..end) else {
        return false;
    };
    let after = crate::corpus::normalize::fold_key(after);
    let Some(rest) = after
        .strip_prefix("et ")
        .or_else(|| after.strip_prefix("ainsi que "))
    else {
        return false;
    };
    let mut words = rest.split(' ');
    matches!(words.next(), Some("son" | "sa")) && words.next().is_some_and(|w| KIN.contains(&w))
}

fn definite_article_before(text: &str, at: usize) -> Option<usize> {
    let elided = elided_article_start(text, at);
    if elided != at {
        return Some(elided);
    }
    let w = word_before(text, at)?;
    matches!(
        &text[w.clone()],
        "le" | "la" | "Le" | "La" | "son" | "sa" | "Son" | "Sa"
    )
    .then_some(w.start)
}

/// Right after a victim noun, words that say this person died: "a été tué", "est mort",
/// "a perdu la vie", "s'est fait exploser".
fn told_dead(text: &str, noun_end: usize, sentence_end: usize) -> bool {
    told_dead_as(text, noun_end, sentence_end, Number::One)
}

/// Whether a subject is one person or several: the verb that tells their death agrees.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Number {
    One,
    Several,
}

/// [`told_dead`] for a subject of `number`: "ont été tués", "sont morts" after a plural.
fn told_dead_as(text: &str, noun_end: usize, sentence_end: usize, number: Number) -> bool {
    let end = text.floor_char_boundary((noun_end + 48).min(sentence_end));
    let Some(after) = text.get(noun_end..end) else {
        return false;
    };
    let after = crate::corpus::normalize::fold_key(after);
    const DIED: &[&str] = &[
        "est mort",
        "est morte",
        "est decede",
        "est decedee",
        "a peri",
        "a perdu la vie",
        "a succombe",
        "a trouve la mort",
        "s est fait exploser",
        "s est fait sauter",
        "se fait exploser",
        "se fait sauter",
        "est tombe au combat",
        "a rendu l ame",
        // Told in the present, as news often is: "le bandit meurt sur le champ".
        "meurt",
        "decede",
        "succombe",
        "perd la vie",
        "trouve la mort",
    ];
    const DIED_SEVERAL: &[&str] = &[
        "sont morts",
        "sont mortes",
        "sont decedes",
        "sont decedees",
        "ont peri",
        "ont perdu la vie",
        "ont succombe",
        "ont trouve la mort",
        "sont tombes au combat",
        "ont rendu l ame",
        "meurent",
        "decedent",
        "succombent",
        "perdent la vie",
        "trouvent la mort",
    ];
    const AUXILIARIES: &[&str] = &[
        "a ete ",
        "aurait ete ",
        "avait ete ",
        "fut ",
        "a egalement ete ",
        "a aussi ete ",
        "a lui aussi ete ",
        "a ete retrouve ",
        "a ete retrouvee ",
        "avait ete retrouve ",
        "avait ete retrouvee ",
        "aurait ete retrouve ",
        "aurait ete retrouvee ",
        "est ",
        "est retrouve ",
        "est retrouvee ",
    ];
    const AUXILIARIES_SEVERAL: &[&str] = &[
        "ont ete ",
        "auraient ete ",
        "avaient ete ",
        "furent ",
        "ont egalement ete ",
        "ont aussi ete ",
        "ont ete retrouves ",
        "ont ete retrouvees ",
        "avaient ete retrouves ",
        "avaient ete retrouvees ",
        "auraient ete retrouves ",
        "auraient ete retrouvees ",
        "sont ",
        "sont retrouves ",
        "sont retrouvees ",
    ];
    const PARTICIPLES: &[&str] = &[
        "tue",
        "tuee",
        "abattu",
        "abattue",
        "execute",
        "executee",
        "assassine",
        "assassinee",
        "egorge",
        "egorgee",
        "neutralise",
        "elimine",
        "lynche",
        "mortellement",
        "mort",
        "morte",
        "sans vie",
    ];
    const PARTICIPLES_SEVERAL: &[&str] = &[
        "tues",
        "tuees",
        "abattus",
        "abattues",
        "executes",
        "executees",
        "assassines",
        "assassinees",
        "egorges",
        "egorgees",
        "massacres",
        "massacrees",
        "lynches",
        "mortellement",
        "morts",
        "mortes",
        "sans vie",
    ];
    let (died, auxiliaries, participles) = match number {
        Number::One => (DIED, AUXILIARIES, PARTICIPLES),
        Number::Several => (DIED_SEVERAL, AUXILIARIES_SEVERAL, PARTICIPLES_SEVERAL),
    };
    let dies_as_said = |after: &str| {
        died.iter().any(|d| {
            after
                .strip_prefix(d)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
        }) || auxiliaries.iter().any(|a| {
            after.strip_prefix(a).is_some_and(|rest| {
                participles.iter().any(|p| {
                    rest.strip_prefix(p)
                        .is_some_and(|r| r.is_empty() || r.starts_with(' '))
                })
            })
        })
    };
    // "a été froidement abattu", "ont finalement succombé": an adverb in the verb.
    let dies = |after: &str| {
        dies_as_said(after) || without_adverb(after).is_some_and(|a| dies_as_said(&a))
    };
    if dies(&after) {
        return true;
    }
    // "Le chef du village, âgé de 70 ans, a été tué": an apposition between commas.
    let end = text.floor_char_boundary((noun_end + APPOSITION_BYTES + 48).min(sentence_end));
    if let Some(rest) = text.get(noun_end..end).and_then(|r| r.strip_prefix(','))
        && let Some(close) = rest.find(',')
        && close <= APPOSITION_BYTES
        && dies(&crate::corpus::normalize::fold_key(&rest[close + 1..]))
    {
        return true;
    }
    // "un talibé (élève coranique) de 14 ans a été tué": words in brackets after the noun.
    if let Some(rest) = text.get(noun_end..sentence_end)
        && let Some(inside) = rest.trim_start().strip_prefix('(')
        && let Some(close) = inside.find(')')
        && close <= APPOSITION_BYTES
    {
        let after_brackets = sentence_end - (inside.len() - close - 1);
        return told_dead_as(text, after_brackets, sentence_end, number);
    }
    // "le commandant du camp de Boni a été tué": the noun's complement (a few words, no
    // comma) before the verb.
    if !["du ", "de ", "des ", "d "]
        .iter()
        .any(|p| after.starts_with(p))
    {
        return false;
    }
    let end = text.floor_char_boundary((noun_end + 80).min(sentence_end));
    let Some(raw) = text.get(noun_end..end) else {
        return false;
    };
    let clause =
        crate::corpus::normalize::fold_key(raw.split([',', ';', '(']).next().unwrap_or(raw));
    // ("une pluie de roquettes s'est abattue", "des tirs de mortier se sont abattus": a
    // reflexive verb tells no death.)
    clause.match_indices(' ').take(8).any(|(i, _)| {
        !clause[..i].ends_with(" s") && !clause[..i].ends_with(" se") && dies(&clause[i + 1..])
    })
}

/// `folded` without the first adverb in "-ment" among its first three words: "a ete froidement
/// abattu" is "a ete abattu".
fn without_adverb(folded: &str) -> Option<String> {
    let words: Vec<&str> = folded.split(' ').collect();
    let at = words
        .iter()
        .take(3)
        .position(|w| w.len() >= 7 && w.ends_with("ment"))?;
    let mut rest = words;
    rest.remove(at);
    Some(rest.join(" "))
}

/// How long an apposition between a victim and the verb of its death may be ("âgé de 70 ans",
/// "un commerçant connu de la place").
const APPOSITION_BYTES: usize = 40;

/// Things that are shot down or destroyed, never people: "un drone a été abattu".
const NOT_PEOPLE: &[&str] = &[
    "drone",
    "drones",
    "avion",
    "avions",
    "helicoptere",
    "helicopteres",
    "appareil",
    "appareils",
    "aeronef",
    "aeronefs",
    // "Une famille entière a péri": a collective noun counts several dead, of no figure.
    "famille",
    "familles",
    "foule",
    "groupe",
    "patrouille",
    "colonne",
    "unite",
    "equipe",
    "escouade",
    "caravane",
    "delegation",
    "population",
    "communaute",
];

/// "Un boutiquier a été tué", "Deux orpailleurs ont été égorgés", "Un chef des chasseurs a
/// été exécuté": a noun the lexicon does not list, subject of a verb that tells its death, is
/// as many dead (of an unknown side, unless the lexicon lists the noun: "un chasseur"). Only
/// in a sentence that counts no dead otherwise: there, the lexicon's nouns have said who died.
fn unknown_nouns_killed(
    text: &str,
    sentences: &[Range<usize>],
    quantities: &[Quantity],
    cues: &[TextCue],
    devices: &[String],
    tolls: &mut Vec<Toll>,
) {
    for (si, s) in sentences.iter().enumerate() {
        if tolls
            .iter()
            .any(|t| t.sentence == si && t.outcome == Outcome::Killed)
        {
            continue;
        }
        let Some(sentence) = text.get(s.clone()) else {
            continue;
        };
        // Subjects: "un"/"une" (outside a figure: "une dizaine"), then figures.
        let mut subjects: Vec<(Range<usize>, TollRange, bool, Number)> = sentence
            .match_indices(['u', 'U'])
            .map(|(i, _)| s.start + i)
            .filter_map(|at| {
                let word = text[at..].split(|c: char| !c.is_alphabetic()).next()?;
                let starts_word = !text[..at].ends_with(char::is_alphabetic);
                (starts_word && matches!(word, "un" | "une" | "Un" | "Une"))
                    .then(|| at..at + word.len())
            })
            .filter(|r| !quantities.iter().any(|q| overlaps(&q.span, r)))
            .map(|r| (r, TollRange::exact(1), false, Number::One))
            .collect();
        subjects.extend(
            quantities
                .iter()
                .filter(|q| q.span.start >= s.start && q.span.end <= s.end)
                .filter(|q| q.range.best >= 2 && q.range.best <= MAX_INCIDENT_TOLL)
                .map(|q| (q.span.clone(), q.range, q.vague, Number::Several)),
        );
        for (determiner, range, vague, number) in subjects {
            // "selon un habitant", "tué par un inconnu", "contre une patrouille".
            if word_before_is(
                text,
                elided_article_start(text, determiner.start),
                &[
                    "selon", "apres", "par", "pour", "contre", "avec", "de", "a", "sur", "chez",
                ],
            ) {
                continue;
            }
            let Some(noun) = noun_after(text, determiner.end, s.end) else {
                continue;
            };
            let folded = crate::corpus::normalize::fold_key(&text[noun.clone()]);
            if NOT_VICTIMS.contains(&folded.as_str())
                || NOT_PEOPLE.contains(&folded.as_str())
                || devices.contains(&folded)
            {
                continue;
            }
            // A noun the lexicon lists but does not count alone ("un chasseur") keeps its side.
            // One it counts had its say in `find_tolls` ("Au total, sept soldats ont été
            // tués" may be a sum, not a toll).
            let listed = cues.iter().find_map(|c| match c.cue {
                Cue::Victim(k) if c.range.start == noun.start => Some(k),
                _ => None,
            });
            if listed.is_some()
                && (number == Number::Several || SINGULAR.contains(&folded.as_str()))
            {
                continue;
            }
            let category = listed.unwrap_or(Category::Unknown);
            // One adjective may follow the noun ("un jeune berger", "deux commerçants peuls").
            let second = noun_after(text, noun.end, s.end).map(|r| r.end);
            let dead = std::iter::once(noun.end)
                .chain(second)
                .any(|end| told_dead_as(text, end, s.end, number));
            if !dead {
                continue;
            }
            tolls.push(Toll {
                outcome: Outcome::Killed,
                category,
                range,
                vague,
                span: determiner.start..noun.end,
                sentence: si,
                source: None,
                indefinite: false,
                noun_end: noun.end,
                unconfirmed: false,
                superseded: false,
                revises: false,
                carried: false,
            });
            break;
        }
    }
}

/// The lowercase word of three letters or more right after `at` (past one space, and past
/// "de"/"d'" after a figure: "une vingtaine de bûcherons"), or `None`.
fn noun_after(text: &str, at: usize, until: usize) -> Option<Range<usize>> {
    let rest = text.get(at..until)?;
    let trimmed = rest.strip_prefix(' ')?;
    let start = at + 1;
    let word_len = trimmed
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(trimmed.len(), |(i, _)| i);
    let word = &trimmed[..word_len];
    if matches!(word, "de" | "des") {
        return noun_after(text, start + word_len, until);
    }
    if word == "d" && trimmed[word_len..].starts_with(['\'', '’']) {
        // "une dizaine d'orpailleurs": the noun is glued to the apostrophe.
        let after = start + word_len + trimmed[word_len..].chars().next()?.len_utf8();
        let w = text[after..until]
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(until - after, |(i, _)| i);
        return (w >= 3).then_some(after..after + w);
    }
    (word.chars().count() >= 3 && word.chars().all(|c| c.is_alphabetic() && c.is_lowercase()))
        .then_some(start..start + word_len)
}

/// "Le bilan a été revu à la baisse, de 95 tués à 35": a figure followed by "à" and a bare
/// number was revised to that number. The new figure is a toll of the same dead, and the old
/// one is superseded.
fn revised_to(text: &str, quantities: &[Quantity], tolls: &mut Vec<Toll>) {
    let mut revised = Vec::new();
    for t in tolls.iter_mut() {
        let from_de = word_before_is(text, t.span.start, &["de"]);
        if !from_de {
            continue;
        }
        let Some(q) = quantities.iter().find(|q| {
            q.span.start >= t.span.end
                && text
                    .get(t.span.end..q.span.start)
                    .is_some_and(|gap| matches!(gap.trim(), "à" | "a"))
        }) else {
            continue;
        };
        // "de 5 morts à 10 blessés" names what the second figure counts: not a revision.
        let next = next_word(text, q.span.end, 20);
        if !(next.is_empty() || matches!(next.as_str(), "selon" | "d" | "apres" | "et")) {
            continue;
        }
        revised.push(Toll {
            range: q.range,
            vague: q.vague,
            span: q.span.clone(),
            superseded: false,
            revises: false,
            carried: false,
            ..t.clone()
        });
        t.superseded = true;
    }
    tolls.extend(revised);
}

/// "Ce bilan a été revu à la hausse. Des sources parlent de 21 morts": the figures of the
/// sentence after one that says the toll was revised, with none of its own, are the revision.
fn revised_the_sentence_before(text: &str, sentences: &[Range<usize>], tolls: &mut [Toll]) {
    let with_figures: std::collections::HashSet<usize> = tolls.iter().map(|t| t.sentence).collect();
    let mut said: Option<(usize, bool)> = None;
    for toll in tolls.iter_mut() {
        let Some(before) = toll.sentence.checked_sub(1) else {
            continue;
        };
        if with_figures.contains(&before) {
            continue;
        }
        let revised = match said {
            Some((s, r)) if s == before => r,
            _ => {
                let r = revises_a_toll(&crate::corpus::normalize::fold_key(
                    &text[sentences[before].clone()],
                ));
                said = Some((before, r));
                r
            }
        };
        if revised {
            toll.revises = true;
        }
    }
}

/// "le nombre de militaires tués est de 38", "le nombre de morts s'élève désormais à 40": a
/// figure after a copula counts the victims named before it, in the outcome said there.
fn number_of_victims_is(
    text: &str,
    sentences: &[Range<usize>],
    quantities: &[Quantity],
    cues: &[TextCue],
    tolls: &mut Vec<Toll>,
) {
    for q in quantities {
        if tolls.iter().any(|t| overlaps(&t.span, &q.span)) {
            continue;
        }
        let Some(si) = sentence_of(sentences, q.span.start) else {
            continue;
        };
        let from = text.floor_char_boundary(
            q.span
                .start
                .saturating_sub(NUMBER_OF_REACH)
                .max(sentences[si].start),
        );
        let before = &text[from..q.span.start];
        let Some(at) = before.rfind("nombre de").map(|i| from + i) else {
            continue;
        };
        if !word_before_is(text, at, &["le"]) {
            continue;
        }
        let noun_from = at + "nombre de".len();
        let in_phrase = |c: &&TextCue| c.range.start >= noun_from && c.range.end <= q.span.start;
        let first = cues.partition_point(|c| c.range.start < noun_from);
        let Some(victim) = cues[first..]
            .iter()
            .take_while(|c| c.range.start <= noun_from + 3)
            .find(|c| matches!(c.cue, Cue::Victim(_)))
        else {
            continue;
        };
        let gap = crate::corpus::normalize::fold_key(&text[victim.range.end..q.span.start]);
        // "le nombre de soldats tombés" (not "tombés dans une embuscade", "aux mains de"):
        // fallen is killed.
        let fallen = gap
            .split(' ')
            .next()
            .is_some_and(|w| w.starts_with("tombe"))
            && !["embuscade", "mains", "piege", "panne"]
                .iter()
                .any(|w| gap.contains(w));
        let Some(outcome) = cues[first..]
            .iter()
            .filter(in_phrase)
            .find_map(|c| match c.cue {
                Cue::Outcome(o) => Some(o),
                _ => None,
            })
            .or(fallen.then_some(Outcome::Killed))
        else {
            continue;
        };
        // "est présentement de", "s'élève désormais à": adverbs may stand in the copula.
        let words: Vec<&str> = gap
            .split(' ')
            .filter(|w| !w.is_empty() && !NUMBER_ADVERBS.contains(w))
            .collect();
        let plain = words.join(" ");
        let Some(copula) = NUMBER_IS.iter().find(|c| {
            plain
                .strip_suffix(*c)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
        }) else {
            continue;
        };
        let Cue::Victim(category) = victim.cue else {
            continue;
        };
        let folded_sentence = crate::corpus::normalize::fold_key(&text[sentences[si].clone()]);
        tolls.push(Toll {
            outcome,
            category,
            range: q.range,
            vague: q.vague,
            span: q.span.clone(),
            sentence: si,
            source: None,
            indefinite: false,
            noun_end: q.span.end,
            unconfirmed: says_any(&folded_sentence, UNCONFIRMED),
            superseded: false,
            revises: revises_a_toll(&folded_sentence)
                || copula.contains("passe")
                || gap.split(' ').any(|w| NUMBER_ADVERBS.contains(&w)),
            carried: false,
        });
    }
}

/// How far (bytes) before its figure "le nombre de …" may start.
const NUMBER_OF_REACH: usize = 160;

/// "désormais", "présentement": the number said is the latest (folded).
const NUMBER_ADVERBS: &[&str] = &[
    "desormais",
    "presentement",
    "maintenant",
    "actuellement",
    "finalement",
];

/// "… est de", "… s'élève à", "… est passé à": a number's copula, folded.
const NUMBER_IS: &[&str] = &[
    "est de",
    "s eleve a",
    "est passe a",
    "est monte a",
    "atteint",
    "se chiffre a",
    "s etablit a",
    "passe a",
];

/// "Cela porte à 150 le nombre de casques bleus tués", "La mission a perdu 150 casques bleus
/// depuis son déploiement", "110 civils tués au cours du premier semestre": a running total
/// over a period, not an incident's toll. A sentence with a day of its own ("Lundi, deux
/// soldats ont été tués, ce qui porte à 30 …") still tells its incident.
fn counts_a_period(
    text: &str,
    sentence: &Range<usize>,
    at: usize,
    date_spans: &[Range<usize>],
) -> bool {
    let folded = crate::corpus::normalize::fold_key(&text[sentence.clone()]);
    // "Cela porte à 150 le nombre de casques bleus tombés dans le cadre de cette mission": a
    // total brought up to date over a mission or since a date. "Le nouveau bilan porte à 40
    // le nombre de morts de l'attaque" brings one incident's toll up to date, and stays.
    let before = text.floor_char_boundary(at.saturating_sub(24).max(sentence.start));
    let lead = crate::corpus::normalize::fold_key(&text[before..at]);
    let brought_up = ["porte a", "portant a", "porte desormais a"]
        .iter()
        .any(|p| lead.ends_with(p));
    if brought_up
        && ["depuis", "dans le cadre de"]
            .iter()
            .any(|p| folded.contains(p))
    {
        return true;
    }
    // "précisant avoir eu plus de 100 tués dans des actes hostiles": a figure of deaths in
    // acts (plural) is a mission's or a war's count, even in the sentence of a dated death.
    let after = &text[at..text.floor_char_boundary((at + 80).min(sentence.end))];
    if after.contains("hostile") && {
        let after = crate::corpus::normalize::fold_key(after);
        IN_ACTS.iter().any(|p| after.contains(p))
    } {
        return true;
    }
    let over_a_period = |f: &str| {
        PERIODS.iter().any(|p| f.contains(p))
            || over_a_whole_year(f)
            || (counted_in_a_year(f) && !tells_one_event(f))
            || ((SPANS_OF_TIME.iter().any(|p| f.contains(p)) || in_a_span_of_days(f))
                && !tells_one_event(f))
    };
    if !over_a_period(&folded) {
        return false;
    }
    // A date of the sentence that is not the period's own dates an event; nor does the date
    // of a report ("un rapport a fait état en octobre de 110 civils tués au premier semestre").
    !date_spans.iter().any(|d| {
        d.start >= sentence.start && d.end <= sentence.end && {
            let from = text.floor_char_boundary(d.start.saturating_sub(40).max(sentence.start));
            let around = crate::corpus::normalize::fold_key(&text[from..d.end]);
            // "a annoncé jeudi qu'une trentaine avaient été tués depuis le début de
            // l'opération": the day of the announcement.
            !around.contains("depuis")
                && !super::is_reporting_date(text, d)
                && !PERIODS.iter().any(|p| around.contains(p))
                && !over_a_whole_year(&around)
                && !counted_in_a_year(&around)
                && !SPANS_OF_TIME.iter().any(|p| around.contains(p))
                && !["rapport", "fait etat", "publie", "conference de presse"]
                    .iter()
                    .any(|r| around.contains(r))
        }
    })
}

/// Dead or attacks counted in a year, the words before "en 2021".
const COUNTED: [&str; 11] = [
    "morts",
    "victimes",
    "tues",
    "tuees",
    "deces",
    "blesses",
    "civils",
    "soldats",
    "attaques",
    "incidents",
    "attentats",
];

/// "Les engins ont fait 103 morts en 2021 et 72 en 2022": the date at `span` is the year of a
/// statistic, right after a figure, in a `sentence` that tells no one event.
pub(crate) fn years_a_count(text: &str, sentence: &Range<usize>, span: &Range<usize>) -> bool {
    let said = crate::corpus::normalize::fold_key(&text[span.clone()]);
    if !said.strip_prefix("en ").is_some_and(is_year) {
        return false;
    }
    let folded = crate::corpus::normalize::fold_key(&text[sentence.clone()]);
    let before =
        crate::corpus::normalize::fold_key(&text[sentence.start.min(span.start)..span.start]);
    counted_in_a_year(&folded)
        && !tells_one_event(&folded)
        && before.split_whitespace().next_back().is_some_and(counts)
}

/// A folded word that is a year of the conflict's era: "2021", "1994".
pub(crate) fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// A word that ends a count: "morts", "attaques", or the figure itself ("et 72 en 2022").
fn counts(word: &str) -> bool {
    COUNTED.contains(&word)
        || !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
        || crate::extract::numbers::parse_french_number(word).is_some()
}

/// "les engins ont fait 103 morts en 2021 et 72 en 2022" (folded): a figure of the dead
/// counted in a year, a statistic unless the sentence tells one event.
fn counted_in_a_year(folded: &str) -> bool {
    folded.match_indices(" en ").any(|(i, _)| {
        folded[i + 4..].split(' ').next().is_some_and(is_year)
            && folded[..i].rsplit(' ').next().is_some_and(counts)
    })
}

/// "durant 2018", "pendant l'année 2019", "tout au long de 2020" (folded): a count over a
/// whole year. ("En 2018, une attaque avait fait 17 morts" recalls one event, and stays.)
fn over_a_whole_year(folded: &str) -> bool {
    const OVER: [&str; 6] = [
        "durant ",
        "pendant ",
        "courant ",
        "tout au long de ",
        "sur l ensemble de ",
        "au cours de ",
    ];
    OVER.iter().any(|over| {
        folded.match_indices(over).any(|(i, _)| {
            let rest = &folded[i + over.len()..];
            let rest = rest.strip_prefix("l annee ").unwrap_or(rest);
            let year: String = rest.chars().take_while(char::is_ascii_digit).collect();
            year.len() == 4 && (year.starts_with("19") || year.starts_with("20"))
        })
    })
}

/// Deaths counted over acts, not in one: UN missions count their losses so.
const IN_ACTS: [&str; 3] = [
    "dans des actes hostiles",
    "lors d actes hostiles",
    "a la suite d actes hostiles",
];

/// Phrases of a period over which a figure is a running total.
const PERIODS: &[&str] = &[
    "depuis le debut de l annee",
    "depuis le debut du mois",
    "depuis le debut de la crise",
    "depuis le debut du conflit",
    "depuis le debut de la mission",
    "depuis le debut de l operation",
    "depuis le debut de cette annee",
    "depuis le debut de son deploiement",
    "depuis le debut de sa mission",
    "depuis son deploiement",
    "depuis sa creation",
    "depuis le deploiement",
    "au cours du premier semestre",
    "au cours du second semestre",
    "au premier semestre",
    "au second semestre",
    "au cours du trimestre",
    "au cours du dernier trimestre",
    "au cours du premier trimestre",
    "au cours du deuxieme trimestre",
    "au cours du troisieme trimestre",
    "au cours du quatrieme trimestre",
    "au cours du dernier semestre",
    // "Selon le dernier rapport trimestriel de l'ONU, 169 civils ont été tués": a report's
    // statistics over its period.
    "rapport trimestriel",
    "rapport semestriel",
    "rapport annuel",
    "note trimestrielle",
    "au cours de l annee",
    "au cours des derniers mois",
    "au cours des dernieres annees",
    "ces dernieres annees",
    "depuis plusieurs mois",
    "depuis plusieurs annees",
    // "Depuis des années, le conflit a fait des centaines de morts": a war's toll so far.
    "depuis des annees",
    "depuis des mois",
    "depuis des decennies",
    "depuis plusieurs decennies",
    "depuis le debut de la guerre",
    "depuis le debut des violences",
    "depuis le debut de l insurrection",
    "en l espace d un an",
    // "plus de 70 Casques bleus tués en opération, ce qui en fait la mission la plus
    // meurtrière": a mission's running total ("l'attaque la plus meurtrière" is not one).
    "mission la plus meurtriere",
    "mission de l onu la plus meurtriere",
    // "la mission de maintien de la paix de l'ONU la plus coûteuse en vies humaines, avec plus
    // de 80 Casques bleus tués": the same, said of its cost in lives.
    "mission la plus couteuse",
    "de l onu la plus couteuse",
    "de l onu la plus meurtriere",
    "maintien de la paix la plus couteuse",
    "la plus couteuse en vie",
    "la plus couteuse en vies",
    "maintien de la paix la plus meurtriere",
    "depuis qu elle a ete deployee",
    "depuis qu il a ete deploye",
    // "Elle avait, avant l'attaque de samedi, perdu 160 Casques bleus, soit la moitié des
    // soldats tués sur cette période": a total counted up to an event, or over a period.
    "avant l attaque de",
    "sur cette periode",
    "sur la meme periode",
    "depuis son arrivee",
    "depuis leur arrivee",
    "depuis son installation",
    "depuis le debut de son mandat",
];

/// "Au cours du mois d'août, 22 soldats ont été tués", "Pendant la même période, 68 civils
/// ont perdu la vie": a span of time over which a figure is a statistic, unless the sentence
/// tells one event in it ("Au cours du mois de mai, une attaque a fait 12 morts").
const SPANS_OF_TIME: &[&str] = &[
    "au cours du mois",
    "pendant le mois",
    "durant le mois",
    "tout au long du mois",
    "en l espace d un mois",
    "en un mois",
    "pendant la meme periode",
    "durant la meme periode",
    "au cours de la meme periode",
    "au cours de cette periode",
    "pendant cette periode",
    "durant cette periode",
    "derniers mois",
    "dernieres semaines",
];

/// "en moins de deux semaines", "en l'espace de dix jours", "en quelques mois": a folded
/// sentence counting over a span of days, weeks or months.
fn in_a_span_of_days(folded: &str) -> bool {
    folded.match_indices("en ").any(|(i, _)| {
        if i > 0 && folded.as_bytes()[i - 1] != b' ' {
            return false;
        }
        let rest = &folded[i + 3..];
        let rest = [
            "moins de ",
            "moins d ",
            "l espace de ",
            "l espace d ",
            "plus de ",
        ]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
        let mut words = rest.split(' ');
        let count = words.next().unwrap_or("");
        let unit = words.next().unwrap_or("");
        (count == "quelques" || crate::extract::numbers::parse_french_number(count).is_some())
            && matches!(unit, "jours" | "semaine" | "semaines" | "mois")
    })
}

/// Whether a folded sentence tells one event ("une attaque", "l'embuscade"), not a count of
/// many ("dans des attaques").
fn tells_one_event(folded: &str) -> bool {
    const ONE_EVENT: &[&str] = &[
        "une attaque",
        "l attaque",
        "une embuscade",
        "l embuscade",
        "un attentat",
        "l attentat",
        "une explosion",
        "l explosion",
        "un engin",
        "l engin",
        "un assaut",
        "l assaut",
        "un raid",
        "une incursion",
        "un affrontement",
        "une frappe",
        "la frappe",
    ];
    ONE_EVENT.iter().any(|e| folded.contains(e))
}

/// "Ce n'est pas la première fois que la mort d'un soldat étranger est rapportée": a figure
/// in the clause of a statement about such events in general counts no incident. After a
/// colon the text may tell the earlier one ("…: en mars, douze soldats y avaient été tués").
fn in_a_generic_statement(text: &str, sentence: &Range<usize>, at: usize) -> bool {
    let Some(before) = text.get(sentence.start..at) else {
        return false;
    };
    let clause = before.rsplit([':', ';']).next().unwrap_or(before);
    let folded = crate::corpus::normalize::fold_key(clause);
    GENERIC_STATEMENTS.iter().any(|g| folded.contains(g))
}

/// Drops the figures of [`in_a_recalling_relative`] from sentences that count dead of their
/// own; a sentence that only recalls ("Le village avait été endeuillé par le massacre de mars
/// 2019, qui avait fait 160 morts") keeps its figure for the recalled incident.
fn drop_recalled_in_relatives(text: &str, sentences: &[Range<usize>], tolls: &mut Vec<Toll>) {
    let recalled: Vec<bool> = tolls
        .iter()
        .map(|t| in_a_recalling_relative(text, &sentences[t.sentence], &t.span))
        .collect();
    if !recalled.contains(&true) {
        return;
    }
    let mut telling: Vec<usize> = tolls
        .iter()
        .zip(&recalled)
        .filter(|(_, r)| !**r)
        .map(|(t, _)| t.sentence)
        .collect();
    telling.sort_unstable();
    let mut i = 0;
    tolls.retain(|t| {
        let keep = !recalled[i] || telling.binary_search(&t.sentence).is_err();
        i += 1;
        keep
    });
}

/// "Au lendemain de l'attaque de Boni, qui avait fait 12 morts, des jihadistes ont tué deux
/// civils à Douentza", "près de l'endroit où deux camionneurs avaient été tués": a figure in a
/// relative clause in the pluperfect counts an earlier event's dead, which the sentence only
/// recalls.
fn in_a_recalling_relative(text: &str, sentence: &Range<usize>, figure: &Range<usize>) -> bool {
    // The figure's span may hold its verb ("quatre transporteurs avaient été tués").
    let (Some(before), Some(after)) = (
        text.get(sentence.start..figure.start),
        text.get(figure.start..sentence.end),
    ) else {
        return false;
    };
    let clause =
        crate::corpus::normalize::fold_key(before.rsplit([',', '(']).next().unwrap_or(before));
    let clause = clause.trim();
    // "tués en représailles à la mort de dix autres personnes": the dead the reprisal avenged.
    if [
        "represailles a la mort de",
        "represailles a la mort d",
        "represailles au meurtre de",
        "represailles a l assassinat de",
        "venger la mort de",
        "venger la mort d",
    ]
    .iter()
    .any(|p| clause.ends_with(p))
    {
        return true;
    }
    if ["qui avait ", "qui avaient "]
        .iter()
        .any(|p| clause.starts_with(p))
    {
        return true;
    }
    if after_earlier_attacks(before, after) {
        return true;
    }
    if clause != "ou" && !clause.ends_with(" ou") {
        return false;
    }
    let rest = after.split([',', ';', '.']).next().unwrap_or(after);
    let rest = crate::corpus::normalize::fold_key(rest);
    rest.split(' ').any(|w| matches!(w, "avait" | "avaient"))
}

/// "Après les attaques de Bankass qui ont fait 30 morts, c'est le village de B qui a été la
/// cible d'une autre attaque": a figure in the sentence's opening "Après …" phrase (the
/// sentence's text `before` the figure holds no comma yet) counts the earlier attacks, when
/// the rest of the sentence tells another.
fn after_earlier_attacks(before: &str, after: &str) -> bool {
    // Past a dateline: "Ségou, 15 mars (AFP) – Après …".
    let before = [" – ", " - ", " — "]
        .iter()
        .filter_map(|d| before.rfind(d).map(|i| &before[i + d.len()..]))
        .min_by_key(|b| b.len())
        .unwrap_or(before);
    let opening = crate::corpus::normalize::fold_key(before);
    if !opening.starts_with("apres ") || before.contains([',', ';']) {
        return false;
    }
    let Some((_, rest)) = after.split_once(',') else {
        return false;
    };
    let rest = crate::corpus::normalize::fold_key(rest);
    [
        "une autre attaque",
        "une nouvelle attaque",
        "c est au tour",
        "cette fois",
        "a son tour",
        "c est le village",
        "c est la localite",
        "c est la ville",
    ]
    .iter()
    .any(|c| rest.contains(c))
}

const GENERIC_STATEMENTS: &[&str] = &[
    "pas la premiere fois",
    "pas la premiere attaque",
    "n est pas rare",
    "n etait pas rare",
];

/// "Huit personnes, dont trois enfants": a figure after "dont" counts part of the figure
/// before it. Of another category than an unknown one it says who the dead were ([`combine`]
/// reads that); of the same category, or of a figure whose side is known, it adds nothing, and
/// as a second report it would drag the low end down.
fn drop_subsets(text: &str, tolls: Vec<Toll>) -> Vec<Toll> {
    let mut out: Vec<Toll> = Vec::with_capacity(tolls.len());
    for t in tolls {
        let after_dont = word_before_is(text, elided_article_start(text, t.span.start), &["dont"]);
        // "cinq Casques bleus, dont une femme": a part of a figure whose side is already
        // known says who one of them was, whatever its own noun.
        let part_of_earlier = after_dont
            && out.iter().any(|o| {
                o.sentence == t.sentence
                    && o.outcome == t.outcome
                    && (o.category == t.category
                        || o.category != Category::Unknown && !says_only_people(text, o))
                    && o.range.best >= t.range.best
            });
        // "24 enfants faisaient partie des tués": part of a figure told before, whatever its
        // sentence or category.
        let among_earlier = out
            .iter()
            .any(|o| o.outcome == t.outcome && o.range.best >= t.range.best)
            && said_among_the_dead(text, t.span.start);
        if !part_of_earlier && !among_earlier {
            out.push(t);
        }
    }
    out
}

/// "60 victimes, dont 41 morts et 19 blessés", "près de 100 victimes, avec 81 décès
/// confirmés": "victimes" counts the wounded with the dead when the same sentence gives a
/// smaller figure of dead, so the dead are that figure.
fn drop_victims_broken_down(text: &str, tolls: &mut Vec<Toll>) {
    let victims = |t: &Toll| {
        let tail = &text[..t.noun_end];
        tail.ends_with("victimes") || tail.ends_with("victime")
    };
    if !tolls.iter().any(victims) {
        return;
    }
    let dead = |t: &Toll| {
        matches!(
            last_noun_word(text, t).as_str(),
            "morts" | "mort" | "deces" | "tues" | "tuees" | "decedes" | "decedees"
        )
    };
    let broken_down: Vec<usize> = (0..tolls.len())
        .filter(|&i| {
            let v = &tolls[i];
            v.outcome == Outcome::Killed
                && victims(v)
                && tolls.iter().any(|d| {
                    d.sentence == v.sentence
                        && d.outcome == Outcome::Killed
                        && d.span.start > v.span.start
                        && d.range.best < v.range.best
                        && dead(d)
                })
        })
        .collect();
    for i in broken_down.into_iter().rev() {
        tolls.remove(i);
    }
}

/// "sept personnes": a noun that says only "people", whatever category it was given.
fn says_only_people(text: &str, t: &Toll) -> bool {
    matches!(last_noun_word(text, t).as_str(), "personnes" | "personne")
}

/// The last word of a toll's noun, folded ("décès" → "deces").
fn last_noun_word(text: &str, t: &Toll) -> String {
    let from = text.floor_char_boundary(t.noun_end.saturating_sub(12));
    crate::corpus::normalize::fold_key(&text[from..t.noun_end])
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_string()
}

/// "… faisaient partie des tués", "… figurent parmi les victimes", "Parmi les victimes, …":
/// the words around the toll starting at `start` count it among dead already told.
fn said_among_the_dead(text: &str, start: usize) -> bool {
    // "Parmi les victimes figurent un gendarme et quatre assaillants": said before the figure,
    // within its sentence, however long the list before it ("sept membres d'une même famille
    // et quatre nourrissons").
    let from = text.floor_char_boundary(start.saturating_sub(160));
    let before = &text[from..start];
    let before = before
        .rfind(['.', '!', '?', '\n'])
        .map_or(before, |i| &before[i + 1..]);
    let before = crate::corpus::normalize::fold_key(before);
    if [
        "parmi les victimes",
        "parmi les morts",
        "parmi les tues",
        "parmi les personnes tuees",
        "au nombre des victimes",
        "au nombre des morts",
        "au nombre des tues",
        "au nombre des personnes tuees",
        "parmi les personnes decedees",
        "au nombre des personnes decedees",
    ]
    .iter()
    .any(|p| before.contains(p))
    {
        return true;
    }
    let stop = text.floor_char_boundary((start + 80).min(text.len()));
    let after = crate::corpus::normalize::fold_key(&text[start..stop]);
    [
        "faisaient partie des",
        "faisait partie des",
        "font partie des",
        "figurent parmi les",
        "figuraient parmi les",
        "comptent parmi les",
        "sont au nombre des",
    ]
    .iter()
    .any(|p| after.contains(p))
}

/// "Quatre femmes et deux enfants ont été tués": figures of one category joined by "et" (or
/// a list "deux femmes, trois enfants et un vieillard") count different victims, so they add
/// up to one toll; in a list of several categories ("deux soldats, un civil et trois
/// gendarmes") the figures of each category add up. Two figures of one category said apart
/// are conflicting reports of the same dead ([`combine`]'s job), and so is "20 civils, 25
/// selon les habitants".
fn join_conjuncts(text: &str, tolls: Vec<Toll>) -> Vec<Toll> {
    // How each toll is joined to the one before it, whatever their categories.
    let link: Vec<Link> = (0..tolls.len())
        .map(|i| {
            let Some(prev) = i.checked_sub(1).map(|p| &tolls[p]) else {
                return Link::None;
            };
            let t = &tolls[i];
            if prev.sentence != t.sentence
                || prev.outcome != t.outcome
                || prev.noun_end > t.span.start
            {
                return Link::None;
            }
            if t.carried && prev.category == t.category {
                return Link::And;
            }
            conjunction(&text[prev.noun_end..t.span.start])
        })
        .collect();
    let mut out: Vec<Toll> = Vec::with_capacity(tolls.len());
    // Where the list the last toll belongs to starts in `out`.
    let mut list_start = 0;
    for (i, t) in tolls.into_iter().enumerate() {
        // A comma joins only a list that ends with "et".
        let joined = match link[i] {
            Link::And => true,
            Link::Comma => link[i + 1..]
                .iter()
                .take_while(|l| **l != Link::None)
                .any(|l| *l == Link::And),
            Link::None => false,
        };
        if !joined {
            list_start = out.len();
        } else if let Some(prev) = out[list_start..]
            .iter_mut()
            .rev()
            .find(|p| p.category == t.category)
        {
            // "cinq assaillants tués, et plusieurs autres corps": others with no figure widen
            // the high end only; the best stays the counted dead.
            if t.indefinite && !prev.indefinite {
                prev.range.high = prev.range.high.saturating_add(t.range.high);
            } else {
                prev.range = prev.range.add(t.range);
                prev.vague |= t.vague;
            }
            prev.indefinite &= t.indefinite;
            prev.span.end = prev.span.end.max(t.span.end);
            prev.noun_end = t.noun_end;
            prev.source = prev.source.or(t.source);
            continue;
        }
        out.push(t);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    None,
    Comma,
    And,
}

/// The words between two figures: "et", ", et", "ainsi que" join; a bare comma may list.
fn conjunction(gap: &str) -> Link {
    if gap.contains(['.', ';', ':', '(', ')']) {
        return Link::None;
    }
    let folded = crate::corpus::normalize::fold_key(gap);
    // "le chef du village et ses deux fils": a possessive before the figure.
    let words = folded
        .trim_end()
        .rsplit_once(' ')
        .filter(|(_, last)| POSSESSIVES.contains(last))
        .map_or(folded.as_str(), |(head, _)| head);
    match words.trim() {
        "et" | "ainsi que" | "ainsi qu" | "de meme que" => Link::And,
        "" if gap.trim() == "," => Link::Comma,
        _ => Link::None,
    }
}

/// The first word after `at` (within a few bytes), folded.
fn next_word(text: &str, at: usize, within: usize) -> String {
    let end = text.floor_char_boundary((at + within).min(text.len()));
    let after = crate::corpus::normalize::fold_key(&text[at..end]);
    after
        .split(' ')
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_string()
}

/// "30 septembre" in a text whose year is unknown is still a day, never a count: a figure
/// right before a month name is not a toll.
fn followed_by_month(text: &str, at: usize) -> bool {
    crate::extract::dates::is_month_name(&next_word(text, at, 12))
}

/// "une mère de trois enfants a été tuée": the victim's children, never a count of the dead.
fn after_parenthood(text: &str, at: usize) -> bool {
    let from = text.floor_char_boundary(at.saturating_sub(16));
    // Folded only when it may match: most figures follow no "de".
    if !text[from..at].trim_end().ends_with("de") {
        return false;
    }
    let before = crate::corpus::normalize::fold_key(&text[from..at]);
    ["pere de", "mere de", "parent de", "parents de"]
        .iter()
        .any(|p| before.ends_with(p))
}

/// "un jeune de 25 ans a été tué": an age, never a count of the dead.
fn followed_by_age(text: &str, at: usize) -> bool {
    matches!(
        next_word(text, at, 10).as_str(),
        "ans" | "an" | "annees" | "printemps"
    )
}

/// The smallest vague figure read as a count of the whole conflict rather than of one event
/// ("des centaines", "des milliers").
const AGGREGATE_VAGUE: u32 = 100;

/// "En tout, après les deux attaques, 4 soldats ont été tués": a sum over incidents told
/// apart, each of which has its own toll.
fn sums_several_attacks(text: &str, sentence: &Range<usize>) -> bool {
    let folded = crate::corpus::normalize::fold_key(&text[sentence.clone()]);
    ["en tout", "au total"]
        .iter()
        .any(|t| folded.starts_with(t))
        && [
            "les deux attaques",
            "les trois attaques",
            "ces deux attaques",
            "ces trois attaques",
            "l ensemble de ces attaques",
            "les deux attentats",
            "ces deux attentats",
        ]
        .iter()
        .any(|p| folded.contains(p))
}

/// "Le conflit a fait des milliers de morts", "on compte déjà plusieurs centaines de
/// victimes": hundreds or thousands said vaguely, in a sentence that tells no event, count the
/// conflict's dead, not an incident's.
/// "Une centaine de personnes ont été tuées" is one figure, said roughly, of one event: only
/// the plural ("des centaines", "plusieurs milliers") counts a conflict.
fn is_aggregate(text: &str, t: &Toll, cues: &[TextCue], sentence: &Range<usize>) -> bool {
    let one_rough_figure = || {
        let said = &text[t.span.clone()];
        let said = crate::corpus::normalize::fold_key(&said[..said.floor_char_boundary(24)]);
        [
            "une ",
            "d une ",
            "pres d une ",
            "environ une ",
            "plus d une ",
        ]
        .iter()
        .any(|p| said.starts_with(p))
            && !said.contains(" millier")
    };
    t.vague
        && t.range.best >= AGGREGATE_VAGUE
        && !one_rough_figure()
        && !cues.iter().any(|c| {
            c.range.start >= sentence.start
                && c.range.end <= sentence.end
                && matches!(c.cue, Cue::Event(e) if e.is_event())
        })
}

/// "cinq personnes (tuées), dont trois soldats": the figure ending at `from` is broken down
/// by a "dont" soon after it.
fn broken_down_after(text: &str, from: usize, sentence_end: usize) -> bool {
    let end = text.floor_char_boundary((from + 32).min(sentence_end));
    text.get(from..end).is_some_and(|after| {
        crate::corpus::normalize::fold_key(after)
            .split(' ')
            .take(3)
            .any(|w| w == "dont")
    })
}

/// "sept personnes ont été tuées à A, dont deux gendarmes": the figure whose outcome ends at
/// `from` is broken down later in its clause, by "dont" and a figure.
fn broken_down_later(text: &str, from: usize, sentence_end: usize) -> bool {
    let end = text.floor_char_boundary((from + 80).min(sentence_end));
    let Some(after) = text.get(from..end) else {
        return false;
    };
    let after = crate::corpus::normalize::fold_key(after);
    let is_figure = |w: &str| {
        w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty()
            || crate::extract::numbers::parse_french_number(w).is_some()
    };
    let mut words = after.split(' ');
    // "13 tués et sept blessés, dont trois graves": a "dont" after another figure breaks
    // that one down.
    match words.find(|w| *w == "dont" || is_figure(w)) {
        Some("dont") => words.next().is_some_and(is_figure),
        _ => false,
    }
}

/// "L'armée a perdu trois hommes", "les jihadistes auraient perdu une dizaine d'hommes": the
/// side named last before "a perdu" right before the figure at `at`, whose men they were.
fn side_that_lost(text: &str, sentence: &Range<usize>, at: usize) -> Option<Category> {
    const LOST: [&str; 6] = [
        "a perdu",
        "ont perdu",
        "avait perdu",
        "avaient perdu",
        "aurait perdu",
        "auraient perdu",
    ];
    const SIDES: [(&str, Category); 20] = [
        ("armee", Category::Soldiers),
        ("fama", Category::Soldiers),
        ("patrouille", Category::Soldiers),
        ("convoi", Category::Soldiers),
        ("detachement", Category::Soldiers),
        ("militaires", Category::Soldiers),
        ("soldats", Category::Soldiers),
        ("gendarmerie", Category::Soldiers),
        ("garde nationale", Category::Soldiers),
        ("jihadistes", Category::Militants),
        ("djihadistes", Category::Militants),
        ("terroristes", Category::Militants),
        ("assaillants", Category::Militants),
        ("jnim", Category::Militants),
        ("eigs", Category::Militants),
        ("groupe arme", Category::Militants),
        ("rebelles", Category::Militants),
        ("minusma", Category::Peacekeepers),
        ("casques bleus", Category::Peacekeepers),
        ("wagner", Category::Mercenaries),
    ];
    let from = text.floor_char_boundary(at.saturating_sub(32).max(sentence.start));
    let just_before = crate::corpus::normalize::fold_key(text.get(from..at)?);
    let just_before = just_before
        .trim_end()
        .trim_end_matches(" au moins")
        .trim_end_matches(" plus de");
    if !LOST.iter().any(|v| just_before.ends_with(v)) {
        return None;
    }
    let before = format!(
        " {} ",
        crate::corpus::normalize::fold_key(text.get(sentence.start..at)?)
    );
    // (Whole words: "armee" is not found in "armees".)
    SIDES
        .iter()
        .filter_map(|(w, c)| {
            before
                .match_indices(w)
                .filter(|(i, _)| {
                    before[..*i].ends_with(' ') && before[i + w.len()..].starts_with(' ')
                })
                .last()
                .map(|(i, _)| (i, *c))
        })
        .max_by_key(|(i, _)| *i)
        .map(|(_, c)| c)
}

/// "« Nous avons perdu six hommes », a dit un officier": a loss in the first person, in a
/// sentence whose speaker is military.
fn military_speaker_lost(text: &str, sentence: &Range<usize>, at: usize) -> bool {
    let from = text.floor_char_boundary(at.saturating_sub(24).max(sentence.start));
    let Some(before) = text.get(from..at) else {
        return false;
    };
    let before = crate::corpus::normalize::fold_key(before);
    // "L'armée déplore trois morts": the army mourns its own.
    if ![
        "avons perdu",
        "avions perdu",
        "deplore",
        "deplorent",
        "deplorait",
    ]
    .iter()
    .any(|v| before.ends_with(v))
    {
        return false;
    }
    let Some(whole) = text.get(sentence.clone()) else {
        return false;
    };
    let whole = crate::corpus::normalize::fold_key(whole);
    [
        "militaire",
        "armee",
        "fama",
        "officier",
        "soldat",
        "colonel",
        "capitaine",
        "commandant",
        "gendarme",
    ]
    .iter()
    .any(|w| whole.split(' ').any(|x| x.starts_with(w)))
}

/// "Une vingtaine de victimes, morts et blessés confondus", "une vingtaine de personnes si
/// on compte les militaires morts, blessés et disparus": a figure that counts the wounded
/// with the dead is not a death toll.
fn counts_the_wounded_too(text: &str, t: &Toll, sentence: &Range<usize>) -> bool {
    let end = text.floor_char_boundary((t.span.end + 90).min(sentence.end));
    let Some(after) = text.get(t.span.end..end) else {
        return false;
    };
    let after = crate::corpus::normalize::fold_key(after);
    [
        "morts et blesses confondus",
        "blesses et morts confondus",
        "tues et blesses confondus",
        "morts blesses",
        "tues blesses",
        "si on compte",
        "si l on compte",
    ]
    .iter()
    .any(|p| after.contains(p))
}

/// How far before a figure "accident" still governs it.
const ACCIDENT_REACH: usize = 160;

/// "L'accident qui a causé quatre morts", "un accident de la route a fait trois morts": deaths
/// of a road or work accident are not conflict deaths (ACLED leaves them out). Unless an event
/// cue (a mine, an attack) stands between "accident" and the figure.
pub(crate) fn by_accident(
    text: &str,
    cues: &[TextCue],
    sentence: &Range<usize>,
    at: usize,
) -> bool {
    let from = text.floor_char_boundary(at.saturating_sub(ACCIDENT_REACH).max(sentence.start));
    let Some(stretch) = text.get(from..at) else {
        return false;
    };
    let before = crate::corpus::normalize::fold_key(stretch);
    let Some(i) = before.rfind("accident") else {
        return false;
    };
    let word_start = i == 0 || before.as_bytes()[i - 1] == b' ';
    let after = &before[i + "accident".len()..];
    let word_end = after.is_empty() || after.starts_with(' ') || after.starts_with("s ");
    if !(word_start && word_end) {
        return false;
    }
    // The cue must lie after "accident": find it in the original text's last stretch.
    let accident_at = stretch
        .rfind("accident")
        .max(stretch.rfind("Accident"))
        .map_or(from, |j| from + j);
    !cues.iter().any(|c| {
        c.range.start >= accident_at
            && c.range.end <= at
            && matches!(c.cue, Cue::Event(e) if e.is_event())
    })
}

/// "quatre corps de militaires", "les dépouilles de civils": the side of the dead whose
/// bodies a body noun counts, said right after it.
fn bodies_of(text: &str, cues: &[TextCue], victim: &TextCue) -> Option<Category> {
    let noun = crate::corpus::normalize::fold_key(&text[victim.range.clone()]);
    if !matches!(
        noun.as_str(),
        "corps" | "cadavres" | "depouilles" | "cadavre" | "depouille"
    ) {
        return None;
    }
    let gap_end = text.ceil_char_boundary((victim.range.end + 5).min(text.len()));
    let after = crate::corpus::normalize::fold_key(&text[victim.range.end..gap_end]);
    if !(after.starts_with("de ") || after.starts_with("d ")) {
        // "Les assaillants ont abandonné sur le terrain 04 corps": bodies left behind are the
        // attackers' own.
        let before = folded_before(text, victim.range.start, 48);
        let left_behind = ["abandonne", "laisse sur le terrain", "laisse derriere"]
            .iter()
            .any(|v| before.contains(v));
        return left_behind.then_some(Category::Militants);
    }
    cues.iter()
        .filter(|c| c.range.start > victim.range.end && c.range.start <= victim.range.end + 5)
        .find_map(|c| match c.cue {
            Cue::Victim(k) if k != Category::Unknown => Some(k),
            _ => None,
        })
}

/// "Après le massacre d'au moins 40 civils, une nouvelle incursion armée…": the dead of the
/// event a sentence says its own came after, which another one (`nouvelle`, `autre`) follows.
/// They are that earlier event's, told in passing; the figure at `at` is no toll here.
fn dead_of_the_event_before(text: &str, sentence: &Range<usize>, at: usize) -> bool {
    let before = folded_before(text, at, at.saturating_sub(sentence.start).min(60));
    let mut words: Vec<&str> = before.split(' ').collect();
    let strip = |words: &mut Vec<&str>, any: &[&str]| {
        let hit = words.last().is_some_and(|w| any.contains(w));
        if hit {
            words.pop();
        }
        hit
    };
    // "au moins", "plus de", "près de", "quelque", "environ".
    if words.ends_with(&["au", "moins"])
        || words.ends_with(&["plus", "de"])
        || words.ends_with(&["pres", "de"])
    {
        words.truncate(words.len() - 2);
    } else {
        strip(&mut words, &["quelque", "environ"]);
    }
    let after_an_event = strip(&mut words, &["de", "d", "des"])
        && strip(
            &mut words,
            &[
                "massacre",
                "massacres",
                "tuerie",
                "attaque",
                "attaques",
                "assassinat",
                "execution",
                "embuscade",
                "mort",
            ],
        )
        && strip(&mut words, &["le", "la", "l"])
        && words.last() == Some(&"apres");
    if !after_an_event {
        return false;
    }
    let after = crate::corpus::normalize::fold_key(&text[at..sentence.end.max(at)]);
    [
        " nouvelle ",
        " nouvel ",
        " nouveau ",
        " une autre ",
        " un autre ",
    ]
    .iter()
    .any(|w| after.contains(w))
}

#[allow(clippy::too_many_arguments)]
fn complete(
    text: &str,
    cues: &[TextCue],
    si: usize,
    sentence: &Range<usize>,
    quantity: Range<usize>,
    victim: &TextCue,
    range: TollRange,
    vague: bool,
) -> Option<Toll> {
    let Cue::Victim(category) = victim.cue else {
        return None;
    };
    if by_accident(text, cues, sentence, quantity.start)
        || dead_of_the_event_before(text, sentence, quantity.start)
    {
        return None;
    }
    // The noun itself may say the outcome ("morts", "otages").
    let own = cues.iter().find_map(|c| match c.cue {
        Cue::Outcome(o) if c.range == victim.range => Some(o),
        _ => None,
    });
    let (outcome, end) = match own {
        Some(o) => (o, victim.range.end),
        None => outcome_near(text, cues, sentence, &quantity, &victim.range)?,
    };
    // "30 morts parmi les assaillants", "dans les rangs de l'armée": the category follows.
    // "30 personnes côté amis": a noun that says only "people" yields to the side named.
    let generic = matches!(
        crate::corpus::normalize::fold_key(&text[victim.range.clone()]).as_str(),
        "personnes" | "personne"
    );
    // "Ils ont repoussé les assaillants, au prix de 10 tués": the price is paid by whoever
    // acted, not by the side named before it.
    let at_a_price = {
        let before = folded_before(text, quantity.start, 16);
        let before = before.trim_end();
        before.ends_with("au prix de") || before.ends_with("au prix d")
    };
    let category = if category == Category::Unknown || generic {
        bodies_of(text, cues, victim)
            .or_else(|| category_after(text, cues, victim.range.end))
            .or_else(|| {
                (!at_a_price)
                    .then(|| category_before(text, cues, sentence.start, quantity.start))
                    .flatten()
            })
            .or_else(|| {
                (!at_a_price)
                    .then(|| own_ranks(text, cues, sentence, quantity.start, victim.range.end))
                    .flatten()
            })
            // "cinq personnes tuées, dont trois soldats": people of every side, broken down
            // (an exact figure: "une dizaine de personnes, dont huit civils" stays as said).
            .or_else(|| {
                // "Parmi les sept personnes, il y a deux gendarmes…": the dead told again,
                // to be broken down.
                (generic
                    && !vague
                    && (broken_down_after(text, victim.range.end, sentence.end)
                        || broken_down_later(text, end, sentence.end)
                        || folded_before(text, quantity.start, 12)
                            .trim_end()
                            .ends_with("parmi les")))
                .then_some(Category::Unknown)
            })
            .unwrap_or(category)
    } else {
        category
    };
    // "« Nous avons perdu six hommes », a dit le responsable militaire": the speaker's men.
    let category = if matches!(category, Category::Civilians | Category::Unknown)
        && military_speaker_lost(text, sentence, quantity.start)
    {
        Category::Soldiers
    } else {
        category
    };
    // "une patrouille de l'armée, laquelle a perdu deux hommes": the men of the side that
    // lost them.
    let category = match category {
        Category::Civilians | Category::Unknown
            if matches!(
                crate::corpus::normalize::fold_key(&text[victim.range.clone()]).as_str(),
                "hommes" | "elements"
            ) =>
        {
            side_that_lost(text, sentence, quantity.start).unwrap_or(category)
        }
        c => c,
    };
    // The sentence's first speaker, unless another is the subject of a reporting verb nearer
    // before the figure: in "les rebelles ont déclaré avoir tué dix soldats, après que
    // l'armée a déclaré avoir tué vingt rebelles", each figure is its own speaker's.
    let sources = || {
        cues.iter()
            .filter(|c| c.range.start >= sentence.start && c.range.end <= sentence.end)
            // "dix morts dans les rangs de l'armée": the army counted among the dead, not
            // speaking.
            .filter(|c| !counted_among(text, c.range.start))
            .filter_map(|c| match c.cue {
                Cue::Source(s) => Some((c.range.end, s)),
                _ => None,
            })
    };
    let source = sources()
        .rfind(|(end, _)| *end <= quantity.start && speaks_at(text, *end))
        .or_else(|| sources().next())
        .map(|(_, s)| s);
    let span_end = if end > victim.range.end && end - victim.range.end <= 40 {
        end
    } else {
        victim.range.end
    };
    let indefinite = vague && is_indefinite(text, &quantity);
    let folded_sentence = crate::corpus::normalize::fold_key(&text[sentence.clone()]);
    Some(Toll {
        outcome,
        category,
        range,
        vague,
        span: quantity.start..span_end,
        sentence: si,
        source,
        indefinite,
        noun_end: victim.range.end,
        unconfirmed: says_any(&folded_sentence, UNCONFIRMED),
        superseded: says_any(&folded_sentence, SUPERSEDED),
        revises: revises_a_toll(&folded_sentence),
        carried: false,
    })
}

/// A reporting verb right after a speaker's name ending at `at`: "l'armée a déclaré",
/// "les rebelles affirment".
fn speaks_at(text: &str, at: usize) -> bool {
    let to = text.ceil_char_boundary((at + 28).min(text.len()));
    let after = crate::corpus::normalize::fold_key(&text[at..to]);
    let after = after
        .strip_prefix("a ")
        .or_else(|| after.strip_prefix("ont "))
        .unwrap_or(&after);
    [
        "declare",
        "affirme",
        "annonce",
        "indique",
        "assure",
        "revendique",
        "precise",
        "fait etat",
        "fait savoir",
    ]
    .iter()
    .any(|v| after.starts_with(v))
}

/// "plusieurs", "quelques": no figure at all, only "more than one".
fn is_indefinite(text: &str, quantity: &Range<usize>) -> bool {
    matches!(
        crate::corpus::normalize::fold_key(&text[quantity.clone()]).as_str(),
        "plusieurs" | "quelques" | "de nombreux" | "de nombreuses" | "nombreux" | "nombreuses"
    )
}

/// The words between a toll and a later figure of the same sentence when they only carry the
/// toll over to that figure: "tuant quatre bergers à Dioura, puis | six civils",
/// "35 morts à Sobane et | dix à Gangafani". Not a breakdown ("neuf morts dont sept à A"), whose
/// parts the total already counts, and not when another outcome or victim comes between.
fn carries_over(text: &str, cues: &[TextCue], prev: &Toll, next: usize) -> bool {
    if prev.span.end > next || next - prev.span.end > 80 {
        return false;
    }
    let gap = &text[prev.span.end..next];
    if gap.contains(['.', '!', '?', '(', ')', '«', '»', ':', '\n']) {
        return false;
    }
    let folded = crate::corpus::normalize::fold_key(gap);
    if folded.split(' ').any(|w| w == "dont" || w == "parmi") {
        return false;
    }
    // Cues are sorted by start: only those inside the gap are read.
    let first = cues.partition_point(|c| c.range.start < prev.span.end);
    if cues[first..]
        .iter()
        .take_while(|c| c.range.start < next)
        .any(|c| c.range.end <= next && matches!(c.cue, Cue::Outcome(_) | Cue::Victim(_)))
    {
        return false;
    }
    matches!(folded.split(' ').next_back(), Some("puis" | "et"))
        || gap.trim_end().ends_with([',', ';'])
}

/// "à Dioura, puis ": words that put the figure before them at a place ("à", "au", "dans" and a
/// capitalised name).
fn names_a_place(gap: &str) -> bool {
    gap.char_indices()
        .any(|(i, _)| (i == 0 || gap[..i].ends_with(' ')) && starts_with_a_place(&gap[i..]))
}

/// "à Nampala …", "dans Gao …": a locative and a capitalised name.
fn starts_with_a_place(s: &str) -> bool {
    ["à ", "au ", "dans "].iter().any(|p| {
        s.strip_prefix(p)
            .and_then(|name| name.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

/// Up to `within` bytes of text after `at`, stopping at punctuation.
fn clause_after(text: &str, at: usize, within: usize) -> &str {
    let end = text.floor_char_boundary((at + within).min(text.len()));
    let rest = &text[at..end];
    rest.find(['.', ',', ';', ':', '(', ')', '«', '»', '\n'])
        .map_or(rest, |i| &rest[..i])
}

/// "Ils ont tué quatre bergers à Dioura, puis six civils à Nampala": the second figure's verb
/// is the first one's, left out. The figure takes the outcome of the toll it follows.
fn elided_outcome(
    text: &str,
    cues: &[TextCue],
    prev: &Toll,
    q: &Quantity,
    victim: &TextCue,
    si: usize,
) -> Option<Toll> {
    let Cue::Victim(category) = victim.cue else {
        return None;
    };
    if !carries_over(text, cues, prev, q.span.start) {
        return None;
    }
    Some(Toll {
        category: if category == Category::Unknown {
            prev.category
        } else {
            category
        },
        range: q.range,
        vague: q.vague,
        span: q.span.start..victim.range.end,
        sentence: si,
        indefinite: q.vague && is_indefinite(text, &q.span),
        noun_end: victim.range.end,
        carried: true,
        ..prev.clone()
    })
}

/// "35 morts à Sobane et dix à Gangafani": a bare figure right before the place it happened
/// counts what the toll before it counts.
fn figure_at_another_place(
    text: &str,
    cues: &[TextCue],
    prev: &Toll,
    q: &Quantity,
    si: usize,
) -> Option<Toll> {
    let place_follows = text
        .get(q.span.end..)?
        .strip_prefix(' ')
        .is_some_and(starts_with_a_place);
    if !place_follows || !carries_over(text, cues, prev, q.span.start) {
        return None;
    }
    Some(Toll {
        range: q.range,
        vague: q.vague,
        span: q.span.clone(),
        sentence: si,
        indefinite: q.vague && is_indefinite(text, &q.span),
        noun_end: q.span.end,
        carried: true,
        ..prev.clone()
    })
}

/// Words by which a text says a figure was revised since ("un précédent bilan"). Not "premier
/// bilan": a first toll is often the only one.
const SUPERSEDED: &[&str] = &[
    "precedent bilan",
    "bilan precedent",
    "ancien bilan",
    "communique precedent",
    // "Des sources militaires jointes auparavant avaient fait état de dix morts": a report
    // told in the pluperfect came before the one the text now gives.
    "avaient fait etat",
    "avait fait etat",
    "jointes auparavant",
    "joints auparavant",
    "jointe auparavant",
    "joint auparavant",
];

/// Words by which a text says a toll was revised to the figure of its sentence.
const REVISES: &[&str] = &[
    "s est alourdi",
    "s alourdit",
    "revu a la hausse",
    "revise a la hausse",
    "nouveau bilan",
    "bilan actualise",
    "bilan definitif",
    // "Le bilan est passé de trois à quatre morts", "le bilan passe donc à 12".
    "bilan est passe",
    "bilan passe ",
    "bilan a passe",
];

/// "Le bilan s'est alourdi", "ce bilan a (malheureusement) évolué", "un nouveau bilan": the
/// sentence's figure replaces an earlier one.
pub(crate) fn revises_a_toll(folded_sentence: &str) -> bool {
    says_any(folded_sentence, REVISES)
        || folded_sentence
            .find("bilan ")
            .is_some_and(|b| folded_sentence[b..].contains(" evolue"))
}

/// The folded sentence holds one of `phrases`: "cela reste à confirmer" ([`UNCONFIRMED`]), "un
/// précédent bilan faisait état de…" ([`SUPERSEDED`]).
fn says_any(folded_sentence: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| folded_sentence.contains(p))
}

/// A source noun right after "dans les rangs de", "du côté de", "parmi": the victims' side.
fn counted_among(text: &str, at: usize) -> bool {
    let before = folded_before(text, at, 24);
    let before = before.trim_end();
    [
        "rangs de",
        "rangs des",
        "rangs du",
        "cote de",
        "cote des",
        "cote du",
        "parmi",
    ]
    .iter()
    .any(|p| before.ends_with(p))
}

/// Words by which a text says a figure is not confirmed.
const UNCONFIRMED: &[&str] = &[
    "reste a confirmer",
    "restent a confirmer",
    "a confirmer",
    "non confirme",
    "pas encore confirme",
    "pas ete confirme",
    "sans confirmation",
    "inverifiable",
    "n a pas pu etre verifie",
    "n ont pas pu etre verifie",
    // "D'aucuns parlent même de trois morts": a rumour, beside the figure said.
    "d aucuns parlent",
    "d aucun parlent",
    "certains parlent",
    "on parle meme",
    "certains evoquent",
    "selon des rumeurs",
    "des rumeurs font etat",
];

/// "Une trentaine d'assaillants ont attaqué le village, tuant cinq civils": the people an
/// attack verb follows are the attackers, whatever outcome the sentence says later. True when
/// an attack verb ("ont attaqué", "ont donné l'assaut", "ont ouvert le feu") starts within a
/// few words after the noun ending at `noun_end`, with no outcome or punctuation between.
fn attack_follows(text: &str, cues: &[TextCue], noun_end: usize, until: usize) -> bool {
    let start = cues.partition_point(|c| c.range.start < noun_end);
    for c in &cues[start..] {
        if c.range.start > until || c.range.start > noun_end + 40 {
            return false;
        }
        match c.cue {
            Cue::Outcome(_) => return false,
            Cue::Event(crate::extract::lexicon::EventCue::Attack) => {
                let gap = &text[noun_end..c.range.start];
                // "avoir tué 30 assaillants qui ont attaqué le camp": a relative clause says
                // what the victims had done.
                if gap.contains(['.', ',', ';', ':', '(', ')', '«', '»'])
                    || crate::corpus::normalize::fold_key(gap)
                        .split(' ')
                        .any(|w| w == "qui")
                {
                    return false;
                }
                let verb = crate::corpus::normalize::fold_key(&text[c.range.clone()]);
                return ATTACK_AUXILIARIES
                    .iter()
                    .any(|a| verb.starts_with(a) && verb[a.len()..].starts_with(' '))
                    || verb.ends_with("ent");
            }
            _ => {}
        }
    }
    false
}

/// How an attack verb said of its subject starts ("ont attaqué", "a ouvert le feu").
const ATTACK_AUXILIARIES: &[&str] = &["ont", "a", "avaient", "avait", "font", "sont"];

/// "selon Issa Traoré, un élu local", "a affirmé Issa Traoré, un habitant": the words before
/// the article at `at` are a speech cue, then a capitalised name and a comma.
fn apposition_to_a_source(text: &str, at: usize) -> bool {
    let from = text.floor_char_boundary(at.saturating_sub(60));
    let Some(head) = text[from..at].trim_end().strip_suffix(',') else {
        return false;
    };
    // The name: capitalised words back to the cue.
    let words: Vec<&str> = head.split_whitespace().collect();
    let name_len = words
        .iter()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if name_len == 0 || name_len == words.len() {
        return false;
    }
    let cue = crate::corpus::normalize::fold_key(words[words.len() - name_len - 1]);
    matches!(
        cue.as_str(),
        "selon"
            | "affirme"
            | "declare"
            | "indique"
            | "explique"
            | "raconte"
            | "precise"
            | "temoigne"
    )
}

/// "Des militaires ont été tués": the victim noun at `at` follows "des", a number not said.
pub fn says_des_before(text: &str, at: usize) -> bool {
    word_before_is(text, at, &["des"])
}

/// The first victim noun starting within three words after `from`, in the same sentence.
fn victim_after<'a>(
    text: &str,
    cues: &'a [TextCue],
    from: usize,
    until: usize,
) -> Option<&'a TextCue> {
    let start = cues.partition_point(|c| c.range.start < from);
    for c in &cues[start..] {
        if c.range.start > until || c.range.start > from + 60 {
            return None;
        }
        let Cue::Victim(_) = c.cue else { continue };
        if c.range.end > until {
            return None;
        }
        let gap = &text[from..c.range.start];
        // "un « civil »": a noun in quotes is still the figure's.
        let opening_quote = gap.trim();
        if !opening_quote.is_empty()
            && opening_quote
                .chars()
                .all(|ch| matches!(ch, '«' | '"' | '“'))
        {
            return Some(c);
        }
        // "Vers 21 heures, des hommes armés": a comma closes the figure's phrase.
        if gap.contains(['.', ',', ';', ':', '(', ')', '\n', '«', '»', '–', '—']) {
            return None;
        }
        let words = gap
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty());
        let mut n = 0;
        for w in words {
            if w.chars().any(|ch| ch.is_ascii_digit()) {
                return None;
            }
            // "deux sources militaires", "trois véhicules de l'armée": what is counted is not
            // a person, whatever word follows.
            if n == 0 && NOT_VICTIMS.contains(&crate::corpus::normalize::fold_key(w).as_str()) {
                return None;
            }
            n += 1;
        }
        if n <= 3 {
            // Several cues may start here; the list is sorted longest first.
            return Some(c);
        }
        return None;
    }
    None
}

/// "Un habitant de la localité affirme que…", "…, a déclaré un officier": the person the
/// sentence quotes is a source, not a victim. The speech verb comes within a few words after
/// the noun, before anything that says what happened to it ("un civil a été tué, a indiqué
/// l'armée" is a victim), or right before the article.
fn speaks(text: &str, article: usize, noun_end: usize, sentence: &Range<usize>) -> bool {
    let before_start =
        text.floor_char_boundary(article.saturating_sub(30).max(sentence.start).min(article));
    let before = crate::corpus::normalize::fold_key(&text[before_start..article]);
    let mut before_words = before.split(' ').filter(|w| !w.is_empty()).rev();
    let word_before = before_words.next().unwrap_or("");
    // "tuant un gendarme, a indiqué le ministère": the verb before says what befell it.
    if [
        "tu", "bless", "abatt", "execut", "assassin", "egorg", "enlev",
    ]
    .iter()
    .any(|stem| word_before.starts_with(stem))
    {
        return false;
    }
    // "« … », déplore un habitant" speaks; "on déplore un mort" counts: a noun that says its
    // outcome never speaks.
    let noun = crate::corpus::normalize::fold_key(&text[article..noun_end]);
    if matches!(noun.rsplit(' ').next(), Some("mort" | "victime")) {
        return false;
    }
    // "L'armée déplore un soldat tué": nor does a noun its outcome follows.
    let to = text.floor_char_boundary((noun_end + 14).min(sentence.end).max(noun_end));
    let raw_after = &text[noun_end..to];
    let after = crate::corpus::normalize::fold_key(raw_after);
    if raw_after.trim_start().starts_with(char::is_alphabetic)
        && ["tue", "abattu", "blesse", "execute", "assassine", "egorge"]
            .iter()
            .any(|o| after.trim_start().starts_with(o))
    {
        return false;
    }
    if SPEECH.contains(&word_before) || before_words.next().is_some_and(|w| SPEECH.contains(&w)) {
        return true;
    }
    // "a affirmé pour sa part à l'AFP un élu local": asides between the verb and its subject.
    let wide_start =
        text.floor_char_boundary(article.saturating_sub(64).max(sentence.start).min(article));
    let wide = crate::corpus::normalize::fold_key(&text[wide_start..article]);
    let mut rest = wide.trim_end();
    while let Some(r) = SPEECH_ASIDES.iter().find_map(|a| {
        rest.strip_suffix(a)
            .filter(|r| r.is_empty() || r.ends_with(' '))
    }) {
        rest = r.trim_end();
    }
    if rest.len() < wide.trim_end().len()
        && rest.rsplit(' ').next().is_some_and(|w| SPEECH.contains(&w))
    {
        return true;
    }
    let after_end = text.floor_char_boundary((noun_end + 70).min(sentence.end));
    let after = crate::corpus::normalize::fold_key(&text[noun_end..after_end]);
    for w in after.split(' ').filter(|w| !w.is_empty()).take(6) {
        if SPEECH.contains(&w) {
            return true;
        }
        if matches!(w, "ete" | "est" | "sont" | "etait" | "fut") {
            break;
        }
        if w.starts_with("tue") || w.starts_with("bless") || w.starts_with("mort") {
            return false;
        }
    }
    false
}

/// Words that may stand between a speech verb and its subject ("a affirmé pour sa part à
/// l'AFP un élu"), folded.
const SPEECH_ASIDES: &[&str] = &[
    "pour sa part",
    "pour leur part",
    "de son cote",
    "de leur cote",
    "quant a lui",
    "a l afp",
    "a rfi",
    "a la bbc",
    "a reuters",
    "a l ap",
    "a studio tamani",
    "egalement",
    "aussi",
    "encore",
    "a son tour",
    "sous couvert d anonymat",
    "sous couvert de l anonymat",
];

/// The words between a singular victim and a later figure: at most one adjective, then "et".
fn joined_by_et(gap: &str) -> bool {
    // "un soldat, de nationalité tchadienne, et deux civils": an apposition between commas,
    // maybe after the noun's complement ("un soldat de l'ONU, de nationalité …, et").
    let gap = gap
        .split_once(',')
        .filter(|(complement, _)| {
            let words: Vec<&str> = complement.split_whitespace().collect();
            words.len() <= 3
                && words
                    .first()
                    .is_none_or(|w| matches!(*w, "de" | "du" | "des") || w.starts_with("d'"))
        })
        .and_then(|(_, rest)| rest.split_once(','))
        .filter(|(apposition, _)| {
            apposition.len() <= 40
                && !apposition.contains(['.', ';', ':', '(', ')'])
                && apposition.split_whitespace().count() <= 5
        })
        .map_or(gap, |(_, after)| after);
    if gap.len() > 40 || gap.contains([',', '.', ';', ':', '(', ')']) {
        return false;
    }
    let folded = crate::corpus::normalize::fold_key(gap);
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    // "un berger et ses trois enfants": a possessive before the figure.
    if words.last().is_some_and(|w| POSSESSIVES.contains(w)) {
        words.pop();
    }
    words.last() == Some(&"et") && words.len() <= 2
}

/// "un soldat, deux gendarmes et trois civils": a singular noun ending at `noun_end` heads a
/// list of figures after a bare comma, which ends with "et" (before `next` or soon after it):
/// `next` is a later item of that list.
fn listed_before_et(text: &str, noun_end: usize, next: &Toll) -> bool {
    let Some(gap) = text.get(noun_end..next.span.start) else {
        return false;
    };
    if !gap.trim_start().starts_with(',')
        || gap.len() > 80
        || gap.contains(['.', ';', ':', '(', ')', '\n'])
    {
        return false;
    }
    let words = crate::corpus::normalize::fold_key(gap);
    let words: Vec<&str> = words.split(' ').filter(|w| !w.is_empty()).collect();
    // Items only ("deux gendarmes", "trois civils, deux gendarmes"), not a clause.
    if words.iter().filter(|w| **w != "et").count() > 4 {
        return false;
    }
    let end = text.floor_char_boundary((next.noun_end + 60).min(text.len()));
    let rest = &text[next.noun_end..end];
    let rest = rest.split(['.', ';', ':', '(']).next().unwrap_or("");
    words.contains(&"et")
        || crate::corpus::normalize::fold_key(rest)
            .split(' ')
            .take(8)
            .any(|w| w == "et")
}

/// Possessives between "et" and a figure of kin ("et ses deux fils").
const POSSESSIVES: &[&str] = &["ses", "leurs", "leur", "son", "sa"];

/// "deuxième" … "dixième": the number of an ordinal, which a singular victim noun takes as a
/// running toll ("un troisième soldat est mort de ses blessures": three dead now).
fn ordinal(word: &str) -> Option<u32> {
    Some(match word {
        "second" | "seconde" | "deuxieme" => 2,
        "troisieme" => 3,
        "quatrieme" => 4,
        "cinquieme" => 5,
        "sixieme" => 6,
        "septieme" => 7,
        "huitieme" => 8,
        "neuvieme" => 9,
        "dixieme" => 10,
        _ => return None,
    })
}

/// Adjectives that may stand between "un"/"une" and a singular victim noun.
const SINGULAR_ADJECTIVES: &[&str] = &[
    "ancien", "ancienne", "autre", "jeune", "vieux", "vieil", "vieille", "petit", "petite",
    "paisible", "simple", "haut",
];

/// Verbs that introduce what a person says.
const SPEECH: &[&str] = &[
    "precise",
    "declare",
    "affirme",
    "indique",
    "explique",
    "raconte",
    "temoigne",
    "confie",
    "assure",
    "souligne",
    "rapporte",
    "confirme",
    "ajoute",
    "poursuit",
    "deplore",
    "denonce",
    "joint",
    "jointe",
    "contacte",
    "contactee",
    "interroge",
    "interrogee",
    "cite",
    "citee",
    "dit",
];

/// Counted nouns that are never victims, even when a victim noun follows them.
const NOT_VICTIMS: &[&str] = &[
    "source",
    "sources",
    "temoins",
    "responsables",
    "vehicule",
    "vehicules",
    "camion",
    "camions",
    "motos",
    "engins",
    "armes",
    "blindes",
    "postes",
    "positions",
    "camps",
    "bases",
    "unites",
    "bataillons",
    "patrouilles",
    // Units: "vers 21 heures des hommes armés", "à 15 km des soldats".
    "h",
    "heure",
    "heures",
    "minutes",
    "km",
    "kilometres",
    "metres",
    "jours",
    "semaines",
    "mois",
    "ans",
    "annees",
    "fois",
    "tonnes",
    "litres",
    "francs",
    "fcfa",
];

/// "parmi les assaillants", "dans les rangs des militaires", "côté armée": the category of
/// a toll counted with a generic noun ("morts", "victimes").
fn category_after(text: &str, cues: &[TextCue], from: usize) -> Option<Category> {
    // Never past the sentence: "… dans les rangs de l'armée. Les assaillants…".
    let sentence_stop = |len: usize| {
        let end = text.floor_char_boundary((from + len).min(text.len()));
        text[from..end]
            .find(['.', ';', '!', '?'])
            .map_or(end, |stop| from + stop)
    };
    let mut window_end = sentence_stop(48);
    let mut window = crate::corpus::normalize::fold_key(&text[from..window_end]);
    // "5 morts et 8 blessés côté FAMa", "17 morts, 22 blessés et 9 disparus parmi les FAMa":
    // the figures listed between share the side named after them.
    let wide_end = sentence_stop(160);
    let wide = crate::corpus::normalize::fold_key(&text[from..wide_end]);
    let listed = past_listed_figures(&wide);
    if listed > 0 {
        let rest = &wide[listed..];
        window = rest[..rest.floor_char_boundary(48.min(rest.len()))].to_string();
        window_end = wide_end;
    }
    let window = window.as_str();
    // "26 tués, tous des civils", "douze morts, toutes des femmes": who they all were.
    let lead = [
        "parmi les",
        "parmi des",
        "dans les rangs",
        // "deux morts dans le rang de l'armée": the singular, as some newsrooms write it.
        "dans le rang",
        "du cote",
        "cote",
        // "35 morts chez les assaillants".
        "chez les",
        "chez l ",
        "tous des",
        "toutes des",
        "tous",
        "toutes",
    ];
    if !lead.iter().any(|l| window.starts_with(l)) {
        return side_after_verb(text, from);
    }
    if let Some(side) = side_named(window) {
        return Some(side);
    }
    cues.iter()
        .filter(|c| c.range.start >= from && c.range.start < window_end)
        .find_map(|c| match c.cue {
            Cue::Victim(cat) if cat != Category::Unknown => Some(cat),
            _ => None,
        })
}

/// A side named without a victim noun, in a folded window that starts at "côté", "parmi"
/// or "dans les rangs": "côté ennemi" in an army communiqué is the armed groups'; "dans les
/// rangs de l'armée" names the army as an actor, and "côté ami(s)" is the army's own side.
fn side_named(window: &str) -> Option<Category> {
    if window.starts_with("cote ennemi") || window.starts_with("du cote ennemi") {
        return Some(Category::Militants);
    }
    [
        "cote ami",
        "de l armee",
        "des fama",
        "des forces armees",
        "des forces de defense",
    ]
    .iter()
    .any(|a| window.contains(a))
    .then_some(Category::Soldiers)
}

/// Where the side may be named in a folded window after a dead figure's noun, past other
/// figures listed with it: "et 8 blessés", "22 blessés et 9 portés disparus", "vingt-deux (22)
/// blessés". 0 when no figure is listed.
fn past_listed_figures(window: &str) -> usize {
    const LISTED: &[&str] = &[
        "blesses",
        "blesse",
        "disparus",
        "portes disparus",
        "porte disparus",
        "prisonniers",
        "otages",
        "captures",
    ];
    let mut at = 0;
    loop {
        let rest = &window[at..];
        let rest_words = rest.strip_prefix("et ").unwrap_or(rest);
        let skipped = rest.len() - rest_words.len();
        // The words of a figure, five at most ("vingt deux 22", "neufs 9", "8").
        let words: Vec<&str> = rest_words.split(' ').take(5).collect();
        let figure_words = words
            .iter()
            .take_while(|w| {
                let number = crate::extract::numbers::parse_french_number;
                // "neufs (9)": a stray plural.
                w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty()
                    || number(w).is_some()
                    || w.strip_suffix('s').is_some_and(|w| number(w).is_some())
            })
            .count();
        if figure_words == 0 {
            return at;
        }
        let figure_len: usize = words[..figure_words].iter().map(|w| w.len() + 1).sum();
        let Some(after) = rest_words.get(figure_len.min(rest_words.len())..) else {
            return at;
        };
        let Some(noun) = LISTED.iter().find(|n| {
            after.starts_with(*n) && matches!(after.as_bytes().get(n.len()), None | Some(b' '))
        }) else {
            return at;
        };
        at += skipped + figure_len + noun.len();
        if window.as_bytes().get(at) == Some(&b' ') {
            at += 1;
        }
        if at >= window.len() {
            return window.len();
        }
    }
}

/// "Deux morts et dix blessés ont été enregistrés dans le camp des FAMa": the side named
/// after the verb that counts the dead, in the same clause.
fn side_after_verb(text: &str, from: usize) -> Option<Category> {
    let mut end = text.floor_char_boundary((from + 110).min(text.len()));
    if let Some(stop) = text[from..end].find(['.', ';', '!', '?', '(', ':']) {
        end = from + stop;
    }
    let window = crate::corpus::normalize::fold_key(&text[from..end]);
    let verbs = [
        "enregistres dans",
        "enregistres du",
        "deplores dans",
        "deplores du",
        "comptes dans",
        "recenses dans",
    ];
    let at = verbs.iter().find_map(|v| window.find(v))?;
    let side = &window[at..];
    let army = [
        "rangs de l armee",
        "rangs des fama",
        "rangs des forces armees",
        "camp des fama",
        "camp des forces armees",
        "camp de l armee",
        "cote de l armee",
        "cote des fama",
        "cote des forces armees",
    ];
    army.iter()
        .any(|a| side.contains(a))
        .then_some(Category::Soldiers)
}

/// "Des casques bleus … six morts et deux blessés dans leurs rangs": the dead belong to the
/// sentence's subject, the first victim noun of a known category before the figure;
/// "dans nos rangs" in a communiqué is the army's.
fn own_ranks(
    text: &str,
    cues: &[TextCue],
    sentence: &Range<usize>,
    quantity_start: usize,
    from: usize,
) -> Option<Category> {
    let mut end = text.floor_char_boundary((from + 64).min(sentence.end));
    if let Some(stop) = text[from..end].find([',', '.', ';', ':', '(']) {
        end = from + stop;
    }
    let window = crate::corpus::normalize::fold_key(&text[from..end]);
    if window.contains("dans nos rangs") {
        return Some(Category::Soldiers);
    }
    if !(window.contains("dans leurs rangs") || window.contains("dans ses rangs")) {
        return None;
    }
    let subject = cues
        .iter()
        .filter(|c| c.range.start >= sentence.start && c.range.end <= quantity_start)
        .find_map(|c| match c.cue {
            Cue::Victim(cat) if cat != Category::Unknown => Some(cat),
            _ => None,
        });
    // "L'armée a publié un communiqué. Celle-ci annonce 10 morts dans ses rangs": with no
    // noun to own the ranks, an official source just before speaks of its own soldiers.
    subject.or_else(|| {
        let from = sentence.start.saturating_sub(300);
        cues.iter()
            .filter(|c| c.range.start >= from && c.range.end <= quantity_start)
            .any(|c| c.cue == Cue::Source("official"))
            .then_some(Category::Soldiers)
    })
}

/// "Du côté des assaillants, 30 corps…", "Côté armée, 5 morts": the category said just before
/// a figure counted with a generic noun.
fn category_before(
    text: &str,
    cues: &[TextCue],
    sentence_start: usize,
    at: usize,
) -> Option<Category> {
    let from = text.floor_char_boundary(at.saturating_sub(48).max(sentence_start));
    let window = crate::corpus::normalize::fold_key(&text[from..at]);
    let lead = [
        "du cote des",
        "du cote de",
        "cote",
        "parmi les",
        "dans les rangs des",
        // "Les pertes de l'armée sont de deux morts".
        "pertes de",
        "pertes des",
        "pertes du",
    ];
    // "Du côté des djihadistes, les informations indiquent que trois morts…": a side that
    // opens the sentence speaks for its figures further on.
    let Some(nearest) = lead.iter().filter_map(|l| window.rfind(l)).max() else {
        let to = text.floor_char_boundary((sentence_start + 40).min(at));
        let opening = crate::corpus::normalize::fold_key(&text[sentence_start..to]);
        if at - sentence_start > 120
            || !(opening.starts_with("du cote d") || opening.starts_with("cote "))
        {
            return None;
        }
        return side_named(&opening).or_else(|| {
            cues.iter()
                .filter(|c| c.range.start >= sentence_start && c.range.end <= to)
                .find_map(|c| match c.cue {
                    Cue::Victim(cat) if cat != Category::Unknown => Some(cat),
                    _ => None,
                })
        });
    };
    if let Some(side) = side_named(&window[nearest..]) {
        return Some(side);
    }
    cues.iter()
        .rev()
        .filter(|c| c.range.start >= from && c.range.end <= at)
        .find_map(|c| match c.cue {
            Cue::Victim(cat) if cat != Category::Unknown => Some(cat),
            _ => None,
        })
}

/// How far after a first outcome ("enlevés jeudi près de A et retrouvés morts samedi") the
/// verb that kills them may come.
const THEN_KILLED_REACH: usize = 60;

/// Words that join a first outcome to the one that ended it, at the end of what lies between
/// them ("enlevés jeudi près de A et retrouvés morts").
const THEN_KILLED_JOINS: &[&str] = &[
    "et",
    "puis",
    "avant d etre",
    "puis ont ete",
    "et ont ete",
    "et retrouves",
    "et retrouvees",
    "et retrouve",
    "et retrouvee",
    "puis retrouves",
    "puis retrouvees",
    "et ont ete retrouves",
    "et ont ete retrouvees",
    "avant d etre retrouves",
    "avant d etre retrouvees",
];

/// Whether `gap`, between a victim noun and an outcome, is a copula ("sont aussi", "ont été").
fn is_copula(gap: &str) -> bool {
    let folded = crate::corpus::normalize::fold_key(gap);
    let mut words = folded.split(' ').filter(|w| !w.is_empty());
    matches!(words.next(), Some("sont" | "ont" | "restent" | "demeurent"))
        && words.all(|w| {
            matches!(
                w,
                "ete" | "aussi" | "egalement" | "toujours" | "encore" | "tous" | "toutes"
            )
        })
}

/// "trois commerçants enlevés puis exécutés", "enlevés et assassinés", "enlevés jeudi près
/// de A et retrouvés morts samedi": the outcome that follows the first, joined by "et" or
/// "puis" (a few words of time or place may come before), is where it ended. Another figure
/// or a comma between them tells other victims ("enlevés, et deux autres tués").
fn then_killed(
    text: &str,
    cues: &[TextCue],
    (outcome, end): (Outcome, usize),
    sentence: &Range<usize>,
) -> (Outcome, usize) {
    if outcome == Outcome::Killed {
        return (outcome, end);
    }
    cues.iter()
        .find_map(|c| match c.cue {
            Cue::Outcome(Outcome::Killed)
                if c.range.start > end
                    && c.range.end <= sentence.end
                    && c.range.start - end <= THEN_KILLED_REACH
                    && joins_then_killed(&text[end..c.range.start]) =>
            {
                Some((Outcome::Killed, c.range.end))
            }
            _ => None,
        })
        .unwrap_or((outcome, end))
}

/// Whether `gap`, between a first outcome and a killing verb, joins them (see
/// [`THEN_KILLED_JOINS`]).
fn joins_then_killed(gap: &str) -> bool {
    // "six hommes arrêtés, exécutés puis brûlés": participles listed of the same victims.
    if gap.trim() == "," {
        return true;
    }
    if gap.contains([',', ';', '.']) || gap.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let folded = crate::corpus::normalize::fold_key(gap);
    let folded = folded.trim();
    THEN_KILLED_JOINS.iter().any(|j| {
        folded == *j
            || folded
                .strip_suffix(j)
                .is_some_and(|before| before.ends_with(' ') && !has_number_word(before))
    })
}

/// Whether folded `words` hold a number word ("deux autres"): a figure of other victims.
fn has_number_word(words: &str) -> bool {
    words.split(' ').any(|w| {
        matches!(w, "autres" | "plusieurs")
            || (!matches!(w, "" | "et")
                && crate::extract::numbers::parse_french_number(w).is_some())
    })
}

/// The outcome word for a victim noun: right before the quantity ("tuant deux civils et
/// blessant cinq personnes", "ont tué 3 soldats"), else after the noun (nearest, within the
/// sentence and 160 bytes), else before within 60 bytes.
fn outcome_near(
    text: &str,
    cues: &[TextCue],
    sentence: &Range<usize>,
    quantity: &Range<usize>,
    victim: &Range<usize>,
) -> Option<(Outcome, usize)> {
    // "un bilan de quatre civils évacués à l'hôpital": a participle right after the noun says
    // what happened to these victims, whatever noun came before.
    let right_after = cues.iter().find_map(|c| match c.cue {
        Cue::Outcome(o)
            if c.range.start >= victim.end
                && c.range.end <= sentence.end
                && text[victim.end..c.range.start].trim().is_empty() =>
        {
            Some((o, c.range.end))
        }
        _ => None,
    });
    // "Trois bandits tuent un berger", "Quatre hommes armés ont abattu un chasseur": the
    // figure is the subject of an active killing verb, the killers, not the dead.
    let after_victim = &cues[cues.partition_point(|c| c.range.start < victim.end)..];
    let kills = after_victim.iter().find(|c| {
        matches!(c.cue, Cue::Outcome(Outcome::Killed))
            && c.range.end <= sentence.end
            && c.range.start <= victim.end + 160
    });
    if kills.is_some_and(|c| kills_as_subject(text, victim.end, &c.range)) {
        return None;
    }
    if let Some(found) = right_after {
        return Some(then_killed(text, cues, found, sentence));
    }
    // "… du nombre de morts, 21 personnes sont aussi portées disparues": the verb the noun
    // is the subject of says what happened to them, whatever outcome came before the figure.
    let after_a_copula = cues.iter().find_map(|c| match c.cue {
        Cue::Outcome(o)
            if c.range.start >= victim.end
                && c.range.end <= sentence.end
                && c.range.start <= victim.end + 40
                && is_copula(&text[victim.end..c.range.start]) =>
        {
            Some((o, c.range.end))
        }
        _ => None,
    });
    if let Some(found) = after_a_copula {
        return Some(then_killed(text, cues, found, sentence));
    }
    let just_before = cues.iter().rev().find_map(|c| match c.cue {
        Cue::Outcome(o)
            if c.range.end <= quantity.start
                && c.range.start >= sentence.start
                && adjacent_verb(&text[c.range.end..quantity.start]) =>
        {
            Some((o, victim.end))
        }
        _ => None,
    });
    if just_before.is_some() {
        return just_before;
    }
    let after = cues.iter().find_map(|c| match c.cue {
        Cue::Outcome(o)
            if c.range.start >= victim.end
                && c.range.end <= sentence.end
                && c.range.start <= victim.end + 160
                && !text[victim.end..c.range.start].contains([';', '\n'])
                // "Trois Casques bleus sont allés porter secours aux victimes": the dead are
                // others than the figure, who went to them.
                && !word_before_is(text, c.range.start, &["aux"]) =>
        {
            Some((o, c.range.end))
        }
        _ => None,
    });
    if let Some(found) = after {
        return Some(then_killed(text, cues, found, sentence));
    }
    cues.iter().rev().find_map(|c| match c.cue {
        Cue::Outcome(o)
            if c.range.end <= quantity.start
                && c.range.start >= sentence.start
                && quantity.start - c.range.end <= 60 =>
        {
            Some((o, victim.end))
        }
        _ => None,
    })
}

/// Whether the killing word at `verb` is an active verb whose subject is the noun ending at
/// `noun_end`: "tuent", or a participle after "ont"/"a" without "été" ("ont tué", "a
/// abattu"), with nothing between noun and verb that could be another subject or a passive (a
/// full stop, a "que", a "dont", an "été", a "par"). An "et" may stand between: "dépouillent
/// un commerçant et tuent un chasseur" has one subject.
fn kills_as_subject(text: &str, noun_end: usize, verb: &Range<usize>) -> bool {
    let gap = &text[noun_end..verb.start];
    if gap.contains(['.', ';', ':', '«', '»', '"']) {
        return false;
    }
    let gap = crate::corpus::normalize::fold_key(gap);
    let words: Vec<&str> = gap.split(' ').filter(|w| !w.is_empty()).collect();
    if words.iter().any(|w| {
        matches!(
            *w,
            "que" | "qu" | "dont" | "ete" | "etaient" | "sont" | "par"
        )
    }) {
        return false;
    }
    let word = crate::corpus::normalize::fold_key(&text[verb.clone()]);
    if matches!(
        word.as_str(),
        "tuent" | "abattent" | "executent" | "massacrent" | "egorgent"
    ) {
        return words.len() <= 6;
    }
    let participle = matches!(
        word.as_str(),
        "tue" | "abattu" | "execute" | "assassine" | "massacre" | "egorge" | "fusille"
    );
    // The auxiliary right before the participle, an adverb at most between.
    let auxiliary = words.iter().rev().take(2).any(|w| {
        matches!(
            *w,
            "ont" | "a" | "avaient" | "avait" | "auraient" | "aurait"
        )
    });
    participle && auxiliary && words.len() <= 8
}

/// The gap between an outcome verb and its quantity: "tuant deux…", "a coûté la vie à cinq…",
/// "ont tué samedi un gendarme" — at most two words, no conjunction, no punctuation.
fn adjacent_verb(gap: &str) -> bool {
    !gap.contains([',', ';', ':', '.', '(', ')'])
        && gap.split_whitespace().count() <= 2
        && !gap
            .split_whitespace()
            .any(|w| matches!(w, "et" | "ou" | "mais" | "puis"))
}

/// "l'un des gendarmes", "une des victimes": the "un"/"une" that picks one person of the
/// plural victim noun starting at `noun_start`.
fn one_of_the(text: &str, noun_start: usize) -> Option<Range<usize>> {
    let des = word_before(text, noun_start)?;
    if !matches!(&text[des.clone()], "des" | "Des") {
        return None;
    }
    let article = text[..des.start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()?;
    let end = text[..des.start].trim_end().len();
    let start = end - article.len();
    matches!(article, "un" | "une" | "Un" | "Une").then_some(start..end)
}

/// The start of "l'" glued before `at` ("l'un"), else `at`.
fn elided_article_start(text: &str, at: usize) -> usize {
    let head = &text[..at];
    for elision in ["l'", "l’", "L'", "L’"] {
        if let Some(rest) = head.strip_suffix(elision)
            && !rest.ends_with(char::is_alphanumeric)
        {
            return rest.len();
        }
    }
    at
}

/// Whether the words before an article at `at` introduce a source: "selon un élu", "d'après
/// une habitante", "selon l'un des habitants", "un bilan émanant d'un habitant", "auprès d'une
/// source locale".
fn source_before(text: &str, at: usize) -> bool {
    let at = elided_article_start(text, at);
    if word_before_is(text, at, &["selon", "apres", "par", "pour"]) {
        return true;
    }
    let head = &text[..at];
    ["d'", "d’"].iter().any(|elision| {
        head.strip_suffix(elision).is_some_and(|rest| {
            !rest.ends_with(char::is_alphanumeric)
                && word_before_is(
                    text,
                    rest.len(),
                    &["emanant", "aupres", "provenant", "part"],
                )
        })
    })
}

/// The word before `at` ([`word_before`]), folded, is one of `words`.
fn word_before_is(text: &str, at: usize, words: &[&str]) -> bool {
    word_before(text, at)
        .is_some_and(|w| words.contains(&crate::corpus::normalize::fold_key(&text[w]).as_str()))
}

/// Where an opening quote right before `at` starts ("un « civil »"), else `at`.
fn before_a_quote(text: &str, at: usize) -> usize {
    let head = text[..at].trim_end();
    match head.strip_suffix(['«', '"', '“']) {
        Some(rest) => rest.len(),
        None => at,
    }
}

fn word_before(text: &str, at: usize) -> Option<Range<usize>> {
    let head = &text[..at];
    let trimmed = head.trim_end();
    if trimmed.len() == head.len() {
        return None; // no space: glued to something
    }
    let start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start < trimmed.len()).then_some(start..trimmed.len())
}

pub(crate) fn sentence_of(sentences: &[Range<usize>], at: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= at);
    (i < sentences.len() && sentences[i].start <= at).then_some(i)
}

/// A killing word whose object is a thing kills nobody: "les FAMa ont neutralisé un engin
/// explosif", "l'EEI a été découvert et neutralisé", "a abattu un drone". `folded_text` is
/// `text` folded, the cue was found in it and `cue` is its range there; `devices` are folded
/// nouns.
pub fn kills_a_device(
    text: &str,
    folded_text: &Folded,
    cue: &Range<usize>,
    devices: &[String],
) -> bool {
    let folded = folded_text.text.as_str();
    let is_device = |w: &str| devices.iter().any(|d| d == w);
    // The object after the verb, past its determiner: "un engin", "deux EEI", "l'appareil".
    let object = folded[cue.end..]
        .split(' ')
        .scan(cue.end, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .take(3)
        .find(|(_, w)| !DETERMINERS.contains(w) && !w.bytes().all(|b| b.is_ascii_digit()));
    // ("… qui sont morts. Une mine a explosé": not across the end of a sentence.)
    if let Some((at, w)) = object
        && is_device(w)
    {
        let verb_end = folded_text.original_range(cue.clone()).end;
        let object_start = folded_text.original_range(at..at + w.len()).start;
        let between = text.get(verb_end..object_start).unwrap_or("");
        if !between.contains(['.', '!', '?', ';', '\n']) {
            return true;
        }
    }
    // The subject before a passive or a participle: "l'engin explosif a été neutralisé",
    // "deux mines découvertes et neutralisées".
    // "une mine a tué trois soldats" is active: the thing is the subject, and kills.
    let words: Vec<&str> = folded[..cue.start]
        .split(' ')
        .filter(|w| !w.is_empty())
        .rev()
        .take(8)
        .collect();
    let run = words
        .iter()
        .take(6)
        .take_while(|w| is_device(w) || BETWEEN_THING_AND_VERB.contains(w))
        .count();
    let before = &words[..run];
    let active = before
        .iter()
        .any(|w| ["a", "ont", "avait", "avaient"].contains(w))
        && !before.contains(&"ete");
    // "Les deux occupants de l'engin sont décédés": the thing completes the noun of the
    // people who died; it is not the subject.
    let complement = before.last().is_some_and(|w| is_device(w))
        && matches!(
            words.get(run..).unwrap_or_default(),
            ["du" | "d", ..] | ["l" | "le" | "la" | "les", "de", ..]
        );
    !active && !complement && before.iter().any(|w| is_device(w))
}

/// Words between a killing verb and its object.
const DETERMINERS: &[&str] = &[
    "un",
    "une",
    "l",
    "le",
    "la",
    "les",
    "des",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "plusieurs",
    "quelques",
    "ce",
    "cet",
    "cette",
    "ces",
    "son",
    "sa",
    "leur",
    "d",
    "de",
];

/// Words between a thing and the passive or participle said of it.
const BETWEEN_THING_AND_VERB: &[&str] = &[
    "explosif",
    "explosifs",
    "improvise",
    "improvises",
    "artisanal",
    "artisanaux",
    "a",
    "ont",
    "ete",
    "est",
    "sont",
    "etait",
    "avait",
    "avaient",
    "deja",
    "rapidement",
    "egalement",
    "aussi",
    "et",
    "decouvert",
    "decouverts",
    "decouverte",
    "decouvertes",
    "detecte",
    "detectes",
    "localise",
    "localises",
    "puis",
    "ensuite",
];

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// A figure an armed group gives of a fight it took part in.
fn is_claim(t: &Toll) -> bool {
    matches!(t.source, Some("jihadists" | "separatists"))
}

/// Of official figures, the largest of the latest statement (sentence): a smaller one after
/// it in that statement ("21 morts pour A, et 02 morts pour B") counts another part, not a
/// revision.
fn latest_statements_largest<'a>(
    official: impl Iterator<Item = &'a Toll> + Clone,
) -> Option<&'a Toll> {
    let latest = official.clone().map(|t| t.sentence).max()?;
    official
        .filter(|t| t.sentence == latest)
        .max_by_key(|t| t.range.best)
}

/// Combines the tolls of one incident into one range per (outcome, category).
///
/// The rule (documented in the README): the same statement repeated (same outcome, category
/// and range) counts once; otherwise low = the smallest low, high = the largest high, and best =
/// the latest official figure (army, government, authorities), else the largest best among
/// exact figures (vague words only when no exact figure exists),
/// kept within [low, high]. Deaths of unknown category are taken to be the same dead as the
/// categorised ones when they are not more numerous (the usual "des dizaines de morts … dont
/// 47 soldats"); otherwise only the excess stays unknown.
pub fn combine(tolls: &[&Toll]) -> Vec<(Outcome, Category, TollRange)> {
    // A figure of other victims ("trois autres personnes") adds to the one before it.
    let added: Vec<Toll>;
    let folded: Vec<&Toll>;
    let tolls = if tolls.iter().any(|t| t.carried) {
        let mut sums: Vec<Toll> = Vec::with_capacity(tolls.len());
        for t in tolls {
            match sums
                .iter_mut()
                .rfind(|p| p.outcome == t.outcome && p.category == t.category)
            {
                // "7 morts … plusieurs autres corps": others with no figure widen the high end
                // only; the best stays the counted dead.
                Some(prev) if t.carried && t.indefinite => {
                    prev.range.high = prev.range.high.saturating_add(t.range.high)
                }
                Some(prev) if t.carried => prev.range = prev.range.add(t.range),
                _ => sums.push((*t).clone()),
            }
        }
        added = sums;
        folded = added.iter().collect();
        folded.as_slice()
    } else {
        tolls
    };
    let mut groups: Vec<(Outcome, Category, Vec<&Toll>)> = Vec::new();
    for t in tolls {
        match groups
            .iter_mut()
            .find(|(o, c, _)| *o == t.outcome && *c == t.category)
        {
            Some(g) => match g.2.iter_mut().find(|x| x.range == t.range) {
                // The same figure said again as a revision ("16 soldats tués" in the headline,
                // then "ce bilan a évolué : 16 soldats ont péri") is that revision.
                Some(x) if t.revises => *x = t,
                Some(_) => {}
                None => g.2.push(t),
            },
            None => groups.push((t.outcome, t.category, vec![t])),
        }
    }
    let mut out: Vec<(Outcome, Category, TollRange)> = groups
        .into_iter()
        .map(|(o, c, ts)| {
            let low = ts.iter().map(|t| t.range.low).min().unwrap_or(0);
            let high = ts.iter().map(|t| t.range.high).max().unwrap_or(0);
            // The latest official figure, else the largest exact one; a figure the text
            // says was revised ("un précédent bilan") only when there is no other.
            let current: Vec<&&Toll> = ts.iter().filter(|t| !t.superseded).collect();
            let current = if current.is_empty() {
                ts.iter().collect()
            } else {
                current
            };
            let said_by = |source: &'static str| {
                latest_statements_largest(
                    current
                        .iter()
                        .map(|t| **t)
                        .filter(move |t| !t.vague && t.source == Some(source)),
                )
            };
            // Unnamed military sources speak for the army when no official does.
            let official = said_by("official").or_else(|| said_by("military sources"));
            // "Ce bilan a évolué : 16 soldats ont péri": a revision said after the latest
            // official figure replaces it, whoever gives it.
            let revision = latest_statements_largest(
                current
                    .iter()
                    .map(|t| **t)
                    .filter(|t| !t.vague && t.revises),
            )
            .filter(|r| official.is_none_or(|o| o.sentence < r.sentence));
            let official = revision.or(official).map(|t| t.range.best);
            // An armed group's figure ("le MSA parle de 17 morts") is a claim: it gives the
            // best only when nobody else gives an exact one.
            let exact = || current.iter().filter(|t| !t.vague);
            let exact_best = exact()
                .filter(|t| !is_claim(t))
                .map(|t| t.range.best)
                .max()
                .or_else(|| exact().map(|t| t.range.best).max());
            let best = official
                .or(exact_best)
                .or_else(|| ts.iter().map(|t| t.range.best).max())
                .unwrap_or(0)
                .clamp(low, high.max(low));
            (o, c, TollRange { low, best, high })
        })
        .collect();
    // "Une dizaine de soldats et plusieurs assaillants tués": a group with no figure at all
    // widens the high end only, when another group of the same outcome has a figure. So does
    // a group the text itself calls unconfirmed ("quatre assaillants auraient été tués, cela
    // reste à confirmer").
    // So does a figure claimed by an armed group ("le groupe affirme avoir tué neuf soldats")
    // when someone else gives a figure: claims give the high end.
    let weak = |t: &Toll| t.indefinite || t.unconfirmed || is_claim(t);
    let indefinite: Vec<(Outcome, Category)> = tolls
        .iter()
        .filter(|t| weak(t))
        .map(|t| (t.outcome, t.category))
        .filter(|key| {
            tolls
                .iter()
                .filter(|t| (t.outcome, t.category) == *key)
                .all(|t| weak(t))
        })
        .collect();
    let claimed_only = |o: Outcome, c: Category| {
        tolls
            .iter()
            .filter(|t| t.outcome == o && t.category == c)
            .all(|t| is_claim(t))
    };
    for (o, c, r) in out.iter_mut() {
        // Against a claim, only an exact figure from someone else counts ("plusieurs dizaines
        // de morts" does not overrule "84 mercenaires tués, selon les séparatistes").
        let figured_elsewhere = tolls.iter().any(|t| {
            t.outcome == *o && t.category != *c && !weak(t) && !(claimed_only(*o, *c) && t.vague)
        });
        if figured_elsewhere && indefinite.contains(&(*o, *c)) {
            *r = TollRange {
                low: 0,
                best: 0,
                high: r.high,
            };
        }
    }
    for outcome in [
        Outcome::Killed,
        Outcome::Wounded,
        Outcome::Captured,
        Outcome::Missing,
    ] {
        let known: TollRange = out
            .iter()
            .filter(|(o, c, _)| *o == outcome && *c != Category::Unknown)
            .fold(
                TollRange {
                    low: 0,
                    best: 0,
                    high: 0,
                },
                |acc, (_, _, r)| acc.add(*r),
            );
        if known.best == 0 {
            continue;
        }
        // "Vingt civils tués" then, elsewhere, "de 100 à 200 morts selon des témoins": a larger
        // figure of unknown category said apart from the categorised ones is another report
        // of the same dead, not more dead ("dont 47 soldats" in its own sentence still is).
        // The larger figure still counts when it is the better one: official while the
        // categorised ones are not, or a plain figure ("quatorze morts") where they are only
        // vague or a floor ("une dizaine d'enfants", "plus de quarante civils").
        let of = |unknown: bool| {
            tolls.iter().filter(move |t| {
                t.outcome == outcome && (t.category == Category::Unknown) == unknown
            })
        };
        let official = |t: &&&Toll| !t.vague && !t.superseded && t.source == Some("official");
        let plain = |t: &&&Toll| !t.vague && t.range.low == t.range.best;
        // So does a total that is itself an estimate above categorised figures that are all
        // estimates ("plus d'une quarantaine de morts", then "une vingtaine" of civilians and
        // "au moins une dizaine" of fighters): the parts do not add up to it.
        let better = (of(true).any(|t| official(&t)) && !of(false).any(|t| official(&t)))
            || (of(false).all(|t| t.vague || t.range.high > t.range.best)
                && of(true).any(|t| plain(&t) && t.range.best > known.best))
            || (of(false).all(|t| t.vague)
                && of(true).any(|t| t.vague && !t.indefinite && t.range.best > known.best));
        // "un bilan de 40 civils tués" from one source, then "un bilan officiel de 38 morts":
        // with one category named, an official figure of unknown category said apart is a
        // report of the same dead, the latest official one, so it gives their best; every
        // report gives the range.
        let known_categories: Vec<usize> = (0..out.len())
            .filter(|&i| out[i].0 == outcome && out[i].1 != Category::Unknown)
            .collect();
        // "… tuant 25 soldats. Le nombre de morts est passé à 38": so is a total of unknown
        // category said after them as a revision.
        let revising_unknown =
            || {
                latest_statements_largest(of(true).copied().filter(|t| {
                    !t.vague && t.revises && of(false).all(|k| k.sentence < t.sentence)
                }))
            };
        let official_unknown =
            latest_statements_largest(of(true).copied().filter(|t| official(&t)))
                .or_else(revising_unknown);
        // A revision of the named side's figure after it is later still: "… ont fait 8 morts,
        // a écrit l'armée. Mais un nouveau bilan fait état de neuf militaires tués".
        if let ([k], Some(latest)) = (known_categories.as_slice(), official_unknown)
            && !of(false).any(|t| official(&t))
            && of(true).all(|u| !of(false).any(|k| k.sentence == u.sentence))
        {
            let revised_after = of(false).any(|t| t.revises && t.sentence > latest.sentence);
            let low = of(true).map(|t| t.range.low).fold(out[*k].2.low, u32::min);
            let high = of(true)
                .map(|t| t.range.high)
                .fold(out[*k].2.high, u32::max);
            let best = if revised_after {
                out[*k].2.best
            } else {
                latest.range.best
            };
            out[*k].2 = TollRange {
                low,
                best: best.clamp(low, high),
                high,
            };
            out.retain(|(o, c, _)| *o != outcome || *c != Category::Unknown);
            continue;
        }
        let apart = !better && of(true).all(|u| !of(false).any(|k| k.sentence == u.sentence));
        // "18 morts" from a villager, "19 civils tués" from the authorities: with one
        // category named, the other reports of unknown category widen its range both ways.
        if let [k] = known_categories.as_slice()
            && apart
        {
            let low = of(true).map(|t| t.range.low).fold(out[*k].2.low, u32::min);
            let high = of(true)
                .map(|t| t.range.high)
                .fold(out[*k].2.high, u32::max);
            // "une vingtaine de civils tués" in the headline, "19 morts" in the body: an exact
            // figure within the round number's reach says how many it was.
            let named = out[*k].2;
            let refined = out
                .iter()
                .find(|(o, c, _)| *o == outcome && *c == Category::Unknown)
                .map(|(_, _, r)| r.best)
                .filter(|&b| {
                    of(false).all(|t| t.vague && !t.indefinite)
                        && of(true).any(|t| plain(&t) && t.range.best == b)
                        && (named.low..=named.high).contains(&b)
                });
            out[*k].2 = TollRange {
                low,
                best: refined.unwrap_or(named.best).clamp(low, high),
                high,
            };
            out.retain(|(o, c, _)| *o != outcome || *c != Category::Unknown);
            continue;
        }
        if apart {
            let unknown_high = out
                .iter()
                .filter(|(o, c, _)| *o == outcome && *c == Category::Unknown)
                .map(|(_, _, r)| r.high)
                .max()
                .unwrap_or(0);
            let widen = unknown_high.saturating_sub(known.high);
            out.retain(|(o, c, _)| *o != outcome || *c != Category::Unknown);
            if widen > 0 {
                out.push((
                    outcome,
                    Category::Unknown,
                    TollRange {
                        low: 0,
                        best: 0,
                        high: widen,
                    },
                ));
            }
            continue;
        }
        out.retain_mut(|(o, c, r)| {
            if *o != outcome || *c != Category::Unknown {
                return true;
            }
            if r.best <= known.best {
                return false;
            }
            *r = TollRange {
                low: r.low.saturating_sub(known.high),
                best: r.best - known.best,
                high: r.high.saturating_sub(known.low),
            };
            r.best > 0
        });
    }
    out.sort_by_key(|(o, c, _)| (*o, *c));
    out
}
