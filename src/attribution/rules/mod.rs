//! The rules, one file each. The registry that orders them is [`crate::attribution::RULES`].

pub mod indirect;
pub mod labels;
pub mod patterns;

pub mod att001_quote_name_cue;
pub mod att002_quote_cue_name;
pub mod att003_name_cue_quote;
pub mod att004_pronoun_cue;
pub mod att005_in_their_words;
pub mod att006_according_to;
pub mod att007_sentence_cue;
pub mod att008_introduced_before;
pub mod att009_continues_speaker;
pub mod att010_repeats_attributed_words;
pub mod att011_quote_dash_name;
pub mod att012_colon_subject;
pub mod att013_subject_partial;
pub mod att014_transcript_turn;
pub mod att015_same_quotation;
pub mod att016_quoted_turn;
pub mod att017_quotation_after_portrait;
pub mod ind001_name_cue_that;
pub mod ind002_as_name_cue;
pub mod ind003_clause_name_cue;
pub mod ind004_according_to_clause;
pub mod ind005_parenthetical_name_cue;
pub mod ind006_stance_verb;
pub mod ind007_participle_clause;
pub mod ind008_headline_colon;
pub mod ind009_asked_question;
pub mod ind010_poll_in;
pub mod ind011_possessive_stance;
pub mod ind012_unsourced_evidential;
pub mod ind013_stance_phrase;
pub mod ind014_headline_verb;
