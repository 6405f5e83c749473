//! Writes a deterministic benchmark site: `cargo run --release --example gen-corpus -- --claims N --out DIR [--seed S]`.
//!
//! The site follows the content contract (40 sources, 60 entities with parents,
//! claims over six years with an appearance and 1-3 citations, quantities on about a third,
//! history, 250-400-word bodies with lists, links, emphasis and the odd table)
//! and passes `claimtrail check` with no errors. The same seed gives the same files.
//!
//! For the pathological cases of `scripts/bench.sh`: `--entities N` writes N
//! entities in the same proportions, `--chain` makes each entity the parent
//! of the next (one chain N deep), and `--huge-body KIND` adds one claim whose
//! body fills the 2 MiB file limit with `&`, `©` or ordinary prose.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

/// Writes a benchmark site for claimtrail.
#[derive(Parser)]
struct Args {
    /// How many claims to write.
    #[arg(long, default_value_t = 10_000)]
    claims: usize,
    /// The folder to create (must not exist or be empty).
    #[arg(long)]
    out: PathBuf,
    /// Seed for the pseudo-random choices.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// How many entities to write: a quarter organisations, half models, the
    /// rest products.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u32).range(60..))]
    entities: u32,
    /// Make every entity the parent of the next, in one chain.
    #[arg(long)]
    chain: bool,
    /// Add a claim whose body fills the file size limit with this.
    #[arg(long, value_enum)]
    huge_body: Option<HugeBody>,
}

/// What the huge body is made of.
#[derive(Clone, Copy, clap::ValueEnum)]
enum HugeBody {
    /// `&` repeated: each becomes `&amp;` in HTML.
    Amp,
    /// `©` repeated: U+00A9, whose UTF-8 starts with 0xC2 as U+00A0 does.
    Copyright,
    /// Ordinary sentences, to compare the other two with.
    Prose,
}

/// The largest content file claimtrail reads.
const FILE_LIMIT: usize = 2 * 1024 * 1024;

/// The entities: how many of each kind, and whether they form one chain.
#[derive(Clone, Copy)]
struct Entities {
    orgs: usize,
    models: usize,
    count: usize,
    chain: bool,
}

/// Sources speaking for an organisation: the first this many, for the first as many entities.
const SPEAKERS: usize = 15;
const SOURCES: usize = 40;
const STATUSES: [&str; 6] = [
    "unverified",
    "supported",
    "disputed",
    "refuted",
    "retracted",
    "outdated",
];
const STANCES: [&str; 3] = ["supports", "contradicts", "neutral"];
const TAGS: [&str; 24] = [
    "inference-cost",
    "efficiency",
    "benchmarks",
    "safety",
    "training-data",
    "compute",
    "context-window",
    "reasoning",
    "multimodal",
    "open-weights",
    "pricing",
    "latency",
    "energy",
    "chips",
    "agents",
    "coding",
    "evaluation",
    "regulation",
    "funding",
    "hiring",
    "partnerships",
    "robotics",
    "video",
    "memory",
];
const WORDS: [&str; 48] = [
    "model",
    "training",
    "report",
    "evidence",
    "benchmark",
    "release",
    "claim",
    "figure",
    "compute",
    "cluster",
    "throughput",
    "latency",
    "accuracy",
    "dataset",
    "tokens",
    "cost",
    "analysis",
    "independent",
    "measurement",
    "announcement",
    "engineers",
    "researchers",
    "customers",
    "pricing",
    "context",
    "window",
    "reasoning",
    "evaluation",
    "results",
    "paper",
    "statement",
    "interview",
    "comparison",
    "baseline",
    "improvement",
    "regression",
    "scale",
    "deployment",
    "inference",
    "hardware",
    "software",
    "agents",
    "safety",
    "policy",
    "audit",
    "roadmap",
    "quarter",
    "launch",
];

