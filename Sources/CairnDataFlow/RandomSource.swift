// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Synchronization

/// Where intrinsic functions take randomness from, injected so that the
/// interpreter stays deterministic: tests and replays pass `seeded(_:)`.
public struct RandomSource: Sendable {
    /// Returns the next 64 random bits.
    public var nextUInt64: @Sendable () -> UInt64

    public init(nextUInt64: @escaping @Sendable () -> UInt64) {
        self.nextUInt64 = nextUInt64
    }

    /// The system's random number generator.
    public static var system: RandomSource {
        RandomSource { UInt64.random(in: .min ... .max) }
    }

    /// A reproducible source: the same seed yields the same sequence.
    public static func seeded(_ seed: UInt64) -> RandomSource {
        let generator = SplitMix64Box(seed: seed)
        return RandomSource { generator.next() }
    }

    /// A uniformly distributed integer in `range`, without modulo bias.
    func integer(in range: ClosedRange<Int64>) -> Int64 {
        let span = UInt64(bitPattern: range.upperBound &- range.lowerBound)
        guard span < .max else {
            return Int64(bitPattern: nextUInt64())
        }
        let count = span + 1
        // Reject the top sliver of values that would make low results likelier.
        let limit = UInt64.max - (UInt64.max % count)
        var draw = nextUInt64()
        while draw >= limit { draw = nextUInt64() }
        return range.lowerBound &+ Int64(bitPattern: draw % count)
    }

    /// A version 4 UUID in lower-case canonical form.
    func uuid() -> String {
        var bytes: [UInt8] = []
        for _ in 0..<2 {
            let word = nextUInt64()
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            let text = String(byte, radix: 16)
            return byte < 0x10 ? "0" + text : text
        }
        return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16]
            .map { hex[$0].joined() }
            .joined(separator: "-")
    }
}

/// SplitMix64 (Steele, Lea and Flood, 2014): small, fast and good enough for
/// reproducible test randomness; never for secrets.
final class SplitMix64Box: Sendable {
    private let state: Mutex<UInt64>

    init(seed: UInt64) {
        self.state = Mutex(seed)
    }

    func next() -> UInt64 {
        self.state.withLock { state in
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }
}
