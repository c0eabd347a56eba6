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
        3 * participating.area.centiSquareMetres >= 2 * total.area.centiSquareMetres
            && 3 * participating.heads >= 2 * total.heads
    }

    /// Whether those agreeing carry the matter among those who took part:
    /// ordinary, more than 1/2 by area AND by heads; special, at least 3/4 by both.
    public static func approved(agreeing: Weight, participating: Weight, threshold: Threshold) -> Bool {
        let yesArea = agreeing.area.centiSquareMetres
        let partArea = participating.area.centiSquareMetres
        switch threshold {
        case .ordinary:
            return 2 * yesArea > partArea && 2 * agreeing.heads > participating.heads
        case .special:
            return 4 * yesArea >= 3 * partArea && 4 * agreeing.heads >= 3 * participating.heads
        }
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
