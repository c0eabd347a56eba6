/// How far a vote has come, as owners see it while it runs (RULES.md §4): how many voting
/// persons and how much area have voted, against the totals and the 2/3 participation line.
/// How anyone voted is not part of it.
public struct VoteProgress: Hashable, Sendable {
    public var voted: Weight
    public var total: Weight

    public init(voted: Weight, total: Weight) {
        self.voted = voted
        self.total = total
    }

    /// The least area and headcount that meet participation: ⌈2/3⌉ of each total, exactly.
    public var participationLine: Weight {
        Weight(
            area: Area(centiSquareMetres: (2 * total.area.centiSquareMetres + 2) / 3),
            heads: (2 * total.heads + 2) / 3)
    }

    /// Whether those who voted already meet participation (Art. 278), by both measures.
    public var participationReached: Bool {
        Art278.participationMet(participating: voted, total: total)
    }

    /// Per mille of the total, for a bar: never rounded up to look complete.
    public var areaPerMille: Int {
        total.area.centiSquareMetres == 0 ? 0 : Int(voted.area.centiSquareMetres * 1000 / total.area.centiSquareMetres)
    }

    public var headsPerMille: Int {
        total.heads == 0 ? 0 : voted.heads * 1000 / total.heads
    }
}
