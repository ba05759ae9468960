import Foundation

/// Amounts in minor units (pence, cents) as people read them: `£45.00`.
enum MoneyWording {
    static func amount(_ minor: Int, currency: String) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .currency
        formatter.currencyCode = currency
        formatter.locale = Locale(identifier: "en_GB")
        return formatter.string(from: NSNumber(value: Double(minor) / 100)) ?? "\(currency) \(minor / 100).\(String(format: "%02d", minor % 100))"
    }
}
