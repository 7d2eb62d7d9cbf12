// The sentences Pictures' errors say, in one place so that the same failure always reads the same.
extension PictureError {
    static let notAPicture = PictureError(
        vi: "Dữ liệu nhận được không phải ảnh JPEG hay PNG (thiết bị có thể trả về trang đăng nhập).",
        en: "The data received is not a JPEG or PNG picture (the device may have answered with a login page).")
    static let empty = PictureError(
        vi: "Dữ liệu ảnh trống.",
        en: "The picture data is empty.")
    static let tooLargeInput = PictureError(
        vi: "Dữ liệu ảnh lớn hơn 64 MB nên bị bỏ qua.",
        en: "The picture data is larger than 64 MB and was refused.")
    static let damagedPicture = PictureError(
        vi: "Ảnh bị hỏng hoặc bị cắt cụt, không giải mã được.",
        en: "The picture is damaged or cut short and could not be decoded.")
    static let badSize = PictureError(
        vi: "Kích thước ảnh không hợp lệ (phải từ 1x1 đến 8192x8192).",
        en: "The picture size is not valid (it must be between 1x1 and 8192x8192).")
    static let damagedVideo = PictureError(
        vi: "Dữ liệu video bị hỏng, không giải mã được.",
        en: "The video data is damaged and could not be decoded.")
    static let noKeyFrame = PictureError(
        vi: "Khung hình khóa không giải mã được.",
        en: "The key frame could not be decoded.")
    static func missingCodec(_ name: String) -> PictureError {
        PictureError(vi: "Thư viện FFmpeg trên máy này không có bộ mã \(name).",
                     en: "This machine's FFmpeg library has no \(name) codec.")
    }
    static let outOfMemory = PictureError(
        vi: "Không đủ bộ nhớ để xử lý ảnh.",
        en: "There is not enough memory to process the picture.")
    static let scaleFailed = PictureError(
        vi: "Không đổi được cỡ ảnh.",
        en: "The picture could not be resized.")
    static let encodeFailed = PictureError(
        vi: "Không mã hóa được ảnh JPEG.",
        en: "The JPEG picture could not be encoded.")
}
