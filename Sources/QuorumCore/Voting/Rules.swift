/// The thresholds of Civil Code Art. 278 (民法典第二百七十八条), in one place.
///
/// Area is counted in 0.01 m² and heads as persons, both integers, so every comparison is
/// an exact cross-multiplication. Art. 1259: "at least" (以上) includes the bound itself;
/// "more than half" (过半数) excludes it.
public enum Art278 {
    /// Items 6-8 (raise the maintenance fund; rebuild; change the use of common parts)
    /// need the special majority; every other item the ordinary one.
    public static func threshold(forItem item: Int) -> Threshold {
        (6...8).contains(item) ? .special : .ordinary
    }

    /// Owners holding at least 2/3 of the area AND at least 2/3 of the heads took part.
    public static func participationMet(participating: Weight, total: Weight) -> Bool {
        participationShortfalls(participating: participating, total: total).isEmpty
    }

    /// Where participation falls short of 2/3: by area, by heads, both or neither.
    public static func participationShortfalls(participating: Weight, total: Weight) -> [Shortfall] {
        var short: [Shortfall] = []
        if 3 * participating.area.centiSquareMetres < 2 * total.area.centiSquareMetres { short.append(.participationArea) }
        if 3 * participating.heads < 2 * total.heads { short.append(.participationHeads) }
        return short
    }

    /// Whether those agreeing carry the matter among those who took part:
    /// ordinary, more than 1/2 by area AND by heads; special, at least 3/4 by both.
    public static func approved(agreeing: Weight, participating: Weight, threshold: Threshold) -> Bool {
        approvalShortfalls(agreeing: agreeing, participating: participating, threshold: threshold).isEmpty
    }

    /// Where those agreeing fall short of the threshold: by area, by heads, both or neither.
    public static func approvalShortfalls(agreeing: Weight, participating: Weight, threshold: Threshold) -> [Shortfall] {
        let carries: (Int64, Int64) -> Bool =
            switch threshold {
            case .ordinary: { yes, part in 2 * yes > part }
            case .special: { yes, part in 4 * yes >= 3 * part }
            }
        var short: [Shortfall] = []
        if !carries(agreeing.area.centiSquareMetres, participating.area.centiSquareMetres) { short.append(.approvalArea(threshold)) }
        if !carries(Int64(agreeing.heads), Int64(participating.heads)) { short.append(.approvalHeads(threshold)) }
        return short
    }

    /// A strict majority by both area and heads, as the silent-majority rule (RULES.md §4)
    /// asks of the option the silent owners join.
    public static func holdsMajority(_ part: Weight, of whole: Weight) -> Bool {
        2 * part.area.centiSquareMetres > whole.area.centiSquareMetres && 2 * part.heads > whole.heads
    }
}

/// Which approval a matter needs.
public enum Threshold: String, Sendable {
    /// More than half of the participating area and heads (过半数).
    case ordinary
    /// At least three quarters of the participating area and heads (四分之三以上).
    case special
}
