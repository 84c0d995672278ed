//! The `mali-atlas` command: argument parsing and dispatch only; the work is in the library.
//!
//! Exit status: 0 success; 1 failure; 2 partial failure (some inputs could not be read, the
//! rest was processed and printed). Output goes through one writer handed to every
//! subcommand; a reader that leaves early (`| head`) ends the run with status 0.

// `println!` panics on a closed pipe; standard output is the `stdout` writer `run` is given.
#![deny(clippy::print_stdout)]

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};

use mali_atlas::corpus::{self, LoadOptions};
use mali_atlas::datasets::{self, boundaries, geonames};
use mali_atlas::export;
use mali_atlas::geocode::gazetteer::index_export;
use mali_atlas::geocode::load;
use mali_atlas::incident::Incident;
use mali_atlas::pipeline;
use mali_atlas::reference_events;

#[derive(Parser)]
#[command(
    name = "mali-atlas",
    version,
    about = "Violent incidents in Mali from French news, on a map"
)]
struct Cli {
    /// More log output (-v info, -vv debug).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    /// Only errors.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Gazetteer to use: GeoNames ML.txt or ML.zip, an installed cache, a pack from
    /// `data export-pack`, or a folder holding one (default: the installed one, else the
    /// snapshot embedded in the program).
    #[arg(long, global = true)]
    gazetteer: Option<PathBuf>,
    /// Run on less than the full gazetteer without saying so on stderr (extract, export,
    /// render and ingest otherwise print one warning line, even with -q).
    #[arg(long, global = true)]
    fallback_ok: bool,
    /// Workspace file (SQLite). `ingest` defaults to one in the per-user data folder; the app,
    /// `export` and `render` read it instead of files when given.
    #[arg(long, global = true)]
    workspace: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Open the desktop app on articles (files or folders), or on the embedded seeds.
    Gui { paths: Vec<PathBuf> },
    /// Extract incidents from articles and print them (`-` reads stdin).
    Extract {
        #[arg(required_unless_present = "stdin_jsonl")]
        files: Vec<PathBuf>,
        /// Read one JSON article per line from stdin ({"id", "text", "published"?}) and write
        /// incidents as JSONL, in constant memory (for Spark's RDD.pipe, GNU parallel…).
        #[arg(long, conflicts_with = "files")]
        stdin_jsonl: bool,
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Largest article accepted, in bytes.
        #[arg(long, default_value_t = 20 * 1024 * 1024)]
        max_bytes: u64,
    },
    /// Find the places of a French text and print them as JSON.
    Geocode {
        text: String,
        /// Print every candidate with the parts of its score.
        #[arg(long)]
        explain: bool,
    },
    /// Export incidents of articles as CSV (ACLED columns), GeoJSON or JSONL.
    Export {
        files: Vec<PathBuf>,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Output file (written whole or not at all); stdout when absent.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Only the incidents the analyst accepted in the review queue (needs --workspace).
        #[arg(long)]
        reviewed_only: bool,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Store articles (files, folders) in the workspace: extracted in parallel, unchanged
    /// files skipped, one transaction per batch, a summary of failures at the end.
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Articles per transaction.
        #[arg(long, default_value_t = 500)]
        batch: usize,
    },
    /// Render a briefing PNG (map, legend, scale, title, attribution, optional chart) without
    /// a window or GPU; the embedded seeds when no file is given.
    Render {
        files: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1600)]
        width: u32,
        #[arg(long, default_value_t = 1000)]
        height: u32,
        #[arg(long, default_value = "")]
        title: String,
        #[arg(long, value_enum, default_value_t = ChartArg::ByRegion)]
        chart: ChartArg,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// List the workspace's incidents with their numbers (for `correct`), corrections applied.
    Incidents,
    /// Correct incident N of `mali-atlas incidents` in the workspace; corrections survive
    /// re-extraction (keyed to the article and the evidence spans).
    Correct {
        /// The incident's number in `mali-atlas incidents`.
        number: usize,
        /// Why (kept with the correction).
        #[arg(long)]
        reason: String,
        /// New date (YYYY-MM-DD).
        #[arg(long)]
        date: Option<String>,
        /// Move the map point: LAT,LON.
        #[arg(long, value_name = "LAT,LON", allow_hyphen_values = true)]
        r#move: Option<String>,
        /// Deaths of a category: civilians=12 (or civilians=10-12-15 for low-best-high).
        #[arg(long, value_name = "CATEGORY=N")]
        killed: Option<String>,
        /// ACLED event type, e.g. "Battles".
        #[arg(long)]
        event_type: Option<String>,
        /// Not an incident (kept for review, off the map and charts).
        #[arg(long)]
        reject: bool,
        /// Undo a rejection.
        #[arg(long)]
        restore: bool,
    },
    /// List the analyst's corrections; --orphaned: those whose evidence no longer matches.
    Corrections {
        #[arg(long)]
        orphaned: bool,
    },
    /// Compare incidents (FILES, --workspace, else the embedded seeds) with an ACLED export
    /// or a UCDP GED CSV: one CSV row per pair (both, only_ours, only_theirs) and a summary
    /// by status, region and month on stderr. With --workspace the reference file is kept
    /// in the workspace, so the comparison can be re-run.
    #[command(group = clap::ArgGroup::new("reference").required(true))]
    Compare {
        files: Vec<PathBuf>,
        /// An ACLED export CSV.
        #[arg(long, value_name = "FILE.csv", group = "reference")]
        acled: Option<PathBuf>,
        /// A UCDP GED CSV.
        #[arg(long, value_name = "FILE.csv", group = "reference")]
        ged: Option<PathBuf>,
        /// A reference file kept in the workspace by an earlier `compare`, to re-run it on
        /// the same bytes: `acled:N` or `ged:N` (N as printed then).
        #[arg(long, value_name = "SOURCE:N", group = "reference")]
        stored: Option<String>,
        /// The report (CSV, written whole or not at all).
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Reference data: update the GeoNames gazetteer or the cercles, show which are in use.
    Data {
        #[command(subcommand)]
        action: DataAction,
    },
}

