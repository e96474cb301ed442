//! One module per subcommand area, so each stage's commands live apart.

pub mod add;
pub mod brief;
pub mod claims;
pub mod clusters;
pub mod compare;
pub mod entities;
pub mod extract;
pub mod ner;
pub mod parse;
pub mod pos;
pub mod run;
pub mod serve;
pub mod stance;
pub mod timex;

use anyhow::Result;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum EvalTask {
    /// Main-content extraction on an article-extraction benchmark directory.
    Extract(extract::EvalArgs),
    /// Part-of-speech tagging on a CoNLL-U file.
    Pos(pos::EvalArgs),
    /// Named entities on CoNLL / CoNLL-U / IOB2 files.
    Ner(ner::EvalArgs),
    /// Dependency parsing on a CoNLL-U file.
    Parse(parse::EvalArgs),
    /// Temporal expressions on a directory of TimeML files.
    Timex(timex::EvalArgs),
    /// Stance on FNC-1 style bodies/stances files (or Emergent).
    Stance(stance::EvalArgs),
    /// Quotes, claims and quantities on an annotated gold file.
    Claims(claims::EvalArgs),
    /// Entity resolution on labelled must-merge / must-not-merge pairs.
    Entities(entities::EvalArgs),
    /// Cross-check (propositions, stances, status) on a gold set of stories.
    Compare(compare::EvalArgs),
}

#[derive(Subcommand)]
pub enum TrainTask {
    /// Part-of-speech tagger.
    Pos(pos::TrainArgs),
    /// Named-entity recogniser.
    Ner(ner::TrainArgs),
    /// Dependency parser.
    Parse(parse::TrainArgs),
    /// Stance classifier.
    Stance(stance::TrainArgs),
    /// Word classes from plain text (features for the tagger, parser, NER).
    Clusters(clusters::TrainArgs),
}

pub fn run_eval(task: EvalTask) -> Result<()> {
    match task {
        EvalTask::Extract(a) => extract::eval(a),
        EvalTask::Pos(a) => pos::eval(a),
        EvalTask::Ner(a) => ner::eval(a),
        EvalTask::Parse(a) => parse::eval(a),
        EvalTask::Timex(a) => timex::eval(a),
        EvalTask::Stance(a) => stance::eval(a),
        EvalTask::Claims(a) => claims::eval(a),
        EvalTask::Entities(a) => entities::eval(a),
        EvalTask::Compare(a) => compare::eval(a),
    }
}

pub fn run_train(task: TrainTask) -> Result<()> {
    match task {
        TrainTask::Pos(a) => pos::train(a),
        TrainTask::Ner(a) => ner::train(a),
        TrainTask::Parse(a) => parse::train(a),
        TrainTask::Stance(a) => stance::train(a),
        TrainTask::Clusters(a) => clusters::train(a),
    }
}
