//! Ordering the app's short lists: a chart's figures, a text's glossary terms, a
//! legend's values.
//!
//! The standard library's sorts are faster on long lists, but each element type and
//! order it is used with adds several KB to the wasm (its sorts were about 6% of the
//! code, for ten call sites). These few lines sort the short lists the app has, and
//! [`top`] picks the best few of a long one.

use std::cmp::Ordering;

/// Sorts `list` by `order`, keeping equal elements in their order (an insertion sort:
/// for lists of a few hundred at most).
pub fn sort_short_by<T>(list: &mut [T], mut order: impl FnMut(&T, &T) -> Ordering) {
    for end in 1..list.len() {
        let mut at = end;
        while at > 0 && order(&list[at - 1], &list[at]) == Ordering::Greater {
            list.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// Sorts `list` by a key, keeping equal elements in their order (see [`sort_short_by`]).
pub fn sort_short_by_key<T, K: Ord>(list: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_short_by(list, |a, b| key(a).cmp(&key(b)));
}

/// The first `limit` elements of `items` in `order`, ties in the order they come: one
/// pass, whatever the length of `items`.
pub fn top<T>(
    items: impl IntoIterator<Item = T>,
    limit: usize,
    mut order: impl FnMut(&T, &T) -> Ordering,
) -> Vec<T> {
    let mut best: Vec<T> = Vec::with_capacity(limit + 1);
    for item in items {
        let at = best
            .iter()
            .position(|b| order(b, &item) == Ordering::Greater)
            .unwrap_or(best.len());
        if at < limit {
            best.insert(at, item);
            best.truncate(limit);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, equal keys included.
        #[test]
        fn sorts_like_the_standard_stable_sort(list in prop::collection::vec((0u8..6, any::<u16>()), 0..60)) {
            let mut ours = list.clone();
            sort_short_by_key(&mut ours, |pair| pair.0);
            let mut theirs = list;
            theirs.sort_by_key(|pair| pair.0);
            prop_assert_eq!(ours, theirs);
        }

        /// The best few are the first few of the stably sorted list.
        #[test]
        fn top_is_the_head_of_the_sorted_list(
            list in prop::collection::vec((0u8..6, any::<u16>()), 0..200),
            limit in 0usize..12,
        ) {
            let ours = top(list.iter().copied(), limit, |a, b| b.0.cmp(&a.0));
            let mut sorted = list;
            sorted.sort_by_key(|pair| std::cmp::Reverse(pair.0));
            sorted.truncate(limit);
            prop_assert_eq!(ours, sorted);
        }
    }
}
