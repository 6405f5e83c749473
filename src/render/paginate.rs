//! Splitting long lists into numbered pages with stable URLs:
//! page 1 at `<dir>`, page n at `<dir>page/<n>/`.

use std::sync::Arc;

use tera::Context;

use super::pages::Job;
use super::views::{PageLink, Pagination, Urls};

/// How many page numbers to show on each side of the current page.
const NEARBY: usize = 2;

/// The folder of page `number` of a list at `dir` (which ends in `/`).
pub(super) fn page_dir(dir: &str, number: usize) -> String {
    if number <= 1 {
        dir.to_string()
    } else {
        format!("{dir}page/{number}/")
    }
}

/// One job per page of `items`: `page(path, slice, items)` makes each page's
/// context when it renders, and `pagination` is added to it. An empty list
/// still gets page 1.
pub(super) fn paginate<'v, T: Send + Sync + 'v>(
    urls: &Urls,
    dir: &str,
    template: &'static str,
    items: Arc<[T]>,
    page_size: usize,
    page: impl Fn(&str, &[T], &[T]) -> Context + Send + Sync + 'v,
) -> Vec<Job<'v>> {
    let page_size = page_size.max(1);
    let total = items.len().div_ceil(page_size).max(1);
    let page = Arc::new(page);
    (1..=total)
        .map(|number| {
            let start = ((number - 1) * page_size).min(items.len());
            let end = (start + page_size).min(items.len());
            let path = page_dir(dir, number);
            let pagination = pagination(urls, dir, number, total, items.len());
            let (items, page) = (Arc::clone(&items), Arc::clone(&page));
            Job::html(&path.clone(), template, move || {
                let mut context = page(&path, &items[start..end], &items);
                context.insert("pagination", &pagination);
                context
            })
        })
        .collect()
}

fn pagination(urls: &Urls, dir: &str, current: usize, total: usize, items: usize) -> Pagination {
    let url = |n: usize| urls.path(&page_dir(dir, n));
    let pages = (1..=total)
        .filter(|&n| n == 1 || n == total || n.abs_diff(current) <= NEARBY)
        .map(|number| PageLink {
            number,
            url: url(number),
            current: number == current,
        })
        .collect();
    Pagination {
        current,
        total,
        items,
        prev: (current > 1).then(|| url(current - 1)),
        next: (current < total).then(|| url(current + 1)),
        pages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_have_stable_urls_and_nearby_links() {
        let urls = Urls::new("https://example.org/sub/");
        let items: Vec<usize> = (0..23).collect();
        let jobs = paginate(
            &urls,
            "status/x/",
            "status.html",
            items.into(),
            5,
            |_, _, _| Context::new(),
        );
        let paths: Vec<&str> = jobs.iter().map(|j| j.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "status/x/index.html",
                "status/x/page/2/index.html",
                "status/x/page/3/index.html",
                "status/x/page/4/index.html",
                "status/x/page/5/index.html"
            ]
        );
        let p = pagination(&urls, "status/x/", 3, 9, 45);
        let numbers: Vec<usize> = p.pages.iter().map(|l| l.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 9]);
        assert_eq!(p.prev.as_deref(), Some("/sub/status/x/page/2/"));
        assert_eq!(
            pagination(&urls, "status/x/", 2, 9, 45).prev.as_deref(),
            Some("/sub/status/x/")
        );
    }
}
