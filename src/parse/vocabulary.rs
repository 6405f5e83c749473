//! The closed vocabularies of content files: a citation's `stance`, a
//! source's `kind` and an entity's `kind`. Each word is parsed once, when its
//! file is read; from then on the model carries an enum, and views and data
//! files get the word back with `as_str` (or serde, which writes the same word).

use serde::Serialize;

/// A field whose value is one word of a closed list.
pub(crate) trait Vocabulary: Copy + 'static {
    /// Every value, in the order error messages list the words.
    const ALL: &'static [Self];
    /// The value of a field that is left out.
    const DEFAULT: Self;
    /// Other words people write for a value, each with the value it means,
    /// for "did you mean" hints (not accepted as the value).
    const SYNONYMS: &'static [(&'static str, Self)] = &[];

    /// The word as written in frontmatter.
    fn as_str(self) -> &'static str;

    /// The value written as `word`, if `word` is one of the list (case matters).
    fn parse(word: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|value| value.as_str() == word)
    }

    /// The value `word` is a synonym of, ignoring case and writing spaces
    /// and underscores as `-`: `"More than"` is a synonym of `over`.
    fn synonym(word: &str) -> Option<Self> {
        let normal = word.trim().to_lowercase().replace([' ', '_'], "-");
        let own = Self::ALL.iter().copied().find(|v| v.as_str() == normal);
        let listed = || {
            Self::SYNONYMS
                .iter()
                .find(|(synonym, _)| *synonym == normal)
                .map(|&(_, value)| value)
        };
        own.or_else(listed)
    }
}

