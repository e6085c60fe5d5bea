//! Row numbers by service id, shared between copies: a change copies only its own few
//! entries, not the whole map (100 000 ids cost milliseconds to copy and to free).

use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone, Default)]
pub struct RowIds {
    loaded: Arc<HashMap<String, u32>>,
    /// Entries changed since the load: a new row number, or `None` for a removed row.
    changed: HashMap<String, Option<u32>>,
}

impl RowIds {
    pub fn new(loaded: HashMap<String, u32>) -> RowIds {
        RowIds {
            loaded: Arc::new(loaded),
            changed: HashMap::new(),
        }
    }

    pub fn get(&self, id: &str) -> Option<u32> {
        match self.changed.get(id) {
            Some(row) => *row,
            None => self.loaded.get(id).copied(),
        }
    }

    pub fn insert(&mut self, id: String, row: u32) {
        self.changed.insert(id, Some(row));
    }

    pub fn remove(&mut self, id: &str) -> Option<u32> {
        let row = self.get(id);
        if row.is_some() {
            self.changed.insert(id.to_owned(), None);
        }
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_hide_and_move_loaded_entries() {
        let mut ids = RowIds::new(HashMap::from([("a".into(), 0), ("b".into(), 1)]));
        let before = ids.clone();
        assert_eq!(ids.remove("a"), Some(0));
        assert_eq!(ids.remove("a"), None);
        ids.insert("b".into(), 0);
        ids.insert("c".into(), 1);
        assert_eq!(
            (ids.get("a"), ids.get("b"), ids.get("c")),
            (None, Some(0), Some(1))
        );
        // The copy it was made from is unchanged.
        assert_eq!(
            (before.get("a"), before.get("b"), before.get("c")),
            (Some(0), Some(1), None)
        );
    }
}
