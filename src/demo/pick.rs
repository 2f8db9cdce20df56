//! Weighted choice from fixed lists. Each pick draws one integer from the random stream, so
//! the outcome depends on the seed alone, on every machine.

use rand::Rng;

/// Items with integer weights, built once and picked from many times.
#[derive(Clone, Debug)]
pub struct Weighted<T> {
    items: Vec<T>,
    /// Running totals of the weights; the last is the total.
    cumulative: Vec<u32>,
}

impl<T> Weighted<T> {
    /// Items with weight zero are never picked. `pairs` must hold at least one item with a
    /// positive weight; the lists in `data` all do.
    pub fn new(pairs: impl IntoIterator<Item = (T, u32)>) -> Weighted<T> {
        let mut items = Vec::new();
        let mut cumulative = Vec::new();
        let mut total = 0u32;
        for (item, weight) in pairs {
            if weight > 0 {
                total += weight;
                items.push(item);
                cumulative.push(total);
            }
        }
        assert!(!items.is_empty(), "a weighted list needs a positive weight");
        Weighted { items, cumulative }
    }

    pub fn pick<R: Rng + ?Sized>(&self, rng: &mut R) -> &T {
        let total = self.cumulative[self.cumulative.len() - 1];
        let x = rng.random_range(0..total);
        let i = self.cumulative.partition_point(|&c| c <= x);
        &self.items[i]
    }
}

impl<T: Copy> Weighted<T> {
    /// From a static table of (item, weight).
    pub fn from_table(table: &[(T, u32)]) -> Weighted<T> {
        Weighted::new(table.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn heavier_items_come_up_more_and_zero_weights_never() {
        let w = Weighted::from_table(&[("often", 90), ("never", 0), ("rarely", 10)]);
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let picks: Vec<&str> = (0..2000).map(|_| *w.pick(&mut rng)).collect();
        let often = picks.iter().filter(|p| **p == "often").count();
        assert!(often > 1650 && often < 1950, "{often}");
        assert!(!picks.contains(&"never"));
        assert!(picks.contains(&"rarely"));
    }
}
