import ONVIF
import Store

// The engine types the fronts (CLI, terminal app) hold, name or pass back to Core, so that a
// front reaches the engines through Core only: `import Core` is enough. Values and records
// only; the work is done by Core's services (SourceService, SaveConfig, DownloadEngine,
// Recordings…). Discovery's types are re-exported next to DiscoveryService.

// Store: the database, its locations, its records and its errors.
public typealias Repository = Store.Repository
public typealias StoreLocations = Store.StoreLocations
public typealias StoreError = Store.StoreError
public typealias StoreNotices = Store.StoreNotices
public typealias VideoSource = Store.VideoSource
public typealias SourceConfig = Store.SourceConfig
public typealias ProcessingConfig = Store.ProcessingConfig
public typealias JSONValue = Store.JSONValue
public typealias CameraKeys = Store.CameraKeys
public typealias DownloadJobRecord = Store.DownloadJobRecord
public typealias DownloadCameraRecord = Store.DownloadCameraRecord
public typealias DownloadFileRecord = Store.DownloadFileRecord
public typealias DownloadState = Store.DownloadState

// ONVIF: how requests to a device are made, and a playback template's error.
public typealias ClientOptions = ONVIF.ClientOptions
public typealias PlaybackTemplateError = ONVIF.PlaybackTemplateError
