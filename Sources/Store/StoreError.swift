import Common

/// Everything that can go wrong in the store, as one sentence in Vietnamese and English that
/// names what to check. None of them ever holds a password.
public enum StoreError: UserFacingError, Equatable {
    /// A folder or file could not be created.
    case cannotCreate(path: String, reason: String)
    /// SQLite could not open (or read) the database file.
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The database path is a folder.
    case databaseIsFolder(path: String)
    /// A read-only command found no database at this path (nothing was created).
    case noDatabase(path: String)
    /// Another program kept the database locked for longer than the busy timeout.
    case busy(path: String)
    /// The database was written by a newer VTrack with a schema this one does not know.
    case newerDatabase(path: String)
    /// Any other SQLite failure.
    case database(reason: String)
    /// No source has this name.
    case sourceNotFound(name: String)
    /// A source with this name already exists.
    case duplicateSource(name: String)
    /// The source name is empty or only spaces.
    case emptySourceName
    /// The source name holds control characters or is too long.
    case invalidSourceName(name: String)
    /// The saved password cannot be decrypted: the key file was lost or replaced.
    case passwordUnavailable(source: String, keyFile: String)
    /// No password is saved for this source.
    case noPassword(source: String)
    /// The key file exists but does not hold a key.
    case keyFileDamaged(path: String)
    /// `config set` with a key that is not a setting.
    case unknownConfigKey(key: String, known: [String])
    /// `config set` with a key managed by `sources` (selected cameras, camera folders).
    case configKeyManaged(key: String)
    /// `config set` with a value of the wrong kind.
    case invalidConfigValue(key: String, value: String, expected: Localized)

    public var message: Localized {
        switch self {
        case let .cannotCreate(path, reason):
            return Localized(vi: "Không tạo được \(path) (\(reason)): kiểm tra thư mục cha có tồn tại và ghi được không.",
                             en: "Cannot create \(path) (\(reason)): check that its parent folder exists and is writable.")
        case let .cannotOpen(path, reason):
            return Localized(vi: "Không mở được cơ sở dữ liệu \(path) (\(reason)): kiểm tra đường dẫn --db và quyền đọc/ghi.",
                             en: "Cannot open the database \(path) (\(reason)): check the --db path and its read/write permissions.")
        case let .notADatabase(path):
            return Localized(vi: "Tệp \(path) không phải cơ sở dữ liệu SQLite: chọn tệp khác bằng --db.",
                             en: "The file \(path) is not an SQLite database: choose another file with --db.")
        case let .databaseIsFolder(path):
            return Localized(vi: "\(path) là một thư mục, không phải tệp cơ sở dữ liệu: chọn một tệp bằng --db.",
                             en: "\(path) is a folder, not a database file: choose a file with --db.")
        case let .noDatabase(path):
            return Localized(vi: "Chưa có cơ sở dữ liệu ở \(path): kiểm tra đường dẫn --db, hoặc thêm một nguồn trước (vtrack sources add).",
                             en: "There is no database at \(path): check the --db path, or add a source first (vtrack sources add).")
        case let .busy(path):
            return Localized(vi: "Cơ sở dữ liệu \(path) đang bị chương trình khác khóa quá lâu: đợi nó xong rồi thử lại.",
                             en: "The database \(path) stayed locked by another program for too long: wait for it to finish and try again.")
        case let .newerDatabase(path):
            return Localized(vi: "Cơ sở dữ liệu \(path) được tạo bởi phiên bản VTrack mới hơn: hãy cập nhật VTrack.",
                             en: "The database \(path) was written by a newer VTrack: update VTrack.")
        case let .database(reason):
            return Localized(vi: "Lỗi cơ sở dữ liệu (\(reason)): kiểm tra tệp --db và dung lượng đĩa.",
                             en: "Database error (\(reason)): check the --db file and free disk space.")
        case let .sourceNotFound(name):
            return Localized(vi: "Không có nguồn nào tên \"\(name)\": xem danh sách bằng `vtrack sources list`.",
                             en: "There is no source named \"\(name)\": see the list with `vtrack sources list`.")
        case let .duplicateSource(name):
            return Localized(vi: "Đã có nguồn tên \"\(name)\": chọn tên khác, cập nhật nó bằng `vtrack sources add \(name) --update …`, hoặc xóa bằng `vtrack sources remove \(name)`.",
                             en: "A source named \"\(name)\" already exists: choose another name, update it with `vtrack sources add \(name) --update …`, or remove it with `vtrack sources remove \(name)`.")
        case .emptySourceName:
            return Localized(vi: "Tên nguồn đang trống: hãy đặt một tên, ví dụ nvr_cua_hang.",
                             en: "The source name is empty: give it a name, for example shop_nvr.")
        case let .invalidSourceName(name):
            return Localized(vi: "Tên nguồn \"\(Self.printable(name))\" có ký tự điều khiển hoặc dài quá 200 byte: hãy đặt tên ngắn gọn hơn.",
                             en: "The source name \"\(Self.printable(name))\" has control characters or is longer than 200 bytes: choose a shorter, plain name.")
        case let .passwordUnavailable(source, keyFile):
            return Localized(vi: "Không đọc được mật khẩu đã lưu của nguồn \"\(source)\" vì tệp khóa \(keyFile) bị mất hoặc đã thay đổi: hãy nhập lại mật khẩu (vtrack sources add \(source) --update --host … --user … --password-stdin).",
                             en: "The saved password of source \"\(source)\" cannot be read because the key file \(keyFile) was lost or changed: re-enter the password (vtrack sources add \(source) --update --host … --user … --password-stdin).")
        case let .noPassword(source):
            return Localized(vi: "Nguồn \"\(source)\" chưa có mật khẩu được lưu: hãy nhập mật khẩu (vtrack sources add \(source) --update --host … --user … --password-stdin).",
                             en: "Source \"\(source)\" has no saved password: enter it (vtrack sources add \(source) --update --host … --user … --password-stdin).")
        case let .keyFileDamaged(path):
            return Localized(vi: "Tệp khóa \(path) bị hỏng: đổi tên nó đi rồi nhập lại mật khẩu các nguồn.",
                             en: "The key file \(path) is damaged: move it away, then re-enter the sources' passwords.")
        case let .unknownConfigKey(key, known):
            return Localized(vi: "Không có cài đặt \"\(key)\": dùng một trong \(known.joined(separator: ", ")).",
                             en: "There is no setting \"\(key)\": use one of \(known.joined(separator: ", ")).")
        case let .configKeyManaged(key):
            return Localized(vi: "\"\(key)\" được cập nhật khi chọn camera: dùng `vtrack sources select TÊN --cameras …`.",
                             en: "\"\(key)\" is updated when cameras are chosen: use `vtrack sources select NAME --cameras …`.")
        case let .invalidConfigValue(key, value, expected):
            return Localized(vi: "Giá trị \"\(value)\" không hợp lệ cho \(key): cần \(expected.vi).",
                             en: "The value \"\(value)\" is not valid for \(key): expected \(expected.en).")
        }
    }

    /// Control characters shown as `\u{..}` so an error never prints raw escapes.
    static func printable(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.properties.generalCategory == .control { out += "\\u{\(String(u.value, radix: 16))}" } else { out.unicodeScalars.append(u) }
        }
        return out
    }
}
