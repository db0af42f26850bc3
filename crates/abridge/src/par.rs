//! The library's one door to parallelism. With the `parallel` feature the work is spread with
//! rayon over the pool the caller runs it in (`rayon::ThreadPool::install`, or rayon's global
//! pool when the caller set none); without it everything runs on the calling thread. Results are
//! collected in index order either way, so the output never depends on the thread count.

/// True when the pool the caller would hand work to has one thread (`--threads 1`): then the work
/// runs on the calling thread. Handed to rayon, a caller outside the pool (the main thread of a
/// per-document command) would wake the pool's one worker and sleep until it finished, twice
/// per call: `extract --threads 1` spent 7% of its time in those wake-ups (a per-document
/// summary calls in several times per picked sentence).
#[cfg(feature = "parallel")]
fn one_thread() -> bool {
    rayon::current_num_threads() <= 1
}

/// `f(state, i)` for `i in 0..n`, in order, with one `init()` state per worker.
pub(crate) fn map_indices<S, R, I, F>(n: usize, init: I, f: F) -> Vec<R>
where
    R: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize) -> R + Sync + Send,
{
    #[cfg(feature = "parallel")]
    if n > 1 && !one_thread() {
        use rayon::prelude::*;
        return (0..n).into_par_iter().map_init(init, f).collect();
    }
    let mut state = init();
    (0..n).map(|i| f(&mut state, i)).collect()
}

/// `f(state, item)` for every item, in order, with one `init()` state per worker.
pub(crate) fn map_items<T, S, R, I, F>(items: &[T], init: I, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, &T) -> R + Sync + Send,
{
    map_indices(items.len(), init, |state, i| f(state, &items[i]))
}

/// `a()` and `b()`, side by side when there are threads to spare.
pub(crate) fn join<RA, RB>(a: impl FnOnce() -> RA + Send, b: impl FnOnce() -> RB + Send) -> (RA, RB)
where
    RA: Send,
    RB: Send,
{
    #[cfg(feature = "parallel")]
    if !one_thread() {
        return rayon::join(a, b);
    }
    (a(), b())
}

/// `f(index, item)` for every item, taken by value, in order.
pub(crate) fn map_owned<T, R, F>(items: Vec<T>, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(usize, T) -> R + Sync + Send,
{
    #[cfg(feature = "parallel")]
    if items.len() > 1 && !one_thread() {
        use rayon::prelude::*;
        return items
            .into_par_iter()
            .enumerate()
            .map(|(i, x)| f(i, x))
            .collect();
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, x)| f(i, x))
        .collect()
}

/// `f(item)` for every item, in place.
pub(crate) fn for_each_mut<A, F>(items: &mut [A], f: F)
where
    A: Send,
    F: Fn(&mut A) + Sync + Send,
{
    #[cfg(feature = "parallel")]
    if items.len() > 1 && !one_thread() {
        use rayon::prelude::*;
        items.par_iter_mut().for_each(f);
        return;
    }
    items.iter_mut().for_each(f);
}

/// `f(a, b)` for each pair of `a` and `b` (of equal length).
pub(crate) fn zip_for_each<A, B, F>(a: &mut [A], b: Vec<B>, f: F)
where
    A: Send,
    B: Send,
    F: Fn(&mut A, B) + Sync + Send,
{
    #[cfg(feature = "parallel")]
    if a.len() > 1 && !one_thread() {
        use rayon::prelude::*;
        a.par_iter_mut().zip(b).for_each(|(x, y)| f(x, y));
        return;
    }
    a.iter_mut().zip(b).for_each(|(x, y)| f(x, y));
}

/// The threads the pool the caller would hand work to has (1 without the `parallel` feature).
pub(crate) fn threads() -> usize {
    #[cfg(feature = "parallel")]
    return rayon::current_num_threads();
    #[cfg(not(feature = "parallel"))]
    1
}
