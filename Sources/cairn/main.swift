// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCLI
import Foundation

exit(await CairnCommand().main(arguments: Array(CommandLine.arguments.dropFirst())))
