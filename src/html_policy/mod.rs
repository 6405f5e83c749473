//! What HTML from contributors may keep: the sanitiser policy and its
//! `[html]` table in `site.toml`.
//!
//! The default keeps harmless formatting and removes everything that can run
//! script. A site owner can allow more tags, attributes and URL schemes, but
//! never the ones on the lists below: no setting makes content executable.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::fields::{Fields, Located, control_character, merge};

/// The keys of the `[html]` table in `site.toml`.
pub(crate) const HTML_KEYS: &[&str] = &[
    "allow_tags",
    "allow_attributes",
    "allow_url_schemes",
    "link_rel",
    "citation_rel",
];

/// Tags no policy may allow: they run script, load other documents or
/// plug-ins, restyle or redirect the page, submit data, or switch the parser
/// into SVG or MathML, the home of most sanitiser bypasses.
pub(crate) const NEVER_TAGS: &[&str] = &[
    "script",
    "noscript",
    "style",
    "link",
    "meta",
    "base",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "portal",
    "template",
    "svg",
    "math",
    "form",
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
    "title",
];

/// Attributes no policy may allow, besides every `on...` event handler.
/// `rel` is set by the policy itself (`link_rel`); `background`, `lowsrc` and
/// `dynsrc` are legacy URL attributes the sanitiser does not check.
pub(crate) const NEVER_ATTRIBUTES: &[&str] = &[
    "style",
    "srcdoc",
    "action",
    "formaction",
    "http-equiv",
    "rel",
    "xmlns",
    "is",
    "background",
    "lowsrc",
    "dynsrc",
];

/// URL schemes no policy may allow.
pub(crate) const NEVER_SCHEMES: &[&str] = &[
    "javascript",
    "vbscript",
    "data",
    "file",
    "blob",
    "filesystem",
];

/// The `class` names the Markdown renderer itself writes; every other class is
/// dropped, so content cannot borrow the theme's look (a fake verdict badge).
const RENDERER_CLASSES: &[&str] = &[
    "footnote-reference",
    "footnote-definition",
    "footnote-definition-label",
];

/// The sanitiser policy for Markdown bodies, as configured in `site.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlPolicy {
    /// Tags allowed on top of the defaults.
    pub allow_tags: Vec<String>,
    /// Attributes allowed on top of the defaults, by tag (`*` for every tag).
    pub allow_attributes: Vec<(String, Vec<String>)>,
    /// URL schemes allowed on top of `http`, `https` and `mailto`.
    pub allow_url_schemes: Vec<String>,
    /// The `rel` of every link in Markdown; empty for none.
    pub link_rel: String,
    /// The `rel` of links to cited documents in the default theme.
    pub citation_rel: String,
}

impl Default for HtmlPolicy {
    fn default() -> Self {
        HtmlPolicy {
            allow_tags: Vec::new(),
            allow_attributes: Vec::new(),
            allow_url_schemes: Vec::new(),
            link_rel: "noopener noreferrer".into(),
            citation_rel: "nofollow noopener noreferrer".into(),
        }
    }
}

impl HtmlPolicy {
    /// The ammonia sanitiser for this policy.
    pub fn sanitizer(&self) -> ammonia::Builder<'_> {
        let mut builder = ammonia::Builder::default();
        builder
            .url_schemes(HashSet::from(["http", "https", "mailto"]))
            .add_url_schemes(self.allow_url_schemes.iter().map(String::as_str))
            .link_rel(Some(self.link_rel.as_str()).filter(|rel| !rel.is_empty()))
            .add_tags(["input"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tag_attributes("div", ["id"])
            .add_tag_attributes("li", ["id"])
            .add_tag_attributes("sup", ["id"])
            .add_generic_attributes(["class"])
            .attribute_filter(filter_attribute)
            .add_tags(self.allow_tags.iter().map(String::as_str));
        for heading in ["h1", "h2", "h3", "h4", "h5", "h6"] {
            builder.add_tag_attributes(heading, ["id"]);
        }
        for (tag, attributes) in &self.allow_attributes {
            let attributes = attributes.iter().map(String::as_str);
            if tag == "*" {
                builder.add_generic_attributes(attributes);
            } else {
                builder.add_tag_attributes(tag.as_str(), attributes);
            }
        }
        builder
    }
}

/// Drops attribute values holding control characters (decoded from character
/// references such as `&#x17;`): `Ja\u{17}vascript:` is a harmless relative
/// link to today's browsers, but older ones ignored such characters inside a
/// scheme. Keeps only the renderer's own classes.
fn filter_attribute<'u>(_element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    if control_character(value).is_some() {
        return None;
    }
    if attribute != "class" {
        return Some(Cow::Borrowed(value));
    }
    let kept: Vec<&str> = value
        .split_ascii_whitespace()
        .filter(|class| RENDERER_CLASSES.contains(class) || is_language_class(class))
        .collect();
    (!kept.is_empty()).then(|| Cow::Owned(kept.join(" ")))
}

