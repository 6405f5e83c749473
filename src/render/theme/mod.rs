//! The theme: the built-in templates and static assets, named once, and a
//! site's own files laid over them.
//!
//! Templates go through Tera. Assets (the stylesheet, the icon, the scripts)
//! hold no tags: they are copied byte for byte, the built-in ones and a
//! site's own alike, whatever they contain.

pub(crate) mod names;

pub(crate) use names::*;

use tera::Tera;

use super::templates;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{TEMPLATES_FOLDER, TemplateFile};

/// The compiled templates and the assets' bytes: what rendering needs of the theme.
#[derive(Clone)]
pub struct Theme {
    /// The templates, the site's own laid over the built-in ones.
    pub tera: Tera,
    /// Each asset's name and bytes, the site's own where it has one, in [`ASSETS`] order.
    pub assets: Vec<(&'static str, Vec<u8>)>,
}

impl Theme {
    /// The built-in theme with the site's own `files` (its `templates/`
    /// folder, as the load stage read it) laid over it. A file named like an
    /// asset replaces that asset's bytes as they are; every other file must be
    /// a template that compiles. Every problem is reported, located.
    pub(crate) fn compile(files: &[TemplateFile]) -> Result<Theme, Diagnostics> {
        match Theme::what_compiles(files) {
            (Some(theme), problems) if !problems.has_errors() => Ok(theme),
            (_, problems) => Err(problems),
        }
    }

    /// Like [`Theme::compile`], but a template that does not compile is set
    /// aside (see [`templates::load_what_compiles`]), so that `check` reports
    /// every broken template in one run and can still render with the others.
    /// `None` when what is left does not compile, or an asset cannot be read.
    pub(crate) fn what_compiles(files: &[TemplateFile]) -> (Option<Theme>, Diagnostics) {
        let (own_assets, own_templates): (Vec<&TemplateFile>, Vec<&TemplateFile>) =
            files.iter().partition(|file| is_asset(&file.name));
        let mut unreadable_assets = Vec::new();
        let mut assets = builtin_assets();
        for file in own_assets {
            match &file.bytes {
                Ok(bytes) => {
                    if let Some(slot) = assets.iter_mut().find(|(name, _)| *name == file.name) {
                        slot.1.clone_from(bytes);
                    }
                }
                Err(error) => unreadable_assets.push(unreadable(&file.name, error)),
            }
        }
        let own_templates: Vec<TemplateFile> = own_templates.into_iter().cloned().collect();
        let (tera, mut problems) = templates::load_what_compiles(&own_templates);
        let readable = unreadable_assets.is_empty();
        problems.extend(unreadable_assets);
        let theme = tera.filter(|_| readable).map(|tera| Theme { tera, assets });
        (theme, problems)
    }

    /// The built-in theme alone.
    pub fn builtin() -> Result<Theme, Diagnostics> {
        Theme::compile(&[])
    }

    /// A theme that knows the assets but compiles no template: enough to
    /// list a site's output paths, not to render its pages.
    pub(crate) fn uncompiled() -> Theme {
        Theme {
            tera: Tera::default(),
            assets: builtin_assets(),
        }
    }
}

fn builtin_assets() -> Vec<(&'static str, Vec<u8>)> {
    ASSETS
        .iter()
        .map(|(name, bytes)| (*name, bytes.to_vec()))
        .collect()
}

fn unreadable(name: &str, error: &str) -> Diagnostic {
    Diagnostic::error(
        format!("{TEMPLATES_FOLDER}/{name}"),
        format!("cannot read this template: {error}"),
    )
}

/// What opens a Tera tag, a statement or a comment.
const TAG_OPENERS: [&str; 3] = ["{{", "{%", "{#"];

/// A warning for each of the site's own assets that holds something that
/// looks like a Tera tag: assets are copied as they are, so the tag reaches
/// the output as it is written, where older releases rendered it. Located at
/// the first such tag, with the file's text to quote when it is text.
pub(crate) fn asset_tag_warnings(files: &[TemplateFile], diagnostics: &mut Diagnostics) {
    for file in files.iter().filter(|file| is_asset(&file.name)) {
        let Ok(bytes) = &file.bytes else {
            continue;
        };
        let Some(at) = TAG_OPENERS
            .iter()
            .filter_map(|opener| find(bytes, opener.as_bytes()))
            .min()
        else {
            continue;
        };
        let path = format!("{TEMPLATES_FOLDER}/{}", file.name);
        let mut warning = Diagnostic::warning(
            &path,
            "this asset is copied as it is, not rendered: this tag reaches the output unchanged",
        )
        .hint(
            "write the value itself in place of the tag, for instance the site's path in \
             place of `{{ site.base_path }}` (see docs/templates.md)",
        );
        if let Ok(text) = std::str::from_utf8(bytes) {
            diagnostics.add_source(&path, text);
            warning = warning.at(at..at + 2);
        }
        diagnostics.push(warning);
    }
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The name of every template and asset of the theme.
    fn every_name() -> impl Iterator<Item = &'static str> {
        let templates = TEMPLATES.iter().map(|(name, _)| *name);
        templates.chain(ASSETS.iter().map(|(name, _)| *name))
    }

