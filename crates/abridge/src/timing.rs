//! Wall time per stage of a run, so a user (`abridge summarize --timings`) or a benchmark can see
//! where the time goes and which stages run on one thread: by Amdahl's law the one-thread share
//! of the serial stages bounds what more cores can give.

use std::time::{Duration, Instant};

/// The wall time of one stage.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct StageTime {
    /// The stage's name (`read`, `clean+sentences`, `graph`, `rank`, `select`, …).
    pub stage: &'static str,
    /// Its wall time, summed over every time it ran.
    pub seconds: f64,
    /// Whether it spreads its work over the threads (with the `parallel` feature).
    pub parallel: bool,
}

/// Wall time per stage, in the order the stages first ran. A stage met again (one per batch of
/// input) adds to its first entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timings {
    stages: Vec<StageTime>,
}

impl Timings {
    /// No stage yet.
    pub fn new() -> Self {
        Timings::default()
    }

    /// Adds `elapsed` to `stage`.
    pub fn add(&mut self, stage: &'static str, parallel: bool, elapsed: Duration) {
        let seconds = elapsed.as_secs_f64();
        match self.stages.iter_mut().find(|s| s.stage == stage) {
            Some(s) => s.seconds += seconds,
            None => self.stages.push(StageTime {
                stage,
                seconds,
                parallel,
            }),
        }
    }

    /// Runs `f`, adding its wall time to `stage`.
    ///
    /// ```
    /// let mut timings = abridge::Timings::new();
    /// let sum: u64 = timings.time("sum", false, || (1..=100).sum());
    /// assert_eq!(sum, 5050);
    /// assert_eq!(timings.stages()[0].stage, "sum");
    /// ```
    pub fn time<R>(&mut self, stage: &'static str, parallel: bool, f: impl FnOnce() -> R) -> R {
        let start = Instant::now();
        let result = f();
        self.add(stage, parallel, start.elapsed());
        result
    }

    /// Adds every stage of `other` (after this one's).
    pub fn extend(&mut self, other: &Timings) {
        for s in &other.stages {
            self.add(s.stage, s.parallel, Duration::from_secs_f64(s.seconds));
        }
    }

    /// The stages, in the order they first ran.
    pub fn stages(&self) -> &[StageTime] {
        &self.stages
    }

    /// Seconds of every stage together.
    pub fn total(&self) -> f64 {
        self.stages.iter().map(|s| s.seconds).sum()
    }

    /// Seconds of the stages that run on one thread.
    pub fn serial(&self) -> f64 {
        self.stages
            .iter()
            .filter(|s| !s.parallel)
            .map(|s| s.seconds)
            .sum()
    }

    /// A table for people: one line per stage (seconds, share of the total, parallel or one
    /// thread), then the total and the one-thread share.
    pub fn report(&self) -> String {
        let total = self.total();
        let share = |x: f64| if total > 0.0 { 100.0 * x / total } else { 0.0 };
        let mut out = String::from("stage                 seconds   share  runs on\n");
        for s in &self.stages {
            out.push_str(&format!(
                "{:<20} {:>9.3} {:>6.1}%  {}\n",
                s.stage,
                s.seconds,
                share(s.seconds),
                if s.parallel {
                    "every thread"
                } else {
                    "one thread"
                }
            ));
        }
        out.push_str(&format!("{:<20} {:>9.3}\n", "total", total));
        out.push_str(&format!(
            "{:<20} {:>9.3} {:>6.1}%  (measure with --threads 1 for the serial share of the work)\n",
            "one-thread stages",
            self.serial(),
            share(self.serial())
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stage_met_again_adds_to_its_first_entry() {
        let mut t = Timings::new();
        t.add("read", true, Duration::from_millis(30));
        t.add("intern", false, Duration::from_millis(10));
        t.add("read", true, Duration::from_millis(20));
        let names: Vec<_> = t.stages().iter().map(|s| s.stage).collect();
        assert_eq!(names, ["read", "intern"]);
        assert!((t.stages()[0].seconds - 0.05).abs() < 1e-9);
        assert!((t.total() - 0.06).abs() < 1e-9);
        assert!((t.serial() - 0.01).abs() < 1e-9);
        let report = t.report();
        assert!(report.contains("intern"), "{report}");
        assert!(report.contains("16.7%"), "{report}");
    }
}
