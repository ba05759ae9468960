import Foundation

/// Amounts in minor units (pence, cents) as people read them: `£45.00`.
public enum MoneyWording {
    public static func amount(_ minor: Int, currency: String) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .currency
        formatter.currencyCode = currency
        formatter.locale = Locale(identifier: "en_GB")
        return formatter.string(from: NSNumber(value: Double(minor) / 100)) ?? "\(currency) \(minor / 100).\(String(format: "%02d", minor % 100))"
    }

    /// An amount as a form shows it for editing: 4550 → "45.50".
    public static func plain(_ minor: Int) -> String { String(format: "%d.%02d", minor / 100, minor % 100) }

    /// An amount as the office types it (`45`, `45.5`, `£1,045.00`) in minor units; nil when it is
    /// not one, or has more than two decimals.
    public static func minorUnits(_ text: String) -> Int? {
        let plain = text.filter { !" ,£$€".contains($0) }
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 9, parts[0].allSatisfy(\.isASCII),
            let whole = Int(parts[0]), whole >= 0
        else { return nil }
        guard parts.count == 2 else { return whole * 100 }
        let cents = parts[1]
        guard (1...2).contains(cents.count), cents.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(cents) else { return nil }
        return whole * 100 + (cents.count == 1 ? value * 10 : value)
    }
}