    fn own(name: &str, bytes: &[u8]) -> TemplateFile {
        TemplateFile {
            name: name.to_string(),
            bytes: Ok(bytes.to_vec()),
        }
    }

    #[test]
    fn an_asset_override_is_copied_byte_for_byte() {
        let contents: [&[u8]; 3] = [
            b"a { } {{ x }}",
            b"/* {# y #} kept */",
            b"\xff\xfe\x00binary",
        ];
        for bytes in contents {
            let theme = Theme::compile(&[own(STYLE, bytes), own(FAVICON, bytes)]).unwrap();
            let asset = |name| theme.assets.iter().find(|(n, _)| *n == name).unwrap();
            assert_eq!(asset(STYLE).1, bytes);
            assert_eq!(asset(FAVICON).1, bytes);
            assert_eq!(asset(FILTER_JS).1, ASSETS[2].1, "the others stay built in");
        }
    }

    #[test]
    fn no_asset_is_compiled_as_a_template() {
        let theme = Theme::builtin().unwrap();
        let names: Vec<&str> = theme.tera.get_template_names().collect();
        for (asset, _) in ASSETS {
            assert!(!names.contains(asset), "{asset} is compiled");
        }
        for (template, _) in TEMPLATES {
            assert!(names.contains(template), "{template} is missing");
        }
    }

    #[test]
    fn tags_in_an_asset_override_are_warned_about_where_they_start() {
        let mut diagnostics = Diagnostics::new();
        let style = "body { }\na::after { content: \"{{ site.title }}\" }";
        let files = [
            own(STYLE, style.as_bytes()),
            own(SEARCH_JS, b"let x = 1; // no tag"),
            own(HOME, b"{{ site.title }}"),
            own(FAVICON, b"\xff{% x %}"),
        ];
        asset_tag_warnings(&files, &mut diagnostics);
        let warned: Vec<(&str, Option<usize>)> = diagnostics
            .sorted()
            .into_iter()
            .map(|d| (d.file.as_str(), d.span.as_ref().map(|s| s.start)))
            .collect();
        assert_eq!(
            warned,
            [
                ("templates/favicon.svg", None),
                ("templates/style.css", style.find("{{"))
            ]
        );
    }

    #[test]
    fn every_file_the_theme_makes_is_in_its_table() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
        let site = crate::check(&root, false).unwrap().site.unwrap();
        let used: Vec<&str> =
            super::super::with_renderer(&site, Theme::uncompiled(), &[], |renderer| {
                let paths: Vec<&str> = renderer.paths().collect();
                paths
                    .iter()
                    .filter_map(|path| renderer.template_of(path))
                    .collect()
            });
        let names: Vec<&str> = every_name().collect();
        for name in &used {
            assert!(names.contains(name), "{name} is not in the theme's table");
        }
        for (asset, _) in ASSETS {
            assert!(used.contains(asset), "{asset} is not in the output");
        }
    }

    #[test]
    fn the_docs_table_names_every_theme_file() {
        let docs = include_str!("../../../docs/templates.md");
        for name in every_name() {
            assert!(
                docs.contains(&format!("`{name}`")),
                "docs/templates.md lacks {name}"
            );
        }
    }
}