/// SplitMix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match generate(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn generate(args: &Args) -> Result<(), String> {
    let not_empty = fs::read_dir(&args.out).is_ok_and(|mut d| d.next().is_some());
    if not_empty {
        return Err(format!("{} is not empty", args.out.display()));
    }
    let mut rng = Rng(args.seed);
    let count = args.entities as usize;
    let entities = Entities {
        orgs: count / 4,
        models: count / 2,
        count,
        chain: args.chain,
    };
    write(&args.out.join("site.toml"), SITE)?;
    for i in 0..count {
        write(
            &args
                .out
                .join(format!("content/entities/{}.md", entities.id(i))),
            &entities.file(i),
        )?;
    }
    for i in 0..SOURCES {
        write(
            &args
                .out
                .join(format!("content/sources/{}.md", source_id(i))),
            &source(i, &entities),
        )?;
    }
    for i in 0..args.claims {
        let (year, text) = claim(i, &entities, &mut rng);
        let path = args
            .out
            .join(format!("content/claims/{year}/{}.md", claim_id(i)));
        write(&path, &text)?;
    }
    if let Some(kind) = args.huge_body {
        write(
            &args.out.join("content/claims/huge-body.md"),
            &huge_claim(kind, &entities),
        )?;
    }
    println!("wrote {} claims to {}", args.claims, args.out.display());
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

const SITE: &str = "title = \"Benchmark Claims Tracker\"\nbase_url = \"https://example.github.io/bench/\"\ndescription = \"A generated corpus for measuring claimtrail.\"\nlanguage = \"en\"\n";

impl Entities {
    fn id(&self, i: usize) -> String {
        match i {
            i if i < self.orgs => format!("lab-{i:02}"),
            i if i < self.orgs + self.models => format!("model-{:02}", i - self.orgs),
            i => format!("product-{:02}", i - self.orgs - self.models),
        }
    }

    fn file(&self, i: usize) -> String {
        let (kind, parent) = match i {
            i if i < self.orgs => ("organization", None),
            i if i < self.orgs + self.models => ("model", Some((i - self.orgs) % self.orgs)),
            i => ("product", Some((i - self.orgs - self.models) % self.orgs)),
        };
        let parent = if self.chain { i.checked_sub(1) } else { parent };
        let mut text = format!(
            "+++\nname = \"{}\"\nkind = \"{kind}\"\n",
            title_case(&self.id(i))
        );
        if let Some(parent) = parent {
            let _ = writeln!(text, "parent = \"{}\"", self.id(parent));
        }
        let _ = writeln!(text, "url = \"https://example.org/{}\"", self.id(i));
        text.push_str("+++\nA generated entity for the benchmark corpus.\n");
        text
    }
}

fn source_id(i: usize) -> String {
    format!("source-{i:02}")
}

fn source(i: usize, entities: &Entities) -> String {
    let kinds = ["official", "press", "research", "blog", "social"];
    let kind = if i < SPEAKERS {
        "official"
    } else {
        kinds[i % kinds.len()]
    };
    let mut text = format!(
        "+++\nname = \"{}\"\nkind = \"{kind}\"\nurl = \"https://example.org/{}/\"\n",
        title_case(&source_id(i)),
        source_id(i)
    );
    if i < SPEAKERS {
        let _ = writeln!(text, "entity = \"{}\"", entities.id(i));
    }
    text.push_str("+++\nA generated source for the benchmark corpus.\n");
    text
}

fn claim_id(i: usize) -> String {
    format!("claim-{i:05}")
}

