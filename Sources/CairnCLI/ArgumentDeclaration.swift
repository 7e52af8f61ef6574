// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Something a command lists among its arguments: an ``Argument`` of any
/// value type.
///
/// The protocol only exists so that one array can hold arguments of
/// different value types; its single requirement is the type-erased
/// description the parser and the help formatter work from.
public protocol ArgumentDeclaration: Sendable {
    /// The argument's names, help and value conversion, without its type.
    var definition: ArgumentDefinition { get }
}
