import Common
import Core
import Foundation
import Testing

/// Times as typed on the command line.
@Suite struct UserTimeTests {
    let hcm = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    let now = UTC.parse("2024-01-15T10:00:00Z")!

    func p(_ s: String, _ tz: TimeZone? = nil) throws -> Date { try UserTime.parse(s, timeZone: tz ?? hcm, now: now) }

    @Test func withAZone() throws {
        #expect(try p("2024-01-15T08:30:00Z") == UTC.parse("2024-01-15T08:30:00Z"))
        #expect(try p("2024-01-15T08:30:00+07:00") == UTC.parse("2024-01-15T01:30:00Z"))
        #expect(try p("2024-01-15T08:30-0530") == UTC.parse("2024-01-15T14:00:00Z"))
        #expect(try p("2024-01-15T08:30:00.250Z") == UTC.parse("2024-01-15T08:30:00.250Z"))
    }

    @Test func localTime() throws {
        #expect(try p("2024-01-15T08:30") == UTC.parse("2024-01-15T01:30:00Z"))
        #expect(try p("2024-01-15 08:30:15") == UTC.parse("2024-01-15T01:30:15Z"))
        #expect(try p("2024-01-15") == UTC.parse("2024-01-14T17:00:00Z"))
        #expect(try p("2024-01-15", TimeZone(identifier: "UTC")) == UTC.parse("2024-01-15T00:00:00Z"))
    }

    @Test func wordsAndRelative() throws {
        #expect(try p("now") == now)
        #expect(try p("today") == UTC.parse("2024-01-14T17:00:00Z"))
        #expect(try p("yesterday") == UTC.parse("2024-01-13T17:00:00Z"))
        #expect(try p("-2h") == now.addingTimeInterval(-7200))
        #expect(try p("-7d") == now.addingTimeInterval(-7 * 86_400))
        #expect(try p("-90m") == now.addingTimeInterval(-5400))
    }

    @Test func badInputIsNamed() {
        #expect(throws: UserTimeError.unreadable("15/01/2024")) { try p("15/01/2024") }
        #expect(throws: UserTimeError.unreadable("2024-01-15T8:30")) { try p("2024-01-15T8:30") }
        #expect(throws: UserTimeError.impossible("2024-02-30")) { try p("2024-02-30") }
        #expect(throws: UserTimeError.impossible("2024-01-15T24:00")) { try p("2024-01-15T24:00") }
        #expect(UserTimeError.unreadable("x").text(.en).contains("2024-01-15T08:30:00+07:00"))
        #expect(UserTimeError.unreadable("x").text(.vi).contains("giờ địa phương"))
    }
}
