import Dispatch
import Foundation
import Synchronization
import CNcursesw
import CShims
import Common
import Pictures
import TUI

/// The terminal front end's run loop.
///
/// A serial UI queue owns the app state and makes every ncurses call. Keys arrive through a
/// Dispatch read source on stdin (drained with `wget_wch` in non-blocking mode), resizes
/// through a SIGWINCH signal source, and engine results through `ui.async`. Each event goes
/// through `update`; frames are drawn with `render` and only changed cells are sent. Input
/// redraws at once; engine events are coalesced to at most 10 frames a second. When nothing
/// happens, nothing runs (a clock tick every 30 s, and 10 ticks a second only while a spinner shows).
public final class TerminalApp: Sendable {
    private let ui = DispatchQueue(label: "vtrack.ui")
    private let engine: any CommandRunning
    private let loop: Mutex<Loop>
    private let useColors: Bool

    /// What the UI queue owns.
    private struct Loop {
        var state: AppState
        var screen = NcursesScreen()
        var frame = CellBuffer(width: 0, height: 0)
        var previous: CellBuffer?
        /// Commands to run once the next frame is on the terminal (a live view's `liveReady`).
        var afterDraw: [Command] = []
        var throttle = FrameThrottle(interval: TerminalApp.frameInterval)
        var tickTimer: DispatchSourceTimer?
        var keepAlive: [any DispatchSourceProtocol] = []
        var stopped = false
    }

    /// Minimum time between two frames caused by engine events (10 frames a second).
    static let frameInterval: UInt64 = 100_000_000

    public init(state: AppState, engine: any CommandRunning) {
        self.engine = engine
        self.useColors = !state.theme.isMonochrome
        self.loop = Mutex(Loop(state: state))
    }

    /// Takes over the terminal and runs until the user quits; never returns.
    /// - Throws: a `PlainError` when the terminal type ($TERM) cannot be used (the terminal is
    ///   left as it was).
    public func run(startCommands: [Command] = AppState.startCommands) throws -> Never {
        _ = vtrack_force_utf8_locale()
        try ui.sync { [self] in
            try loop.withLock { l in
                guard let screen = NcursesScreen.start(useColors: useColors) else { throw Self.cannotOpen() }
                l.screen = screen
                // A terminal without colours gets the monochrome theme (attributes only).
                if useColors { l.state.theme = l.state.theme.fitting(colors: l.screen.colors) }
                l.state.pictureSettings.depth = Self.pictureDepth(requested: l.state.pictureSettings.depth, colors: l.screen.colors,
                                                                  monochrome: l.state.theme.isMonochrome)
                var cw: Int32 = 0, ch: Int32 = 0
                if vtrack_cell_pixels(1, &cw, &ch) == 0, cw > 0, ch > 0 {
                    l.state.pictureSettings.cellWidth = Int(cw)
                    l.state.pictureSettings.cellHeight = Int(ch)
                }
            }
        }
        ui.async { [self] in
            installSources()
            let size = NcursesScreen.querySize()
            NcursesScreen.resize(width: size.width, height: size.height)
            loop.withLock { $0.screen.screenCleared(width: size.width, height: size.height) }
            handle(.resize(width: size.width, height: size.height))
            handle(.clock(Date()))
            dispatch(startCommands)
            draw()
        }
        dispatchMain()
    }

    /// The colour depth of picture cells: what was asked for (the environment's), no more
    /// than ncurses can send (its colours: 256 under xterm-256color, 2^24 under xterm-direct),
    /// and none with the monochrome theme (NO_COLOR): ASCII shades then.
    static func pictureDepth(requested: ColorDepth, colors: Int, monochrome: Bool) -> ColorDepth {
        if monochrome || colors == 0 || requested == .none { return .none }
        let terminal: ColorDepth = colors >= 0x100_0000 ? .trueColor : (colors >= 256 ? .indexed256 : .indexed16)
        let order: [ColorDepth] = [.indexed16, .indexed256, .trueColor]
        return order[min(order.firstIndex(of: requested) ?? 1, order.firstIndex(of: terminal) ?? 1)]
    }

    /// The terminal type is unknown here (no terminfo entry) or unusable.
    static func cannotOpen() -> PlainError {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if term.isEmpty {
            return PlainError(vi: "Không mở được giao diện vì TERM chưa được đặt: hãy đặt TERM (ví dụ TERM=xterm-256color) rồi chạy lại.",
                              en: "Cannot open the app because TERM is not set: set TERM (for example TERM=xterm-256color) and run it again.")
        }
        return PlainError(vi: "Không mở được giao diện trên terminal loại “\(term)” (TERM): hãy đặt TERM thành loại máy này biết, ví dụ TERM=xterm-256color, rồi chạy lại.",
                          en: "Cannot open the app on a terminal of type “\(term)” (TERM): set TERM to a type this machine knows, such as TERM=xterm-256color, and run it again.")
    }

    // MARK: Sources (stdin, signals, clock)

    private func installSources() {
        loop.withLock { l in l.keepAlive = makeSources() }
    }

    private func makeSources() -> [any DispatchSourceProtocol] {
        var sources: [any DispatchSourceProtocol] = []

        let input = DispatchSource.makeReadSource(fileDescriptor: STDIN_FILENO, queue: ui)
        input.setEventHandler { [self] in readKeys(available: input.data) }
        input.resume()
        sources.append(input)

        signal(SIGWINCH, SIG_IGN)
        let winch = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: ui)
        winch.setEventHandler { [self] in resized() }
        winch.resume()
        sources.append(winch)

