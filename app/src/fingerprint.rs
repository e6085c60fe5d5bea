//! A 128-bit fingerprint of any serialisable value (server only): the key of rendered
//! fragments (`components::cached_fragment`) and of the directory's data.

use serde::Serialize;
use std::io::Write;
use xxhash_rust::xxh3::Xxh3Default;

struct HashWriter(Xxh3Default);

impl Write for HashWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Equal values give equal fingerprints; different ones differ but for a 2^-128 chance.
/// None when the value cannot be serialised (none of ours).
pub fn of(value: &impl Serialize) -> Option<u128> {
    let mut hasher = HashWriter(Xxh3Default::new());
    // MessagePack writes strings as they are (JSON escapes them: a third of the time of a
    // directory page went there), a few bytes at a time: the hasher is fast on blocks.
    // Named fields: a field left out (skip_serializing_if) cannot pass for another.
    let mut buffered = std::io::BufWriter::with_capacity(16 * 1024, &mut hasher);
    rmp_serde::encode::write_named(&mut buffered, value).ok()?;
    buffered.flush().ok()?;
    drop(buffered);
    Some(hasher.0.digest128())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_of_the_value_counts() {
        let a = of(&("list", 1, "wervik")).unwrap();
        assert_eq!(a, of(&("list", 1, "wervik")).unwrap());
        assert_ne!(a, of(&("list", 2, "wervik")).unwrap());
        assert_ne!(a, of(&("list", 1, "wervi")).unwrap());
        assert_ne!(a, of(&("table", 1, "wervik")).unwrap());
        // Strings are length-prefixed: moving a boundary changes the fingerprint.
        assert_ne!(of(&("ab", "c")).unwrap(), of(&("a", "bc")).unwrap());
    }
}
