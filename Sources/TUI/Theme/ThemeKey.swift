/// The semantic names a theme gives a style to. Widgets ask for meanings (`.selected`,
/// `.error`), never for colours, so a theme file can change every colour of the app.
public enum ThemeKey: String, CaseIterable, Sendable {
    /// Ordinary text and the screen background.
    case text
    /// Secondary text: hints, units, empty-list messages.
    case muted
    case border
    /// The border of the focused pane.
    case border_focus
    /// Pane titles.
    case title
    /// The top bar with the screen tabs.
    case header
    /// The current screen's tab in the top bar.
    case tab_active
    /// The highlighted row or tile under the cursor.
    case selected
    case checkbox_on
    case checkbox_off
    case progress_done
    case progress_todo
    case error
    case warning
    case ok
    /// Informational accents (spinner, links, device names).
    case info
    case status_bar
    /// A key name in the help bar and the help overlay.
    case help_key
    case help_text
    /// A key that cannot be used right now.
    case help_disabled
    /// A text field.
    case input
    /// The focused text field.
    case input_focus
    case button
    case button_focus
    /// Dialog boxes (confirmations, help, save report).
    case modal
    /// Today in the calendar.
    case calendar_today
    /// Days inside the chosen date range.
    case calendar_range
    /// Calendar marks: a day with footage all day / with gaps / with none.
    case coverage_full
    case coverage_partial
    case coverage_none
}
