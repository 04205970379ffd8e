/// One page of a list, as every API returns lists: the items, the total matching, and the page.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
    /// The items on this page.
    public var items: [Item]
    /// How many match in all.
    public var total: Int
    /// Page size asked for.
    public var limit: Int
    /// Items skipped.
    public var offset: Int

    /// Creates a page.
    public init(items: [Item], total: Int, limit: Int, offset: Int) {
        self.items = items
        self.total = total
        self.limit = limit
        self.offset = offset
    }
}
