extension StringProtocol {
    /// Without the spaces, tabs and line ends around it (no Foundation needed).
    public var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