fn claim(i: usize, entities: &Entities, rng: &mut Rng) -> (u16, String) {
    let year = 2021 + (i % 6) as u16;
    let (month, day) = (1 + rng.below(9), 1 + rng.below(28));
    let date = format!("{year}-{month:02}-{day:02}");
    let claimant = source_id(i % SOURCES);
    let entity_count = 1 + rng.below(3);
    let about: Vec<String> = (0..entity_count)
        .map(|k| format!("\"{}\"", entities.id((i + k * 7) % entities.count)))
        .collect();
    let tags: Vec<String> = (0..1 + rng.below(3))
        .map(|_| format!("\"{}\"", rng.pick(&TAGS)))
        .collect();
    let status = rng.pick(&STATUSES);
    let quantity = rng.chance(33);
    let mut text = format!(
        "+++\ntitle = \"{} claims {} {} improves {} by a wide margin ({i})\"\ndate = {date}\nclaimant = \"{claimant}\"\nstatus = \"{status}\"\nentities = [{}]\ntags = [{}]\n",
        title_case(&claimant),
        title_case(&entities.id(i % entities.count)),
        rng.pick(&WORDS),
        rng.pick(&WORDS),
        about.join(", "),
        tags.join(", "),
    );
    let value = 5 + rng.below(90);
    if quantity {
        let _ = write!(
            text,
            "\n[quantity]\nlabel = \"Improvement in {}\"\nvalue = {value}\nunit = \"%\"\n",
            rng.pick(&WORDS)
        );
    }
    for c in 0..2 + rng.below(3) {
        let source = if c == 0 {
            claimant.clone()
        } else {
            // Evidence comes from someone else: the claimant's own words are its appearance.
            let picked = rng.below(SOURCES);
            let other = source_id(picked);
            if other == claimant {
                source_id((picked + 1) % SOURCES)
            } else {
                other
            }
        };
        let stance = if c == 0 {
            "supports"
        } else {
            rng.pick(&STANCES)
        };
        // The first entry is where the claimant made the claim; the rest are evidence.
        let entry = if c == 0 {
            "appearances]]".to_string()
        } else {
            format!("citations]]\nsource = \"{source}\"")
        };
        let _ = write!(
            text,
            "\n[[{entry}\nurl = \"https://example.org/{source}/{i}-{c}\"\ntitle = \"Document {c} about claim {i}\"\ndate = {year}-{:02}-{day:02}\nquote = \"The {} {} is {} than before.\"\n",
            month + c,
            rng.pick(&WORDS),
            rng.pick(&WORDS),
            if c == 0 { "better" } else { "different" },
        );
        if c > 0 {
            let _ = writeln!(text, "stance = \"{stance}\"");
        }
        // An appearance states the claim, so it reports no value of its own.
        if quantity && rng.chance(70) {
            let reported = value + rng.below(20) - rng.below(20).min(value);
            if c > 0 {
                let _ = writeln!(text, "value = {reported}");
            }
        }
    }
    if status != "unverified" {
        let _ = write!(
            text,
            "\n[[history]]\ndate = {date}\nstatus = \"unverified\"\nnote = \"Entered from the first document.\"\n\n[[history]]\ndate = {year}-{:02}-{day:02}\nstatus = \"{status}\"\nnote = \"Later evidence changed the verdict.\"\n",
            month + 3
        );
    }
    text.push_str("+++\n");
    text.push_str(&body(i, rng));
    (year, text)
}

/// A claim about the first and the last entity whose body fills the file limit.
fn huge_claim(kind: HugeBody, entities: &Entities) -> String {
    let claimant = source_id(0);
    let mut text = format!(
        "+++\ntitle = \"A claim with a huge body\"\ndate = 2026-01-01\nclaimant = \"{claimant}\"\nstatus = \"unverified\"\nentities = [\"{}\", \"{}\"]\n\n[[appearances]]\nurl = \"https://example.org/huge\"\n+++\n",
        entities.id(0),
        entities.id(entities.count - 1),
    );
    let unit = match kind {
        HugeBody::Amp => "&",
        HugeBody::Copyright => "©",
        HugeBody::Prose => "The figure in the report was measured again by a third party. ",
    };
    let room = FILE_LIMIT - text.len() - 1;
    text.push_str(&unit.repeat(room / unit.len()));
    text.push('\n');
    text
}

fn body(i: usize, rng: &mut Rng) -> String {
    let target = 250 + rng.below(150);
    let mut words = 0;
    let mut text = String::new();
    while words < target {
        let sentences = 3 + rng.below(3);
        for s in 0..sentences {
            let length = 8 + rng.below(10);
            let sentence: Vec<&str> = (0..length).map(|_| rng.pick(&WORDS)).collect();
            words += length;
            let mut sentence = sentence.join(" ");
            if s == 1 {
                sentence = sentence.replacen(' ', " *", 1) + "*";
            }
            let _ = write!(text, "{}. ", capitalise(&sentence));
        }
        text.push_str("\n\n");
        if words > target / 3 && words < target / 3 + 40 {
            text.push_str("What would settle it:\n\n- an **independent** measurement;\n- the original data;\n- a [reproduction](https://example.org/reproductions) by a third party.\n\n");
            words += 15;
        }
    }
    if i.is_multiple_of(10) {
        text.push_str("| Source | Reported |\n|---|---|\n| First | 10% |\n| Second | 12% |\n");
    }
    text
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn title_case(id: &str) -> String {
    id.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
