/// What a key asks the app to do. `update` acts on these, never on raw keys, so one
/// keymap table decides every binding.
public enum Action: String, CaseIterable, Sendable {
    // Everywhere
    case focusNext, focusPrevious, showHelp, quit, quitNow, back
    case gotoSources, gotoForm, gotoCameras, gotoDates, gotoDownloads
    // Lists
    case moveUp, moveDown, moveLeft, moveRight, pageUp, pageDown, moveFirst, moveLast
    // Devices & sources
    case openItem, addSource, rediscover
    // Source form
    case nextField, previousField, activate, testSource, clearField
    // Camera grid
    case toggleCamera, selectAll, selectNone, startFilter, endFilter, clearFilter, saveSelection, continueToDates
    // Pictures
    case refreshPictures, openPreview, closePreview, toggleLive, previousCamera, nextCamera
    // PTZ (in the preview)
    case panLeft, panRight, tiltUp, tiltDown, zoomIn, zoomOut, stopCamera, speedDown, speedUp
    case gotoPreset, savePreset, gotoHome, acceptName, cancelName
    // Date range
    case dayBack, dayForward, weekBack, weekForward, monthBack, monthForward, gotoToday, markDay
    case presetToday, presetYesterday, presetLastWeek, presetDefaultDays, startDownload
    // Downloads
    case pauseResume, pauseResumeAll, cancelDownload, cancelAll
    // Log
    case follow
    // Dialogs
    case confirm, dismiss
}
