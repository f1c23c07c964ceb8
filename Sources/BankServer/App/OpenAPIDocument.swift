import Foundation
import Hummingbird
import Logging

/// The API description served at `GET /openapi.yaml`: the committed `openapi.yaml`, read once
/// at start so the route does no file I/O and a running server keeps serving the document it
/// started with.
///
/// The file is read from the working directory rather than bundled as a resource, so that the
/// repository keeps one copy at its root (where tools and reviewers expect it). A server started
/// elsewhere without the file still runs; the route then answers 404.
public struct OpenAPIDocument: Sendable {
    /// `openapi.yaml`, relative to the working directory.
    public static let defaultPath = "openapi.yaml"
    /// The media type registered for YAML (RFC 9512).
    public static let mediaType = "application/yaml"

    /// The document's bytes, or nil when the file was not found.
    public let contents: ByteBuffer?

    /// A document with the given contents.
    public init(contents: ByteBuffer?) {
        self.contents = contents
    }

    /// Reads the file at `path`, logging a warning (and serving 404) when it cannot.
    public static func load(path: String, logger: Logger) -> OpenAPIDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            logger.warning("OpenAPI document not found; GET /openapi.yaml will answer 404", metadata: ["path": .string(path)])
            return OpenAPIDocument(contents: nil)
        }
        return OpenAPIDocument(contents: ByteBuffer(bytes: data))
    }

    /// Adds `GET /openapi.yaml`.
    func addRoute(to router: Router<some RequestContext>) {
        router.get("/openapi.yaml") { _, _ -> Response in
            guard let contents else { throw APIError.notFound("the OpenAPI document is not available on this server") }
            return Response(
                status: .ok,
                headers: [.contentType: Self.mediaType, .contentLength: String(contents.readableBytes)],
                body: .init(byteBuffer: contents)
            )
        }
    }
}
