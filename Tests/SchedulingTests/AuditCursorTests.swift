import Foundation
import Testing

@testable import Scheduling

@Suite struct AuditCursorTests {
    @Test func aCursorReadsBackAsItWasGiven() {
        let cursor = AuditCursor(createdAt: Date(timeIntervalSince1970: 1_774_519_200), sequence: 42)
        #expect(cursor.text == "1774519200.42" && AuditCursor(text: cursor.text) == cursor)
    }

    @Test func everyTextOfTheDocumentedShapeReadsAndNothingElse() {
        #expect(AuditCursor(text: "-92514.-9421910158417374542")?.sequence == .min, "past 64 bits: the far end")
        let far = AuditCursor(text: "9999999999999999999.9999999999999999999")
        #expect(far?.sequence == .max && far?.createdAt == Date(timeIntervalSince1970: 253_402_300_799), "the last second of 9999")
        #expect(AuditCursor(text: "9223372036854775807.0")?.createdAt.epochSeconds == 253_402_300_799, "whole seconds still fit 64 bits")
        for malformed in ["soon", "1.2.3", "+1.2", "1.", ".1", "12345678901234567890.1", "1.0x1", "١.٢"] {
            #expect(AuditCursor(text: malformed) == nil, "\(malformed)")
        }
    }
}
