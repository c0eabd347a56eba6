/// What Art. 278 weighs at once: floor area and headcount (人数).
public struct Weight: Hashable, Sendable {
    public var area: Area
    public var heads: Int

    public init(area: Area, heads: Int) {
        self.area = area
        self.heads = heads
    }

    public static let zero = Weight(area: .zero, heads: 0)

    public static func + (lhs: Weight, rhs: Weight) -> Weight {
        Weight(area: lhs.area + rhs.area, heads: lhs.heads + rhs.heads)
    }

    public static func += (lhs: inout Weight, rhs: Weight) {
        lhs.area += rhs.area
        lhs.heads += rhs.heads
    }
}
