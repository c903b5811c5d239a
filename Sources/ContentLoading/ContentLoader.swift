import DialogueCore
import FoundationEssentials
import LetterComposition
import Vocabulary

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a content folder from disk (the only I/O of this library) and compiles it.
public enum ContentLoader {
    /// Loads and validates `folder`; any problem is thrown with all the others.
    ///
    /// `thorough: false` leaves out the rendering of every letter variant (see `compile`).
    /// `language` loads that language only (a session needs one): a faster start.
    public static func load(from folder: URL, thorough: Bool = true, language: String? = nil) throws(ContentError)
        -> Content
    {
        // A session needs one language: the others' files are not even read.
        let files = try read(folder) { relative in
            language.map { !relative.contains("/") || relative.hasPrefix("data/") || relative.hasPrefix($0 + "/") }
                ?? true
        }
        let (content, diagnostics) = ContentCompiler.compile(files: files, thorough: thorough)
        guard let content, diagnostics.isEmpty else { throw ContentError(diagnostics: diagnostics, missing: false) }
        return content
    }

    /// The languages of a content folder: its subfolders that hold a texts.ini.
    public static func languages(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/texts.ini").path)
        }.sorted()
    }

    /// The letter kinds of a content folder, for the help: its `letters.ini` sections.
    public static func letterKinds(in folder: URL) -> [String] {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(KindCompiler.file).path),
            let text = String(data: data, encoding: .utf8)
        else { return [LetterKind.defaultId] }
        return KindCompiler.compile(text).kinds.map(\.id)
    }

    /// Every `.ini` and `.mustache` file below `folder`, by relative path.
    public static func read(_ folder: URL, including wanted: (String) -> Bool = { _ in true }) throws(ContentError)
        -> [String: String]
    {
        var folderStatus = stat()
        guard stat(folder.path, &folderStatus) == 0, folderStatus.st_mode & S_IFMT == S_IFDIR else {
            throw ContentError(
                diagnostics: [
                    Diagnostic(
                        .contentFolderMissing, file: folder.path, line: 0,
                        Message(.diagFolderMissing, [:]))
                ], missing: true)
        }
        var files: [String: String] = [:]
        var problems: [Diagnostic] = []
        var unreadable = false
        let base = folder.standardizedFileURL.path
        for relative in ((try? FileManager.default.subpathsOfDirectory(atPath: base)) ?? []).sorted() {
            guard relative.hasSuffix(".ini") || relative.hasSuffix(".mustache"), wanted(relative) else { continue }
            let path = base + "/" + relative
            // Only a regular file is read: a pipe would wait for ever, a device never end.
            var status = stat()
            guard stat(path, &status) == 0 else {
                problems.append(Diagnostic(.syntax, file: relative, line: 0, Message(.diagFileMissingTarget, [:])))
                unreadable = true
                continue
            }
            guard status.st_mode & S_IFMT == S_IFREG else {
                if status.st_mode & S_IFMT != S_IFDIR {
                    problems.append(Diagnostic(.syntax, file: relative, line: 0, Message(.diagFileNotRegular, [:])))
                    unreadable = true
                }
                continue
            }
            // A content file is a few kilobytes: past 4 MiB it is not one, and is not read.
            guard status.st_size <= 4 << 20 else {
                problems.append(Diagnostic(.syntax, file: relative, line: 0, Message(.diagFileTooLarge, [:])))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(Diagnostic(.syntax, file: relative, line: 0, Message(.diagFileNoPermission, [:])))
                unreadable = true
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append(Diagnostic(.syntax, file: relative, line: 0, Message(.diagFileUnreadable, [:])))
                continue
            }
            files[relative] = text
        }
        // Every file that cannot be read is said, not only the first.
        guard problems.isEmpty else {
            throw ContentError(diagnostics: problems.sorted(), missing: false, unreadable: unreadable)
        }
        return files
    }
}
