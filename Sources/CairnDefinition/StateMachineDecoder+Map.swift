// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

extension StateMachineDecoder {
    /// Decodes the fields of a Map state.
    mutating func decodeMap(
        of name: String,
        in fields: FieldSet,
        language: QueryLanguage
    ) -> MapState {
        let (processor, mode) = readItemProcessor(of: name, in: fields)
        var map = MapState(itemProcessor: processor, mode: mode)
        map.label = readString("Label", in: fields)
        map.itemReader = readRawObject("ItemReader", in: fields)
        map.itemBatcher = readRawObject("ItemBatcher", in: fields)
        map.resultWriter = readRawObject("ResultWriter", in: fields)
        map.maxConcurrency = readDynamicInteger(
            "MaxConcurrency",
            in: fields,
            minimum: 0,
            language: language
        )
        map.toleratedFailureCount = readDynamicInteger(
            "ToleratedFailureCount",
            in: fields,
            minimum: 0,
            language: language
        )
        map.toleratedFailurePercentage = readToleratedFailurePercentage(
            in: fields,
            language: language
        )
        switch language {
        case .jsonPath:
            map.itemsPath = readDataPath("ItemsPath", in: fields, isReference: true)
            map.itemSelector = readItemSelector(in: fields)
        case .jsonata:
            map.items = readItems(in: fields)
            map.itemSelectorJSONata = readJSONata("ItemSelector", in: fields)
        }
        return map
    }

    /// `ItemProcessor` or its older name `Iterator`, with its processing mode.
    private mutating func readItemProcessor(
        of name: String,
        in fields: FieldSet
    ) -> (StateMachine, MapState.Mode) {
        let empty = StateMachine(startAt: "", states: [:], stateNames: [])
        if fields["ItemProcessor"] != nil, fields["Iterator"] != nil {
            report(
                "a Map state cannot have both ItemProcessor and Iterator; "
                    + "Iterator is the older name of ItemProcessor",
                atKey: fields.path("Iterator")
            )
            return (empty, .inline)
        }
        let key = fields["Iterator"] != nil ? "Iterator" : "ItemProcessor"
        guard let value = fields[key] else {
            report("Map state '\(name)' needs an ItemProcessor", atKey: fields.path)
            return (empty, .inline)
        }
        let processor = decodeMachine(value, at: fields.path(key), scope: .itemProcessor)
        guard let object = value.objectValue else { return (processor, .inline) }
        let mode = readProcessorConfig(in: FieldSet(object: object, path: fields.path(key)))
        return (processor, mode)
    }

    /// `ProcessorConfig`: `Mode` and, for distributed maps, `ExecutionType`.
    ///
    /// TODO: ExecutionType is checked but not kept in `MapState`, so a runtime
    /// cannot yet tell STANDARD from EXPRESS child executions.
    private mutating func readProcessorConfig(in processor: FieldSet) -> MapState.Mode {
        guard let value = processor["ProcessorConfig"] else { return .inline }
        guard let object = value.objectValue else {
            report(
                "ProcessorConfig must be an object, found " + Self.describe(value),
                atValue: processor.path("ProcessorConfig")
            )
            return .inline
        }
        var config = FieldSet(object: object, path: processor.path("ProcessorConfig"))
        checkFieldNames(
            &config,
            allowed: ["Mode", "ExecutionType"],
            known: [],
            owner: "ProcessorConfig"
        )
        var mode = MapState.Mode.inline
        if let text = readString("Mode", in: config) {
            if let parsed = MapState.Mode(rawValue: text) {
                mode = parsed
            } else {
                report(
                    "Mode must be 'INLINE' or 'DISTRIBUTED', found '\(text)'",
                    atValue: config.path("Mode")
                )
            }
        }
        if let text = readString("ExecutionType", in: config),
            !["STANDARD", "EXPRESS"].contains(text)
        {
            report(
                "ExecutionType must be 'STANDARD' or 'EXPRESS', found '\(text)'",
                atValue: config.path("ExecutionType")
            )
        }
        if mode == .distributed, config["ExecutionType"] == nil {
            report("a DISTRIBUTED Map needs an ExecutionType", atKey: config.path)
        }
        return mode
    }

    /// `ItemSelector`, or the older `Parameters` of a Map state.
    private mutating func readItemSelector(in fields: FieldSet) -> PayloadTemplate? {
        if fields["ItemSelector"] != nil, fields["Parameters"] != nil {
            report(
                "a Map state cannot have both ItemSelector and Parameters; "
                    + "Parameters is the older name of ItemSelector",
                atKey: fields.path("Parameters")
            )
            return nil
        }
        return readTemplate("ItemSelector", in: fields) ?? readTemplate("Parameters", in: fields)
    }

    /// `Items` of a JSONata Map: an array or an expression that yields one.
    private mutating func readItems(in fields: FieldSet) -> JSONValue? {
        guard let value = fields["Items"] else { return nil }
        switch value {
        case .array:
            break
        case .string(let text) where text.hasPrefix("{%"):
            break
        default:
            report(
                "Items must be an array or a JSONata expression, found " + Self.describe(value),
                atValue: fields.path("Items")
            )
            return nil
        }
        checkJSONata(value, field: "Items", at: fields.path("Items"))
        return value
    }

    private mutating func readToleratedFailurePercentage(
        in fields: FieldSet,
        language: QueryLanguage
    ) -> DynamicNumber? {
        let key = "ToleratedFailurePercentage"
        if fields[key] != nil, fields[key + "Path"] != nil {
            report(
                "a state cannot have both \(key) and \(key)Path",
                atKey: fields.path(key + "Path")
            )
            return nil
        }
        if let path = readReferencePath(key + "Path", in: fields) {
            return .path(path)
        }
        if language == .jsonata, case .string(let text)? = fields[key], text.hasPrefix("{%") {
            checkJSONata(.string(text), field: key, at: fields.path(key))
            return .jsonata(text)
        }
        return readNumber(key, in: fields, range: 0...100, expected: "a number from 0 to 100")
            .map { .literal($0) }
    }

    /// A member kept as written (ItemReader, ItemBatcher, ResultWriter).
    ///
    /// TODO: the fields inside ItemReader, ItemBatcher and ResultWriter are not
    /// checked, so a typo there is found only when a distributed Map runs.
    private mutating func readRawObject(_ key: String, in fields: FieldSet) -> JSONValue? {
        guard let value = fields[key] else { return nil }
        guard value.objectValue != nil else {
            report(
                "\(key) must be an object, found " + Self.describe(value),
                atValue: fields.path(key)
            )
            return nil
        }
        return value
    }
}
