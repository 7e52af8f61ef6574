// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Testing

/// Single-Pass-state cases of the AWS-recorded conformance corpus
/// (`shared/conformance/asl`), generated from it: the Pass state's data-flow
/// fields, the execution input and the output AWS produced.
enum RecordedPassCases {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let state: String
        let input: String
        let output: String
        var testDescription: String { name }
    }

    static let all: [Case] = [
        Case(
            name: "array__array_0",
            state: #"{"Parameters":{"FunctionResult.$":"States.Array()"}}"#,
            input: #"{"FunctionInput":"HelloWorld"}"#,
            output: #"{"FunctionResult":[]}"#
        ),
        Case(
            name: "array__array_2__00",
            state: #"{"Parameters":{"FunctionResult.$":"States.Array($.FunctionInput.fst, $"#
                + #".FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":"","snd":""}}"#,
            output: #"{"FunctionResult":["",""]}"#
        ),
        Case(
            name: "array__array_2__01",
            state: #"{"Parameters":{"FunctionResult.$":"States.Array($.FunctionInput.fst, $"#
                + #".FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":" ","snd":" "}}"#,
            output: #"{"FunctionResult":[" "," "]}"#
        ),
        Case(
            name: "array__array_2__02",
            state: #"{"Parameters":{"FunctionResult.$":"States.Array($.FunctionInput.fst, $"#
                + #".FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":"HelloWorld","snd":"HelloWorld"}}"#,
            output: #"{"FunctionResult":["HelloWorld","HelloWorld"]}"#
        ),
        Case(
            name: "array__array_2__03",
            state: #"{"Parameters":{"FunctionResult.$":"States.Array($.FunctionInput.fst, $"#
                + #".FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":null,"snd":null}}"#,
            output: #"{"FunctionResult":[null,null]}"#
        ),
        Case(
            name: "array__array_2__04",
            state: #"{"Parameters":{"FunctionResult.$":"States.Array($.FunctionInput.fst, $"#
                + #".FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":1,"snd":1}}"#,
            output: #"{"FunctionResult":[1,1]}"#
        ),
        Case(
            name: "array__array_2__05",
            state: #"{"Parameters":{"FunctionResult.$":"States.Array($.FunctionInput.fst, $"#
                + #".FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":1.1,"snd":1.1}}"#,
            output: #"{"FunctionResult":[1.1,1.1]}"#
        ),
        Case(
            name: "array__array_2__06",
            state: #"{"Parameters":{"FunctionResult.$":"States.Array($.FunctionInput.fst, $"#
                + #".FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":"{\"Arg1\": 1, \"Arg2\": []}","snd":"{\"Arg1\""#
                + #": 1, \"Arg2\": []}"}}"#,
            output: #"{"FunctionResult":["{\"Arg1\": 1, \"Arg2\": []}","{\"Arg1\": 1, \"Arg2"#
                + #"\": []}"]}"#
        ),
        Case(
            name: "array__array_2__07",
            state: #"{"Parameters":{"FunctionResult.$":"States.Array($.FunctionInput.fst, $"#
                + #".FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":{"Arg1":1,"Arg2":[]},"snd":{"Arg1":1,"Arg2":[]}}}"#,
            output: #"{"FunctionResult":[{"Arg1":1,"Arg2":[]},{"Arg1":1,"Arg2":[]}]}"#
        ),
        Case(
            name: "array__array_contains__00",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayContains($.FunctionInpu"#
                + #"t.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[],"snd":null}}"#,
            output: #"{"FunctionResult":false}"#
        ),
        Case(
            name: "array__array_contains__01",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayContains($.FunctionInpu"#
                + #"t.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[],"snd":[]}}"#,
            output: #"{"FunctionResult":false}"#
        ),
        Case(
            name: "array__array_contains__02",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayContains($.FunctionInpu"#
                + #"t.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[],"snd":1}}"#,
            output: #"{"FunctionResult":false}"#
        ),
        Case(
            name: "array__array_contains__03",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayContains($.FunctionInpu"#
                + #"t.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[[1,2,3],2],"snd":null}}"#,
            output: #"{"FunctionResult":false}"#
        ),
        Case(
            name: "array__array_contains__04",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayContains($.FunctionInpu"#
                + #"t.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[[1,2,3],2],"snd":[1,2,3]}}"#,
            output: #"{"FunctionResult":true}"#
        ),
        Case(
            name: "array__array_contains__05",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayContains($.FunctionInpu"#
                + #"t.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[{"1":2,"2":[]}],"snd":[]}}"#,
            output: #"{"FunctionResult":false}"#
        ),
        Case(
            name: "array__array_contains__06",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayContains($.FunctionInpu"#
                + #"t.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[{"1":2,"2":[]}],"snd":{"1":2,"2":[]}}}"#,
            output: #"{"FunctionResult":true}"#
        ),
        Case(
            name: "array__array_contains__07",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayContains($.FunctionInpu"#
                + #"t.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[true,false],"snd":true}}"#,
            output: #"{"FunctionResult":true}"#
        ),
        Case(
            name: "array__array_contains__08",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayContains($.FunctionInpu"#
                + #"t.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[true,false],"snd":false}}"#,
            output: #"{"FunctionResult":true}"#
        ),
        Case(
            name: "array__array_get_item",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayGetItem($.FunctionInput"#
                + #".fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[1,2,3,4,5,6,7,8,9],"snd":5}}"#,
            output: #"{"FunctionResult":6}"#
        ),
        Case(
            name: "array__array_length",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayLength($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":[1,2,3,4,5,6,7,8,9]}"#,
            output: #"{"FunctionResult":9}"#
        ),
        Case(
            name: "array__array_partition__00",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[],"snd":1}}"#,
            output: #"{"FunctionResult":[]}"#
        ),
        Case(
            name: "array__array_partition__01",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[],"snd":2}}"#,
            output: #"{"FunctionResult":[]}"#
        ),
        Case(
            name: "array__array_partition__02",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[],"snd":3}}"#,
            output: #"{"FunctionResult":[]}"#
        ),
        Case(
            name: "array__array_partition__03",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[],"snd":4}}"#,
            output: #"{"FunctionResult":[]}"#
        ),
        Case(
            name: "array__array_partition__04",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[],"snd":5}}"#,
            output: #"{"FunctionResult":[]}"#
        ),
        Case(
            name: "array__array_partition__05",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0],"snd":1}}"#,
            output: #"{"FunctionResult":[[0]]}"#
        ),
        Case(
            name: "array__array_partition__06",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0],"snd":2}}"#,
            output: #"{"FunctionResult":[[0]]}"#
        ),
        Case(
            name: "array__array_partition__07",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0],"snd":3}}"#,
            output: #"{"FunctionResult":[[0]]}"#
        ),
        Case(
            name: "array__array_partition__08",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0],"snd":4}}"#,
            output: #"{"FunctionResult":[[0]]}"#
        ),
        Case(
            name: "array__array_partition__09",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0],"snd":5}}"#,
            output: #"{"FunctionResult":[[0]]}"#
        ),
        Case(
            name: "array__array_partition__10",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1],"snd":1}}"#,
            output: #"{"FunctionResult":[[0],[1]]}"#
        ),
        Case(
            name: "array__array_partition__11",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1],"snd":2}}"#,
            output: #"{"FunctionResult":[[0,1]]}"#
        ),
        Case(
            name: "array__array_partition__12",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1],"snd":3}}"#,
            output: #"{"FunctionResult":[[0,1]]}"#
        ),
        Case(
            name: "array__array_partition__13",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1],"snd":4}}"#,
            output: #"{"FunctionResult":[[0,1]]}"#
        ),
        Case(
            name: "array__array_partition__14",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1],"snd":5}}"#,
            output: #"{"FunctionResult":[[0,1]]}"#
        ),
        Case(
            name: "array__array_partition__15",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1,2],"snd":1}}"#,
            output: #"{"FunctionResult":[[0],[1],[2]]}"#
        ),
        Case(
            name: "array__array_partition__16",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1,2],"snd":2}}"#,
            output: #"{"FunctionResult":[[0,1],[2]]}"#
        ),
        Case(
            name: "array__array_partition__17",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1,2],"snd":3}}"#,
            output: #"{"FunctionResult":[[0,1,2]]}"#
        ),
        Case(
            name: "array__array_partition__18",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1,2],"snd":4}}"#,
            output: #"{"FunctionResult":[[0,1,2]]}"#
        ),
        Case(
            name: "array__array_partition__19",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1,2],"snd":5}}"#,
            output: #"{"FunctionResult":[[0,1,2]]}"#
        ),
        Case(
            name: "array__array_partition__20",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1,2,3],"snd":1}}"#,
            output: #"{"FunctionResult":[[0],[1],[2],[3]]}"#
        ),
        Case(
            name: "array__array_partition__21",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1,2,3],"snd":2}}"#,
            output: #"{"FunctionResult":[[0,1],[2,3]]}"#
        ),
        Case(
            name: "array__array_partition__22",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1,2,3],"snd":3}}"#,
            output: #"{"FunctionResult":[[0,1,2],[3]]}"#
        ),
        Case(
            name: "array__array_partition__23",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1,2,3],"snd":4}}"#,
            output: #"{"FunctionResult":[[0,1,2,3]]}"#
        ),
        Case(
            name: "array__array_partition__24",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayPartition($.FunctionInp"#
                + #"ut.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":[0,1,2,3],"snd":5}}"#,
            output: #"{"FunctionResult":[[0,1,2,3]]}"#
        ),
        Case(
            name: "array__array_range__00",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayRange($.FunctionInput.f"#
                + #"st, $.FunctionInput.snd, $.FunctionInput.trd)"}}"#,
            input: #"{"FunctionInput":{"fst":0,"snd":9,"trd":3}}"#,
            output: #"{"FunctionResult":[0,3,6,9]}"#
        ),
        Case(
            name: "array__array_range__01",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayRange($.FunctionInput.f"#
                + #"st, $.FunctionInput.snd, $.FunctionInput.trd)"}}"#,
            input: #"{"FunctionInput":{"fst":0,"snd":10,"trd":3}}"#,
            output: #"{"FunctionResult":[0,3,6,9]}"#
        ),
        Case(
            name: "array__array_range__02",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayRange($.FunctionInput.f"#
                + #"st, $.FunctionInput.snd, $.FunctionInput.trd)"}}"#,
            input: #"{"FunctionInput":{"fst":1,"snd":9,"trd":9}}"#,
            output: #"{"FunctionResult":[1]}"#
        ),
        Case(
            name: "array__array_range__03",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayRange($.FunctionInput.f"#
                + #"st, $.FunctionInput.snd, $.FunctionInput.trd)"}}"#,
            input: #"{"FunctionInput":{"fst":1,"snd":9,"trd":2}}"#,
            output: #"{"FunctionResult":[1,3,5,7,9]}"#
        ),
        Case(
            name: "array__array_unique",
            state: #"{"Parameters":{"FunctionResult.$":"States.ArrayLength($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":[null,null,true,true,false,false,1,1,1.1,0,0,"HelloWo"#
                + #"rld","HelloWorld",[],[],[null],[null],{"a":1,"b":2},{"a":1,"b":2},{"a""#
                + #":1,"b":1}]}"#,
            output: #"{"FunctionResult":20}"#
        ),
        Case(
            name: "base__json_path_array_access__items_0",
            state: #"{"Parameters":{"item.$":"$.items[0]"}}"#,
            input: #"{"items":[{"item_key":0},{"item_key":1},{"item_key":2},{"item_key":3},"#
                + #"{"item_key":4},{"item_key":5},{"item_key":6},{"item_key":7},{"item_key"#
                + #"":8},{"item_key":9},{"item_key":10}]}"#,
            output: #"{"item":{"item_key":0}}"#
        ),
        Case(
            name: "base__json_path_array_access__items_10",
            state: #"{"Parameters":{"item.$":"$.items[10]"}}"#,
            input: #"{"items":[{"item_key":0},{"item_key":1},{"item_key":2},{"item_key":3},"#
                + #"{"item_key":4},{"item_key":5},{"item_key":6},{"item_key":7},{"item_key"#
                + #"":8},{"item_key":9},{"item_key":10}]}"#,
            output: #"{"item":{"item_key":10}}"#
        ),
        Case(
            name: "base__json_path_array_wildcard_or_slice_with_no_input__item_items",
            state: #"{"Parameters":{"item.$":"$.item.items[*]"}}"#,
            input: #"{}"#,
            output: #"{"item":[]}"#
        ),
        Case(
            name: "base__json_path_array_wildcard_or_slice_with_no_input__item_items_1",
            state: #"{"Parameters":{"item.$":"$.item.items[1:]"}}"#,
            input: #"{}"#,
            output: #"{"item":[]}"#
        ),
        Case(
            name: "base__json_path_array_wildcard_or_slice_with_no_input__item_items_1_425c60",
            state: #"{"Parameters":{"item.$":"$.item.items[:1]"}}"#,
            input: #"{}"#,
            output: #"{"item":[]}"#
        ),
        Case(
            name: "base__json_path_array_wildcard_or_slice_with_no_input__item_items_1_5",
            state: #"{"Parameters":{"item.$":"$.item.items[1:5]"}}"#,
            input: #"{}"#,
            output: #"{"item":[]}"#
        ),
        Case(
            name: "base__json_path_array_wildcard_or_slice_with_no_input__item_items_1_5_itemvalue",
            state: #"{"Parameters":{"item.$":"$.item.items[1:5].itemValue"}}"#,
            input: #"{}"#,
            output: #"{"item":[]}"#
        ),
        Case(
            name: "base__json_path_array_wildcard_or_slice_with_no_input__items",
            state: #"{"Parameters":{"item.$":"$.items[*]"}}"#,
            input: #"{}"#,
            output: #"{"item":[]}"#
        ),
        Case(
            name: "base__json_path_array_wildcard_or_slice_with_no_input__items_1",
            state: #"{"Parameters":{"item.$":"$.items[1:]"}}"#,
            input: #"{}"#,
            output: #"{"item":[]}"#
        ),
        Case(
            name: "base__json_path_array_wildcard_or_slice_with_no_input__items_1_cf8cfe",
            state: #"{"Parameters":{"item.$":"$.items[:1]"}}"#,
            input: #"{}"#,
            output: #"{"item":[]}"#
        ),
        Case(
            name: "base__json_path_array_wildcard_or_slice_with_no_input__items_1_itemvalue",
            state: #"{"Parameters":{"item.$":"$.items[1:].itemValue"}}"#,
            input: #"{}"#,
            output: #"{"item":[]}"#
        ),
        Case(
            name: "base__json_path_array_wildcard_or_slice_with_no_input__items_1_itemvalue_f27c4d",
            state: #"{"Parameters":{"item.$":"$.items[:1].itemValue"}}"#,
            input: #"{}"#,
            output: #"{"item":[]}"#
        ),
        Case(
            name: "base__json_path_array_wildcard_or_slice_with_no_input__items_itemvalue",
            state: #"{"Parameters":{"item.$":"$.items[*].itemValue"}}"#,
            input: #"{}"#,
            output: #"{"item":[]}"#
        ),
        Case(
            name: "base__json_path_array_wildcard_or_slice_with_no_input__p",
            state: #"{"Parameters":{"item.$":"$[*]"}}"#,
            input: #"{}"#,
            output: #"{"item":[]}"#
        ),
        Case(
            name: "base__state_pass_regex_json_path_base",
            state: #"{"Parameters":{"FromInput.$":"$.users[?(@.status == 0)]"}}"#,
            input: #"{"users":[{"year":1997,"status":0},{"year":1998,"status":1}]}"#,
            output: #"{"FromInput":[{"year":1997,"status":0}]}"#
        ),
        Case(
            name: "base_scenarios__escape_sequence_parsing__escape_sequences_jsonpath",
            state: #"{"Parameters":{"value.$":"$['Test\\\"\"Name\"']"}}"#,
            input: #"{"Test\\\"\"Name\"":"Value\"\\"}"#,
            output: #"{"value":"Value\"\\"}"#
        ),
        Case(
            name: "comments__comment_in_parameters",
            state: #"{"Parameters":{"Comment":"Comment text","comment":"comment text","cons"#
                + #"tant":"constant text"}}"#,
            input: #"{}"#,
            output: #"{"Comment":"Comment text","comment":"comment text","constant":"constan"#
                + #"t text"}"#
        ),
        Case(
            name: "encode_decode__base_64_decode__00",
            state: #"{"Parameters":{"FunctionResult.$":"States.Base64Decode($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":""}"#,
            output: #"{"FunctionResult":""}"#
        ),
        Case(
            name: "encode_decode__base_64_decode__01",
            state: #"{"Parameters":{"FunctionResult.$":"States.Base64Decode($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":"RGF0YSB0byBlbmNvZGU="}"#,
            output: #"{"FunctionResult":"Data to encode"}"#
        ),
        Case(
            name: "encode_decode__base_64_encode__00",
            state: #"{"Parameters":{"FunctionResult.$":"States.Base64Encode($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":""}"#,
            output: #"{"FunctionResult":""}"#
        ),
        Case(
            name: "encode_decode__base_64_encode__01",
            state: #"{"Parameters":{"FunctionResult.$":"States.Base64Encode($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":"Data to encode"}"#,
            output: #"{"FunctionResult":"RGF0YSB0byBlbmNvZGU="}"#
        ),
        Case(
            name: "generic__escape_sequence",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringSplit('Hello\nWorld', "#
                + #"'\n')"}}"#,
            input: #"{"FunctionInput":null}"#,
            output: #"{"FunctionResult":["Hello","World"]}"#
        ),
        Case(
            name: "generic__format_1__00",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting argument "#
                + #"{}.', $.FunctionInput)"}}"#,
            input: #"{"FunctionInput":""}"#,
            output: #"{"FunctionResult":"Formatting argument ."}"#
        ),
        Case(
            name: "generic__format_1__01",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting argument "#
                + #"{}.', $.FunctionInput)"}}"#,
            input: #"{"FunctionInput":" "}"#,
            output: #"{"FunctionResult":"Formatting argument  ."}"#
        ),
        Case(
            name: "generic__format_1__02",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting argument "#
                + #"{}.', $.FunctionInput)"}}"#,
            input: #"{"FunctionInput":"HelloWorld"}"#,
            output: #"{"FunctionResult":"Formatting argument HelloWorld."}"#
        ),
        Case(
            name: "generic__format_1__03",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting argument "#
                + #"{}.', $.FunctionInput)"}}"#,
            input: #"{"FunctionInput":null}"#,
            output: #"{"FunctionResult":"Formatting argument null."}"#
        ),
        Case(
            name: "generic__format_1__04",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting argument "#
                + #"{}.', $.FunctionInput)"}}"#,
            input: #"{"FunctionInput":1}"#,
            output: #"{"FunctionResult":"Formatting argument 1."}"#
        ),
        Case(
            name: "generic__format_1__05",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting argument "#
                + #"{}.', $.FunctionInput)"}}"#,
            input: #"{"FunctionInput":1.1}"#,
            output: #"{"FunctionResult":"Formatting argument 1.1."}"#
        ),
        Case(
            name: "generic__format_1__06",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting argument "#
                + #"{}.', $.FunctionInput)"}}"#,
            input: #"{"FunctionInput":"{\"Arg1\": 1, \"Arg2\": []}"}"#,
            output: #"{"FunctionResult":"Formatting argument {\"Arg1\": 1, \"Arg2\": []}."}"#
        ),
        Case(
            name: "generic__format_2__00",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting arguments"#
                + #" fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":"","snd":""}}"#,
            output: #"{"FunctionResult":"Formatting arguments fst= and snd=."}"#
        ),
        Case(
            name: "generic__format_2__01",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting arguments"#
                + #" fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":" ","snd":" "}}"#,
            output: #"{"FunctionResult":"Formatting arguments fst=  and snd= ."}"#
        ),
        Case(
            name: "generic__format_2__02",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting arguments"#
                + #" fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":"HelloWorld","snd":"HelloWorld"}}"#,
            output: #"{"FunctionResult":"Formatting arguments fst=HelloWorld and snd=HelloWo"#
                + #"rld."}"#
        ),
        Case(
            name: "generic__format_2__03",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting arguments"#
                + #" fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":null,"snd":null}}"#,
            output: #"{"FunctionResult":"Formatting arguments fst=null and snd=null."}"#
        ),
        Case(
            name: "generic__format_2__04",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting arguments"#
                + #" fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":1,"snd":1}}"#,
            output: #"{"FunctionResult":"Formatting arguments fst=1 and snd=1."}"#
        ),
        Case(
            name: "generic__format_2__05",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting arguments"#
                + #" fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":1.1,"snd":1.1}}"#,
            output: #"{"FunctionResult":"Formatting arguments fst=1.1 and snd=1.1."}"#
        ),
        Case(
            name: "generic__format_2__06",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting arguments"#
                + #" fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":"{\"Arg1\": 1, \"Arg2\": []}","snd":"{\"Arg1\""#
                + #": 1, \"Arg2\": []}"}}"#,
            output: #"{"FunctionResult":"Formatting arguments fst={\"Arg1\": 1, \"Arg2\": []"#
                + #"} and snd={\"Arg1\": 1, \"Arg2\": []}."}"#
        ),
        Case(
            name: "generic__format_2__07",
            state: #"{"Parameters":{"FunctionResult.$":"States.Format('Formatting arguments"#
                + #" fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":{"Arg1":1,"Arg2":[]},"snd":{"Arg1":1,"Arg2":[]}}}"#,
            output: #"{"FunctionResult":"Formatting arguments fst={Arg1=1, Arg2=[]} and snd="#
                + #"{Arg1=1, Arg2=[]}."}"#
        ),
        Case(
            name: "hash_calculations__hash__00",
            state: #"{"Parameters":{"FunctionResult.$":"States.Hash($.FunctionInput.fst, $."#
                + #"FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":"input data","snd":"MD5"}}"#,
            output: #"{"FunctionResult":"812f45842bc6d66ee14572ce20db8e86"}"#
        ),
        Case(
            name: "hash_calculations__hash__01",
            state: #"{"Parameters":{"FunctionResult.$":"States.Hash($.FunctionInput.fst, $."#
                + #"FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":"input data","snd":"SHA-1"}}"#,
            output: #"{"FunctionResult":"aaff4a450a104cd177d28d18d74485e8cae074b7"}"#
        ),
        Case(
            name: "hash_calculations__hash__02",
            state: #"{"Parameters":{"FunctionResult.$":"States.Hash($.FunctionInput.fst, $."#
                + #"FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":"input data","snd":"SHA-256"}}"#,
            output: #"{"FunctionResult":"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de3247"#
                + #"5ffff6169c3e3"}"#
        ),
        Case(
            name: "hash_calculations__hash__03",
            state: #"{"Parameters":{"FunctionResult.$":"States.Hash($.FunctionInput.fst, $."#
                + #"FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":"input data","snd":"SHA-384"}}"#,
            output: #"{"FunctionResult":"d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123"#
                + #"aa008c756511b87525bdc835ebb27e1fb9e9374a15562"}"#
        ),
        Case(
            name: "hash_calculations__hash__04",
            state: #"{"Parameters":{"FunctionResult.$":"States.Hash($.FunctionInput.fst, $."#
                + #"FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":"input data","snd":"SHA-512"}}"#,
            output: #"{"FunctionResult":"6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b2"#
                + #"9ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871"#
                + #"303aac4"}"#
        ),
        Case(
            name: "json_manipulation__json_merge",
            state: #"{"Parameters":{"FunctionResult.$":"States.JsonMerge($.FunctionInput.fs"#
                + #"t, $.FunctionInput.snd, false)"}}"#,
            input: #"{"FunctionInput":{"fst":{"a":{"a1":1,"a2":2},"b":2,"d":3},"snd":{"a":{"#
                + #""a3":1,"a4":2},"c":3,"d":4}}}"#,
            output: #"{"FunctionResult":{"a":{"a3":1,"a4":2},"b":2,"c":3,"d":4}}"#
        ),
        Case(
            name: "json_manipulation__json_to_string__00",
            state: #"{"Parameters":{"FunctionResult.$":"States.JsonToString($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":null}"#,
            output: #"{"FunctionResult":"null"}"#
        ),
        Case(
            name: "json_manipulation__json_to_string__01",
            state: #"{"Parameters":{"FunctionResult.$":"States.JsonToString($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":0}"#,
            output: #"{"FunctionResult":"0"}"#
        ),
        Case(
            name: "json_manipulation__json_to_string__02",
            state: #"{"Parameters":{"FunctionResult.$":"States.JsonToString($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":1}"#,
            output: #"{"FunctionResult":"1"}"#
        ),
        Case(
            name: "json_manipulation__json_to_string__03",
            state: #"{"Parameters":{"FunctionResult.$":"States.JsonToString($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":1.1}"#,
            output: #"{"FunctionResult":"1.1"}"#
        ),
        Case(
            name: "json_manipulation__json_to_string__04",
            state: #"{"Parameters":{"FunctionResult.$":"States.JsonToString($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":true}"#,
            output: #"{"FunctionResult":"true"}"#
        ),
        Case(
            name: "json_manipulation__json_to_string__05",
            state: #"{"Parameters":{"FunctionResult.$":"States.JsonToString($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":"HelloWorld"}"#,
            output: #"{"FunctionResult":"\"HelloWorld\""}"#
        ),
        Case(
            name: "json_manipulation__json_to_string__06",
            state: #"{"Parameters":{"FunctionResult.$":"States.JsonToString($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":[1,2,"HelloWorld"]}"#,
            output: #"{"FunctionResult":"[1,2,\"HelloWorld\"]"}"#
        ),
        Case(
            name: "json_manipulation__json_to_string__07",
            state: #"{"Parameters":{"FunctionResult.$":"States.JsonToString($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":{"Arg1":1,"Arg2":[]}}"#,
            output: #"{"FunctionResult":"{\"Arg1\":1,\"Arg2\":[]}"}"#
        ),
        Case(
            name: "json_manipulation__string_to_json__00",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringToJson($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":""}"#,
            output: #"{"FunctionResult":null}"#
        ),
        Case(
            name: "json_manipulation__string_to_json__01",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringToJson($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":" "}"#,
            output: #"{"FunctionResult":null}"#
        ),
        Case(
            name: "json_manipulation__string_to_json__02",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringToJson($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":"null"}"#,
            output: #"{"FunctionResult":null}"#
        ),
        Case(
            name: "json_manipulation__string_to_json__03",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringToJson($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":"-0"}"#,
            output: #"{"FunctionResult":0}"#
        ),
        Case(
            name: "json_manipulation__string_to_json__04",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringToJson($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":"1"}"#,
            output: #"{"FunctionResult":1}"#
        ),
        Case(
            name: "json_manipulation__string_to_json__05",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringToJson($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":"1.1"}"#,
            output: #"{"FunctionResult":1.1}"#
        ),
        Case(
            name: "json_manipulation__string_to_json__06",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringToJson($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":"true"}"#,
            output: #"{"FunctionResult":true}"#
        ),
        Case(
            name: "json_manipulation__string_to_json__07",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringToJson($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":"\"HelloWorld\""}"#,
            output: #"{"FunctionResult":"HelloWorld"}"#
        ),
        Case(
            name: "json_manipulation__string_to_json__08",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringToJson($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":"[1, 2, \"HelloWorld\"]"}"#,
            output: #"{"FunctionResult":[1,2,"HelloWorld"]}"#
        ),
        Case(
            name: "json_manipulation__string_to_json__09",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringToJson($.FunctionInput)"}}"#,
            input: #"{"FunctionInput":"{\"Arg1\": 1, \"Arg2\": []}"}"#,
            output: #"{"FunctionResult":{"Arg1":1,"Arg2":[]}}"#
        ),
        Case(
            name: "math_operations__math_add__00",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":-9,"snd":3}}"#,
            output: #"{"FunctionResult":-6}"#
        ),
        Case(
            name: "math_operations__math_add__01",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":1.49,"snd":1.5}}"#,
            output: #"{"FunctionResult":3}"#
        ),
        Case(
            name: "math_operations__math_add__02",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":1.5,"snd":1.51}}"#,
            output: #"{"FunctionResult":4}"#
        ),
        Case(
            name: "math_operations__math_add__03",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":-1.49,"snd":-1.5}}"#,
            output: #"{"FunctionResult":-2}"#
        ),
        Case(
            name: "math_operations__math_add__04",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":-1.5,"snd":-1.51}}"#,
            output: #"{"FunctionResult":-3}"#
        ),
        Case(
            name: "math_operations__math_add__05",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":1.49,"snd":0}}"#,
            output: #"{"FunctionResult":1}"#
        ),
        Case(
            name: "math_operations__math_add__06",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":1.49,"snd":-1.49}}"#,
            output: #"{"FunctionResult":0}"#
        ),
        Case(
            name: "math_operations__math_add__07",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":1.5,"snd":0}}"#,
            output: #"{"FunctionResult":2}"#
        ),
        Case(
            name: "math_operations__math_add__08",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":1.51,"snd":0}}"#,
            output: #"{"FunctionResult":2}"#
        ),
        Case(
            name: "math_operations__math_add__09",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":-1.49,"snd":0}}"#,
            output: #"{"FunctionResult":-1}"#
        ),
        Case(
            name: "math_operations__math_add__10",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":-1.5,"snd":0}}"#,
            output: #"{"FunctionResult":-1}"#
        ),
        Case(
            name: "math_operations__math_add__11",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":-1.51,"snd":0}}"#,
            output: #"{"FunctionResult":-2}"#
        ),
        Case(
            name: "math_operations__math_add__12",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":0.5,"snd":0}}"#,
            output: #"{"FunctionResult":1}"#
        ),
        Case(
            name: "math_operations__math_add__13",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":2.5,"snd":0}}"#,
            output: #"{"FunctionResult":3}"#
        ),
        Case(
            name: "math_operations__math_add__14",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":3.5,"snd":0}}"#,
            output: #"{"FunctionResult":4}"#
        ),
        Case(
            name: "math_operations__math_add__15",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":-0.5,"snd":0.5}}"#,
            output: #"{"FunctionResult":1}"#
        ),
        Case(
            name: "math_operations__math_add__16",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":-0.5,"snd":0}}"#,
            output: #"{"FunctionResult":0}"#
        ),
        Case(
            name: "math_operations__math_add__17",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":-2.5,"snd":0}}"#,
            output: #"{"FunctionResult":-2}"#
        ),
        Case(
            name: "math_operations__math_add__18",
            state: #"{"Parameters":{"FunctionResult.$":"States.MathAdd($.FunctionInput.fst,"#
                + #" $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":-3.5,"snd":0}}"#,
            output: #"{"FunctionResult":-3}"#
        ),
        Case(
            name: "string_operations__string_split__00",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringSplit($.FunctionInput."#
                + #"fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":" ","snd":","}}"#,
            output: #"{"FunctionResult":[" "]}"#
        ),
        Case(
            name: "string_operations__string_split__01",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringSplit($.FunctionInput."#
                + #"fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":" , ","snd":","}}"#,
            output: #"{"FunctionResult":[" "," "]}"#
        ),
        Case(
            name: "string_operations__string_split__02",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringSplit($.FunctionInput."#
                + #"fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":", , ,","snd":","}}"#,
            output: #"{"FunctionResult":[" "," "]}"#
        ),
        Case(
            name: "string_operations__string_split__03",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringSplit($.FunctionInput."#
                + #"fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":",,,,","snd":","}}"#,
            output: #"{"FunctionResult":[]}"#
        ),
        Case(
            name: "string_operations__string_split__04",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringSplit($.FunctionInput."#
                + #"fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":"1,2,3,4,5","snd":","}}"#,
            output: #"{"FunctionResult":["1","2","3","4","5"]}"#
        ),
        Case(
            name: "string_operations__string_split__05",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringSplit($.FunctionInput."#
                + #"fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":"This.is+a,test=string","snd":".+,="}}"#,
            output: #"{"FunctionResult":["This","is","a","test","string"]}"#
        ),
        Case(
            name: "string_operations__string_split__06",
            state: #"{"Parameters":{"FunctionResult.$":"States.StringSplit($.FunctionInput."#
                + #"fst, $.FunctionInput.snd)"}}"#,
            input: #"{"FunctionInput":{"fst":"split on T and \nnew line","snd":"T\n"}}"#,
            output: #"{"FunctionResult":["split on "," and ","new line"]}"#
        ),
    ]
}
