import Foundation
import QuorumStore

/// A one-line progress bar on standard error, redrawn in place; silent when standard
/// error is not a terminal (a log file gets no control characters).
final class ProgressBar {
    private let enabled: Bool
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ progress: ImportProgress) {
        guard enabled else { return }
        let now = Date()
        guard progress.phase != .reading || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        let fraction = progress.totalBytes > 0 ? min(1, Double(progress.bytesRead) / Double(progress.totalBytes)) : 1
        let width = 30
        let filled = Int(fraction * Double(width))
        let seconds = max(now.timeIntervalSince(started), 0.001)
        let phase: String
        switch progress.phase {
        case .reading: phase = "读取 reading"
        case .checking: phase = "检查 checking"
        case .applying: phase = "写入 applying"
        }
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line =
            "\r[\(bar)] \(Int(fraction * 100))%  \(Self.megabytes(progress.bytesRead)) / "
            + "\(Self.megabytes(progress.totalBytes))  \(progress.rows) rows  \(Int(Double(progress.rows) / seconds)) rows/s  \(phase)"
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
        drawn = true
    }

    /// Removes the bar, so that what follows starts on a clean line.
    func clear() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    private static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
