/// The bars of a chart drawn on the server as SVG: how long each bar is and where the axis
/// ends. Figures the statistics service hid (`"<5"`) or that do not apply have no bar: their
/// size is not ours to guess. Pure, so the scaling is tested without drawing anything.
public enum BarChart {
    /// The axis' end: the smallest 1, 2 or 5 × 10ⁿ at or above the largest figure (at least 1),
    /// so the scale reads in round numbers.
    public static func axisMaximum(_ largest: Int) -> Int {
        guard largest > 1 else { return 1 }
        var step = 1
        while true {
            for factor in [1, 2, 5] where factor * step >= largest { return factor * step }
            guard step <= Int.max / 10 else { return largest }
            step *= 10
        }
    }

    /// Bar lengths within `width` units, in proportion to the axis' end. A hidden or missing
    /// figure (nil) and zero draw nothing; any other figure draws at least 1 unit so that it is
    /// not mistaken for zero. Negative figures (none expected) draw nothing.
    public static func lengths(_ values: [Int?], width: Int) -> [Int] {
        let maximum = axisMaximum(values.compactMap { $0 }.max() ?? 0)
        return values.map { value in
            guard let value, value > 0, width > 0 else { return 0 }
            let scaled = (value * width + maximum / 2) / maximum
            return min(width, max(1, scaled))
        }
    }
}
