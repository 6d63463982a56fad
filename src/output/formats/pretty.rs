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
    shown(
        &text
            .split(['\n', '\r'])
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// `text` with every control character, and every Unicode control of text direction,
/// escaped (`\u{1b}`): text from a document must not drive the terminal (clear it, retitle
/// it, reorder what follows).
fn shown(text: &str) -> String {
    let hostile = |c: char| {
        c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(hostile) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if hostile(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
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
        p.paint(bold, &shown(&doc.id)),
        plural(doc.quotes.len(), "quote", "quotes"),
        plural(doc.speakers.len(), "speaker", "speakers"),
    ));
    for field in META_FIELDS {
        if let Some(value) = meta_text(doc.meta.as_ref(), field) {
            let value = one_line(&value);
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
                let mut who = p.paint(colour.on_default().bold(), &one_line(&s.name));
                let mention = one_line(&s.mention);
                if mention != one_line(&s.name) {
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
        p.paint(Style::new().bold(), &shown(id)),
        p.paint(AnsiColor::Red.on_default().bold(), "error"),
        one_line(&error.message)
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
    fn control_characters_are_shown_escaped() {
        // guards: ESC sequences from the text, id or title reached the terminal as they were.
        let mut doc = crate::extract(
            "doc\u{1b}]0;owned\u{7}",
            "“Clear\u{1b}[2J the screen,” Ann Lee said. “Right\u{202e}left,” she said.",
            &Default::default(),
        );
        let mut meta = serde_json::Map::new();
        meta.insert("title".into(), "A\u{1b}[31m title".into());
        doc.meta = Some(meta);
        let shown = render(&doc, false);
        assert!(
            !shown.contains(['\u{1b}', '\u{7}', '\u{202e}']),
            "{shown:?}"
        );
        assert!(
            shown.starts_with("doc\\u{1b}]0;owned\\u{7}: 2 quotes"),
            "{shown}"
        );
        assert!(shown.contains("“Clear\\u{1b}[2J the screen,”"), "{shown}");
        assert!(shown.contains("“Right\\u{202e}left,”"), "{shown}");
        assert!(shown.contains("A\\u{1b}[31m title"), "{shown}");
        let error = Error::new(crate::input::ErrorKind::Binary, "x\u{1b}[2J: NUL byte");
        let shown = render_error("x\u{1b}[2J", &error, false);
        assert!(!shown.contains('\u{1b}'), "{shown:?}");
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
