import Scheduling
import Testing

/// Amounts as the office types them into the engagement form.
@Suite struct MoneyWordingTests {
    @Test func amountsAreReadInMinorUnits() {
        #expect(MoneyWording.minorUnits("45") == 4500)
        #expect(MoneyWording.minorUnits("45.5") == 4550)
        #expect(MoneyWording.minorUnits(" £1,045.05 ") == 104_505)
        #expect(MoneyWording.minorUnits("0") == 0)
    }

    @Test func whatIsNotAnAmountIsRefused() {
        for text in ["", "lots", "45.555", "-5", "4.5.5", ".5", "45.", "٤٥", "1e3", "9999999999"] {
            #expect(MoneyWording.minorUnits(text) == nil, "\(text)")
        }
    }
}
