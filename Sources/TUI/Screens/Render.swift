import Foundation
import Common

/// Draws the whole frame for `state` into `buffer` (immediate mode: every frame from scratch).
/// The buffer is resized to the state's window size.
public func render(_ state: AppState, into buffer: inout CellBuffer) {
    let theme = state.theme
    buffer.clear(theme[.text], width: state.width, height: state.height)
    if state.isTooSmall {
        Chrome.tooSmall(state, &buffer)
        return
    }
    let m = LayoutMetrics(width: state.width, height: state.height)
    Chrome.header(state, &buffer)
    if state.isPreviewing {
        // full screen: over the main area and the log
        PreviewScreen.draw(state, Rect(x: 0, y: 1, width: state.width, height: state.height - 3), &buffer)
    } else {
        switch state.screen {
        case .sources: SourcesScreen.draw(state, m.main, &buffer)
        case .form: FormScreen.draw(state, m.main, &buffer)
        case .cameras: CameraScreen.draw(state, m.main, &buffer)
        case .dates: DatesScreen.draw(state, m.main, &buffer)
        case .downloads: DownloadsScreen.draw(state, m.main, &buffer)
        }
        Chrome.logPane(state, m.logRect, &buffer)
    }
    Chrome.statusBar(state, y: state.height - 2, &buffer)
    Chrome.helpBar(state, y: state.height - 1, &buffer)
    if let modal = state.modal {
        // pixel pictures would cover the dialog: they are left out while one is open
        buffer.placements.removeAll()
        Dialogs.draw(modal, state, Rect(x: 0, y: 1, width: state.width, height: state.height - 2), &buffer)
    }
}

extension AppState {
    /// A new frame of this state (for tests and screenshots).
    public func rendered() -> CellBuffer {
        var b = CellBuffer(width: width, height: height)
        render(self, into: &b)
        return b
    }

    /// The key contexts of the screen and focus, ignoring any dialog (for the help overlay).
    public var screenContexts: [KeyContext] {
        var s = self
        s.modal = nil
        return s.activeContexts
    }
}
