// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program the benchmarks start: `cairn` itself, or this benchmark in a
/// child role whose memory must be measured on its own.
struct ChildProcess {
    let process: Process
    private let output: Pipe

    /// Starts `executable`; its standard output is kept, its standard error
    /// goes to `errorLog` (or nowhere).
    init(_ executable: String, _ arguments: [String], errorLog: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        if let errorLog {
            _ = FileManager.default.createFile(atPath: errorLog, contents: nil)
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorLog))
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        self.process = process
        self.output = output
    }

    var pid: Int32 { self.process.processIdentifier }

    /// Waits for the end and returns the exit status and everything printed.
    func finish() -> (status: Int32, output: String) {
        let data = self.output.fileHandleForReading.readDataToEndOfFile()
        self.process.waitUntilExit()
        return (self.process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs a program to its end and returns its exit status and wall time,
    /// from just before the spawn to just after it was reaped.
    static func time(_ executable: String, _ arguments: [String]) throws -> (Int32, Duration) {
        let clock = ContinuousClock()
        let started = clock.now
        let child = try ChildProcess(executable, arguments)
        let (status, _) = child.finish()
        return (status, clock.now - started)
    }

    /// The `cairn` executable beside this benchmark (both are products of
    /// the same build), or `$CAIRN_BINARY`.
    static func locateCairn() -> String? {
        if let override = ProcessInfo.processInfo.environment["CAIRN_BINARY"],
            FileManager.default.isExecutableFile(atPath: override)
        {
            return override
        }
        let beside = URL(fileURLWithPath: selfExecutable).deletingLastPathComponent()
            .appendingPathComponent("cairn").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : nil
    }

    /// This program's own executable.
    static var selfExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
    }
}

/// Memory figures from `/proc/<pid>/status`, in kilobytes.
enum ProcessMemory {
    /// `VmHWM`, the peak resident set size, of `pid` ("self" for this process).
    static func peakKilobytes(_ pid: String = "self") -> Int? {
        field("VmHWM", of: pid)
    }

    /// `VmRSS`, the resident set size now.
    static func residentKilobytes(_ pid: String = "self") -> Int? {
        field("VmRSS", of: pid)
    }

    private static func field(_ name: String, of pid: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
            return Int(digits)
        }
        return nil
    }
}