        for (sig, code) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143)), (SIGHUP, Int32(129))] {
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: ui)
            s.setEventHandler { [self] in stop(exitCode: code) }
            s.resume()
            sources.append(s)
        }

        let clock = DispatchSource.makeTimerSource(queue: ui)
        clock.schedule(deadline: .now() + 30, repeating: 30, leeway: .seconds(1))
        clock.setEventHandler { [self] in
            handle(.clock(Date()))
            scheduleDraw()
        }
        clock.resume()
        sources.append(clock)
        return sources
    }

    /// Drains every pending key, runs them through `update`, then draws once.
    private func readKeys(available: UInt) {
        var keys: [Key] = []
        var code: UInt32 = 0
        while true {
            let r = vtrack_get_key(&code)
            if r == vtrack_err() { break }
            let key = r == vtrack_key_code_yes() ? KeyDecoder.special(code) : KeyDecoder.character(code)
            if let key { keys.append(key) }
        }
        if keys.isEmpty && available == 0 {
            // stdin closed (the SSH session or terminal went away).
            stop(exitCode: 129)
            return
        }
        for key in keys { handle(.key(key)) }
        draw()
    }

    private func resized() {
        let size = NcursesScreen.querySize()
        NcursesScreen.resize(width: size.width, height: size.height)
        loop.withLock { l in
            l.previous = nil
            l.screen.screenCleared(width: size.width, height: size.height)
        }
        handle(.resize(width: size.width, height: size.height))
        draw()
    }

    // MARK: Events and commands

    /// Runs one event through `update` (on the UI queue) and starts its commands.
    private func handle(_ event: AppEvent) {
        let (commands, animating, running) = loop.withLock { l -> ([Command], Bool, Bool) in
            let (next, commands) = step(l.state, event, at: Date(), uptime: Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
            l.state = next
            return (commands, next.isAnimating, next.running)
        }
        setTicking(animating)
        dispatch(commands)
        if !running { stop(exitCode: 0) }
    }

    private func dispatch(_ commands: [Command]) {
        let later = commands.filter(\.runsAfterDraw)
        if !later.isEmpty {
            loop.withLock { $0.afterDraw += later }
            scheduleDraw()
        }
        for command in commands where command != .quit && !command.runsAfterDraw { start(command) }
    }

    /// Runs one command on the engine; its events come back to the UI queue.
    private func start(_ command: Command) {
        engine.run(command) { [self] event in
            ui.async { [self] in
                handle(event)
                scheduleDraw()
            }
        }
    }

    private func setTicking(_ on: Bool) {
        loop.withLock { l in
            if on, l.tickTimer == nil {
                let t = DispatchSource.makeTimerSource(queue: ui)
                let period = Int(AppState.tickSeconds * 1000)
                t.schedule(deadline: .now() + .milliseconds(period), repeating: .milliseconds(period), leeway: .milliseconds(20))
                t.setEventHandler { [self] in
                    handle(.tick)
                    scheduleDraw()
                }
                t.resume()
                l.tickTimer = t
            } else if !on, let t = l.tickTimer {
                t.cancel()
                l.tickTimer = nil
            }
        }
    }

    // MARK: Drawing

    /// Draws soon, at most 10 frames a second.
    private func scheduleDraw() {
        let delay: UInt64? = loop.withLock { l in
            l.stopped ? nil : l.throttle.request(now: DispatchTime.now().uptimeNanoseconds)
        }
        guard let delay else { return }
        ui.asyncAfter(deadline: .now() + .nanoseconds(Int(delay))) { [self] in draw() }
    }

    /// Renders the state, diffs it against the last frame, and sends the changes.
    private func draw() {
        let after = loop.withLock { l -> [Command] in
            guard !l.stopped else { return [] }
            render(l.state, into: &l.frame)
            let changes = l.frame.changes(from: l.previous)
            l.screen.apply(changes, cursor: l.frame.cursor)
            let settings = l.state.pictureSettings
            if settings.usesPixels {
                let plan = PixelPlan(previous: l.previous?.placements, current: l.frame.placements,
                                     redrawAllOnClear: settings.graphics == .kitty)
                l.screen.paint(plan, mode: settings.graphics, cellWidth: settings.cellWidth, cellHeight: settings.cellHeight)
            }
            l.previous = l.frame
            l.throttle.drew(at: DispatchTime.now().uptimeNanoseconds)
            defer { l.afterDraw = [] }
            return l.afterDraw
        }
        // the frame is on the terminal: a live view may send its next picture
        for command in after { start(command) }
    }

    // MARK: Leaving

    /// Restores the terminal, stops the engine, and exits.
    private func stop(exitCode: Int32) {
        let first = loop.withLock { l -> Bool in
            if l.stopped { return false }
            l.stopped = true
            l.tickTimer?.cancel()
            for s in l.keepAlive { s.cancel() }
            return true
        }
        guard first else { return }
        // a camera set moving stops before anything else (the terminal may be gone already)
        engine.stopMotion()
        NcursesScreen.stop()
        engine.shutdown()
        // _exit, not exit: engine threads (a discovery sweep, a download) may still be running,
        // and exit's global destructors under their feet can crash. Everything that matters is
        // already on disk (the database commits as it goes; downloads resume from their files).
        _exit(exitCode)
    }
}
