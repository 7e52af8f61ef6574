// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
    import Glibc
#endif

/// CPU time used by this process and by its reaped children (the tasks'
/// processes), from `getrusage(2)`, to tell engine cost from task cost.
struct CPUTime {
    var engine: Duration
    var children: Duration

    static func now() -> CPUTime {
        CPUTime(
            engine: used(RUSAGE_SELF.rawValue),
            children: used(RUSAGE_CHILDREN.rawValue)
        )
    }

    static func - (after: CPUTime, before: CPUTime) -> CPUTime {
        CPUTime(engine: after.engine - before.engine, children: after.children - before.children)
    }

    private static func used(_ who: __rusage_who_t) -> Duration {
        var usage = rusage()
        guard getrusage(who, &usage) == 0 else { return .zero }
        let user = Duration.seconds(usage.ru_utime.tv_sec)
            + .microseconds(usage.ru_utime.tv_usec)
        let system = Duration.seconds(usage.ru_stime.tv_sec)
            + .microseconds(usage.ru_stime.tv_usec)
        return user + system
    }
}
