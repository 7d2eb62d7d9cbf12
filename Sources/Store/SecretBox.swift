import Common
import Crypto
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A password encrypted with AES-GCM, as stored in `source_secret`.
public struct SealedSecret: Sendable, Equatable {
    /// First 8 bytes of SHA-256 of the key, hex: tells "key changed" from "data damaged".
    public var keyID: String
    /// Nonce (12 bytes) + ciphertext + tag (16 bytes).
    public var combined: Data

    public init(keyID: String, combined: Data) {
        self.keyID = keyID
        self.combined = combined
    }
}

/// Encrypts and decrypts saved passwords with a 256-bit key kept in a 0600 key file
/// (by default `$XDG_CONFIG_HOME/vtrack/secret.key`), created on first use.
///
/// The key is read from disk on each use (a 32-byte file), so two processes always agree on it.
public struct SecretBox: Sendable {
    /// The key file.
    public let keyFile: String

    public init(keyFile: String) {
        self.keyFile = keyFile
    }

    /// Encrypts `password`, bound to `context` (e.g. the source id) so a sealed value cannot be
    /// moved to another row. Creates the key file when it does not exist yet.
    public func seal(_ password: String, context: String) throws -> SealedSecret {
        let key = try loadOrCreateKey()
        do {
            let box = try AES.GCM.seal(Data(password.utf8), using: key, authenticating: Data(context.utf8))
            guard let combined = box.combined else { throw StoreError.keyFileDamaged(path: keyFile) }
            return SealedSecret(keyID: Self.keyID(key), combined: combined)
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError.keyFileDamaged(path: keyFile)
        }
    }

    /// Decrypts a sealed password. Throws `StoreError.passwordUnavailable` when the key file is
    /// missing, damaged or not the one the password was sealed with.
    /// - Parameter sourceName: used only in the error sentence.
    public func unseal(_ sealed: SealedSecret, context: String, sourceName: String) throws -> String {
        let unavailable = StoreError.passwordUnavailable(source: sourceName, keyFile: keyFile)
        guard let key = try? loadKey(), Self.keyID(key) == sealed.keyID else { throw unavailable }
        guard let box = try? AES.GCM.SealedBox(combined: sealed.combined),
              let plain = try? AES.GCM.open(box, using: key, authenticating: Data(context.utf8)),
              let text = String(data: plain, encoding: .utf8) else { throw unavailable }
        return text
    }

    /// Whether the key file exists.
    public var keyExists: Bool { SecureFiles.exists(keyFile) }

    // MARK: - Key file

    static func keyID(_ key: SymmetricKey) -> String {
        let digest = key.withUnsafeBytes { SHA256.hash(data: Data($0)) }
        return digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// The key, or nil when the key file does not exist yet.
    ///
    /// Opens the file once and decides from that one `open`: checking "can it be read?" and then
    /// "does it exist?" separately would call a key another process links in between "damaged".
    func loadKey() throws -> SymmetricKey? {
        let fd = open(keyFile, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil } // not created yet
            throw StoreError.keyFileDamaged(path: keyFile)
        }
        defer { close(fd) }
        tightenIfShared(fd)
        var bytes = [UInt8](repeating: 0, count: 33) // one more than a key, to notice a longer file
        var total = 0
        while total < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, $0.count - total) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                if n < 0 { throw StoreError.keyFileDamaged(path: keyFile) }
                break
            }
            total += n
        }
        guard total == 32 else { throw StoreError.keyFileDamaged(path: keyFile) }
        return SymmetricKey(data: bytes.prefix(32))
    }

    /// A key file other users may read (0644 after a copy or a restore) is set back to 0600,
    /// and ``StoreNotices`` hears about it once (the next read finds it private).
    private func tightenIfShared(_ fd: Int32) {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & 0o077 != 0, fchmod(fd, 0o600) == 0 else { return }
        let mode = String(st.st_mode & 0o777, radix: 8)
        StoreNotices.post(Localized(
            vi: "Tệp khóa \(keyFile) (quyền \(mode)) để người dùng khác đọc được; đã đặt lại 0600 để chỉ bạn đọc được.",
            en: "The key file \(keyFile) (mode \(mode)) was readable by other users; it is now 0600, readable only by you."))
    }

    /// Creates the key atomically: a private temporary file is written in full, then hard-linked
    /// to the final name, so a second process either wins the race or reads the complete winner.
    func loadOrCreateKey() throws -> SymmetricKey {
        if let key = try loadKey() { return key }
        let dir = (keyFile as NSString).deletingLastPathComponent
        try SecureFiles.makeDirectory(dir, tighten: dir == StoreLocations.configDirectory())
        let fresh = SymmetricKey(size: .bits256)
        let tmp = "\(keyFile).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.cannotCreate(path: keyFile, reason: String(cString: strerror(errno))) }
        defer { unlink(tmp) }
        let written = fresh.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == 32, synced == 0 else {
            throw StoreError.cannotCreate(path: keyFile, reason: String(cString: strerror(errno)))
        }
        if link(tmp, keyFile) != 0 {
            guard errno == EEXIST, let winner = try loadKey() else {
                throw StoreError.cannotCreate(path: keyFile, reason: String(cString: strerror(errno)))
            }
            return winner
        }
        return fresh
    }
}

/// Things the store did on the user's behalf that a front should mention (such as tightening a
/// key file's mode): the CLI prints them on standard error; without a handler they are dropped.
public enum StoreNotices {
    private static let handler = Mutex<(@Sendable (Localized) -> Void)?>(nil)

    /// Sets who hears the notices.
    public static func onNotice(_ h: @escaping @Sendable (Localized) -> Void) { handler.withLock { $0 = h } }

    static func post(_ message: Localized) {
        let h = handler.withLock { $0 }
        h?(message)
    }
}
