//! Scales and ticks: from data values to pixel positions, and round tick values.

/// Maps a continuous domain onto a pixel range, linearly.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear { domain, range }
    }

    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// A step of 1, 2 or 5 times a power of ten, so that about `count` steps span `span`.
pub fn nice_step(span: f64, count: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) || count == 0 {
        return 1.0;
    }
    let raw = span / count as f64;
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    // Round to the nearest of 1, 2, 5 and 10 on a logarithmic scale.
    let nice = if fraction >= 50f64.sqrt() {
        10.0
    } else if fraction >= 10f64.sqrt() {
        5.0
    } else if fraction >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    nice * power
}

/// Round tick values covering `[min, max]`, and the widened domain they span.
/// The domain always starts at `min` rounded down to a step (pass 0 for bars).
pub fn nice_ticks(min: f64, max: f64, count: usize) -> (Vec<f64>, (f64, f64)) {
    let (min, max) = if max > min {
        (min, max)
    } else {
        (min - 1.0, min + 1.0)
    };
    let step = nice_step(max - min, count);
    let start = (min / step).floor() * step;
    let end = (max / step).ceil() * step;
    let n = ((end - start) / step).round() as usize;
    let ticks = (0..=n)
        .map(|i| {
            let v = start + i as f64 * step;
            // Snap to the step's decimals so 0.1 + 0.2 prints as 0.3.
            let decimals = (-step.log10().floor()).max(0.0) as i32;
            let factor = 10f64.powi(decimals);
            (v * factor).round() / factor
        })
        .collect();
    (ticks, (start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_maps_ends_and_middle() {
        let s = Linear::new((0.0, 100.0), (300.0, 0.0));
        assert_eq!(s.map(0.0), 300.0);
        assert_eq!(s.map(100.0), 0.0);
        assert_eq!(s.map(25.0), 225.0);
        // A domain of one value puts everything in the middle instead of dividing by zero.
        assert_eq!(Linear::new((5.0, 5.0), (0.0, 10.0)).map(5.0), 5.0);
    }

    #[test]
    fn steps_are_one_two_or_five() {
        assert_eq!(nice_step(10.0, 5), 2.0);
        assert_eq!(nice_step(100.0, 5), 20.0);
        assert_eq!(nice_step(3.2, 5), 0.5);
        assert_eq!(nice_step(0.3, 3), 0.1);
        assert_eq!(nice_step(0.0, 5), 1.0);
    }

    #[test]
    fn ticks_cover_the_data_with_round_values() {
        let (ticks, domain) = nice_ticks(0.0, 29.5, 5);
        assert_eq!(ticks, vec![0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0]);
        assert_eq!(domain, (0.0, 30.0));
        let (ticks, _) = nice_ticks(3.988, 5.182, 4);
        assert_eq!(ticks, vec![3.8, 4.0, 4.2, 4.4, 4.6, 4.8, 5.0, 5.2]);
        let (ticks, domain) = nice_ticks(5076.03, 8197.25, 4);
        assert_eq!(domain, (5000.0, 9000.0));
        assert_eq!(ticks.len(), 5);
        let (ticks, _) = nice_ticks(7.0, 7.0, 4);
        assert!(ticks.len() >= 2, "a single value still gets an axis");
    }
}
