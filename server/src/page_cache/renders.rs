//! One render per page at a time: a request for a page being rendered for the cache
//! waits for that render instead of rendering it again (64 renders of one page at once,
//! when the minute or the data changes under load, put that page's p99 at 100 ms).

use app::kernel::cache::lock;
use std::collections::HashMap;
use std::sync::Mutex;
use tokio::sync::watch;

/// The pages being rendered for the cache now.
#[derive(Default)]
pub(super) struct Renders(Mutex<HashMap<String, watch::Receiver<()>>>);

/// The render of a page for the cache; whoever waits for it is woken when it ends, in
/// whatever way (kept, not keepable, or its request gone).
pub(super) struct Rendering<'a> {
    renders: &'a Renders,
    key: String,
    _done: watch::Sender<()>,
}

impl Drop for Rendering<'_> {
    fn drop(&mut self) {
        lock(&self.renders.0).remove(&self.key);
    }
}

impl Renders {
    /// Either the right to render `key` (none is rendering it), or the wait for the
    /// render under way (it ends when `changed()` fails).
    pub(super) fn render_or_wait(&self, key: &str) -> Result<Rendering<'_>, watch::Receiver<()>> {
        let mut rendering = lock(&self.0);
        if let Some(waiting) = rendering.get(key) {
            return Err(waiting.clone());
        }
        let (done, waiting) = watch::channel(());
        rendering.insert(key.to_owned(), waiting);
        Ok(Rendering {
            renders: self,
            key: key.to_owned(),
            _done: done,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn one_render_per_page_at_a_time_and_its_waiters_are_woken_when_it_ends() {
        let renders = Renders::default();
        let Ok(first) = renders.render_or_wait("/nl?") else {
            panic!("the first renders")
        };
        let Err(mut waiting) = renders.render_or_wait("/nl?") else {
            panic!("the second waits")
        };
        assert!(
            renders.render_or_wait("/fr?").is_ok(),
            "another page is not held up"
        );
        let woken = tokio::spawn(async move { while waiting.changed().await.is_ok() {} });
        drop(first);
        tokio::time::timeout(std::time::Duration::from_secs(5), woken)
            .await
            .expect("woken")
            .unwrap();
        assert!(renders.render_or_wait("/nl?").is_ok(), "free again");
    }
}