/// `language-rust` and the like, written on fenced code blocks.
fn is_language_class(class: &str) -> bool {
    class.strip_prefix("language-").is_some_and(|language| {
        !language.is_empty()
            && language
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '#' | '.'))
    })
}

/// Reads the `[html]` table of `site.toml`; refused values are reported and left out.
pub(crate) fn read(fields: &mut Fields) -> HtmlPolicy {
    let mut policy = HtmlPolicy::default();
    let Some(mut table) = fields.table("html", HTML_KEYS) else {
        return policy;
    };
    let tags = table.string_list("allow_tags");
    policy.allow_tags = allowed(&mut table, tags, "tag", never_tag);
    if let Some(mut attributes) = table.table("allow_attributes", &[]) {
        for (tag, list) in attributes.keyed_string_lists() {
            if tag.value != "*" && !refuse(&mut attributes, &tag, "tag", never_tag) {
                continue;
            }
            let list = allowed(&mut attributes, list, "attribute", never_attribute);
            policy.allow_attributes.push((tag.value, list));
        }
        merge(&mut table, attributes);
    }
    let schemes = table.string_list("allow_url_schemes");
    policy.allow_url_schemes = allowed(&mut table, schemes, "URL scheme", never_scheme);
    for (key, slot) in [
        ("link_rel", &mut policy.link_rel),
        ("citation_rel", &mut policy.citation_rel),
    ] {
        if let Some(rel) = table.optional_str(key) {
            check_rel(&mut table, key, &rel);
            *slot = rel.value;
        }
    }
    merge(fields, table);
    policy
}

/// The names in `list` that pass `refused`, reporting each one that does not.
fn allowed(
    fields: &mut Fields,
    list: Vec<Located<String>>,
    what: &str,
    refused: fn(&str) -> Option<&'static str>,
) -> Vec<String> {
    list.into_iter()
        .filter(|name| refuse(fields, name, what, refused))
        .map(|name| name.value)
        .collect()
}

/// True if `name` may be allowed; otherwise reports why not.
fn refuse(
    fields: &mut Fields,
    name: &Located<String>,
    what: &str,
    refused: fn(&str) -> Option<&'static str>,
) -> bool {
    let why = if is_lowercase_name(&name.value) {
        refused(&name.value)
    } else {
        Some("names are lowercase ASCII letters, digits and `-`")
    };
    match why {
        None => true,
        Some(why) => {
            let message = format!("the {what} `{}` cannot be allowed: {why}", name.value);
            let hint = "remove it; the [html] table only adds harmless formatting".to_string();
            fields.error(name.span.clone(), message, Some(hint));
            false
        }
    }
}

fn is_lowercase_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn never_tag(tag: &str) -> Option<&'static str> {
    NEVER_TAGS
        .contains(&tag)
        .then_some("it can run script, load other documents or take over the page")
}

fn never_attribute(attribute: &str) -> Option<&'static str> {
    if attribute.starts_with("on") {
        Some("event handlers run script")
    } else if attribute == "rel" {
        Some("`rel` is set by `link_rel`")
    } else if NEVER_ATTRIBUTES.contains(&attribute) {
        Some("it can run script, restyle the page or change what it loads or submits")
    } else {
        None
    }
}

fn never_scheme(scheme: &str) -> Option<&'static str> {
    NEVER_SCHEMES
        .contains(&scheme)
        .then_some("links with it can run script or show content from outside the site")
}

/// A `rel` value: space-separated lowercase keywords, or empty for none.
fn check_rel(fields: &mut Fields, key: &str, rel: &Located<String>) {
    let valid = rel
        .value
        .split(' ')
        .all(|keyword| is_lowercase_name(keyword) || rel.value.is_empty());
    if !valid {
        fields.error(
            rel.span.clone(),
            format!(
                "`{key}` must be space-separated lowercase keywords, not `{}`",
                rel.value
            ),
            Some(format!(
                "for example `{key} = \"nofollow noopener noreferrer\"`"
            )),
        );
    }
}

#[cfg(test)]
mod tests;
