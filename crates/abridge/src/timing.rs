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
    /// For a one-thread stage that runs beside other work (with more than one thread): what it
    /// runs beside. It then stays off the critical path as long as that work is longer.
    pub beside: Option<&'static str>,
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
        self.add_stage(stage, parallel, None, elapsed);
    }

    /// Adds `elapsed` to `stage`, a one-thread stage that runs beside `beside` (other work,
    /// spread over the threads).
    pub fn add_beside(&mut self, stage: &'static str, beside: &'static str, elapsed: Duration) {
        self.add_stage(stage, false, Some(beside), elapsed);
    }

    fn add_stage(
        &mut self,
        stage: &'static str,
        parallel: bool,
        beside: Option<&'static str>,
        elapsed: Duration,
    ) {
        let seconds = elapsed.as_secs_f64();
        match self.stages.iter_mut().find(|s| s.stage == stage) {
            Some(s) => s.seconds += seconds,
            None => self.stages.push(StageTime {
                stage,
                seconds,
                parallel,
                beside,
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
            self.add_stage(
                s.stage,
                s.parallel,
                s.beside,
                Duration::from_secs_f64(s.seconds),
            );
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

    /// Seconds of the stages that run on one thread and beside nothing else: with one thread
    /// in all, the serial part of the work (Amdahl's law).
    pub fn alone(&self) -> f64 {
        self.stages
            .iter()
            .filter(|s| !s.parallel && s.beside.is_none())
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
            let runs_on = match (s.parallel, s.beside) {
                (true, _) => "every thread".to_string(),
                (false, None) => "one thread".to_string(),
                (false, Some(work)) => format!("one thread, beside {work}"),
            };
            out.push_str(&format!(
                "{:<20} {:>9.3} {:>6.1}%  {runs_on}\n",
                s.stage,
                s.seconds,
                share(s.seconds),
            ));
        }
        out.push_str(&format!("{:<20} {:>9.3}\n", "total", total));
        out.push_str(&format!(
            "{:<20} {:>9.3} {:>6.1}%\n",
            "one-thread stages",
            self.serial(),
            share(self.serial())
        ));
        out.push_str(&format!(
            "{:<20} {:>9.3} {:>6.1}%  (one-thread stages beside nothing; with --threads 1, the \
serial share of the work, less the serial parts inside the parallel stages)\n",
            "alone",
            self.alone(),
            share(self.alone())
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
        t.add_beside("check", "rank", Duration::from_millis(40));
        let names: Vec<_> = t.stages().iter().map(|s| s.stage).collect();
        assert_eq!(names, ["read", "intern", "check"]);
        assert!((t.stages()[0].seconds - 0.05).abs() < 1e-9);
        assert!((t.total() - 0.10).abs() < 1e-9);
        assert!((t.serial() - 0.05).abs() < 1e-9);
        assert!((t.alone() - 0.01).abs() < 1e-9);
        let report = t.report();
        assert!(report.contains("one thread, beside rank"), "{report}");
        assert!(report.contains("10.0%"), "{report}");
    }
}
