/// Amounts as the audit log writes them, in the currency's major unit with two decimals:
/// 4550 → "45.50". (Pages format money for their reader with the currency's symbol.)
enum MoneyText {
    static func plain(_ minor: Int) -> String { "\(minor / 100).\(minor % 100 < 10 ? "0" : "")\(minor % 100)" }
}
