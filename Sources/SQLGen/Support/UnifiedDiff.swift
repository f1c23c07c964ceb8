/// A unified diff (`diff -u` style) between two texts, for `swift-sqlgen diff`.
public enum UnifiedDiff {
    /// The diff from `old` to `new`, or nil when they are equal. Lines of context around each
    /// change: `context`.
    public static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String? {
        guard old != new else { return nil }
        let oldLines = lines(of: old)
        let newLines = lines(of: new)
        let difference = newLines.difference(from: oldLines)

        // Mark removed old lines and inserted new lines, then walk both in step.
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        enum Line {
            case same(String)
            case removed(String)
            case added(String)
        }
        var script: [Line] = []
        var i = 0
        var j = 0
        while i < oldLines.count || j < newLines.count {
            if i < oldLines.count, removed.contains(i) {
                script.append(.removed(oldLines[i]))
                i += 1
            } else if j < newLines.count, inserted.contains(j) {
                script.append(.added(newLines[j]))
                j += 1
            } else if i < oldLines.count, j < newLines.count {
                script.append(.same(oldLines[i]))
                i += 1
                j += 1
            } else {
                break
            }
        }

        // Group changes into hunks with `context` lines around them.
        let changed = script.indices.filter { if case .same = script[$0] { return false } else { return true } }
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(script.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }

        // Old and new line numbers (0-based) at the start of each script position.
        var oldBefore: [Int] = []
        var newBefore: [Int] = []
        var oldCursor = 0
        var newCursor = 0
        for line in script {
            oldBefore.append(oldCursor)
            newBefore.append(newCursor)
            switch line {
            case .same: oldCursor += 1; newCursor += 1
            case .removed: oldCursor += 1
            case .added: newCursor += 1
            }
        }

        var output = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks {
            var oldCount = 0
            var newCount = 0
            var body = ""
            for line in script[hunk] {
                switch line {
                case .same(let text):
                    oldCount += 1
                    newCount += 1
                    body += " \(text)\n"
                case .removed(let text):
                    oldCount += 1
                    body += "-\(text)\n"
                case .added(let text):
                    newCount += 1
                    body += "+\(text)\n"
                }
            }
            // Like diff -u: 1-based start, or the line before an empty range.
            let oldStart = oldBefore[hunk.lowerBound] + (oldCount == 0 ? 0 : 1)
            let newStart = newBefore[hunk.lowerBound] + (newCount == 0 ? 0 : 1)
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n" + body
        }
        return output
    }

    private static func lines(of text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }
}
