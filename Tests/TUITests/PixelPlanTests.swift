import Pictures
import Testing
@testable import TUI

/// What the backend writes for sixel/kitty pictures: only new or moved pictures, and a clear
/// for what went away.
@Suite struct PixelPlanTests {
    static let a = ShownPicture(picture: Picture(width: 4, height: 2, filledWith: (255, 0, 0)))
    static let b = ShownPicture(picture: Picture(width: 4, height: 2, filledWith: (0, 0, 255)))
    static let r1 = Rect(x: 1, y: 3, width: 10, height: 4)
    static let r2 = Rect(x: 12, y: 3, width: 10, height: 4)

    @Test func theFirstFrameDrawsEverything() {
        let p = PixelPlan(previous: nil, current: [.init(rect: Self.r1, picture: Self.a)], redrawAllOnClear: false)
        #expect(p.clearAll && p.draw.count == 1 && p.clear.isEmpty)
    }

    @Test func anUnchangedFrameWritesNothing() {
        let now: [PicturePlacement] = [.init(rect: Self.r1, picture: Self.a), .init(rect: Self.r2, picture: Self.b)]
        #expect(PixelPlan(previous: now, current: now, redrawAllOnClear: false).isEmpty)
        #expect(PixelPlan(previous: now, current: now, redrawAllOnClear: true).isEmpty)
    }

    @Test func aNewPictureInATileIsDrawnAloneOverTheOld() {
        let before: [PicturePlacement] = [.init(rect: Self.r1, picture: Self.a), .init(rect: Self.r2, picture: Self.b)]
        let fresh = ShownPicture(picture: Picture(width: 4, height: 2, filledWith: (0, 255, 0)))
        let after: [PicturePlacement] = [.init(rect: Self.r1, picture: fresh), .init(rect: Self.r2, picture: Self.b)]
        let sixel = PixelPlan(previous: before, current: after, redrawAllOnClear: false)
        #expect(sixel.clear == [Self.r1] && sixel.draw == [after[0]])
        // kitty clears every image at once, so everything is placed again
        let kitty = PixelPlan(previous: before, current: after, redrawAllOnClear: true)
        #expect(kitty.draw == after)
    }

    @Test func aPictureThatMovedOrWentAwayIsCleared() {
        let before: [PicturePlacement] = [.init(rect: Self.r1, picture: Self.a)]
        let moved = PixelPlan(previous: before, current: [.init(rect: Self.r2, picture: Self.a)], redrawAllOnClear: false)
        #expect(moved.clear == [Self.r1] && moved.draw.count == 1)
        let gone = PixelPlan(previous: before, current: [], redrawAllOnClear: false)
        #expect(gone.clear == [Self.r1] && gone.draw.isEmpty && !gone.isEmpty)
    }
}
