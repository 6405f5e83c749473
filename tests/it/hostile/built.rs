//! The hostile site builds, and a real HTML parser finds nothing executable in
//! its pages, feeds, sitemap or data files, and nothing outside the output.

use super::*;

#[test]
fn the_hostile_site_builds_with_nothing_executable() {
    let dir = common::site(&["hostile"]);
    let report = build(&options(dir.path())).unwrap();
    assert_eq!(report.claims, 5);
    let pages = assert_no_executable_page(&dir.path().join("public"));
    assert!(pages >= 40, "only {pages} pages inspected");

    let claim = read(dir.path(), "public/claims/hostile-markup/index.html");
    assert!(
        claim.contains("<h1>&lt;/script&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"),
        "the title is published as text, not dropped"
    );
    for kept in [
        "<sup>1</sup>",
        "<abbr title=\"HyperText Markup Language\">HTML</abbr>",
        "<details><summary>Details</summary>Kept, without the handler.</details>",
        "<a href=\"https://example.org/safe\" rel=\"noopener noreferrer\">safe link</a>",
        "<a href=\"https://example.org/\" rel=\"noopener noreferrer\">handler and opener</a>",
        "<span>Supported</span>",
        "<h2 id=\"main\">Heading with attributes</h2>",
    ] {
        assert!(claim.contains(kept), "missing {kept}");
    }
    assert!(
        claim.contains("rel=\"nofollow noopener noreferrer\">Archived copy</a>"),
        "citation links get nofollow"
    );
    let document = read(dir.path(), "public/documents/hostile-document/index.html");
    assert!(
        document.contains("<h1>&lt;/script&gt;&lt;script&gt;alert(&#39;document title&#39;)"),
        "a document's title is published as text"
    );
    let documents = common::data(dir.path(), "documents.json");
    let title = documents["documents"][0]["title"].as_str().unwrap();
    assert!(title.starts_with("</script><script>alert('document title')"));
}

#[test]
fn json_ld_holds_a_script_breaking_title_as_data() {
    let dir = common::site(&["hostile"]);
    build(&options(dir.path())).unwrap();
    let page = Html::parse_document(&read(dir.path(), "public/claims/hostile-markup/index.html"));
    let selector = Selector::parse("script").unwrap();
    let scripts: Vec<_> = page.select(&selector).collect();
    assert_eq!(scripts.len(), 1, "only the JSON-LD block is a script");
    assert_eq!(scripts[0].value().attr("type"), Some("application/ld+json"));
    let text = scripts[0].inner_html();
    assert!(!text.contains('<') && !text.contains('>'), "{text}");
    let review: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(review["claimReviewed"], HOSTILE_TITLE);
    assert_eq!(
        review["itemReviewed"]["author"]["name"],
        "</script><script>alert('source name')</script>"
    );
}

#[test]
fn feed_sitemap_and_data_keep_hostile_strings_as_data() {
    let dir = common::site(&["hostile"]);
    build(&options(dir.path())).unwrap();
    let feed_text = read(dir.path(), "public/feed.xml");
    let feed = roxmltree::Document::parse(&feed_text).expect("the feed is well-formed XML");
    let titles: Vec<&str> = feed
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert!(titles.contains(&HOSTILE_TITLE), "{titles:?}");
    assert_eq!(
        titles[0],
        "Fixture </title><script>alert('site')</script> Tracker"
    );
    let sitemap_text = read(dir.path(), "public/sitemap.xml");
    roxmltree::Document::parse(&sitemap_text).expect("the sitemap is well-formed XML");

    let data: serde_json::Value =
        serde_json::from_str(&read(dir.path(), "public/claims.json")).unwrap();
    let claim = data["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "hostile-markup")
        .unwrap();
    assert_eq!(claim["title"], HOSTILE_TITLE);
    assert_eq!(claim["tags"][0], "<script>alert('tag')</script>");
}

#[test]
fn the_hostile_site_builds_byte_identically_with_one_thread_or_many() {
    let dir = common::site(&["hostile"]);
    let mut trees = Vec::new();
    for threads in ["1", "4"] {
        let output = dir.path().join(format!("public-{threads}"));
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_claimtrail"))
            .env("RAYON_NUM_THREADS", threads)
            .args(["build", "--root"])
            .arg(dir.path())
            .arg("--output")
            .arg(&output)
            .output()
            .unwrap()
            .status;
        assert!(status.success());
        trees.push(tree(&output));
    }
    assert!(trees[0].len() > 40);
    assert!(
        trees[0] == trees[1],
        "the output depends on the thread count"
    );
}

#[test]
fn nothing_is_written_outside_the_output_folder() {
    let (parent, root) = site_in_parent(&["hostile"]);
    let before = tree_outside_output(parent.path());
    build(&options(&root)).unwrap();
    assert_eq!(tree_outside_output(parent.path()), before);

    let output = root.join("public");
    for slug in [
        "etc-passwd",
        "windows-system32",
        "absolute-path",
        "c-users",
        "kk",
        "2e-2e-2f",
    ] {
        assert!(
            output.join("tags").join(slug).join("index.html").is_file(),
            "tag page {slug}"
        );
    }
    for entry in walkdir::WalkDir::new(&output) {
        let entry = entry.unwrap();
        assert!(!entry.path_is_symlink(), "{}", entry.path().display());
    }
}

#[test]
fn a_loosened_policy_allows_what_it_names_and_still_no_script() {
    let dir = common::site(&["hostile"]);
    let mut settings = read(dir.path(), "site.toml");
    settings.push_str(
        "\n[html]\nallow_tags = [\"video\"]\nallow_url_schemes = [\"ftp\"]\n\
         link_rel = \"noopener\"\ncitation_rel = \"noopener\"\n\
         [html.allow_attributes]\nvideo = [\"src\", \"controls\"]\n",
    );
    fs::write(dir.path().join("site.toml"), settings).unwrap();
    fs::write(
        dir.path().join("content/pages/video.md"),
        "+++\ntitle = \"Video\"\n+++\n\
         <video src=\"https://example.org/v.mp4\" controls onplay=\"alert(1)\"></video>\n\
         <video src=\"javascript:alert(1)\"></video>\n\n[file](ftp://example.org/f)\n",
    )
    .unwrap();
    build(&options(dir.path())).unwrap();
    assert_no_executable_page(&dir.path().join("public"));
    let page = read(dir.path(), "public/pages/video/index.html");
    assert!(
        page.contains("<video src=\"https://example.org/v.mp4\" controls=\"\"></video>"),
        "{page}"
    );
    assert!(page.contains("<a href=\"ftp://example.org/f\" rel=\"noopener\">file</a>"));
    let claim = read(dir.path(), "public/claims/hostile-markup/index.html");
    assert!(claim.contains("rel=\"noopener\">Archived copy</a>"));
}
