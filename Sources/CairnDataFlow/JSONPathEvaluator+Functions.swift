// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition

extension JSONPathEvaluator {
    /// Applies a trailing path function such as `length()` the way Jayway does:
    /// aggregates read the numbers of an array and fail on an empty one.
    static func apply(
        _ function: JSONPath.Function,
        to value: JSONValue,
        location: String
    ) throws(Miss) -> JSONValue {
        switch function {
        case .length, .size:
            switch value {
            case .array(let elements): return .number(JSONNumber(elements.count))
            case .object(let object): return .number(JSONNumber(object.count))
            case .string(let text): return .number(JSONNumber(text.count))
            default: throw .noResults(location)
            }
        case .keys:
            guard let object = value.objectValue else { throw .noResults(location) }
            return .array(object.keys.map(JSONValue.string))
        case .first, .last:
            guard let elements = value.arrayValue,
                let element = function == .first ? elements.first : elements.last
            else { throw .noResults(location) }
            return element
        case .min, .max, .avg, .sum, .stddev:
            let numbers = (value.arrayValue ?? []).compactMap { $0.numberValue?.doubleValue }
            guard !numbers.isEmpty else { throw .noResults(location) }
            let result = aggregate(function, numbers)
            guard result.isFinite else { throw .noResults(location) }
            return .number(JSONNumber(result))
        }
    }

    private static func aggregate(_ function: JSONPath.Function, _ numbers: [Double]) -> Double {
        let sum = numbers.reduce(0, +)
        let mean = sum / Double(numbers.count)
        switch function {
        case .min: return numbers.min() ?? 0
        case .max: return numbers.max() ?? 0
        case .sum: return sum
        case .avg: return mean
        default:
            let variance = numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            return (variance / Double(numbers.count)).squareRoot()
        }
    }
}
