//! Deterministic shuffling from a seed: the same attempt seed gives the same draw
//! and the same option order on every device, which is what makes resume exact.

/// SplitMix64: tiny, fast and good enough for ordering quiz options.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0); the tiny modulo bias is irrelevant here.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// A permutation of `0..n` (Fisher-Yates).
pub fn permutation(n: usize, seed: u64) -> Vec<usize> {
    let mut rng = Rng::new(seed);
    let mut v: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        v.swap(i, rng.below(i + 1));
    }
    v
}

/// Sorts a short slice (a few dozen items at most) in place. Insertion sort keeps
/// the wasm small: the standard sorts add ~3 KB per element type.
pub fn sort_small<T: Ord + Copy>(v: &mut [T]) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v[j - 1] > v[j] {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// FNV-1a, used to derive per-question seeds and content fingerprints.
pub fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811C_9DC5;
    for b in bytes {
        h ^= *b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Seed for one question's option order within an attempt.
pub fn question_seed(attempt_seed: u64, question_id: &str) -> u64 {
    attempt_seed ^ ((fnv1a(question_id.as_bytes()) as u64) << 17)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permutation_is_deterministic_and_complete() {
        let a = permutation(10, 42);
        assert_eq!(a, permutation(10, 42));
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn sort_small_sorts() {
        let mut v = vec![5u8, 1, 4, 1, 3];
        sort_small(&mut v);
        assert_eq!(v, vec![1, 1, 3, 4, 5]);
    }

    #[test]
    fn different_seeds_usually_differ() {
        let distinct: std::collections::HashSet<Vec<usize>> = (0..20).map(|s| permutation(6, s)).collect();
        assert!(distinct.len() > 15, "only {} distinct orders", distinct.len());
    }
}
