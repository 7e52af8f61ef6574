// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Glibc

/// A child process just started, with the parent's ends of its three pipes.
struct SpawnedProcess: Sendable {
    /// The child's process id, which is also its process group id.
    var processID: pid_t
    /// A `pidfd_open(2)` descriptor for the child, when the kernel has them.
    var processDescriptor: Int32?
    /// The write end of the child's standard input.
    var standardInput: Int32
    /// The read end of the child's standard output.
    var standardOutput: Int32
    /// The read end of the child's standard error.
    var standardError: Int32
}

/// Starts programs with `posix_spawn(3)` in a process group of their own.
enum ProcessSpawner {
    // MARK: - Resolving the command

    /// Checks the working directory and finds the program's file.
    ///
    /// The lookup is done here, not by `posix_spawnp`, so that a missing
    /// program yields an error that names the command, the places looked at
    /// and the working directory, and so that relative paths are taken from
    /// the working directory the process will have.
    static func resolveExecutable(
        command: [String],
        workingDirectory: String,
        searchPath: String?
    ) throws(ProcessRunnerError) -> String {
        guard let name = command.first, !name.isEmpty else {
            throw ProcessRunnerError(code: .invalidCommand, message: "the command is empty")
        }
        if let bad = command.first(where: { $0.utf8.contains(0) }) {
            throw ProcessRunnerError(
                code: .invalidCommand,
                message: "argument '\(bad.replacingOccurrences(of: "\0", with: "\\0"))' "
                    + "of command '\(name)' contains a NUL byte"
            )
        }
        let context = "(working directory: \(workingDirectory))"

        if name.contains("/") {
            let path = absolutePath(name, from: workingDirectory)
            switch fileKind(atPath: path) {
            case .executable:
                return path
            case .missing:
                throw ProcessRunnerError(
                    code: .commandNotFound,
                    message: "command '\(name)' not found: no file at \(path) \(context)"
                )
            case .notExecutable:
                throw ProcessRunnerError(
                    code: .commandNotExecutable,
                    message: "command '\(name)' is not an executable file: \(path) \(context)"
                )
            }
        }

        var unusable: String?
        for directory in (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(
            separator: ":",
            omittingEmptySubsequences: false
        ) {
            // An empty PATH entry means the current directory, by POSIX.
            let entry = directory.isEmpty ? "." : String(directory)
            let folder = absolutePath(entry, from: workingDirectory)
            let path = folder + "/" + name
            switch fileKind(atPath: path) {
            case .executable: return path
            case .notExecutable: unusable = unusable ?? path
            case .missing: continue
            }
        }
        if let unusable {
            throw ProcessRunnerError(
                code: .commandNotExecutable,
                message: "command '\(name)' is not an executable file: \(unusable) \(context)"
            )
        }
        throw ProcessRunnerError(
            code: .commandNotFound,
            message: "command '\(name)' not found in PATH \(context)"
        )
    }

    /// Returns the directory as an absolute path after checking it exists.
    static func checkWorkingDirectory(_ directory: String?) throws(ProcessRunnerError) -> String {
        let current = FileManager.default.currentDirectoryPath
        guard let directory else { return current }
        let path = absolutePath(directory, from: current)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw ProcessRunnerError(
                code: .invalidWorkingDirectory,
                message: "working directory '\(directory)' does not exist or is not a directory"
            )
        }
        return path
    }

    private enum FileKind { case missing, notExecutable, executable }

    private static func fileKind(atPath path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        return isRegular && access(path, X_OK) == 0 ? .executable : .notExecutable
    }

    private static func absolutePath(_ path: String, from directory: String) -> String {
        path.hasPrefix("/") ? path : directory + "/" + path
    }

    // MARK: - Spawning

    /// Starts the program with its standard streams connected to new pipes.
    ///
    /// The child gets its own process group (`POSIX_SPAWN_SETPGROUP`), an
    /// empty signal mask and default signal dispositions, so that an
    /// inherited `SIG_IGN` cannot make it immune to the runner's signals, and
    /// no descriptors but 0, 1 and 2.
    static func spawn(
        executablePath: String,
        arguments: [String],
        environment: [String: String],
        workingDirectory: String
    ) throws(ProcessRunnerError) -> SpawnedProcess {
        var opened: [Int32] = []
        func makePipe() throws(ProcessRunnerError) -> (read: Int32, write: Int32) {
            let ends = try ProcessSystemCalls.makePipe()
            opened += [ends.read, ends.write]
            return ends
        }
        do {
            let input = try makePipe()
            let output = try makePipe()
            let error = try makePipe()
            let processID = try startChild(
                executablePath: executablePath,
                arguments: arguments,
                environment: environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" },
                workingDirectory: workingDirectory,
                standardStreams: [input.read, output.write, error.write]
            )
            for descriptor in [input.read, output.write, error.write] {
                _ = close(descriptor)
            }
            for descriptor in [input.write, output.read, error.read] {
                ProcessSystemCalls.setNonBlocking(descriptor)
            }
            let processDescriptor = ProcessSystemCalls.pidFDOpen.map { $0(processID, 0) }
            return SpawnedProcess(
                processID: processID,
                processDescriptor: processDescriptor.flatMap { $0 >= 0 ? $0 : nil },
                standardInput: input.write,
                standardOutput: output.read,
                standardError: error.read
            )
        } catch {
            for descriptor in opened {
                _ = close(descriptor)
            }
            throw error
        }
    }

    private static func startChild(
        executablePath: String,
        arguments: [String],
        environment: [String],
        workingDirectory: String,
        standardStreams: [Int32]
    ) throws(ProcessRunnerError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, descriptor) in standardStreams.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, descriptor, Int32(target))
        }
        if let addCloseFrom = ProcessSystemCalls.addCloseFrom {
            _ = addCloseFrom(&actions, 3)
        }
        guard let addChdir = ProcessSystemCalls.addChdir else {
            throw ProcessRunnerError(
                code: .spawnFailed,
                message: "this C library lacks posix_spawn_file_actions_addchdir_np, "
                    + "so '\(arguments[0])' cannot be started in \(workingDirectory)"
            )
        }
        _ = addChdir(&actions, workingDirectory)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        posix_spawnattr_setflags(&attributes, Int16(flags))

        var processID: pid_t = 0
        let status = withCStringArray(arguments) { argv in
            withCStringArray(environment) { envp in
                posix_spawn(&processID, executablePath, &actions, &attributes, argv, envp)
            }
        }
        guard status == 0 else {
            throw ProcessRunnerError(
                code: .spawnFailed,
                message: "command '\(arguments[0])' could not be started from \(executablePath) "
                    + "(working directory: \(workingDirectory))",
                errorNumber: status
            )
        }
        return processID
    }

    /// Lends a NULL-terminated array of C strings, as `argv` and `envp` need.
    private static func withCStringArray<Result>(
        _ strings: [String],
        _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result
    ) -> Result {
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(
            capacity: strings.count + 1
        )
        array.initialize(from: strings.map { strdup($0) } + [nil], count: strings.count + 1)
        defer {
            for index in 0..<strings.count {
                free(array[index])
            }
            array.deallocate()
        }
        return body(array)
    }
}
