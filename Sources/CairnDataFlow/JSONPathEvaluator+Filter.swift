// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition

extension JSONPathEvaluator {
    /// What one side of a comparison stands for.
    private enum Side {
        case missing
        case value(JSONValue)
        case regex(pattern: String, caseInsensitive: Bool)

        var value: JSONValue? {
            if case .value(let value) = self { value } else { nil }
        }
    }

    /// Whether the filter accepts `element`.
    func accepts(_ filter: JSONPath.Filter, _ element: JSONValue) -> Bool {
        switch filter {
        case .exists(let operand):
            if case .missing = resolve(operand, element) { return false }
            return true
        case .not(let inner):
            return !accepts(inner, element)
        case .and(let left, let right):
            return accepts(left, element) && accepts(right, element)
        case .or(let left, let right):
            return accepts(left, element) || accepts(right, element)
        case .comparison(let left, let comparison, let right):
            return compare(resolve(left, element), comparison, resolve(right, element))
        }
    }

    private func resolve(_ operand: JSONPath.Operand, _ element: JSONValue) -> Side {
        switch operand {
        case .literal(let value):
            return .value(value)
        case .regex(let pattern, let caseInsensitive):
            return .regex(pattern: pattern, caseInsensitive: caseInsensitive)
        case .current(let segments):
            let path = JSONPath(text: "@", root: .input, segments: segments)
            let inner = JSONPathEvaluator(scope: scope.replacingInput(element))
            return (try? inner.evaluate(path)).map { .value($0.result) } ?? .missing
        case .path(let path):
            return (try? evaluate(path)).map { .value($0.result) } ?? .missing
        }
    }

    private func compare(_ left: Side, _ comparison: JSONPath.Operator, _ right: Side) -> Bool {
        if comparison == .notEqual { return !compare(left, .equal, right) }
        if comparison == .matches { return matches(left, right) }
        guard let lhs = left.value, let rhs = right.value else { return false }
        switch comparison {
        case .equal:
            return lhs == rhs
        case .lessThan, .lessThanOrEqual, .greaterThan, .greaterThanOrEqual:
            return JSONPathEvaluator.order(lhs, comparison, rhs)
        case .in:
            return rhs.arrayValue?.contains(lhs) ?? false
        case .notIn:
            return !(rhs.arrayValue?.contains(lhs) ?? false)
        case .subsetOf, .anyOf, .noneOf:
            guard let items = lhs.arrayValue, let set = rhs.arrayValue else { return false }
            switch comparison {
            case .subsetOf: return items.allSatisfy(set.contains)
            case .anyOf: return items.contains(where: set.contains)
            default: return !items.contains(where: set.contains)
            }
        case .size:
            guard let expected = rhs.numberValue?.int64Value else { return false }
            return JSONPathEvaluator.size(of: lhs).map { Int64($0) == expected } ?? false
        case .empty:
            guard let expected = rhs.boolValue, let size = JSONPathEvaluator.size(of: lhs) else {
                return false
            }
            return (size == 0) == expected
        case .notEqual, .matches:
            return false
        }
    }

    private func matches(_ left: Side, _ right: Side) -> Bool {
        guard case .string(let text)? = left.value,
            case .regex(let pattern, let caseInsensitive) = right,
            var regex = try? Regex(pattern)
        else { return false }
        if caseInsensitive { regex = regex.ignoresCase() }
        return (try? regex.wholeMatch(in: text)) != nil
    }

    private static func order(
        _ lhs: JSONValue,
        _ comparison: JSONPath.Operator,
        _ rhs: JSONValue
    ) -> Bool {
        let ascending: Bool
        let equal: Bool
        switch (lhs, rhs) {
        case (.number(let left), .number(let right)):
            (ascending, equal) = (left < right, left == right)
        case (.string(let left), .string(let right)):
            (ascending, equal) = (left < right, left == right)
        default:
            return false
        }
        switch comparison {
        case .lessThan: return ascending
        case .lessThanOrEqual: return ascending || equal
        case .greaterThan: return !ascending && !equal
        default: return !ascending
        }
    }

    private static func size(of value: JSONValue) -> Int? {
        switch value {
        case .array(let elements): elements.count
        case .string(let text): text.count
        case .object(let object): object.count
        default: nil
        }
    }
}
