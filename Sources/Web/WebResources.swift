import Foundation

/// The Web target's bundled files: templates and the stylesheet.
enum WebResources {
    static var templates: URL? { Bundle.module.url(forResource: "Templates", withExtension: nil) }
    static var stylesheet: Data? {
        Bundle.module.url(forResource: "app", withExtension: "css", subdirectory: "Assets").flatMap { try? Data(contentsOf: $0) }
    }
}