/// Defines an enum whose variants are the words of one vocabulary, in the
/// order given, with its [`Vocabulary`] impl and an inherent `as_str`.
macro_rules! vocabulary {
    (
        $(#[$doc:meta])*
        $name:ident { $( $(#[$variant_doc:meta])* $variant:ident = $word:literal ),+ $(,)? }
        default $default:ident
        $( synonyms { $( $synonym:literal => $meaning:ident ),+ $(,)? } )?
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub enum $name {
            $( $(#[$variant_doc])* #[serde(rename = $word)] $variant, )+
        }

        impl $name {
            /// The word as written in frontmatter.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $word, )+
                }
            }
        }

        impl Vocabulary for $name {
            const ALL: &'static [Self] = &[$( $name::$variant ),+];
            const DEFAULT: Self = $name::$default;
            $( const SYNONYMS: &'static [(&'static str, Self)] = &[$( ($synonym, $name::$meaning) ),+]; )?

            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
        }
    };
}

vocabulary! {
    /// How a cited document stands on the claim (`stance`).
    Stance {
        /// The document backs the claim.
        Supports = "supports",
        /// The document goes against the claim.
        Contradicts = "contradicts",
        /// The document is relevant but takes no side.
        Neutral = "neutral",
    }
    default Neutral
}

vocabulary! {
    /// What kind of publisher a source is (a source's `kind`).
    SourceKind {
        /// A company's or institution's own channel.
        Official = "official",
        /// News media.
        Press = "press",
        /// A blog or newsletter.
        Blog = "blog",
        /// A paper, preprint or benchmark report.
        Research = "research",
        /// A social media account.
        Social = "social",
        /// Anything else.
        Other = "other",
    }
    default Other
}

vocabulary! {
    /// What kind of thing an entity is (an entity's `kind`). The order of the
    /// variants is the order of the groups on `/entities/`.
    EntityKind {
        /// A company, lab or institution.
        Organization = "organization",
        /// An AI model.
        Model = "model",
        /// A product or service.
        Product = "product",
        /// A person.
        Person = "person",
        /// Anything else.
        Other = "other",
    }
    default Other
}

vocabulary! {
    /// How exactly a number is stated (a quantity's or a reported value's
    /// `qualifier`): "over 100,000", "nearly 2 petabytes".
    Qualifier {
        /// The value as stated, no more and no less.
        Exact = "exact",
        /// Roughly the value ("about", "approximately", "around").
        About = "about",
        /// More than the value ("over", "more than").
        Over = "over",
        /// The value or more.
        AtLeast = "at-least",
        /// Just under the value ("nearly", "almost").
        Nearly = "nearly",
        /// Less than the value ("under", "less than").
        Under = "under",
        /// The value or less.
        AtMost = "at-most",
    }
    default Exact
    synonyms {
        "exactly" => Exact, "approximately" => About, "approx" => About,
        "around" => About, "roughly" => About, "circa" => About, "~" => About,
        "more-than" => Over, "above" => Over, "greater-than" => Over,
        "min" => AtLeast, "minimum" => AtLeast, "almost" => Nearly,
        "less-than" => Under, "below" => Under, "fewer-than" => Under,
        "max" => AtMost, "maximum" => AtMost, "up-to" => AtMost,
    }
}

vocabulary! {
    /// What kind of document a document file describes (a document's `kind`).
    DocumentKind {
        /// A news or blog article.
        Article = "article",
        /// A paper or preprint.
        Paper = "paper",
        /// A model card or system card.
        ModelCard = "model-card",
        /// A press release or announcement.
        PressRelease = "press-release",
        /// A social media post.
        Post = "post",
        /// A published benchmark result or leaderboard.
        Benchmark = "benchmark",
        /// Anything else.
        Other = "other",
    }
    default Other
}

impl Stance {
    /// The heading of this stance's group of citations on a claim page.
    pub fn label(self) -> &'static str {
        match self {
            Stance::Supports => "Supports",
            Stance::Contradicts => "Contradicts",
            Stance::Neutral => "Neutral",
        }
    }
}

impl Qualifier {
    /// The words readers see before the number: `over`, `at least`, and
    /// nothing for `exact`.
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::About => "about",
            Qualifier::Over => "over",
            Qualifier::AtLeast => "at least",
            Qualifier::Nearly => "nearly",
            Qualifier::Under => "under",
            Qualifier::AtMost => "at most",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word parses back to its value, in the order messages list them.
    fn round_trip<V: Vocabulary + Serialize + std::fmt::Debug + PartialEq>(words: &[&str]) {
        let written: Vec<&str> = V::ALL.iter().map(|v| v.as_str()).collect();
        assert_eq!(written, words);
        for &value in V::ALL {
            assert_eq!(V::parse(value.as_str()), Some(value));
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(json, format!("\"{}\"", value.as_str()));
        }
        assert!(V::ALL.contains(&V::DEFAULT));
    }

    #[test]
    fn every_word_round_trips_through_parse_as_str_and_serde() {
        round_trip::<Stance>(&["supports", "contradicts", "neutral"]);
        round_trip::<SourceKind>(&["official", "press", "blog", "research", "social", "other"]);
        round_trip::<EntityKind>(&["organization", "model", "product", "person", "other"]);
        round_trip::<Qualifier>(&[
            "exact", "about", "over", "at-least", "nearly", "under", "at-most",
        ]);
        assert_eq!(Qualifier::DEFAULT, Qualifier::Exact);
        assert_eq!(Stance::DEFAULT, Stance::Neutral);
        assert_eq!(SourceKind::DEFAULT, SourceKind::Other);
        assert_eq!(EntityKind::DEFAULT, EntityKind::Other);
    }

    #[test]
    fn words_outside_the_list_do_not_parse() {
        for word in ["Supports", "support", " supports", "", "other "] {
            assert_eq!(Stance::parse(word), None, "{word:?}");
        }
        assert_eq!(SourceKind::parse("news"), None);
        assert_eq!(EntityKind::parse("Person"), None);
    }

    #[test]
    fn synonyms_point_at_the_word_meant_but_only_qualifiers_have_them() {
        assert_eq!(Qualifier::synonym("Approximately"), Some(Qualifier::About));
        assert_eq!(Qualifier::synonym("more than"), Some(Qualifier::Over));
        assert_eq!(Qualifier::synonym("at_least"), Some(Qualifier::AtLeast));
        assert_eq!(Qualifier::synonym("  Under "), Some(Qualifier::Under));
        assert_eq!(Qualifier::synonym("sort of"), None);
        assert_eq!(
            Qualifier::parse("approximately"),
            None,
            "a hint, not a value"
        );
        assert_eq!(Stance::synonym("SUPPORTS"), Some(Stance::Supports));
        assert_eq!(Stance::synonym("agrees"), None);
        assert_eq!(Qualifier::AtLeast.words(), "at least");
        assert_eq!(Qualifier::Exact.words(), "");
    }

    #[test]
    fn entity_kinds_sort_in_the_readers_order() {
        let mut kinds = vec![
            EntityKind::Other,
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Product,
            EntityKind::Model,
        ];
        kinds.sort();
        assert_eq!(kinds, EntityKind::ALL);
    }
}
