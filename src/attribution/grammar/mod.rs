//! The grammar layer: what the rules ask of a sentence's words, below every rule and
//! importing none. Noun phrases and the speaker phrase finders (`np`), resolving a speaker
//! phrase to a name (`resolve`), clause starts and ends and sentence bodies (`clause`), where
//! a reporting verb's reported clause starts and ends (`complement`), where the subject of a
//! verb ends and the phrases that speak for it (`subject`), the shapes around a quote and a
//! cue (`shapes`), speaker labels (`labels`) and cited sources (`sources`), stance verbs in
//! use (`stance`).

pub mod clause;
pub mod complement;
pub mod labels;
pub mod np;
pub mod resolve;
pub mod shapes;
pub mod sources;
pub mod stance;
pub mod subject;
pub mod words;
