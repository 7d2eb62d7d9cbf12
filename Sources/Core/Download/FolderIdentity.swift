import Foundation
import Glibc

/// Which folder a camera's files go into, pinned when its run starts (device and inode): before
/// each new file and each rename the folder's path must still lead to that same folder. A
/// folder swapped during a run for a symbolic link (or another folder) out of the video root is
/// then never written into: the camera pauses with a sentence, and `--resume` checks the folder
/// again (`PathValidator`) before going on.
struct FolderIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the folder `path` leads to now; nil when it is not there or not a folder.
    static func of(_ path: String) -> FolderIdentity? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return FolderIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// Throws when `path` no longer leads to this folder: `folderMissing` when nothing (or no
    /// folder) is there, `folderReplaced` when it leads somewhere else.
    func check(_ path: String) throws {
        var lst = stat()
        guard lstat(path, &lst) == 0 else { throw DownloadError.folderMissing(path) }
        if (lst.st_mode & S_IFMT) == S_IFLNK { throw DownloadError.folderReplaced(path) }
        guard let now = Self.of(path) else { throw DownloadError.folderMissing(path) }
        if now != self { throw DownloadError.folderReplaced(path) }
    }
}
