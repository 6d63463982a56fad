//! The normal form under which two surface forms of a quotation count as the same text.
//!
//! Lower-cased; apostrophes dropped (`it’s`, `it's` and `its` are one word, whatever the
//! mark); every other character that is not a letter or digit (punctuation, quote marks,
//! dashes, ellipses, the brackets of editorial insertions) becomes a word break; words are
//! joined by one space. The words inside editorial brackets are kept: `[making]` stands for
//! words the speaker said in some form, and a copy that quotes them without brackets should
//! still match.

/// The normal form of `text`: its words, lower-cased, joined by single spaces. HTML
/// references and decomposed accents are read as what they stand for first (as
/// [`crate::text::view`] reads a document), so a quotation scraped as `it&rsquo;s` or
/// written with `e` and a combining accent is the same text as `it’s` or `é`.
pub fn normalise(text: &str) -> String {
    let view = crate::text::view::View::of(text);
    let text = view.as_ref().map_or(text, |v| v.text.as_str());
    let mut out = String::with_capacity(text.len());
    let mut word_break = false;
    for c in text.chars() {
        if is_apostrophe(c) {
            continue;
        }
        // A combining mark left after composition (the tone mark of "ọ̀") stays in its word.
        if c.is_alphanumeric() || (!word_break && !out.is_empty() && crate::text::continues_word(c))
        {
            if word_break && !out.is_empty() {
                out.push(' ');
            }
            word_break = false;
            out.extend(c.to_lowercase());
        } else {
            word_break = true;
        }
    }
    out
}

/// The words of a normal form.
pub fn tokens(norm: &str) -> Vec<&str> {
    norm.split(' ').filter(|w| !w.is_empty()).collect()
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{0060}' | '\u{00B4}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_marks_punctuation_and_brackets_do_not_count() {
        assert_eq!(
            normalise("“Getting laser-focused on [making] customers super, super happy,”"),
            "getting laser focused on making customers super super happy"
        );
        assert_eq!(normalise("It’s  ALL\n— about… "), "its all about");
        assert_eq!(normalise("it's all about"), normalise("It’s all about"));
    }

    // guards: a quotation scraped with HTML references, or written with decomposed accents,
    // had another normal form than the same words written plainly, and was not merged.
    #[test]
    fn references_and_decomposed_accents_are_read_first() {
        assert_eq!(
            normalise("&ldquo;It&rsquo;s Ren&eacute;e &amp; me.&rdquo;"),
            normalise("“It’s Renée & me.”")
        );
        assert_eq!(normalise("E\u{301}lodie"), "élodie");
        assert_eq!(normalise("Adébáyọ̀ said"), "adébáyọ̀ said");
    }

    #[test]
    fn empty_and_symbol_only_texts_have_no_words() {
        assert_eq!(normalise(""), "");
        assert_eq!(normalise(" … — ‘’ "), "");
        assert!(tokens("").is_empty());
    }

    #[test]
    fn letters_and_digits_of_any_script_are_words() {
        assert_eq!(normalise("Ça coûte 57,000 €"), "ça coûte 57 000");
    }
}
