//! A view for people at a terminal: each document's id as a heading, then each quote with
//! its speaker, kind, rule, cue and confidence underneath.
//!
//! ```text
//! article.txt: 1 quote, 1 speaker
//!   1. “It will take ten years,”
//!      Mich Mathews · direct · ATT002 · cue “said” · 0.95
//! ```
//!
//! Colours are ANSI escapes, only when asked for: the CLI asks when standard output is a
//! terminal and `NO_COLOR` is not set.

use anstyle::{AnsiColor, Style};

use crate::input::Error;
use crate::output::{Document, QuoteKind};

use super::{meta_text, stable_hash, META_FIELDS};

/// Colours a speaker's name can take; each speaker keeps one, chosen from their name.
const SPEAKER_COLOURS: [AnsiColor; 6] = [
    AnsiColor::Cyan,
    AnsiColor::Green,
    AnsiColor::Magenta,
    AnsiColor::Blue,
    AnsiColor::Yellow,
    AnsiColor::BrightCyan,
];

/// Paints text with a style, or leaves it as it is when colour is off.
struct Painter {
    colour: bool,
}

impl Painter {
    fn paint(&self, style: Style, text: &str) -> String {
        if self.colour {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
}

/// `text` on one line: a quote from hard-wrapped text keeps its line breaks in the JSON
/// (spans point into the original), but a terminal view lays each quote out on its own line.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The view of one document, each line ended; `colour` turns ANSI colours on.
pub fn render(doc: &Document, colour: bool) -> String {
    let p = Painter { colour };
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let mut out = String::new();
    out.push_str(&format!(
        "{}: {}, {}\n",
        p.paint(bold, &doc.id),
        plural(doc.quotes.len(), "quote", "quotes"),
        plural(doc.speakers.len(), "speaker", "speakers"),
    ));
    for field in META_FIELDS {
        if let Some(value) = meta_text(doc.meta.as_ref(), field) {
            out.push_str(&format!(
                "  {} {value}\n",
                p.paint(dim, &format!("{field}:"))
            ));
        }
    }
    let width = doc.quotes.len().to_string().len();
    for (i, q) in doc.quotes.iter().enumerate() {
        let text = match q.kind {
            QuoteKind::Direct | QuoteKind::Partial => format!("“{}”", one_line(&q.text)),
            // Content its attribution interrupts: "The plan … is to cut taxes".
            QuoteKind::Indirect => match &q.lead {
                Some(lead) => format!("{} … {}", one_line(&lead.text), one_line(&q.text)),
                None => one_line(&q.text),
            },
        };
        out.push_str(&format!("  {:>width$}. {text}\n", i + 1));
        let mut facts = Vec::new();
        match &q.speaker {
            Some(s) => {
                let colour = SPEAKER_COLOURS[(stable_hash(&s.name) % 6) as usize];
                let mut who = p.paint(colour.on_default().bold(), &s.name);
                let mention = one_line(&s.mention);
                if mention != s.name {
                    who.push_str(&format!(" (as “{mention}”)"));
                }
                facts.push(who);
            }
            None => facts.push(p.paint(AnsiColor::Red.on_default(), "unattributed")),
        }
        facts.push(q.kind.as_str().to_string());
        if let Some(rule) = &q.rule {
            facts.push(p.paint(dim, rule));
        }
        if let Some(cue) = &q.cue {
            facts.push(format!("cue “{}”", one_line(&cue.text)));
        }
        facts.push(q.confidence.to_string());
        out.push_str(&format!(
            "  {:>width$}  {}\n",
            "",
            facts.join(&p.paint(dim, " · "))
        ));
    }
    out
}

/// The view of a document that could not be read.
pub fn render_error(id: &str, error: &Error, colour: bool) -> String {
    let p = Painter { colour };
    format!(
        "{}: {} {}\n",
        p.paint(Style::new().bold(), id),
        p.paint(AnsiColor::Red.on_default().bold(), "error"),
        error.message
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_is_off_unless_asked() {
        let doc = crate::extract("a", "“Yes,” Smith said.", &Default::default());
        assert!(!render(&doc, false).contains('\x1b'));
        assert!(render(&doc, true).contains("\x1b["));
        assert_eq!(
            anstream::adapter::strip_str(&render(&doc, true)).to_string(),
            render(&doc, false)
        );
    }

    #[test]
    fn wrapped_quotes_take_one_line() {
        // guards: a quote and a name over wrapped lines are shown on one line each.
        let text = "The harbour board met on Tuesday night to vote on closing the\n\
                    old Pell Street pier, which has carried commuters over the\n\
                    estuary since 1921. “We will win this election,” said Ida\n\
                    Rasmussen, who has taken the ferry to her job at the cannery\n\
                    for thirty years.";
        let view = render(&crate::extract("a", text, &Default::default()), false);
        assert!(view.contains("     Ida Rasmussen · direct"), "{view}");
        let text = "“We will win this\nelection,” Smith said.";
        let view = render(&crate::extract("a", text, &Default::default()), false);
        assert!(view.contains("1. “We will win this election,”\n"), "{view}");
    }
}
