import Foundation
import Common

/// Layout facts `update` and `render` share, so arrow keys move the way the screen looks.
public struct LayoutMetrics: Sendable {
    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) { self.width = width; self.height = height }

    /// Rows of the log pane, border included.
    public var logRows: Int { height >= 40 ? 10 : (height >= 30 ? 7 : 5) }

    /// The main area (between the top bar and the log pane).
    public var main: Rect { Rect(x: 0, y: 1, width: width, height: height - 3 - logRows) }
    public var logRect: Rect { Rect(x: 0, y: main.maxY, width: width, height: logRows) }

}

extension AppState {
    mutating func camerasAction(_ action: Action, _ commands: inout [Command]) {
        let visible = cameras.visibleIndices
        let cols = cameraLayout.columns
        switch action {
        case .moveUp: cameras.cursor = clamp(cameras.cursor - cols < 0 ? cameras.cursor : cameras.cursor - cols, visible.count)
        case .moveDown: cameras.cursor = clamp(cameras.cursor + cols >= visible.count ? cameras.cursor : cameras.cursor + cols, visible.count)
        case .moveLeft: cameras.cursor = clamp(cameras.cursor - 1, visible.count)
        case .moveRight: cameras.cursor = clamp(cameras.cursor + 1, visible.count)
        case .toggleCamera:
            guard visible.indices.contains(cameras.cursor) else { return }
            cameras.rows[visible[cameras.cursor]].selected.toggle()
        case .selectAll:
            for i in visible { cameras.rows[i].selected = true }
        case .selectNone:
            for i in visible { cameras.rows[i].selected = false }
        case .startFilter:
            cameras.filtering = true
        case .endFilter:
            cameras.filtering = false
        case .clearFilter:
            cameras.filter.clear()
            cameras.filtering = false
            cameras.cursor = 0
        case .saveSelection:
            guard let connection = cameras.connection else { return }
            cameras.saving = true
            addLog(.info, UIText.saving(cameras.selectedNames.count, connection.name))
            commands.append(.saveConfig(connection, device: cameras.device ?? DeviceInfo(), cameras: cameras.rows.map(\.camera),
                                        selected: cameras.selectedNames))
        case .continueToDates:
            show(.dates, &commands)
        case .openPreview:
            openPreview(&commands)
        case .refreshPictures:
            requestPictures(pictureOrder(), refresh: true, &commands)
        default:
            break
        }
    }
}