#[derive(Subcommand)]
enum DataAction {
    /// Install a newer GeoNames gazetteer than the embedded snapshot: downloads GeoNames'
    /// ML.zip over HTTPS, or takes a local ML.txt, ML.zip or folder with --from (a folder's
    /// geoBoundaries ADM2 GeoJSON replaces the embedded cercles).
    Install {
        #[arg(long)]
        from: Option<PathBuf>,
    },
    /// Show which gazetteer and cercles are in use: embedded or installed.
    Status,
    /// Write the gazetteer in use (--gazetteer, else installed, else embedded) and its cercles
    /// to one self-contained file, for workers: `spark-submit --files OUT`, then
    /// `--gazetteer OUT` on every worker (or OUT on shared storage).
    ExportPack { out: PathBuf },
}

/// Filters shared by `export` and `render`.
#[derive(clap::Args, Clone, Default)]
struct FilterArgs {
    /// First day kept (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Last day kept (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Region (admin1) name, e.g. Mopti.
    #[arg(long)]
    region: Option<String>,
    /// Actor name, e.g. JNIM.
    #[arg(long)]
    actor: Option<String>,
    /// Minimum deaths.
    #[arg(long, default_value_t = 0)]
    min_deaths: u32,
}

impl FilterArgs {
    /// The filter, or a clear error naming the bad value and the valid ones.
    fn to_filter(&self) -> Result<mali_atlas::analysis::Filter> {
        let date = |s: &Option<String>, what: &str| -> Result<Option<chrono::NaiveDate>> {
            s.as_deref()
                .map(|v| {
                    chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
                        .with_context(|| format!("--{what} {v:?} is not a date (YYYY-MM-DD)"))
                })
                .transpose()
        };
        let from = date(&self.from, "from")?;
        let to = date(&self.to, "to")?;
        if let (Some(a), Some(b)) = (from, to)
            && a > b
        {
            bail!("--from {a} is after --to {b}");
        }
        let region = match &self.region {
            None => None,
            Some(r) => {
                let b = mali_atlas::reference::basemap();
                match b.region_named(r) {
                    Some(area) => Some(area.name.clone()),
                    None => {
                        let valid: Vec<&str> = b.regions.iter().map(|a| a.name.as_str()).collect();
                        bail!("unknown region {r:?}; valid regions: {}", valid.join(", "))
                    }
                }
            }
        };
        let actor = match &self.actor {
            None => None,
            Some(a) => {
                let lex = mali_atlas::extract::lexicon::lexicon();
                let folded = mali_atlas::corpus::normalize::fold_key(a);
                match lex.actors.iter().find(|d| {
                    mali_atlas::corpus::normalize::fold_key(&d.name) == folded
                        || d.aliases
                            .iter()
                            .any(|x| mali_atlas::corpus::normalize::fold_key(x) == folded)
                }) {
                    Some(d) => Some(d.name.clone()),
                    None => {
                        let valid: Vec<&str> = lex.actors.iter().map(|d| d.name.as_str()).collect();
                        bail!("unknown actor {a:?}; valid actors: {}", valid.join(", "))
                    }
                }
            }
        };
        Ok(mali_atlas::analysis::Filter {
            from,
            to,
            region,
            actor,
            min_deaths: self.min_deaths,
            ..Default::default()
        })
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ChartArg {
    ByRegion,
    Timeline,
    None,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Csv,
    Geojson,
    Jsonl,
}

fn main() -> ExitCode {
    let _ = mali_atlas::ui::STARTED.set(std::time::Instant::now());
    let cli = Cli::parse();
    init_logging(cli.verbose, cli.quiet);
    // The one way to standard output: every subcommand writes here, never with `println!`,
    // which panics (exit 101) when the reader has gone. Errors travel up as `io::Error`s.
    // Not locked: the app's threads may print while the window is open.
    let mut stdout = std::io::BufWriter::new(std::io::stdout());
    let result = run(cli, &mut stdout).and_then(|code| {
        stdout.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => code,
        // `mali-atlas export … | head`: the reader left; that is not a failure (as ripgrep).
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// True when `e` comes from writing to a reader that has closed the pipe.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn init_logging(verbose: u8, quiet: bool) {
    let level = match (quiet, verbose) {
        (true, _) => tracing::Level::ERROR,
        (false, 0) => tracing::Level::WARN,
        (false, 1) => tracing::Level::INFO,
        _ => tracing::Level::DEBUG,
    };
    tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .without_time()
        .init();
}

fn run(cli: Cli, stdout: &mut dyn Write) -> Result<ExitCode> {
    let gazetteer = cli.gazetteer.clone();
    let workspace = cli.workspace.clone();
    let fallback_ok = cli.fallback_ok;
    // The geocoder of a batch command, which says so on stderr when it is less than full.
    let batch_geocoder = || batch_geocoder(gazetteer.as_deref(), fallback_ok);
    match cli.command.unwrap_or(Command::Gui { paths: Vec::new() }) {
        Command::Gui { paths } => {
            mali_atlas::ui::run(paths, gazetteer, workspace).map_err(|e| anyhow::anyhow!("{e}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest { paths, batch } => {
            let path = match workspace {
                Some(p) => p,
                None => {
                    let dir = datasets::data_dir()
                        .context("no per-user data folder; give --workspace")?;
                    std::fs::create_dir_all(&dir)
                        .with_context(|| format!("cannot create {}", dir.display()))?;
                    dir.join("workspace.sqlite")
                }
            };
            let mut ws = mali_atlas::store::Workspace::open(&path)?;
            let geocoder = batch_geocoder()?;
            let started = std::time::Instant::now();
            let bar = progress_bar();
            let summary = pipeline::ingest(
                &paths,
                &mut ws,
                &geocoder,
                batch,
                &mut |done, total, errors| match &bar {
                    Some(b) => {
                        b.set_length(total as u64);
                        b.set_position(done as u64);
                        b.set_message(format!("{errors} errors"));
                    }
                    None => eprintln!(
                        "{done}/{total} files, {:.0} files/s, {errors} errors",
                        done as f64 / started.elapsed().as_secs_f64().max(1e-3)
                    ),
                },
            )?;
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            // The workspace's other articles follow the rules and the gazetteer too.
            let others = pipeline::refresh(&mut ws, &geocoder, batch)?;
            let s = &summary.stored;
            writeln!(
                stdout,
                "{}: {} files in {:.1} s — {} new, {} unchanged, {} refreshed (other rules, \
                 lexicons or gazetteer), {} replaced, {} incidents written, {} orphaned \
                 corrections, {} failed",
                path.display(),
                summary.files,
                started.elapsed().as_secs_f64(),
                s.added,
                s.unchanged,
                s.reextracted + others.reextracted,
                s.replaced,
                s.incidents_written + others.incidents_written,
                if others.reextracted > 0 {
                    others.orphaned_corrections
                } else {
                    s.orphaned_corrections
                },
                summary.failed.len()
            )?;
            for f in &summary.failed {
                eprintln!("failed: {f}");
            }
            Ok(exit_for(summary.failed.len()))
        }
        Command::Extract {
            stdin_jsonl: true, ..
        } => {
            let geocoder = batch_geocoder()?;
            let stdin = std::io::stdin().lock();
            let report = pipeline::stream_jsonl(stdin, &mut *stdout, &geocoder)?;
            for (line, problem) in &report.errors {
                eprintln!("error: <stdin> line {line}: {problem}");
            }
            tracing::info!(
                "{} articles, {} incidents, {} bad lines",
                report.articles,
                report.incidents,
                report.errors.len()
            );
            Ok(exit_for(report.errors.len()))
        }
        Command::Extract {
            files,
            format,
            max_bytes,
            ..
        } => {
            let (incidents, failed) = extract_files(&files, max_bytes, &batch_geocoder()?);
            match format {
                Format::Jsonl => export::write_jsonl(stdout, &incidents)?,
                Format::Json => {
                    serde_json::to_writer_pretty(&mut *stdout, &incidents)?;
                    writeln!(stdout)?;
                }
            }
            Ok(exit_for(failed))
        }
        Command::Geocode { text, explain } => {
            let geocoder = pipeline::geocoder(gazetteer.as_deref())?;
            let folded = corpus::normalize::fold(&text);
            let resolved = geocoder.resolve(&text, &folded);
            if explain {
                serde_json::to_writer_pretty(&mut *stdout, &resolved)?;
            } else {
                let places: Vec<_> = resolved.into_iter().map(|r| r.place).collect();
                serde_json::to_writer_pretty(&mut *stdout, &places)?;
            }
            writeln!(stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            files,
            format,
            out,
            reviewed_only,
            filter,
        } => {
            use mali_atlas::store::ReviewStatus;
            let filter = filter.to_filter()?;
            if reviewed_only && (workspace.is_none() || !files.is_empty()) {
                bail!(
                    "--reviewed-only reads the review of a workspace: give --workspace, no FILES"
                );
            }
            let (incidents, failed): (Vec<(Incident, ReviewStatus)>, usize) =
                match (&workspace, files.is_empty()) {
                    (Some(w), true) => {
                        let ws = mali_atlas::store::Workspace::open(w)?;
                        let book = ws.review_book()?;
                        let events = pipeline::workspace_events(&ws)?;
                        let reviewed = events
                            .into_iter()
                            .map(|(i, keys)| (i, book.status(&keys)))
                            .collect();
                        (reviewed, 0)
                    }
                    (_, true) => bail!("give FILES to export, or --workspace"),
                    (_, false) => {
                        let (incidents, failed) =
                            extract_files(&files, 20 * 1024 * 1024, &batch_geocoder()?);
                        let unreviewed = incidents
                            .into_iter()
                            .map(|i| (i, ReviewStatus::Unreviewed))
                            .collect();
                        (unreviewed, failed)
                    }
                };
            let (incidents, statuses): (Vec<Incident>, Vec<ReviewStatus>) = incidents
                .into_iter()
                .filter(|(i, s)| {
                    filter.accepts(i) && (!reviewed_only || *s == ReviewStatus::Accepted)
                })
                .unzip();
            let write = |w: &mut dyn Write| -> std::io::Result<()> {
                match format {
                    ExportFormat::Csv => export::write_csv_reviewed(w, &incidents, &statuses),
                    ExportFormat::Geojson => export::write_geojson(w, &incidents),
                    ExportFormat::Jsonl => export::write_jsonl(w, &incidents),
                }
            };
            match out {
                Some(path) => export::write_atomically(&path, write)
                    .with_context(|| format!("cannot write {}", path.display()))?,
                None => write(stdout)?,
            }
            Ok(exit_for(failed))
        }
        Command::Render {
            files,
            out,
            width,
            height,
            title,
            chart,
            filter,
        } => {
            let filter = filter.to_filter()?;
            if !(64..=8192).contains(&width) || !(64..=8192).contains(&height) {
                bail!("--width and --height must be between 64 and 8192 pixels");
            }
            let geocoder = batch_geocoder()?;
            let (articles, failed) = if files.is_empty() {
                (corpus::seeds(), 0)
            } else {
                load_articles(&files, 20 * 1024 * 1024)
            };
            let opts = mali_atlas::ui::briefing::BriefingOptions {
                title,
                chart: match chart {
                    ChartArg::ByRegion => mali_atlas::ui::briefing::BriefingChart::ByRegion,
                    ChartArg::Timeline => mali_atlas::ui::briefing::BriefingChart::Timeline,
                    ChartArg::None => mali_atlas::ui::briefing::BriefingChart::None,
                },
                view: None,
            };
            let state = match &workspace {
                Some(w) if files.is_empty() => {
                    let ws = mali_atlas::store::Workspace::open(w)?;
                    let view = pipeline::workspace_view(&ws)?;
                    let mut state = mali_atlas::ui::state::AppState::from_parts(
                        view.articles,
                        view.incidents,
                        Vec::new(),
                        true,
                    );
                    // As in the app: incidents rejected in the review are left out.
                    state.keys = view.keys;
                    state.set_reviews(&ws.review_book()?);
                    state
                }
                _ => mali_atlas::ui::state::AppState::new(articles, Vec::new(), &geocoder),
            };
            let towns = mali_atlas::ui::towns(&geocoder);
            let image =
                mali_atlas::ui::offscreen::render(state, towns, filter, &opts, width, height)
                    .map_err(|e| anyhow::anyhow!("rendering failed: {e}"))?;
            let png = export::briefing::encode_png(&image).map_err(|e| anyhow::anyhow!(e))?;
            export::write_atomically(&out, |w| w.write_all(&png))
                .with_context(|| format!("cannot write {}", out.display()))?;
            Ok(exit_for(failed))
        }
        Command::Compare {
            files,
            acled,
            ged,
            stored,
            out,
            filter,
        } => {
            use reference_events::Source;
            let reference = match (acled, ged, stored) {
                (Some(path), _, _) => Reference::File(Source::Acled, path),
                (_, Some(path), _) => Reference::File(Source::Ged, path),
                (_, _, Some(stored)) => {
                    let (source, id) = match stored.split_once(':') {
                        Some(("acled", n)) => (Source::Acled, n),
                        Some(("ged", n)) => (Source::Ged, n),
                        _ => bail!("--stored {stored:?} is not acled:N or ged:N"),
                    };
                    let id = id
                        .parse()
                        .with_context(|| format!("--stored {stored:?}: {id:?} is not a number"))?;
                    Reference::Stored(source, id)
                }
                (None, None, None) => bail!("give --acled FILE.csv, --ged FILE.csv or --stored"),
            };
            compare(
                &files,
                reference,
                &out,
                &filter.to_filter()?,
                workspace.as_deref(),
                &batch_geocoder()?,
            )
        }
        Command::Data { action } => data(action, gazetteer.as_deref(), fallback_ok, stdout),
        Command::Incidents => {
            let ws = open_workspace(workspace)?;
            for (n, s) in ws.incidents()?.iter().enumerate() {
                let i = &s.incident;
                let place = i
                    .places
                    .iter()
                    .find(|p| p.lat.is_some())
                    .map_or("—", |p| p.name.as_str());
                writeln!(
                    stdout,
                    "{n:>4}  {}  {:<26} {:<28} {:>5}  {}{}{}",
                    i.date.map_or("?".to_string(), |d| d.to_string()),
                    i.event_type.name(),
                    place,
                    i.fatalities.map_or("—".to_string(), |f| f.best.to_string()),
                    i.article,
                    if s.rejected { "  [rejected]" } else { "" },
                    if s.corrected.is_empty() {
                        String::new()
                    } else {
                        format!("  [corrected: {}]", s.corrected.join(", "))
                    },
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Correct {
            number,
            reason,
            date,
            r#move,
            killed,
            event_type,
            reject,
            restore,
        } => {
            use mali_atlas::store::{Correction, TollField};
            let mut ws = open_workspace(workspace)?;
            let stored = ws.incidents()?;
            let Some(target) = stored.get(number) else {
                bail!(
                    "no incident {number}: the workspace has {} (see `mali-atlas incidents`)",
                    stored.len()
                )
            };
            let key = target.key.clone();
            let mut changes = Vec::new();
            if let Some(d) = date {
                let d = chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                    .with_context(|| format!("--date {d:?} is not YYYY-MM-DD"))?;
                changes.push(Correction::Date {
                    date: Some(d),
                    date_end: None,
                    precision: mali_atlas::corpus::DatePrecision::Day,
                });
            }
            if let Some(m) = r#move {
                let (lat, lon) = m
                    .split_once(',')
                    .and_then(|(a, b)| {
                        Some((a.trim().parse::<f64>().ok()?, b.trim().parse::<f64>().ok()?))
                    })
                    .filter(|(lat, lon)| {
                        (-90.0..=90.0).contains(lat) && (-180.0..=180.0).contains(lon)
                    })
                    .with_context(|| format!("--move {m:?} is not LAT,LON"))?;
                changes.push(Correction::MovePoint { lat, lon });
            }
            if let Some(k) = killed {
                let (cat, n) = k
                    .split_once('=')
                    .with_context(|| format!("--killed {k:?} is not CATEGORY=N"))?;
                let category = mali_atlas::incident::Category::ALL
                    .into_iter()
                    .find(|c| c.as_str() == cat.trim())
                    .with_context(|| {
                        format!(
                            "unknown category {cat:?}; valid: {}",
                            mali_atlas::incident::Category::ALL
                                .map(|c| c.as_str())
                                .join(", ")
                        )
                    })?;
                let parts: Vec<u32> = n
                    .split('-')
                    .map(|x| x.trim().parse::<u32>())
                    .collect::<Result<_, _>>()
                    .with_context(|| {
                        format!("--killed {k:?}: N must be a number or LOW-BEST-HIGH")
                    })?;
                let range = match parts[..] {
                    [b] => mali_atlas::incident::TollRange::exact(b),
                    [low, best, high] if low <= best && best <= high => {
                        mali_atlas::incident::TollRange { low, best, high }
                    }
                    _ => bail!("--killed {k:?}: give N or LOW-BEST-HIGH with LOW ≤ BEST ≤ HIGH"),
                };
                changes.push(Correction::Toll {
                    field: TollField::Killed(category),
                    range: Some(range),
                });
            }
            if let Some(e) = event_type {
                let t = mali_atlas::incident::EventType::ALL
                    .into_iter()
                    .find(|t| t.name().eq_ignore_ascii_case(e.trim()))
                    .with_context(|| {
                        format!(
                            "unknown event type {e:?}; valid: {}",
                            mali_atlas::incident::EventType::ALL
                                .map(|t| t.name())
                                .join(", ")
                        )
                    })?;
                changes.push(Correction::EventType {
                    event_type: t,
                    sub_event_type: None,
                });
            }
            if reject {
                changes.push(Correction::Reject);
            }
            if restore {
                changes.push(Correction::Restore);
            }
            if changes.is_empty() {
                bail!(
                    "nothing to correct: give --date, --move, --killed, --event-type, --reject or --restore"
                );
            }
            let n = changes.len();
            for c in changes {
                ws.correct(&key, c, &reason)?;
            }
            writeln!(stdout, "{n} correction(s) recorded for incident {number}")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Corrections { orphaned } => {
            let ws = open_workspace(workspace)?;
            let list = if orphaned {
                ws.orphaned_corrections()?
            } else {
                ws.corrections()?
            };
            for c in &list {
                writeln!(
                    stdout,
                    "{:>4}  {}  {:<18} {}  ({})",
                    c.id,
                    c.created_at,
                    c.field,
                    serde_json::to_string(&c.correction).unwrap_or_default(),
                    c.reason
                )?;
            }
            if list.is_empty() {
                writeln!(
                    stdout,
                    "{}",
                    if orphaned {
                        "no orphaned corrections"
                    } else {
                        "no corrections"
                    }
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn data(
    action: DataAction,
    gazetteer: Option<&std::path::Path>,
    fallback_ok: bool,
    stdout: &mut dyn Write,
) -> Result<ExitCode> {
    if let DataAction::ExportPack { out } = &action {
        return export_pack(out, gazetteer, fallback_ok, stdout);
    }
    let dir = datasets::data_dir().context("no per-user data folder on this system")?;
    match action {
        DataAction::Install { from } => {
            // Cercle polygons (geoBoundaries ADM2) install from the same folder when present.
            if let Some(from) = &from {
                let adm2 = if from.is_dir() {
                    Some(from.join(boundaries::FILE_NAME))
                } else {
                    from.extension()
                        .is_some_and(|e| e == "geojson" || e == "json")
                        .then(|| from.clone())
                };
                if let Some(adm2) = adm2.filter(|p| p.exists()) {
                    let n = boundaries::install(
                        &adm2,
                        &dir,
                        &mali_atlas::reference::cercles::count_cercles,
                    )
                    .with_context(|| format!("cannot install cercles from {}", adm2.display()))?;
                    writeln!(
                        stdout,
                        "installed {n} cercles from {}\n{}",
                        adm2.display(),
                        mali_atlas::reference::cercles::ATTRIBUTION
                    )?;
                    let has_gazetteer =
                        from.is_dir() && ["ML.txt", "ML.zip"].iter().any(|f| from.join(f).exists());
                    if !has_gazetteer {
                        return Ok(ExitCode::SUCCESS);
                    }
                }
            }
            let status = match from {
                Some(from) => geonames::install_from(&from, &dir, &index_export)
                    .with_context(|| format!("cannot install {}", from.display()))?,
                None => {
                    eprintln!("downloading {}", geonames::GEONAMES_ML_ZIP_URL);
                    let mut last = 0u64;
                    geonames::download_and_install(
                        geonames::GEONAMES_ML_ZIP_URL,
                        &dir,
                        &index_export,
                        &mut |p| {
                            // Plain lines, at most one per MB: readable on a terminal and in logs.
                            if p.received >= last + (1 << 20) || Some(p.received) == p.total {
                                last = p.received;
                                match p.total {
                                    Some(t) if t > 0 => eprintln!(
                                        "  {:.1} / {:.1} MB ({}%)",
                                        p.received as f64 / 1e6,
                                        t as f64 / 1e6,
                                        p.received * 100 / t
                                    ),
                                    _ => eprintln!("  {:.1} MB", p.received as f64 / 1e6),
                                }
                            }
                        },
                    )
                    .context("download failed; on an offline machine use --from ML.zip")?
                }
            };
            writeln!(
                stdout,
                "installed {} places ({} names) from {} into {}\n{}",
                status.places,
                status.keys,
                status.source,
                dir.display(),
                status.attribution
            )?;
        }
        DataAction::Status => data_status(&dir, stdout)?,
        DataAction::ExportPack { .. } => unreachable!("handled above"),
    }
    Ok(ExitCode::SUCCESS)
}

/// `data export-pack OUT`: the gazetteer and cercles a run here would use, in one file.
fn export_pack(
    out: &std::path::Path,
    gazetteer: Option<&std::path::Path>,
    fallback_ok: bool,
    stdout: &mut dyn Write,
) -> Result<ExitCode> {
    let dir = datasets::data_dir();
    let loaded = load::load(gazetteer, dir.as_deref())?;
    let stamp = loaded.gazetteer.stamp();
    warn_if_short(
        &loaded.origin,
        &stamp,
        loaded.gazetteer.mali_places(),
        fallback_ok,
    );
    let cercles = load::cercles_geojson(&loaded.origin, dir.as_deref());
    let manifest = mali_atlas::geocode::pack::write(
        out,
        &loaded.gazetteer,
        cercles.as_deref(),
        &loaded.origin.to_string(),
    )
    .with_context(|| format!("cannot write the pack {}", out.display()))?;
    writeln!(
        stdout,
        "{}: gazetteer {} ({} places of Mali, {} in all) from {}, {}\n\
         ship it with `spark-submit --files {}` and give workers `--gazetteer \
         SparkFiles.get(\"{}\")` (README, \"On Spark\")",
        out.display(),
        manifest.gazetteer,
        manifest.mali_places,
        manifest.places,
        manifest.source,
        manifest
            .cercles
            .map_or("no cercles".to_string(), |n| format!("{n} cercles")),
        out.display(),
        out.file_name().unwrap_or_default().to_string_lossy(),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The geocoder of `extract`, `export`, `render` and `ingest`: one line on stderr when it
/// has less than the full gazetteer (`-q` does not hide it, `--fallback-ok` does), so that no
/// batch silently resolves fewer places.
fn batch_geocoder(
    gazetteer: Option<&std::path::Path>,
    fallback_ok: bool,
) -> Result<mali_atlas::geocode::Geocoder> {
    let loaded = load::load(gazetteer, datasets::data_dir().as_deref())?;
    let origin = loaded.origin.clone();
    let mali_places = loaded.gazetteer.mali_places();
    let geocoder = loaded.into_geocoder();
    warn_if_short(
        &origin,
        geocoder.gazetteer_stamp(),
        mali_places,
        fallback_ok,
    );
    Ok(geocoder)
}

fn warn_if_short(
    origin: &load::Origin,
    stamp: &mali_atlas::incident::GazetteerStamp,
    mali_places: usize,
    fallback_ok: bool,
) {
    if fallback_ok {
        return;
    }
    if let Some(line) = load::shortfall_warning(origin, stamp, mali_places) {
        eprintln!("{line}");
    }
}

/// Which gazetteer and cercles the other commands use, and their attribution.
fn data_status(dir: &std::path::Path, stdout: &mut dyn Write) -> std::io::Result<()> {
    use mali_atlas::reference::{cercles, snapshot};
    let in_use = load::in_use(Some(dir));
    match &in_use {
        load::InUse::Installed(s) => writeln!(
            stdout,
            "gazetteer: {in_use}: {} places, {} names\nsource: {}",
            s.places, s.keys, s.source
        )?,
        load::InUse::Embedded { places, .. } => writeln!(
            stdout,
            "gazetteer: {in_use}: {places} places of Mali and {} neighbours' towns\n\
             update with: mali-atlas data install [--from ML.zip]",
            snapshot::snapshot().gazetteer.counts.neighbour_rows
        )?,
    }
    // What incidents resolved here say in their `gazetteer` field; a worker given a pack of
    // this gazetteer says the same.
    if let Ok(loaded) = load::load(None, Some(dir)) {
        writeln!(stdout, "stamp: {}", loaded.gazetteer.stamp())?;
    }
    writeln!(stdout, "{}", mali_atlas::geocode::gazetteer::ATTRIBUTION)?;
    // Added to whichever gazetteer is in use (data/supplement.tsv).
    let supplement = mali_atlas::geocode::supplement::rows();
    writeln!(
        stdout,
        "supplement: {} curated places GeoNames lacks ({}), each with its source",
        supplement.len(),
        supplement
            .iter()
            .map(|r| r.place.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    match cercles::load_installed(dir) {
        Some(c) => writeln!(stdout, "cercles: installed: {} polygons", c.len())?,
        None => writeln!(
            stdout,
            "cercles: embedded, {} polygons — {}",
            snapshot::snapshot().cercles.counts.cercles,
            snapshot::snapshot().cercles.source
        )?,
    }
    writeln!(stdout, "{}", cercles::ATTRIBUTION)
}

fn open_workspace(path: Option<PathBuf>) -> Result<mali_atlas::store::Workspace> {
    let path = path.context("give --workspace FILE")?;
    Ok(mali_atlas::store::Workspace::open(&path)?)
}

/// A progress bar on a terminal; `None` (plain lines) when stderr is piped or a file.
fn progress_bar() -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} files  {per_sec}  {msg}  ETA {eta}",
        )
        .ok()?,
    );
    Some(bar)
}

/// Loads articles; unreadable inputs are reported on stderr and counted.
fn load_articles(files: &[PathBuf], max_bytes: u64) -> (Vec<corpus::Article>, usize) {
    let mut articles = Vec::new();
    let mut failed = 0;
    for result in corpus::load_paths(files, &LoadOptions { max_bytes }) {
        match result {
            Ok(a) => articles.push(a),
            Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
            }
        }
    }
    (articles, failed)
}

/// Loads and extracts; unreadable inputs are reported on stderr and counted.
fn extract_files(
    files: &[PathBuf],
    max_bytes: u64,
    geocoder: &mali_atlas::geocode::Geocoder,
) -> (Vec<Incident>, usize) {
    let (articles, failed) = load_articles(files, max_bytes);
    let incidents = articles
        .iter()
        .flat_map(|a| pipeline::incidents(a, geocoder))
        .collect();
    (incidents, failed)
}

fn exit_for(failed: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// `compare`: our incidents against one reference file, the report to `out`, the summary and
/// every bad row on stderr. Exit 2 when some input (article or row) could not be read.
/// The reference file of `compare`: on disk, or kept in the workspace (source, id).
enum Reference {
    File(reference_events::Source, PathBuf),
    Stored(reference_events::Source, i64),
}

fn compare(
    files: &[PathBuf],
    reference: Reference,
    out: &std::path::Path,
    filter: &mali_atlas::analysis::Filter,
    workspace: Option<&std::path::Path>,
    geocoder: &mali_atlas::geocode::Geocoder,
) -> Result<ExitCode> {
    use reference_events::{matching, report};
    let ws = workspace
        .map(mali_atlas::store::Workspace::open)
        .transpose()?;
    let (source, reference, bytes) = match (reference, &ws) {
        (Reference::File(source, path), _) => {
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            if let Some(ws) = &ws {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                );
                let kept = ws.import_reference(source, &name, &bytes)?;
                eprintln!(
                    "{}: kept in {} (checksum {}); re-run with --stored {}:{}",
                    path.display(),
                    ws.path().display(),
                    kept.checksum,
                    source.as_str(),
                    kept.id
                );
            }
            (source, path, bytes)
        }
        (Reference::Stored(source, id), Some(ws)) => {
            let kept = ws
                .reference_files(source)?
                .into_iter()
                .find(|r| r.id == id)
                .with_context(|| {
                    format!("{}: no {} file #{id}", ws.path().display(), source.as_str())
                })?;
            let bytes = ws.reference_content(source, id)?.unwrap_or_default();
            eprintln!(
                "{} file #{id}: {}, imported {}, checksum {}",
                source.as_str(),
                kept.file_name,
                kept.imported_at,
                kept.checksum
            );
            (source, PathBuf::from(kept.file_name), bytes)
        }
        (Reference::Stored(..), None) => bail!("--stored needs --workspace"),
    };
    let read = source.read_bytes(&reference, &bytes)?;
    let (incidents, failed) = match &ws {
        Some(ws) => {
            if files.is_empty() {
                let events = pipeline::workspace_events(ws)?;
                (events.into_iter().map(|(i, _)| i).collect(), 0)
            } else {
                extract_files(files, 20 * 1024 * 1024, geocoder)
            }
        }
        None if files.is_empty() => {
            let seeds = corpus::seeds();
            (
                seeds
                    .iter()
                    .flat_map(|a| pipeline::incidents(a, geocoder))
                    .collect(),
                0,
            )
        }
        None => extract_files(files, 20 * 1024 * 1024, geocoder),
    };
    let incidents: Vec<Incident> = incidents
        .into_iter()
        .filter(|i| filter.accepts(i))
        .collect();
    let references: Vec<_> = read
        .events
        .into_iter()
        .filter(|e| report::reference_in(filter, e))
        .collect();
    for e in &read.row_errors {
        eprintln!("error: {e}");
    }
    eprintln!(
        "{}: {} events of Mali kept, {} rows of other countries skipped, {} bad rows",
        reference.display(),
        references.len(),
        read.skipped_other_country,
        read.row_errors.len()
    );
    let pairs = matching::match_events(&incidents, &references, geocoder.cercles());
    export::write_atomically(out, |w| {
        report::write_csv(w, &pairs, &incidents, &references)
    })
    .with_context(|| format!("cannot write {}", out.display()))?;
    eprint!("{}", report::Summary::of(&pairs, &incidents, &references));
    Ok(exit_for(failed + read.row_errors.len()))
}
