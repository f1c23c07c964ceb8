import NIOCore

/// Reads SMTP replies off the wire: CRLF-ended lines of a three-digit code, `-` for a line that
/// is followed by more, a space (or nothing) for the last one.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// A reply line longer than this is not SMTP (RFC 5321 allows 512 octets).
    static let maximumLineLength = 4096

    private var pending: [String] = []
    private var pendingCode: Int?

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maximumLineLength { throw SMTPError.malformedReply("a reply line is too long") }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        guard length <= Self.maximumLineLength, var line = buffer.readString(length: length) else {
            throw SMTPError.malformedReply("a reply line is too long")
        }
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }

        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0..<3].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let code = Int(String(decoding: bytes[0..<3], as: UTF8.self))
        else { throw SMTPError.malformedReply(String(line.prefix(80))) }
        let separator = bytes.count > 3 ? bytes[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-"), pendingCode == nil || pendingCode == code else {
            throw SMTPError.malformedReply(String(line.prefix(80)))
        }
        pending.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        if separator == UInt8(ascii: "-") {
            pendingCode = code
            return .continue
        }
        let reply = SMTPReply(code: code, lines: pending)
        pending = []
        pendingCode = nil
        context.fireChannelRead(wrapInboundOut(reply))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        // A partial reply at the end is dropped: the connection is gone and the caller says so.
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
