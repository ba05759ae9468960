public import Foundation

/// Money received against an issued invoice, recorded by the office or taken by a payment provider.
public struct Payment: Hashable, Sendable, Codable {
    public let id: String
    public let invoiceID: String
    /// In the currency's minor unit; more than zero.
    public let amount: Int
    /// The day the money was received, in the organization's calendar.
    public let paidOn: LocalDate
    public let method: PaymentMethod
    /// The bank reference, cheque number or provider's payment id.
    public let reference: String
    public let recordedBy: String
    public let recordedAt: Date

    public init(
        id: String, invoiceID: String, amount: Int, paidOn: LocalDate, method: PaymentMethod, reference: String, recordedBy: String,
        recordedAt: Date
    ) {
        self.id = id
        self.invoiceID = invoiceID
        self.amount = amount
        self.paidOn = paidOn
        self.method = method
        self.reference = reference
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

public enum PaymentMethod: String, CaseIterable, Hashable, Sendable, Codable {
    case bankTransfer = "bank_transfer"
    case card
    case cash
    case cheque
    case other

    /// As the office reads it: "Bank transfer".
    public var name: String {
        switch self {
        case .bankTransfer: "Bank transfer"
        case .card: "Card"
        case .cash: "Cash"
        case .cheque: "Cheque"
        case .other: "Other"
        }
    }
}
